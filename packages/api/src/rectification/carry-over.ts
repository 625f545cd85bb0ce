import { createHash } from 'node:crypto';
import {
  CARRIED,
  type CarryOver,
  type CarryOverResult,
  errors,
  ID_ALPHABET,
  ID_KINDS,
  type Rectification,
} from '@jixiao/core';
import { stampOf } from '../appeals/scope';
import { loadCycle, recordAudit, tenant, unitsInCycle } from '../cycles/context';
import { OPEN_STATES, requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';
import { TASK } from './view';

/**
 * Carry-over (结转): every task of an earlier year's cycle that is not closed or cancelled continues
 * in this cycle as `carried_over`, with `carriedFrom` naming the task it continues; the old cycle is
 * left as it was (history). The new task's id is derived from the old cycle and task, so carrying
 * twice — or two offices carrying at once — makes each task once. Tasks of units that no longer
 * exist, or are not in this cycle, are reported and not copied.
 */

/** The id of a task's continuation: a rectification id made from the old cycle and task, the same every time. */
export function carriedId(fromCycle: string, task: string): string {
  const { prefix, length } = ID_KINDS.rectification;
  const bytes = createHash('sha256').update(`carry:${fromCycle}:${task}`).digest();
  return prefix + Array.from(bytes.subarray(0, length), (b) => ID_ALPHABET[b % 32]).join('');
}

export async function carryOver(caller: Caller, cycleId: string, input: CarryOver): Promise<CarryOverResult> {
  const cycle = await loadCycle(caller, cycleId);
  requireState(cycle, OPEN_STATES, { zh: '结转整改任务', en: 'carry tasks over' });
  const t = tenant(caller);
  const from = input.from === cycle.id ? undefined : await caller.deps.data.cycles.get(t, input.from);
  if (!from || from.year >= cycle.year)
    throw errors.invalidReference(
      'body.from',
      from ? `只能结转更早年度的整改任务（${from.name} 为 ${from.year} 年度）` : '没有这个考核周期',
      from
        ? `Only tasks of an earlier year's cycle are carried over (${from.name} is ${from.year})`
        : 'No such cycle',
    );
  const records = caller.deps.data.cycleRecords;
  const [old, here, units] = await Promise.all([
    records.all<Rectification>(t, from.id, 'RECT'),
    records.all<Rectification>(t, cycle.id, 'RECT'),
    unitsInCycle(caller, cycle),
  ]);
  const inCycle = new Set(units.map((u) => u.code));
  const existing = new Set(here.map((x) => x.id));
  const out: CarryOverResult = {
    from: { id: from.id, name: from.name, year: from.year },
    copied: [],
    already: 0,
    skipped: [],
  };
  const candidates = old
    .filter((x) => CARRIED.includes(x.status))
    .sort(
      (a, b) =>
        a.unit.localeCompare(b.unit) || a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id),
    );
  for (const task of candidates) {
    const id = carriedId(from.id, task.id);
    if (existing.has(id)) {
      out.already++;
      continue;
    }
    if (!inCycle.has(task.unit)) {
      const unit = await caller.deps.data.org.getUnit(t, task.unit);
      const gone = !unit || unit.active === false;
      out.skipped.push({
        task: task.id,
        unit: task.unit,
        title: task.title,
        reason: gone
          ? {
              zh: `单位 ${task.unit} 已不存在或已停用`,
              en: `Unit ${task.unit} no longer exists or is inactive`,
            }
          : { zh: `单位 ${task.unit} 不在本考核周期范围内`, en: `Unit ${task.unit} is not in this cycle` },
      });
      continue;
    }
    // The old cycle's appeal and run do not belong to this cycle: `carriedFrom` leads back to them.
    const { appeal: _a, run: _r, version: _v, createdAt: _c, updatedAt: _u, ...kept } = task;
    const record: Omit<Rectification, 'version' | 'createdAt' | 'updatedAt'> = {
      ...kept,
      id,
      cycle: cycle.id,
      source: 'carried_over',
      carriedFrom: { cycle: from.id, year: from.year, task: task.id },
      created: stampOf(caller),
    };
    try {
      await records.create(t, cycle.id, 'RECT', [task.unit, id], record, TASK);
    } catch (e) {
      // Another carry-over made it meanwhile: it exists once, as it should.
      if ((e as { code?: string } | null)?.code !== 'already_exists') throw e;
      out.already++;
      continue;
    }
    out.copied.push({ task: id, from: task.id, unit: task.unit, title: task.title });
  }
  await recordAudit(caller, {
    action: 'rectification.carry_over',
    target: { type: 'rectification', id: `${cycle.id}/carry-over/${from.id}` },
    after: {
      from: from.id,
      copied: out.copied.map((c) => c.task),
      already: out.already,
      skipped: out.skipped.map((s) => s.task),
    },
    note: `${from.name} → ${cycle.name}：结转 ${out.copied.length} 项，已结转 ${out.already} 项，未结转 ${out.skipped.length} 项`,
  });
  return out;
}
