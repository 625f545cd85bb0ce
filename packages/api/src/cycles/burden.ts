import {
  type AnnualPlan,
  BURDEN_KEYS,
  type BurdenCount,
  type Cycle,
  contentOf,
  cycleLeaves,
  reportingBurden,
  type SelfAssessment,
} from '@jixiao/core';
import type { Caller } from '../http/caller';
import { loadCycle, systemsByGroup, tenant, unitsInCycle } from './context';

/** How the counts are made, as the office reads it beside the table (see core's cycles/burden.ts). */
export const BURDEN_RULE = {
  zh:
    '填报项 = 年度计划（每项指标 5 项：目标、依据、评估标准、方法措施、责任人；计划依据 1 项；每个节点 4 项）' +
    '+ 进度报送（每期：每项按数值目标计分的指标 1 个进度值，另 1 段说明）' +
    '+ 自评（每项指标自评分和说明 2 项，单位自报的指标另加实际值 1 项；数据提供部门提供、专家或调查给出的不向单位要（一数一源）；自评报告 1 项）。' +
    '报送次数 = 年度计划 1 次 + 每个进度期 1 次 + 自评报告 1 次。佐证材料 = 要求佐证的指标数。' +
    '退回/重开 = 年度计划被退回的轮次 + 自评被重新开放的次数。',
  en:
    'Fields = the annual plan (5 per indicator: target, basis, standard, measures, owner; 1 for the plan basis; 4 per milestone) ' +
    '+ progress (per period: 1 value per indicator scored against a numeric target, plus 1 narrative) ' +
    '+ self-assessment (self-score and narrative per indicator, plus the actual value only where the unit reports it itself; values a data provider supplies, or experts or surveys give, are not asked of the unit (collect once); 1 for the report). ' +
    'Reports = 1 annual plan + 1 per progress period + 1 self-evaluation report. Files = indicators that require evidence. ' +
    'Returns = rounds in which the annual plan was returned + times the self-assessment was reopened.',
};

/** Rounds of review in which the office returned anything. */
const returnedRounds = (plan: AnnualPlan | undefined): number =>
  new Set((plan?.reviews ?? []).filter((r) => r.decision === 'returned').map((r) => r.round)).size;

const zero = (): BurdenCount => ({ fields: 0, reports: 0, files: 0, returns: 0 });
const add = (a: BurdenCount, b: BurdenCount): BurdenCount => {
  const out = zero();
  for (const k of BURDEN_KEYS) out[k] = a[k] + b[k];
  return out;
};

/** Each unit's count in one cycle, by unit code. */
async function countsOf(caller: Caller, cycle: Cycle) {
  const t = tenant(caller);
  const [units, systems, plans, selves] = await Promise.all([
    unitsInCycle(caller, cycle),
    systemsByGroup(caller, cycle),
    caller.deps.data.cycleRecords.all<AnnualPlan>(t, cycle.id, 'PLAN'),
    caller.deps.data.cycleRecords.all<SelfAssessment>(t, cycle.id, 'SELF'),
  ]);
  const planOf = new Map(plans.map((p) => [p.unit, p]));
  const selfOf = new Map(selves.map((s) => [s.unit, s]));
  const out = new Map<string, { name: string; count: BurdenCount }>();
  for (const u of units) {
    const system = systems.get(u.group);
    const plan = planOf.get(u.code);
    const count = reportingBurden({
      leaves: system ? cycleLeaves(cycle, contentOf(system), u.group) : [],
      milestones: (plan?.items ?? []).reduce((n, i) => n + i.milestones.length, 0),
      progressPeriods: cycle.calendar.progressPeriods.length,
      returns: returnedRounds(plan),
      reopenings: selfOf.get(u.code)?.reopened ? 1 : 0,
    });
    out.set(u.code, { name: u.name, count });
  }
  return out;
}

/** The cycle compared with: the tenant's cycle of the same kind the year before (the latest made). */
async function previousCycle(caller: Caller, cycle: Cycle): Promise<Cycle | undefined> {
  const all = await caller.deps.data.cycles.all(tenant(caller));
  return all
    .filter((c) => c.id !== cycle.id && c.kind === cycle.kind && c.year === cycle.year - 1)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))[0];
}

/** The reporting burden (填报负担) per unit, beside the same count for last year's cycle. */
export async function cycleBurden(caller: Caller, id: string) {
  const cycle = await loadCycle(caller, id);
  const now = await countsOf(caller, cycle);
  const prev = await previousCycle(caller, cycle);
  const before = prev ? await countsOf(caller, prev) : undefined;
  const rows = [...now.entries()].map(([unit, { name, count }]) => {
    const b = before?.get(unit)?.count;
    return { unit, unitName: name, now: count, ...(b ? { before: b } : {}) };
  });
  const total = [...now.values()].reduce((a, r) => add(a, r.count), zero());
  return {
    cycle: cycle.id,
    ...(prev ? { previousCycle: { id: prev.id, name: prev.name, year: prev.year } } : {}),
    rule: BURDEN_RULE,
    rows,
    total,
    ...(before ? { totalBefore: [...before.values()].reduce((a, r) => add(a, r.count), zero()) } : {}),
  };
}
