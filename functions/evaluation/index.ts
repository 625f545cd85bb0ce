import { buildCloudDeps } from '@jixiao/api/cloud';
import { createStepHandler } from '@jixiao/api/evaluation-batch';
import { createObservability, observeSteps } from '@jixiao/api/observability';
import { loadTracer } from '@jixiao/api/tracing';
import type { Job } from '@jixiao/core';

// The year-end batch: every Task of the state machine invokes this one function with its step
// (`event.step`) and the job. It reads and writes the same table and bucket as the API, with the
// same deps; it serves no HTTP.
const observed = createObservability('evaluation', await loadTracer());
const deps = await buildCloudDeps(process.env, observed);

// Each job is one tenant's: its steps reach data through that tenant's session (the tenant data role,
// infra/data/data-roles.ts), so a step cannot touch another tenant's items or objects. The last
// tenant's handler is kept (its object cache with it): consecutive steps are usually one run's.
const scoped = (tenant: string) =>
  deps.dataFor ? { ...deps, data: deps.dataFor({ kind: 'tenant', tenant }) } : deps;
let last: { tenant: string; steps: (event: unknown) => Promise<Job> } | undefined;
const steps = (event: unknown): Promise<Job> => {
  const tenant = (event as { job?: { tenant?: unknown } } | null)?.job?.tenant;
  // Without a valid tenant the handler refuses the event before touching data.
  if (typeof tenant !== 'string' || !/^\d{6}$/.test(tenant)) return createStepHandler(deps)(event);
  if (last?.tenant !== tenant) last = { tenant, steps: createStepHandler(scoped(tenant)) };
  return last.steps(event);
};

export const handler = observeSteps(observed, steps, {
  get: (tenant, cycle, run) => scoped(tenant).data.evaluation.runs.get(tenant, cycle, run),
});
