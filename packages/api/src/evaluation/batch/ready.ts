import type { Job } from '@jixiao/core';
import { begin, finish, type StepDeps } from './context';

/**
 * Ready: the run's results are complete and wait for the office's review; the cycle's lock is let
 * go (also when the step was done before: a retry after the status was saved still frees the lock).
 */
export async function ready(deps: StepDeps, job: Job): Promise<Job> {
  const { run, skip } = await begin(deps, job, 'ready');
  if (!skip)
    await finish(deps, job, run, ['ready'], {
      status: 'ready',
      step: 'ready',
      finishedAt: deps.now().toISOString(),
    });
  await deps.runs.unlock(job.tenant, job.cycle, run.id);
  return job;
}
