import { createApp } from '@jixiao/api';
import { buildCloudDeps } from '@jixiao/api/cloud';
import { createObservability, observeHttp } from '@jixiao/api/observability';
import { ORG_RESOURCES } from '@jixiao/api/org';
import { handle } from 'hono/aws-lambda';

// The JSON API: who and where (tenants, divisions, units, users) and /health.
// Built once per container (cold start): config, secret and JWKS client are reused.
// No Powertools Tracer here (its X-Ray SDK would break this function's bundle budget); where X-Ray
// exists, Lambda's active tracing still records every invocation.
const observed = createObservability('api');
const app = createApp(await buildCloudDeps(process.env, observed), ORG_RESOURCES);

export const handler = observeHttp(observed, handle(app));
