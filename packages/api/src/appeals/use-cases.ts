import {
  APPEAL_STATUSES,
  type Appeal,
  type AppealCreate,
  type AppealList,
  type AppealStatus,
  type AppealWithdraw,
  appealAlreadyOpen,
  appealBlockers,
  appealNotOpen,
  appealWindowOpen,
  can,
  contentOf,
  errors,
  leavesOf,
  outsideAppealWindow,
  sameOpenAppeal,
  type UnitAppealsView,
} from '@jixiao/core';
import { newId } from '@jixiao/data';
import {
  isOwnUnit,
  loadCycle,
  pageInMemory,
  recordAudit,
  tenant,
  today,
  type UnitInCycle,
  unitInCycle,
  unitsInCycle,
} from '../cycles/context';
import { requireState } from '../cycles/gate';
import { releasedPointer } from '../evaluation/context';
import type { Caller } from '../http/caller';
import { cycleRef, unitRef } from '../monitoring/shared';
import { resultLeaves, standingIn, unitDocuments, unknownDocuments } from './released';
import { listedUnit, preconditionFailed, requireSeesUnit, stampOf } from './scope';
import { APPEAL, appealViews } from './view';

export { decideAppeal } from './decide';

/**
 * Appeals (申诉复核): a unit appeals an indicator of its released result, or the conclusion, while
 * the cycle is in review, results are released and the appeal window is open; it may withdraw
 * before the office decides. Lists show the office every unit's appeals (oldest first: a queue) and
 * a unit its own. Every write is audited.
 */

const STEP = { zh: '提出或撤回申诉', en: 'appeal or withdraw an appeal' };
const targetId = (cycle: string, unit: string, id: string) => `${cycle}/${unit}/${id}`;

const readAppeals = (caller: Caller, cycleId: string, unit?: string) =>
  caller.deps.data.cycleRecords.all<Appeal>(tenant(caller), cycleId, 'APPEAL', unit ? [unit] : []);

const readAppeal = (caller: Caller, cycleId: string, unit: string, id: string) =>
  caller.deps.data.cycleRecords.getOr404<Appeal>(tenant(caller), cycleId, 'APPEAL', [unit, id], APPEAL);

const systemLeaves = (u: UnitInCycle) => leavesOf(contentOf(u.system).dimensions);

export async function listAppeals(
  caller: Caller,
  cycleId: string,
  q: { unit?: string | undefined; status?: AppealStatus | undefined; limit?: number; cursor?: string },
): Promise<AppealList> {
  const unit = listedUnit(caller, q.unit);
  const cycle = await loadCycle(caller, cycleId);
  const units = (await unitsInCycle(caller, cycle)).filter((u) => !unit || u.code === unit);
  const names = new Map(units.map((u) => [u.code, u.name]));
  const all = await readAppeals(caller, cycle.id, unit);
  const counts = Object.fromEntries(
    APPEAL_STATUSES.map((s) => [s, all.filter((a) => a.status === s).length]),
  );
  const key = (a: Appeal) => `${a.createdAt}#${a.id}`;
  const shown = all
    .filter((a) => !q.status || a.status === q.status)
    .sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const page = pageInMemory(
    caller,
    `cycle:${cycle.id}:appeals:${unit ?? ''}:${q.status ?? ''}`,
    shown,
    key,
    q,
  );
  const views = await appealViews(caller, cycle, names);
  return {
    items: await Promise.all(page.items.map(views.view)),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    counts,
    units: units.map(unitRef),
  };
}

/** A unit's appeals page: standing, what it may appeal and cite, its appeals (newest first), and whether it may appeal now. */
export async function unitAppeals(caller: Caller, cycleId: string, unit: string): Promise<UnitAppealsView> {
  requireSeesUnit(caller, unit, { zh: '单位', en: 'Unit' });
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  const pointer = await releasedPointer(caller, cycle.id);
  const released = pointer
    ? await standingIn(caller, cycle.id, { id: pointer.run, number: pointer.number }, unit)
    : undefined;
  const [leaves, documents, appeals] = await Promise.all([
    released && pointer ? resultLeaves(caller, cycle.id, pointer.run, unit, systemLeaves(u)) : [],
    unitDocuments(caller, cycle.id, unit),
    readAppeals(caller, cycle.id, unit),
  ]);
  const views = await appealViews(caller, cycle, new Map([[unit, u.unit.name]]));
  const day = today(caller);
  const window = cycle.calendar.appeal;
  const blockers = appealBlockers({
    inReview: cycle.state === 'review',
    released: !!pointer,
    inResults: !!released,
    window,
    today: day,
  });
  return {
    cycle: cycleRef(cycle),
    unit: unitRef(u.unit),
    window: { ...window, open: appealWindowOpen(window, day) },
    released: released ?? null,
    leaves,
    documents: [...documents.values()],
    appeals: await Promise.all(
      appeals
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
        .map(views.view),
    ),
    allowed: {
      submit: blockers.length === 0 && isOwnUnit(caller, unit) && can(caller.identity, 'appeals:write'),
    },
    blockers,
  };
}

export async function submitAppeal(caller: Caller, cycleId: string, unit: string, input: AppealCreate) {
  if (!isOwnUnit(caller, unit)) throw errors.notFound('单位', 'Unit');
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  requireState(cycle, ['review'], { zh: '提出申诉', en: 'appeal' });
  const pointer = await releasedPointer(caller, cycle.id);
  if (!pointer)
    throw preconditionFailed(
      '考核结果尚未发布，不能申诉。',
      'No results have been released yet; nothing can be appealed.',
    );
  const day = today(caller);
  if (!appealWindowOpen(cycle.calendar.appeal, day)) throw outsideAppealWindow(cycle.calendar.appeal, day);
  const appealed = await standingIn(caller, cycle.id, { id: pointer.run, number: pointer.number }, unit);
  if (!appealed)
    throw preconditionFailed(
      '本单位不在已发布的考核结果中，不能申诉。',
      'The unit is not in the released results; it cannot appeal them.',
    );

  let leafName: string | undefined;
  if (input.target === 'indicator') {
    const leaves = await resultLeaves(caller, cycle.id, pointer.run, unit, systemLeaves(u));
    const leaf = leaves.find((l) => l.code === input.leaf);
    if (!leaf)
      throw errors.validation([
        {
          path: 'body.leaf',
          zh: `指标 ${input.leaf} 不在本单位已发布的考核结果中`,
          en: `Indicator ${input.leaf} is not in the unit's released result`,
        },
      ]);
    leafName = leaf.name;
  }
  const docs = await unitDocuments(caller, cycle.id, unit);
  const unknown = unknownDocuments(input.evidence, docs);
  if (unknown.length) throw errors.validation(unknown);
  const open = (await readAppeals(caller, cycle.id, unit)).find((a) =>
    sameOpenAppeal(a, input.target, input.leaf),
  );
  if (open) throw appealAlreadyOpen(open);

  const id = newId('appeal');
  const record: Omit<Appeal, 'version' | 'createdAt' | 'updatedAt'> = {
    id,
    cycle: cycle.id,
    unit,
    target: input.target,
    ...(input.leaf ? { leaf: input.leaf } : {}),
    ...(leafName ? { leafName } : {}),
    reasons: input.reasons,
    evidence: input.evidence.map((e) => ({ id: e, title: docs.get(e)!.title })),
    status: 'submitted',
    appealed,
    submitted: stampOf(caller),
  };
  const created = await caller.deps.data.cycleRecords.create(
    tenant(caller),
    cycle.id,
    'APPEAL',
    [unit, id],
    record,
    APPEAL,
  );
  await recordAudit(caller, {
    action: 'appeal.submit',
    target: { type: 'appeal', id: targetId(cycle.id, unit, id) },
    after: {
      target: created.target,
      leaf: created.leaf ?? null,
      run: pointer.run,
      number: pointer.number,
      total: appealed.total,
      rank: appealed.rank,
      grade: appealed.grade,
      evidence: input.evidence,
    },
    note: created.reasons,
  });
  return (await appealViews(caller, cycle, new Map([[unit, u.unit.name]]))).view(created);
}

export async function getAppeal(caller: Caller, cycleId: string, unit: string, id: string) {
  requireSeesUnit(caller, unit, APPEAL);
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  const a = await readAppeal(caller, cycle.id, unit, id);
  return (await appealViews(caller, cycle, new Map([[unit, u.unit.name]]))).view(a);
}

export async function withdrawAppeal(
  caller: Caller,
  cycleId: string,
  unit: string,
  id: string,
  input: AppealWithdraw,
) {
  if (!isOwnUnit(caller, unit)) throw errors.notFound(APPEAL.zh, APPEAL.en);
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  const before = await readAppeal(caller, cycle.id, unit, id);
  requireState(cycle, ['review'], STEP);
  if (before.status !== 'submitted') throw appealNotOpen(before.status);
  const after = await caller.deps.data.cycleRecords.update<Appeal>(
    tenant(caller),
    cycle.id,
    'APPEAL',
    [unit, id],
    input.version,
    { status: 'withdrawn', withdrawn: stampOf(caller) },
    APPEAL,
  );
  await recordAudit(caller, {
    action: 'appeal.withdraw',
    target: { type: 'appeal', id: targetId(cycle.id, unit, id) },
    before: { status: before.status },
    after: { status: after.status },
  });
  return (await appealViews(caller, cycle, new Map([[unit, u.unit.name]]))).view(after);
}
