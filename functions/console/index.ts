import { buildCloudDeps } from '@jixiao/api/cloud';
import { createObservability, observeHttp } from '@jixiao/api/observability';
import { loadTracer } from '@jixiao/api/tracing';
import { createProduct } from '@jixiao/web/product';
import { handle } from 'hono/aws-lambda';

// The console, calling the whole API in-process with the user's token.
const observed = createObservability('console', await loadTracer());
const app = createProduct(await buildCloudDeps(process.env, observed));

export const handler = observeHttp(observed, handle(app));
