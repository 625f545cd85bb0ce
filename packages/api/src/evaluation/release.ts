import { CYCLE_STATE_LABELS, errors, RUN_KIND_LABELS, type RunRelease, type RunView } from '@jixiao/core';
import { recordAudit, tenant } from '../cycles/context';
import { requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';
import { effectiveStatus, loadRunContext, preconditionFailed, runView, stampOf } from './context';

/**
 * Releasing a run to the units: ONE conditional write of the cycle's results pointer (created when
 * nothing was released yet, else changed only if it is still at the version read), so units see
 * the old run or the new one, never a mixture. The run records are marked afterwards, best-effort:
 * the pointer is the truth and every view derives `current` (and the shown status) from it.
 */
export async function releaseRun(
  caller: Caller,
  cycleId: string,
  runId: string,
  input: RunRelease,
): Promise<RunView> {
  const { cycle, run, pointer } = await loadRunContext(caller, cycleId, runId);
  requireState(cycle, ['review'], { zh: '发布评估结果', en: 'release results' });
  if (run.kind !== 'official') {
    const [trial, official, review] = [
      RUN_KIND_LABELS.trial,
      RUN_KIND_LABELS.official,
      CYCLE_STATE_LABELS.review,
    ];
    throw preconditionFailed(
      `第 ${run.number} 次计算是${trial.zh}（核验期间预览），不能发布：请在「${review.zh}」环节发起${official.zh}。`,
      `Run ${run.number} is a ${trial.en.toLowerCase()} (a preview during verification) and is never released; start an ${official.en.toLowerCase()} in ${review.en}.`,
      { kind: run.kind },
    );
  }
  const status = effectiveStatus(run, pointer);
  if (status === 'released')
    throw preconditionFailed(
      `第 ${run.number} 次计算的结果已是当前发布的结果。`,
      `Run ${run.number} is already the released results.`,
    );
  if (status !== 'ready' && status !== 'superseded')
    throw preconditionFailed(
      `第 ${run.number} 次计算尚未完成，不能发布。`,
      `Run ${run.number} has not finished; it cannot be released.`,
      { status },
    );
  if (input.version !== run.version) throw errors.versionConflict(run.version);

  const t = tenant(caller);
  const runs = caller.deps.data.evaluation.runs;
  const released = stampOf(caller);
  const next = await runs.release(
    t,
    cycle.id,
    {
      cycle: cycle.id,
      run: run.id,
      number: run.number,
      note: input.note,
      released,
      history: pointer
        ? [...pointer.history, { run: pointer.run, number: pointer.number, at: pointer.released.at }]
        : [],
    },
    pointer?.version,
  );

  // After the flip: the records follow the pointer (a failure here changes nothing units see).
  let marked = run;
  try {
    marked = await runs.patch(t, cycle.id, run.id, { status: 'released', released });
    if (pointer && pointer.run !== run.id)
      await runs.patch(t, cycle.id, pointer.run, { status: 'superseded' });
  } catch (e) {
    caller.deps.log({
      level: 'warn',
      msg: 'evaluation: released, but marking the run records failed (the pointer stands)',
      run: run.id,
      error: e instanceof Error ? e.message : String(e),
    });
  }
  await recordAudit(caller, {
    action: 'evaluation.release',
    target: { type: 'run', id: `${cycle.id}/${run.id}` },
    before: pointer ? { run: pointer.run, number: pointer.number } : { run: null, number: null },
    after: { run: run.id, number: run.number, reRelease: status === 'superseded' },
    ...(input.note ? { note: input.note } : {}),
  });
  return runView(caller, cycle, marked, next);
}
