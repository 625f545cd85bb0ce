import {
  CYCLE_STATE_LABELS,
  type Cycle,
  type EvaluationRun,
  errors,
  type Job,
  RUN_KIND_LABELS,
  type RunKind,
  type RunStart,
  type RunView,
} from '@jixiao/core';
import { newId } from '@jixiao/data';
import { loadCycle, recordAudit, tenant } from '../cycles/context';
import type { Caller } from '../http/caller';
import {
  FINISHED,
  isStale,
  leaseFrom,
  loadRunContext,
  preconditionFailed,
  releasedPointer,
  runView,
  shanghaiMinute,
  stampOf,
} from './context';

/**
 * Starting and resuming runs of the year-end batch. One run at a time per cycle: the cycle's lock
 * (a lease the batch's tasks renew) is taken before anything is written, so of two starts one runs
 * and the other is told which run is under way. The state machine itself is started through the
 * deployment's launcher (Step Functions in the cloud, the same definition in-process locally).
 */

/** What a run started in this state is: official in review, a trial (试算) in verification. */
const KIND_IN: Partial<Record<Cycle['state'], RunKind>> = { review: 'official', verification: 'trial' };
/** The state each kind of run belongs to. */
const STATE_OF: Record<RunKind, Cycle['state']> = { official: 'review', trial: 'verification' };

function kindFor(cycle: Cycle): RunKind {
  const kind = KIND_IN[cycle.state];
  if (kind) return kind;
  const cur = CYCLE_STATE_LABELS[cycle.state];
  const [official, trial] = [RUN_KIND_LABELS.official, RUN_KIND_LABELS.trial];
  const [review, verification] = [CYCLE_STATE_LABELS.review, CYCLE_STATE_LABELS.verification];
  throw preconditionFailed(
    `考核周期当前为「${cur.zh}」，不能发起年终评估计算：${official.zh}在「${review.zh}」环节进行，${trial.zh}在「${verification.zh}」环节进行。`,
    `The cycle is in ${cur.en}; no evaluation run can start now: an ${official.en.toLowerCase()} starts in ${review.en}, a ${trial.en.toLowerCase()} in ${verification.en}.`,
    { state: cycle.state },
  );
}

/** 409 `run_in_progress` naming the run that holds the cycle (it may be a start still writing its record). */
async function inProgress(caller: Caller, cycle: Cycle, holder: string, fallbackNumber: number) {
  const runs = caller.deps.data.evaluation.runs;
  for (let i = 0; i < 5; i++) {
    const held = await runs.get(tenant(caller), cycle.id, holder);
    if (held) return errors.runInProgress(held.number, shanghaiMinute(held.started.at));
    await new Promise((r) => setTimeout(r, 40));
  }
  return errors.runInProgress(fallbackNumber, shanghaiMinute(caller.deps.now().toISOString()));
}

/**
 * Hands the job to the launcher. Without one, or when it refuses, the run is marked failed (so it
 * may be resumed once the service is back), the lock let go, and 503 answered.
 */
async function launch(caller: Caller, run: EvaluationRun, job: Job): Promise<void> {
  const runs = caller.deps.data.evaluation.runs;
  const t = tenant(caller);
  let why = { zh: '本部署未配置年终评估计算服务', en: 'this deployment has no evaluation service' };
  try {
    if (caller.deps.evaluation) return await caller.deps.evaluation.start(job);
  } catch (e) {
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    caller.deps.log({
      level: 'error',
      msg: 'evaluation: the launcher refused a job',
      run: run.id,
      error: detail,
    });
    why = { zh: '计算服务拒绝了启动请求', en: `the evaluation service refused to start it (${detail})` };
  }
  await runs.unlock(t, run.cycle, run.id);
  await runs.patch(t, run.cycle, run.id, {
    status: 'failed',
    failures: [
      ...run.failures,
      {
        step: run.step,
        error: 'EvaluationUnavailable',
        message: {
          zh: `未能启动本次计算：${why.zh}。服务恢复后可继续计算。`,
          en: `The run could not start: ${why.en}. Resume it once the service is back.`,
        },
        at: caller.deps.now().toISOString(),
      },
    ],
  });
  throw errors.evaluationUnavailable();
}

/** Accepted appeals no run has taken up yet (a failed run's results never counted). */
async function appealsToInclude(caller: Caller, cycle: Cycle, runs: readonly EvaluationRun[]) {
  const taken = new Set(runs.filter((r) => r.status !== 'failed').flatMap((r) => r.appeals ?? []));
  const appeals = await caller.deps.data.cycleRecords.all<{ id: string; status: string }>(
    tenant(caller),
    cycle.id,
    'APPEAL',
  );
  return appeals
    .filter((a) => a.status === 'accepted' && !taken.has(a.id))
    .map((a) => a.id)
    .sort();
}

export async function startRun(caller: Caller, cycleId: string, input: RunStart): Promise<RunView> {
  const cycle = await loadCycle(caller, cycleId);
  const kind = kindFor(cycle);
  const t = tenant(caller);
  const runs = caller.deps.data.evaluation.runs;
  const all = await runs.all(t, cycle.id);
  const number = Math.max(0, ...all.map((r) => r.number)) + 1;
  const id = newId('run');
  const now = caller.deps.now();
  const held = await runs.lock(t, cycle.id, id, leaseFrom(now));
  if (held) throw await inProgress(caller, cycle, held, number);

  let run: EvaluationRun;
  try {
    const appeals = await appealsToInclude(caller, cycle, all);
    const previous = [...all].sort((a, b) => b.number - a.number).find((r) => FINISHED.includes(r.status));
    run = await runs.create(t, cycle.id, {
      id,
      cycle: cycle.id,
      number,
      kind,
      trigger: appeals.length ? 'appeals' : 'office',
      reason: input.reason,
      appeals,
      status: 'running',
      step: 'freeze',
      done: [],
      scored: 0,
      total: 0,
      batches: [],
      reported: 0,
      reportBatches: [],
      failures: [],
      attempts: 1,
      ...(previous ? { previous: previous.id } : {}),
      started: stampOf(caller),
      leaseUntil: leaseFrom(now),
    });
  } catch (e) {
    await runs.unlock(t, cycle.id, id);
    throw e;
  }
  // Audited before the launch: a run whose launch is refused exists (failed, resumable) all the same.
  await recordAudit(caller, {
    action: 'evaluation.start',
    target: { type: 'run', id: `${cycle.id}/${id}` },
    after: { number, kind, trigger: run.trigger, appeals: run.appeals },
    ...(input.reason ? { note: input.reason } : {}),
  });
  await launch(caller, run, { tenant: t, cycle: cycle.id, run: id, attempt: 1 });
  return runView(caller, cycle, run, await releasedPointer(caller, cycle));
}

/** One run with its progress (the batch's tasks write it into the record). */
export async function getRun(caller: Caller, cycleId: string, runId: string): Promise<RunView> {
  const { cycle, run, pointer } = await loadRunContext(caller, cycleId, runId);
  return runView(caller, cycle, run, pointer);
}

/**
 * Resumes a run that stopped (failed, or running with its lease run out): the same run id and
 * snapshot, one attempt more; the batch skips the steps and score batches already done.
 */
export async function resumeRun(caller: Caller, cycleId: string, runId: string): Promise<RunView> {
  const { cycle, run, pointer } = await loadRunContext(caller, cycleId, runId);
  const t = tenant(caller);
  const runs = caller.deps.data.evaluation.runs;
  const now = caller.deps.now();
  if (run.status === 'running' && !isStale(run, now))
    throw errors.runInProgress(run.number, shanghaiMinute(run.started.at));
  if (run.status !== 'running' && run.status !== 'failed')
    throw preconditionFailed(
      `第 ${run.number} 次计算已完成，无需继续计算。`,
      `Run ${run.number} has finished; there is nothing to resume.`,
      { status: run.status },
    );
  const state = STATE_OF[run.kind];
  if (cycle.state !== state) {
    const [kind, need, cur] = [
      RUN_KIND_LABELS[run.kind],
      CYCLE_STATE_LABELS[state],
      CYCLE_STATE_LABELS[cycle.state],
    ];
    throw preconditionFailed(
      `${kind.zh}只能在「${need.zh}」环节继续，考核周期当前为「${cur.zh}」：请发起新的计算。`,
      `An ${kind.en.toLowerCase()} can only be resumed in ${need.en}; the cycle is in ${cur.en}: start a new run instead.`,
      { state: cycle.state, kind: run.kind },
    );
  }
  const held = await runs.lock(t, cycle.id, run.id, leaseFrom(now));
  if (held) throw await inProgress(caller, cycle, held, run.number);
  let resumed: EvaluationRun;
  try {
    // Versioned: of two resumptions at once, one goes on and the other is told the run changed.
    resumed = await runs.update(t, cycle.id, run.id, run.version, {
      status: 'running',
      attempts: run.attempts + 1,
      leaseUntil: leaseFrom(now),
    });
  } catch (e) {
    const again = await runs.get(t, cycle.id, run.id);
    if (again?.status !== 'running') await runs.unlock(t, cycle.id, run.id);
    throw e;
  }
  await recordAudit(caller, {
    action: 'evaluation.resume',
    target: { type: 'run', id: `${cycle.id}/${run.id}` },
    before: { status: run.status, step: run.step, attempts: run.attempts },
    after: { status: resumed.status, attempts: resumed.attempts },
  });
  await launch(caller, resumed, { tenant: t, cycle: cycle.id, run: run.id, attempt: resumed.attempts });
  return runView(caller, cycle, resumed, pointer);
}
