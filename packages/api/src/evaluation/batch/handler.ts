import { type Job, type StepEvent, stepEventSchema } from '@jixiao/core';
import { loadCycle } from '../../cycles/context';
import { lockCycleEvidence } from '../../evidence/lock';
import { renderRunSummaries, renderRunUnitReports } from '../../reports/render-run';
import type { StepDeps } from './context';
import { fail } from './fail';
import { freeze } from './freeze';
import { gatherCycle } from './gather';
import { ObjectCache } from './objects';
import { peers } from './peers';
import { rank } from './rank';
import { ready } from './ready';
import { report } from './report';
import { score } from './score';
import { StepError, toStepError } from './step-errors';
import { type BatchDeps, systemCaller } from './system-caller';
import { write } from './write';

/**
 * The year-end batch's one Lambda function: every Task of the state machine invokes it with its
 * step's name and the job (ids and S3 pointers). Each step is idempotent under the run id, so a
 * retry, a resumption or a second delivery does no harm; throttling surfaces as `Throttled` (the
 * state machine retries it with backoff) and anything else goes to the Catch.
 */
export function createStepHandler(deps: BatchDeps): (event: unknown) => Promise<Job> {
  return handleSteps({
    runs: deps.data.evaluation.runs,
    blobs: deps.data.blobs,
    now: deps.now,
    log: deps.log,
    cache: new ObjectCache(),
    cycle: {
      gather: (job, run) => gatherCycle(systemCaller(deps, job.tenant), run),
      lockEvidence: async (job) => {
        const caller = systemCaller(deps, job.tenant);
        await lockCycleEvidence(caller, await loadCycle(caller, job.cycle));
      },
    },
    // The reports' use cases (the renderers themselves load on the first file they render). A
    // static import: a dynamic one here would keep the renderers, and with them all of core
    // un-shaken, in every function that imports the API's root, the JSON API's included.
    reports: {
      renderUnits: (job, units) =>
        renderRunUnitReports(systemCaller(deps, job.tenant), job.cycle, job.run, [...units]),
      renderSummaries: (job) => renderRunSummaries(systemCaller(deps, job.tenant), job.cycle, job.run),
    },
  });
}

/** The handler over the steps' dependencies (tests give stand-in storage under the same rules). */
export function handleSteps(deps: StepDeps): (event: unknown) => Promise<Job> {
  return async (raw) => {
    const parsed = stepEventSchema.safeParse(raw);
    if (!parsed.success)
      throw new StepError(
        'InvalidStepEvent',
        `批处理任务的输入不符合约定：${parsed.error.issues[0]?.message ?? ''}`,
        `The batch task's event is not valid: ${parsed.error.issues[0]?.message ?? ''}`,
      );
    const event = parsed.data;
    const started = Date.now();
    try {
      const job = await dispatch(deps, event);
      deps.log({
        level: 'info',
        msg: 'evaluation step',
        step: event.step,
        tenant: event.job.tenant,
        cycle: event.job.cycle,
        run: event.job.run,
        attempt: event.job.attempt,
        ...('units' in event ? { units: event.units.length } : {}),
        ms: Date.now() - started,
      });
      return job;
    } catch (e) {
      const err = toStepError(e);
      deps.log({
        level: err.name === 'Throttled' ? 'warn' : 'error',
        msg: 'evaluation step failed',
        step: event.step,
        run: event.job.run,
        error: err.name,
        message: err.message,
      });
      throw err;
    }
  };
}

function dispatch(deps: StepDeps, event: StepEvent): Promise<Job> {
  switch (event.step) {
    case 'freeze':
      return freeze(deps, event.job);
    case 'peers':
      return peers(deps, event.job);
    case 'score':
      return score(deps, event.job, event.units);
    case 'report':
      return report(deps, event.job, event.units);
    case 'rank':
      return rank(deps, event.job);
    case 'write':
      return write(deps, event.job);
    case 'ready':
      return ready(deps, event.job);
    case 'fail':
      return fail(deps, event.job, event.error);
  }
}
