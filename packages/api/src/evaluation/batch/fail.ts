import { type Job, RUN_STEP_LABELS } from '@jixiao/core';
import type { StepDeps } from './context';
import { causeWords } from './step-errors';

/** What the state machine's Catch passes on: the error's name and its cause. */
export interface CaughtError {
  Error: string;
  Cause?: string;
}

/**
 * RecordFailure: the run stops where it failed, with why in both languages, and the cycle's lock is
 * let go, so the office can resume it (same snapshot, steps done skipped). Never throws for a run
 * that is gone, and leaves alone a run that is not this attempt's to fail (finished, or taken over).
 */
export async function fail(deps: StepDeps, job: Job, error: CaughtError): Promise<Job> {
  const run = await deps.runs.get(job.tenant, job.cycle, job.run);
  const ignored = !run
    ? 'gone'
    : run.status !== 'running'
      ? run.status
      : run.attempts !== job.attempt
        ? 'taken over'
        : '';
  if (!run || ignored) {
    deps.log({
      level: 'warn',
      msg: 'evaluation: failure not recorded',
      run: job.run,
      why: ignored,
      error: error.Error,
    });
    return job;
  }
  // The step the run last recorded: a task that fails before its handler records itself (rare: an
  // init error) is reported against the step before it; the Catch does not say which state failed.
  const failed = run.step;
  const step = RUN_STEP_LABELS[failed];
  const cause = causeWords(error.Cause);
  const failure = {
    step: failed,
    error: error.Error,
    message: {
      zh: `「${step.zh}」步骤失败（${error.Error}）${cause.zh ? `：${cause.zh}` : '。'}`,
      en: `The step “${step.en}” failed (${error.Error})${cause.en ? `: ${cause.en}` : '.'}`,
    },
    at: deps.now().toISOString(),
  };
  await deps.runs.patch(job.tenant, job.cycle, run.id, {
    status: 'failed',
    failures: [...run.failures, failure],
  });
  await deps.runs.unlock(job.tenant, job.cycle, run.id);
  deps.log({
    level: 'warn',
    msg: 'evaluation: run failed',
    tenant: job.tenant,
    cycle: job.cycle,
    run: job.run,
    step: failed,
    error: error.Error,
  });
  return job;
}
