import { createApp } from '@jixiao/api';
import { buildCloudDeps } from '@jixiao/api/cloud';
import { ORG_RESOURCES } from '@jixiao/api/org';
import { handle } from 'hono/aws-lambda';

// The JSON API: who and where (tenants, divisions, units, users) and /health.
// Built once per container (cold start): config, secret and JWKS client are reused.
const app = createApp(await buildCloudDeps(process.env), ORG_RESOURCES);

export const handler = handle(app);
