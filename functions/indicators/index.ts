import { createApp } from '@jixiao/api';
import { buildCloudDeps } from '@jixiao/api/cloud';
import { ALL_ROUTES } from '@jixiao/api/contracts';
import { CYCLE_RESOURCES, INDICATOR_RESOURCES } from '@jixiao/api/indicators';
import { handle } from 'hono/aws-lambda';

// Indicator systems, templates, finance calculators and the evaluation cycle: JSON too, but they carry
// the scoring engine, the templates and most of the API's schemas, so they live apart from the light
// JSON API, and this function also serves the API's description (/openapi.json, /docs).
const app = createApp(await buildCloudDeps(process.env), [...INDICATOR_RESOURCES, ...CYCLE_RESOURCES], {
  describe: ALL_ROUTES,
});

export const handler = handle(app);
