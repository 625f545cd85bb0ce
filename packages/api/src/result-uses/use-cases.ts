import {
  AppError,
  amountInForce,
  CYCLE_STATE_LABELS,
  type Cycle,
  can,
  errors,
  RESULT_USE_KINDS,
  type ResultUse,
  type ResultUseCreate,
  type ResultUseKind,
  type ResultUseList,
  type ResultUsePatch,
  type ResultUseRevoke,
  type ResultUseView,
  resultUseIssues,
  resultUseRevoked,
} from '@jixiao/core';
import { newId } from '@jixiao/data';
import { listedUnit, preconditionFailed, requireSeesUnit, stampOf } from '../appeals/scope';
import {
  changedFields,
  isOffice,
  loadCycle,
  pageInMemory,
  recordAudit,
  tenant,
  unitInCycle,
  unitsInCycle,
} from '../cycles/context';
import { releasedPointer } from '../evaluation/context';
import type { Caller } from '../http/caller';
import { cycleRef, unitRef } from '../monitoring/shared';

/**
 * The use of results (结果运用): the office records, per unit, how the released results were used —
 * rewards, accountability, budget links, cadre evaluation, favouring or excluding a service
 * provider — with the decision document; edits it with its version; revokes it with a reason (the
 * record is kept, marked revoked). Uses come after results: in review or after the cycle closed,
 * once results are released. A unit reads its own; every write is audited.
 */

const USE = { zh: '结果运用记录', en: 'Use of results' };
const FIELDS = ['kind', 'description', 'amount', 'document', 'day'] as const;
const targetId = (cycle: string, unit: string, id: string) => `${cycle}/${unit}/${id}`;
/** The cycle's states in which uses are recorded: results are released in review; uses follow, also once closed. */
const USE_STATES: readonly Cycle['state'][] = ['review', 'closed'];

function requireUseState(cycle: Cycle) {
  if (USE_STATES.includes(cycle.state)) return;
  const s = CYCLE_STATE_LABELS[cycle.state];
  throw new AppError({
    status: 409,
    code: 'invalid_state',
    zh: `考核周期当前为「${s.zh}」，结果尚未发布，不能记录结果运用。`,
    en: `The cycle is in ${s.en}; results are not released, so their use cannot be recorded.`,
    detail: { state: cycle.state, allowedIn: USE_STATES },
  });
}

const NOT_RELEASED = {
  zh: '考核结果尚未发布，不能记录结果运用。',
  en: 'No results have been released; their use cannot be recorded yet.',
};

const view = (caller: Caller, u: ResultUse, unitName: string): ResultUseView => {
  const office = isOffice(caller) && can(caller.identity, 'results:use') && !u.revoked;
  return { ...u, unitName, allowed: { edit: office, revoke: office } };
};

const readUse = (caller: Caller, cycleId: string, unit: string, id: string) =>
  caller.deps.data.cycleRecords.getOr404<ResultUse>(tenant(caller), cycleId, 'USE', [unit, id], USE);

export async function listUses(
  caller: Caller,
  cycleId: string,
  q: { unit?: string | undefined; kind?: ResultUseKind | undefined; limit?: number; cursor?: string },
): Promise<ResultUseList> {
  const unit = listedUnit(caller, q.unit);
  const cycle = await loadCycle(caller, cycleId);
  const [units, all, pointer] = await Promise.all([
    unitsInCycle(caller, cycle),
    caller.deps.data.cycleRecords.all<ResultUse>(tenant(caller), cycle.id, 'USE', unit ? [unit] : []),
    releasedPointer(caller, cycle.id),
  ]);
  const seen = units.filter((u) => !unit || u.code === unit);
  const names = new Map(seen.map((u) => [u.code, u.name]));
  const key = (u: ResultUse) => `${u.unit}#${u.day}#${u.id}`;
  const shown = all.filter((u) => !q.kind || u.kind === q.kind).sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const page = pageInMemory(caller, `cycle:${cycle.id}:uses:${unit ?? ''}:${q.kind ?? ''}`, shown, key, q);
  const blocked = !USE_STATES.includes(cycle.state) || !pointer ? NOT_RELEASED : null;
  return {
    cycle: cycleRef(cycle),
    items: page.items.map((u) => view(caller, u, names.get(u.unit) ?? u.unit)),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    totals: {
      count: all.length,
      active: all.filter((u) => !u.revoked).length,
      amount: amountInForce(all),
      byKind: Object.fromEntries(
        RESULT_USE_KINDS.map((k) => [k, all.filter((u) => u.kind === k && !u.revoked).length]),
      ),
    },
    units: seen.map(unitRef),
    allowed: { create: !blocked && isOffice(caller) && can(caller.identity, 'results:use') },
    blocked,
  };
}

export async function createUse(caller: Caller, cycleId: string, unit: string, input: ResultUseCreate) {
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  requireUseState(cycle);
  const pointer = await releasedPointer(caller, cycle.id);
  if (!pointer) throw preconditionFailed(NOT_RELEASED.zh, NOT_RELEASED.en);
  const id = newId('resultUse');
  const record: Omit<ResultUse, 'version' | 'createdAt' | 'updatedAt'> = {
    id,
    cycle: cycle.id,
    unit,
    ...input,
    run: { id: pointer.run, number: pointer.number },
    recorded: stampOf(caller),
  };
  const created = await caller.deps.data.cycleRecords.create(
    tenant(caller),
    cycle.id,
    'USE',
    [unit, id],
    record,
    USE,
  );
  await recordAudit(caller, {
    action: 'resultUse.create',
    target: { type: 'resultUse', id: targetId(cycle.id, unit, id) },
    after: { ...Object.fromEntries(FIELDS.map((f) => [f, created[f] ?? null])), run: pointer.number },
  });
  return view(caller, created, u.unit.name);
}

export async function getUse(caller: Caller, cycleId: string, unit: string, id: string) {
  requireSeesUnit(caller, unit, USE);
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  return view(caller, await readUse(caller, cycle.id, unit, id), u.unit.name);
}

export async function updateUse(
  caller: Caller,
  cycleId: string,
  unit: string,
  id: string,
  input: ResultUsePatch,
) {
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  const before = await readUse(caller, cycle.id, unit, id);
  requireUseState(cycle);
  if (before.revoked) throw resultUseRevoked();
  const kind = input.kind ?? before.kind;
  const amount = input.amount === undefined ? before.amount : input.amount;
  const issues = resultUseIssues({ kind, amount }).map((i) => ({ ...i, path: `body.${i.path}` }));
  if (issues.length) throw errors.validation(issues);
  const { version, ...changes } = input;
  const after = await caller.deps.data.cycleRecords.update<ResultUse>(
    tenant(caller),
    cycle.id,
    'USE',
    [unit, id],
    version,
    changes,
    USE,
  );
  const d = changedFields(before, changes);
  await recordAudit(caller, {
    action: 'resultUse.update',
    target: { type: 'resultUse', id: targetId(cycle.id, unit, id) },
    before: d.before,
    after: d.after,
  });
  return view(caller, after, u.unit.name);
}

export async function revokeUse(
  caller: Caller,
  cycleId: string,
  unit: string,
  id: string,
  input: ResultUseRevoke,
) {
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  const before = await readUse(caller, cycle.id, unit, id);
  requireUseState(cycle);
  if (before.revoked) throw resultUseRevoked();
  const revoked = { ...stampOf(caller), reason: input.reason };
  const after = await caller.deps.data.cycleRecords.update<ResultUse>(
    tenant(caller),
    cycle.id,
    'USE',
    [unit, id],
    input.version,
    { revoked },
    USE,
  );
  await recordAudit(caller, {
    action: 'resultUse.update',
    target: { type: 'resultUse', id: targetId(cycle.id, unit, id) },
    before: { revoked: null },
    after: { revoked },
    note: `撤销：${input.reason}`,
  });
  return view(caller, after, u.unit.name);
}
