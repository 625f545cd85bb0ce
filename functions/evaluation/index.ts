import { buildCloudDeps } from '@jixiao/api/cloud';
import { createStepHandler } from '@jixiao/api/evaluation-batch';

// The year-end batch: every Task of the state machine invokes this one function with its step
// (`event.step`) and the job. It reads and writes the same table and bucket as the API, with the
// same deps; it serves no HTTP.
export const handler = createStepHandler(await buildCloudDeps(process.env));
