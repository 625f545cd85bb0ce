import {
  type Appeal,
  actionTarget,
  applicableLeaves,
  type Cycle,
  contentOf,
  errors,
  MAX_PROGRESS,
  mayEditTask,
  mayReport,
  type Rectification,
  type RectificationCreate,
  type RectificationList,
  type RectificationPatch,
  type RectificationProgress,
  type RectificationStatus,
  type RectificationTransition,
  rectificationRefused,
  rectificationSummary,
  type Unit,
} from '@jixiao/core';
import { newId } from '@jixiao/data';
import { unitDocuments, unknownDocuments } from '../appeals/released';
import { listedUnit, requireSeesUnit, stampOf } from '../appeals/scope';
import {
  changedFields,
  isOffice,
  isOwnUnit,
  loadCycle,
  pageInMemory,
  recordAudit,
  systemsByGroup,
  tenant,
  today,
  unitInCycle,
  unitsInCycle,
} from '../cycles/context';
import { OPEN_STATES, requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';
import { cycleRef, unitRef } from '../monitoring/shared';
import { TASK, taskView } from './view';

export { carryOver } from './carry-over';

/**
 * Rectification (整改): the office creates tasks for a unit, edits, closes (销号, once the unit
 * reports it done), cancels and reopens them; the unit reports progress with its own documents.
 * Overdue is computed (Asia/Shanghai) in every view and counted in the list's summary. Nothing is
 * written once the cycle is closed: open tasks continue in the next year's cycle (carry-over).
 */

const WRITE = { zh: '管理整改任务', en: 'manage rectification tasks' };
const REPORT = { zh: '报送整改进展', en: 'report rectification progress' };
const targetId = (cycle: string, unit: string, id: string) => `${cycle}/${unit}/${id}`;
const FIELDS = ['title', 'problem', 'source', 'leaf', 'owner', 'deadline', 'appeal', 'run'] as const;

/** Leaf names per unit group of the cycle (the bound system's applicable leaves). */
async function leafNames(caller: Caller, cycle: Cycle) {
  const systems = await systemsByGroup(caller, cycle);
  const out = new Map<string, Map<string, string>>();
  for (const [group, system] of systems)
    out.set(group, new Map(applicableLeaves(contentOf(system), group).map((l) => [l.code, l.name])));
  return out;
}

async function namer(caller: Caller, cycle: Cycle, units: readonly Unit[]) {
  const leaves = await leafNames(caller, cycle);
  const byCode = new Map(units.map((u) => [u.code, u]));
  return (t: Rectification) => {
    const u = byCode.get(t.unit);
    return { unit: u?.name ?? t.unit, leaf: t.leaf && u ? leaves.get(u.group)?.get(t.leaf) : undefined };
  };
}

const readTask = (caller: Caller, cycleId: string, unit: string, id: string) =>
  caller.deps.data.cycleRecords.getOr404<Rectification>(tenant(caller), cycleId, 'RECT', [unit, id], TASK);

export async function listTasks(
  caller: Caller,
  cycleId: string,
  q: {
    unit?: string | undefined;
    status?: RectificationStatus | undefined;
    overdue?: boolean | undefined;
    limit?: number;
    cursor?: string;
  },
): Promise<RectificationList> {
  const unit = listedUnit(caller, q.unit);
  const cycle = await loadCycle(caller, cycleId);
  const units = (await unitsInCycle(caller, cycle)).filter((u) => !unit || u.code === unit);
  const all = await caller.deps.data.cycleRecords.all<Rectification>(
    tenant(caller),
    cycle.id,
    'RECT',
    unit ? [unit] : [],
  );
  const day = today(caller);
  const summary = rectificationSummary(all, day);
  const name = await namer(caller, cycle, units);
  const views = all.map((t) => taskView(caller, cycle, t, name(t)));
  const key = (t: Rectification) => `${t.unit}#${t.deadline}#${t.id}`;
  const shown = views
    .filter(
      (t) => (!q.status || t.status === q.status) && (q.overdue === undefined || t.overdue === q.overdue),
    )
    .sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const list = `cycle:${cycle.id}:rect:${unit ?? ''}:${q.status ?? ''}:${q.overdue ?? ''}`;
  const page = pageInMemory(caller, list, shown, key, q);
  const manage = isOffice(caller) && cycle.state !== 'closed';
  const earlier = manage
    ? (await caller.deps.data.cycles.all(tenant(caller)))
        .filter((c) => c.year < cycle.year)
        .sort((a, b) => b.year - a.year || a.name.localeCompare(b.name))
        .map((c) => ({ id: c.id, name: c.name, year: c.year }))
    : [];
  return {
    cycle: cycleRef(cycle),
    items: page.items,
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    summary,
    units: units.map(unitRef),
    allowed: { create: manage, carryOver: manage },
    earlier,
  };
}

/** Field issues for references a task names: its leaf (applies to the unit), appeal and run (in this cycle). */
async function referenceIssues(
  caller: Caller,
  cycle: Cycle,
  unit: string,
  leaves: readonly { code: string }[],
  refs: {
    leaf?: string | null | undefined;
    appeal?: string | null | undefined;
    run?: string | null | undefined;
  },
) {
  const out: { path: string; zh: string; en: string }[] = [];
  if (refs.leaf && !leaves.some((l) => l.code === refs.leaf))
    out.push({
      path: 'body.leaf',
      zh: `指标 ${refs.leaf} 不适用于该单位`,
      en: `Indicator ${refs.leaf} does not apply to the unit`,
    });
  const t = tenant(caller);
  if (
    refs.appeal &&
    !(await caller.deps.data.cycleRecords.get<Appeal>(t, cycle.id, 'APPEAL', [unit, refs.appeal]))
  )
    out.push({
      path: 'body.appeal',
      zh: `该单位在本考核周期没有申诉 ${refs.appeal}`,
      en: `The unit has no appeal ${refs.appeal} in this cycle`,
    });
  if (refs.run && !(await caller.deps.data.evaluation.runs.get(t, cycle.id, refs.run)))
    out.push({
      path: 'body.run',
      zh: `本考核周期没有计算批次 ${refs.run}`,
      en: `This cycle has no run ${refs.run}`,
    });
  return out;
}

export async function createTask(caller: Caller, cycleId: string, unit: string, input: RectificationCreate) {
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  requireState(cycle, OPEN_STATES, WRITE);
  const issues = await referenceIssues(caller, cycle, unit, u.leaves, input);
  if (issues.length) throw errors.validation(issues);
  const id = newId('rectification');
  const record: Omit<Rectification, 'version' | 'createdAt' | 'updatedAt'> = {
    id,
    cycle: cycle.id,
    unit,
    ...input,
    status: 'open',
    progress: [],
    transitions: [],
    created: stampOf(caller),
  };
  const created = await caller.deps.data.cycleRecords.create(
    tenant(caller),
    cycle.id,
    'RECT',
    [unit, id],
    record,
    TASK,
  );
  await recordAudit(caller, {
    action: 'rectification.create',
    target: { type: 'rectification', id: targetId(cycle.id, unit, id) },
    after: Object.fromEntries(FIELDS.map((f) => [f, created[f] ?? null])),
  });
  const leaf = input.leaf ? u.leaves.find((l) => l.code === input.leaf)?.name : undefined;
  return taskView(caller, cycle, created, { unit: u.unit.name, leaf });
}

export async function getTask(caller: Caller, cycleId: string, unit: string, id: string) {
  requireSeesUnit(caller, unit, TASK);
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  const task = await readTask(caller, cycle.id, unit, id);
  const leaf = task.leaf ? u.leaves.find((l) => l.code === task.leaf)?.name : undefined;
  return taskView(caller, cycle, task, { unit: u.unit.name, leaf });
}

export async function updateTask(
  caller: Caller,
  cycleId: string,
  unit: string,
  id: string,
  input: RectificationPatch,
) {
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  const before = await readTask(caller, cycle.id, unit, id);
  requireState(cycle, OPEN_STATES, WRITE);
  if (!mayEditTask(before.status)) throw rectificationRefused(before.status, 'edit');
  const issues = await referenceIssues(caller, cycle, unit, u.leaves, input);
  if (issues.length) throw errors.validation(issues);
  const { version, ...changes } = input;
  const after = await caller.deps.data.cycleRecords.update<Rectification>(
    tenant(caller),
    cycle.id,
    'RECT',
    [unit, id],
    version,
    changes,
    TASK,
  );
  const d = changedFields(before, changes);
  await recordAudit(caller, {
    action: 'rectification.update',
    target: { type: 'rectification', id: targetId(cycle.id, unit, id) },
    before: d.before,
    after: d.after,
  });
  const leaf = after.leaf ? u.leaves.find((l) => l.code === after.leaf)?.name : undefined;
  return taskView(caller, cycle, after, { unit: u.unit.name, leaf });
}

/** Close (销号), cancel or reopen, with the reason; kept in the task's history. */
export async function transitionTask(
  caller: Caller,
  cycleId: string,
  unit: string,
  id: string,
  input: RectificationTransition,
) {
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  const before = await readTask(caller, cycle.id, unit, id);
  requireState(cycle, OPEN_STATES, WRITE);
  const to = actionTarget(before.status, input.action, before.progress.length > 0);
  if (!to) throw rectificationRefused(before.status, input.action);
  const entry = { ...stampOf(caller), action: input.action, from: before.status, to, reason: input.reason };
  const after = await caller.deps.data.cycleRecords.update<Rectification>(
    tenant(caller),
    cycle.id,
    'RECT',
    [unit, id],
    input.version,
    { status: to, transitions: [...before.transitions, entry] },
    TASK,
  );
  await recordAudit(caller, {
    action: 'rectification.update',
    target: { type: 'rectification', id: targetId(cycle.id, unit, id) },
    before: { status: before.status },
    after: { status: to, action: input.action },
    ...(input.reason ? { note: input.reason } : {}),
  });
  const leaf = after.leaf ? u.leaves.find((l) => l.code === after.leaf)?.name : undefined;
  return taskView(caller, cycle, after, { unit: u.unit.name, leaf });
}

/** The unit's progress report: what was done, its documents, in progress or done. */
export async function reportProgress(
  caller: Caller,
  cycleId: string,
  unit: string,
  id: string,
  input: RectificationProgress,
) {
  if (!isOwnUnit(caller, unit)) throw errors.notFound(TASK.zh, TASK.en);
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  const before = await readTask(caller, cycle.id, unit, id);
  requireState(cycle, OPEN_STATES, REPORT);
  if (!mayReport(before.status)) throw rectificationRefused(before.status, 'report');
  const docs = await unitDocuments(caller, cycle.id, unit);
  const unknown = unknownDocuments(input.evidence, docs);
  if (unknown.length) throw errors.validation(unknown);
  const entry = {
    ...stampOf(caller),
    note: input.note,
    evidence: input.evidence.map((e) => ({ id: e, title: docs.get(e)!.title })),
    status: input.status,
  };
  const after = await caller.deps.data.cycleRecords.update<Rectification>(
    tenant(caller),
    cycle.id,
    'RECT',
    [unit, id],
    input.version,
    { status: input.status, progress: [...before.progress, entry].slice(-MAX_PROGRESS) },
    TASK,
  );
  await recordAudit(caller, {
    action: 'rectification.progress',
    target: { type: 'rectification', id: targetId(cycle.id, unit, id) },
    before: { status: before.status },
    after: { status: after.status, evidence: input.evidence },
    note: input.note,
  });
  const leaf = after.leaf ? u.leaves.find((l) => l.code === after.leaf)?.name : undefined;
  return taskView(caller, cycle, after, { unit: u.unit.name, leaf });
}
