import { createApp } from '@jixiao/api';
import { buildCloudDeps } from '@jixiao/api/cloud';
import { ALL_ROUTES } from '@jixiao/api/contracts';
import { CYCLE_RESOURCES, INDICATOR_RESOURCES } from '@jixiao/api/indicators';
import { createObservability, observeHttp } from '@jixiao/api/observability';
import { loadTracer } from '@jixiao/api/tracing';
import { handle } from 'hono/aws-lambda';

// Indicator systems, templates, finance calculators and the evaluation cycle: JSON too, but they carry
// the scoring engine, the templates and most of the API's schemas, so they live apart from the light
// JSON API, and this function also serves the API's description (/openapi.json, /docs).
const observed = createObservability('indicators', await loadTracer());
const app = createApp(
  await buildCloudDeps(process.env, observed),
  [...INDICATOR_RESOURCES, ...CYCLE_RESOURCES],
  { describe: ALL_ROUTES },
);

export const handler = observeHttp(observed, handle(app));
