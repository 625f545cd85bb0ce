// `npm run bench`: every benchmark, each printing ratios against a baseline from the same run.
import { apiBench } from './api.bench';
import { evaluationBench } from './evaluation.bench';
import { provinceBench } from './province.bench';
import { reportsBench } from './reports.bench';
import { scoringBench } from './scoring.bench';
import { xlsxBench } from './xlsx.bench';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

await apiBench();
await scoringBench();
await provinceBench();
await xlsxBench();
await reportsBench();
await evaluationBench();
