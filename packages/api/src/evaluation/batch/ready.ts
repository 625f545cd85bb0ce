import type { Job } from '@jixiao/core';
import { begin, finish, type StepDeps } from './context';
import { checkReported } from './report';

/**
 * Ready: every unit's reports are rendered (the report Map finished), so the run's office report
 * and its report to the People's Congress, which read every unit's results, are rendered too; then
 * the run waits for the office's review and the cycle's lock is let go (also when the step was done
 * before: a retry after the status was saved still frees the lock). The Map's step, `report`, is
 * recorded done here, as Rank records `score`.
 */
export async function ready(deps: StepDeps, job: Job): Promise<Job> {
  const { run, skip } = await begin(deps, job, 'ready');
  if (!skip) {
    checkReported(run);
    await deps.reports.renderSummaries(job);
    await finish(deps, job, run, ['report', 'ready'], {
      status: 'ready',
      step: 'ready',
      finishedAt: deps.now().toISOString(),
    });
  }
  await deps.runs.unlock(job.tenant, job.cycle, run.id);
  return job;
}
