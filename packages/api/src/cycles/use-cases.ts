import {
  type Cycle,
  type CycleCreate,
  type CyclePatch,
  type CycleTransition,
  canonicalJson,
  errors,
  nextCycleState,
  REOPENS,
  reopenCycle,
} from '@jixiao/core';
import type { PageRequest } from '@jixiao/data';
import { newId } from '@jixiao/data';
import { lockCycleEvidence } from '../evidence/lock';
import type { Caller } from '../http/caller';
import { changedFields, loadCycle, recordAudit, tenant } from './context';
import { OPEN_STATES, requireState } from './gate';
import { assertCycleInput } from './validate';
import { cycleFacts, cycleView } from './view';

/** Evaluation cycles: open one, change its calendar and bindings, move it through its steps. */

export const listCycles = (caller: Caller, q: PageRequest) => caller.deps.data.cycles.list(tenant(caller), q);

export async function createCycle(caller: Caller, input: CycleCreate) {
  await assertCycleInput(caller, { ...input, targets: { targets: input.targets, bindings: input.bindings } });
  const created = await caller.deps.data.cycles.create(tenant(caller), {
    id: newId('cycle'),
    ...input,
    state: 'draft',
    workPlan: { tasks: [], training: [] },
    reopenings: [],
  });
  await recordAudit(caller, {
    action: 'cycle.create',
    target: { type: 'cycle', id: created.id },
    after: { ...input, state: created.state },
  });
  return cycleView(caller, created);
}

export async function getCycle(caller: Caller, id: string) {
  return cycleView(caller, await loadCycle(caller, id));
}

const BINDINGS_LOCKED = {
  zh: '修改指标体系绑定',
  en: 'change the bindings',
};

export async function updateCycle(caller: Caller, id: string, patch: CyclePatch) {
  const cycle = await loadCycle(caller, id);
  requireState(cycle, OPEN_STATES, { zh: '修改考核周期', en: 'change the cycle' });
  const { version, ...changes } = patch;
  // Bindings decide who is in the year: once units are asked for plans they stay as they are.
  if (changes.bindings !== undefined && canonicalJson(changes.bindings) !== canonicalJson(cycle.bindings))
    requireState(cycle, ['draft'], BINDINGS_LOCKED);
  // Once units report, a progress period stays: its reports, late flags and warnings hang on its code.
  if (changes.calendar && cycle.state !== 'draft') {
    const kept = new Set(changes.calendar.progressPeriods.map((p) => p.code));
    const dropped = cycle.calendar.progressPeriods.filter((p) => !kept.has(p.code));
    if (dropped.length)
      throw errors.validation([
        {
          path: 'body.calendar.progressPeriods',
          zh: `考核周期已启动，不能删除或改变进度期次的代码：${dropped.map((p) => `${p.code}（${p.name}）`).join('、')}`,
          en: `The cycle has started; progress periods cannot be removed or recoded: ${dropped.map((p) => p.code).join(', ')}`,
        },
      ]);
  }
  await assertCycleInput(caller, {
    year: cycle.year,
    ...(changes.calendar ? { calendar: changes.calendar } : {}),
    ...(changes.bindings ? { bindings: changes.bindings } : {}),
    ...(changes.providers ? { providers: changes.providers } : {}),
    ...(changes.targets || changes.bindings
      ? {
          targets: {
            targets: changes.targets ?? cycle.targets ?? [],
            bindings: changes.bindings ?? cycle.bindings,
          },
        }
      : {}),
  });
  const diff = changedFields(cycle, changes);
  const updated = await caller.deps.data.cycles.update(tenant(caller), id, version, changes);
  if (diff.changed)
    await recordAudit(caller, {
      action: 'cycle.update',
      target: { type: 'cycle', id },
      before: diff.before,
      after: diff.after,
    });
  return cycleView(caller, updated);
}

export async function transitionCycle(caller: Caller, id: string, body: CycleTransition) {
  const cycle = await loadCycle(caller, id);
  const t = tenant(caller);
  if (body.action === 'reopen') {
    // The schema guarantees `to` and a reason for a reopening.
    const to = reopenCycle(cycle.state, body.to!);
    const reason = (body.reason ?? '').trim();
    const reopening = {
      from: cycle.state,
      to,
      reason,
      by: caller.identity.sub,
      at: caller.deps.now().toISOString(),
    };
    const updated = await caller.deps.data.cycles.update(t, id, body.version, {
      state: to,
      reopenings: [...cycle.reopenings, reopening],
    });
    await recordAudit(caller, {
      action: 'cycle.reopen',
      target: { type: 'cycle', id },
      before: { state: cycle.state },
      after: { state: to, reason },
      note: REOPENS[to].zh,
    });
    return cycleView(caller, updated);
  }
  // A stale version is said as such before the facts are gathered (the update checks it again).
  if (body.version !== cycle.version) throw errors.versionConflict(cycle.version);
  const next = nextCycleState(cycle.state, body.action, await cycleFacts(caller, cycle, body.action));
  // The evaluation is frozen from review on: its evidence is locked first (a failure refuses the
  // move, 503, and a retry resumes), then again for a file confirmed while the state changed (a
  // failure there is logged and audited with its count; #10's freeze step runs the lock again).
  const freezes = body.action === 'start_review';
  if (freezes) await lockCycleEvidence(caller, cycle);
  const updated: Cycle = await caller.deps.data.cycles.update(t, id, body.version, { state: next });
  if (freezes)
    await lockCycleEvidence(caller, updated).catch((e) =>
      caller.deps.log({
        level: 'error',
        msg: 'evidence lock after start_review incomplete',
        cycle: id,
        error: String(e),
      }),
    );
  await recordAudit(caller, {
    action: 'cycle.transition',
    target: { type: 'cycle', id },
    before: { state: cycle.state },
    after: { state: next },
    note: body.action,
  });
  return cycleView(caller, updated);
}
