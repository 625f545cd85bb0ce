import type { EvaluationRun, Job, RawCycleData, RunStep } from '@jixiao/core';
import { RUN_LEASE_MS } from '@jixiao/core';
import type { RunsRepo } from '@jixiao/data';
import type { Logger } from '../../deps';
import type { ObjectCache, ObjectStore } from './objects';
import { runStale } from './step-errors';

/**
 * What every step works with, and the bookkeeping every step shares: load the run, skip a step
 * already done, refuse a run that is not running under this attempt, renew the lease (the run's
 * and the cycle's lock) and, at the end, add the step to `done`.
 */

/** The run records and lock (the data layer's RunsRepo; tests give a stand-in). */
export type RunStore = Pick<RunsRepo, 'get' | 'all' | 'patch' | 'countBatch' | 'lock' | 'unlock' | 'putRows'>;

/** What the freeze step reads from the cycle, and the evidence lock of an official run. */
export interface CycleReader {
  gather(job: Job, run: EvaluationRun): Promise<RawCycleData>;
  lockEvidence(job: Job): Promise<void>;
}

/**
 * The run's reports as the report step and Ready render them (the reports' use cases in the
 * cloud; tests give a stand-in). Both are content-addressed: a file whose data has not changed is
 * not rendered again, so calling them twice renders nothing new.
 */
export interface ReportRenderer {
  /** Every format of the unit reports of `units` from their results in the job's run. */
  renderUnits(job: Job, units: readonly string[]): Promise<{ rendered: number }>;
  /** The run's office report and its report to the People's Congress, in every format. */
  renderSummaries(job: Job): Promise<unknown>;
}

export interface StepDeps {
  runs: RunStore;
  blobs: ObjectStore;
  cycle: CycleReader;
  reports: ReportRenderer;
  now: () => Date;
  log: Logger;
  /** Parsed immutable objects of this process (snapshot, peers, items, prepared systems). */
  cache: ObjectCache;
}

export const leaseUntil = (deps: Pick<StepDeps, 'now'>) =>
  new Date(deps.now().getTime() + RUN_LEASE_MS).toISOString();

export interface Begun {
  run: EvaluationRun;
  /** The step was done before: answer the job unchanged. */
  skip: boolean;
}

/**
 * Starts `step` for the job: a step already done is skipped (the job is answered unchanged); a run
 * that is gone, not running, or taken over by a later attempt or another run is refused
 * (`RunStale`, not retried). Else the lock and the run's lease are renewed and the step recorded.
 * `mark: false` renews the lock only (the score batches: the first records the step).
 */
export async function begin(
  deps: StepDeps,
  job: Job,
  step: RunStep,
  opts: { mark?: boolean } = {},
): Promise<Begun> {
  const run = await deps.runs.get(job.tenant, job.cycle, job.run);
  if (!run) throw runStale(`计算批次 ${job.run} 不存在。`, `Run ${job.run} does not exist.`);
  if (run.done.includes(step)) return { run, skip: true };
  if (run.status !== 'running')
    throw runStale(
      `第 ${run.number} 次计算当前不在计算中（${run.status}），本步骤不再执行。`,
      `Run ${run.number} is not running (${run.status}); the step is not done.`,
    );
  if (run.attempts !== job.attempt)
    throw runStale(
      `第 ${run.number} 次计算已由第 ${run.attempts} 次启动接续，本次（第 ${job.attempt} 次）不再执行。`,
      `Run ${run.number} was taken over by attempt ${run.attempts}; attempt ${job.attempt} stops.`,
    );
  const until = leaseUntil(deps);
  const holder = await deps.runs.lock(job.tenant, job.cycle, run.id, until);
  if (holder)
    throw runStale(
      `本考核周期的计算锁已被另一次计算（${holder}）取得，本次计算不再继续。`,
      `Another run (${holder}) holds the cycle's lock; this run stops.`,
    );
  if (opts.mark === false && run.step === step) return { run, skip: false };
  const marked = await deps.runs.patch(job.tenant, job.cycle, run.id, { step, leaseUntil: until });
  return { run: marked, skip: false };
}

/** Records the steps as done (with any other changes of the run) and renews the lease. */
export function finish(
  deps: StepDeps,
  job: Job,
  run: EvaluationRun,
  steps: readonly RunStep[],
  changes: Partial<EvaluationRun> = {},
): Promise<EvaluationRun> {
  const done = [...run.done, ...steps.filter((s) => !run.done.includes(s))];
  return deps.runs.patch(job.tenant, job.cycle, run.id, {
    leaseUntil: leaseUntil(deps),
    ...changes,
    done,
  });
}
