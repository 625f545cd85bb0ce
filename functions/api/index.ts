import { buildCloudApp } from '@jixiao/api/cloud';
import { handle } from 'hono/aws-lambda';

// Built once per container (cold start): config, secret and JWKS client are reused across calls.
const app = await buildCloudApp(process.env);

export const handler = handle(app);
