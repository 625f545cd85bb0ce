import { createApp } from '@jixiao/api';
import { buildCloudDeps } from '@jixiao/api/cloud';
import { FILE_RESOURCES } from '@jixiao/api/files';
import { createObservability, observeHttp } from '@jixiao/api/observability';
import { loadTracer } from '@jixiao/api/tracing';
import { handle } from 'hono/aws-lambda';

// File work (Excel import/export; reports later): the heavy libraries live only in this function.
const observed = createObservability('files', await loadTracer());
const app = createApp(await buildCloudDeps(process.env, observed), FILE_RESOURCES);

export const handler = observeHttp(observed, handle(app));
