import { createApp } from '@jixiao/api';
import { buildCloudDeps } from '@jixiao/api/cloud';
import { CYCLE_RESOURCES, INDICATOR_RESOURCES } from '@jixiao/api/indicators';
import { handle } from 'hono/aws-lambda';

// Indicator systems, templates and finance calculators: JSON too, but they carry the scoring
// engine and the templates, so they live apart from the light JSON API.
const app = createApp(await buildCloudDeps(process.env), [...INDICATOR_RESOURCES, ...CYCLE_RESOURCES]);

export const handler = handle(app);
