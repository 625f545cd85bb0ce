import type { EvaluationRun, Job } from '@jixiao/core';
import { begin, leaseUntil, type StepDeps } from './context';
import { runIncomplete } from './step-errors';

/**
 * Report (the second Distributed Map's item processor): one batch of units, each unit's reports
 * rendered in every format from its results in this run. A batch counted before (a retry, a
 * resumed run) is skipped; one that was rendered but not counted (the task died in between) is
 * rendered again at no cost, since rendering is content-addressed (a file whose data has not
 * changed exists and is not rendered twice). `countBatch` counts each batch once, so `reported`
 * never passes the total.
 */
export async function report(deps: StepDeps, job: Job, units: readonly string[]): Promise<Job> {
  const { run, skip } = await begin(deps, job, 'report', { mark: false });
  if (skip) return job;
  const first = units[0]!;
  if (run.reportBatches?.includes(first)) return job;
  // Counted as the renderer reports them stored: a unit it could not find in the run falls short of
  // the total, and Ready says so rather than calling the run's reports complete.
  const { rendered } = await deps.reports.renderUnits(job, units);
  await deps.runs.countBatch(job.tenant, job.cycle, run.id, first, rendered, leaseUntil(deps), 'report');
  return job;
}

/**
 * Reaching Ready means the report Map finished; a run whose count falls short lost a batch on
 * the way (never retried: the office starts a new run), as Rank checks that every unit was scored.
 */
export function checkReported(run: EvaluationRun): void {
  const missing = run.total - (run.reported ?? 0);
  if (missing > 0)
    throw runIncomplete(
      `第 ${run.number} 次计算尚有 ${missing} 个单位的报告未生成，不能提交审核。`,
      `Run ${run.number} has ${missing} unit(s) whose reports are not rendered; it cannot be ready.`,
    );
}
