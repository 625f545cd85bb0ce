import {
  type AnnualPlan,
  contentOf,
  cycleLeaves,
  type Light,
  type MonitoringCheck,
  type OverviewRow,
  type PlanLeaf,
  type ProgressReport,
  type SelfAssessment,
  type ValueRecord,
} from '@jixiao/core';
import type { PageRequest } from '@jixiao/data';
import type { Caller } from '../http/caller';
import { loadCycle, pageInMemory, systemsByGroup, tenant, today, unitsInCycle } from './context';
import { planLate, selfLate } from './deadlines';
import { warningsOfUnit } from './warnings-of-unit';

const SEVERITY: Record<Light, number> = { none: 0, green: 1, yellow: 2, red: 3 };
const worst = (lights: Light[]): Light =>
  lights.reduce<Light>((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a), 'none');

/** Records of one kind grouped by unit. */
const byUnit = <T extends { unit: string }>(rows: T[]): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.unit, [...(out.get(r.unit) ?? []), r]);
  return out;
};

/**
 * Who is late or behind (the office's overview): one row per unit in scope with its plan,
 * progress per period (with the warning light), self-assessment, values and open follow-ups.
 * A cycle has at most a few hundred units, so the rows are made whole and paged in memory by
 * unit code, with a signed cursor bound to the tenant and cycle.
 */
export async function cycleOverview(
  caller: Caller,
  id: string,
  q: PageRequest & { only?: 'late' | 'behind' | undefined },
): Promise<{ items: OverviewRow[]; nextCursor?: string }> {
  const t = tenant(caller);
  const cycle = await loadCycle(caller, id);
  const records = caller.deps.data.cycleRecords;
  const [units, systems, plans, reports, selves, values, checks] = await Promise.all([
    unitsInCycle(caller, cycle),
    systemsByGroup(caller, cycle),
    records.all<AnnualPlan>(t, id, 'PLAN').then((r) => new Map(r.map((p) => [p.unit, p]))),
    records.all<ProgressReport>(t, id, 'PROG').then(byUnit),
    records.all<SelfAssessment>(t, id, 'SELF').then((r) => new Map(r.map((s) => [s.unit, s]))),
    records.all<ValueRecord>(t, id, 'VAL').then(byUnit),
    records.all<MonitoringCheck>(t, id, 'CHECK').then(byUnit),
  ]);
  const day = today(caller);
  const leavesOf = new Map<string, PlanLeaf[]>();
  for (const [group, system] of systems) leavesOf.set(group, cycleLeaves(cycle, contentOf(system), group));

  const rows: OverviewRow[] = units
    .map((u): OverviewRow => {
      const plan = plans.get(u.code);
      const self = selves.get(u.code);
      const periods = warningsOfUnit(
        cycle,
        leavesOf.get(u.group) ?? [],
        plan,
        reports.get(u.code) ?? [],
        day,
      );
      const progress = periods.map((p) => ({
        period: p.period.code,
        submitted: p.report?.status === 'submitted',
        late: p.late,
        light: p.light,
      }));
      const vals = values.get(u.code) ?? [];
      return {
        unit: u.code,
        unitName: u.name,
        group: u.group,
        plan: plan?.status ?? 'missing',
        planLate: planLate(cycle, plan, day),
        progress,
        light: worst(progress.filter((p) => p.submitted).map((p) => p.light)),
        self: self?.status ?? 'missing',
        selfLate: selfLate(cycle, self, day),
        valuesPending: vals.filter((v) => v.status === 'pending').length,
        valuesCorrected: vals.filter((v) => v.status === 'corrected').length,
        openFollowUps: (checks.get(u.code) ?? []).filter((c) => c.followUpStatus === 'open').length,
      };
    })
    .filter((r) =>
      q.only === 'late'
        ? r.planLate || r.selfLate || r.progress.some((p) => p.late)
        : q.only === 'behind'
          ? r.light === 'yellow' || r.light === 'red'
          : true,
    );
  return pageInMemory(caller, `cycle:${id}:overview`, rows, (r) => r.unit, q);
}
