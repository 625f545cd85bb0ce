import {
  type AnnualPlan,
  type Cycle,
  type Light,
  type PlanLeaf,
  type ProgressPeriod,
  type ProgressReport,
  progressWarning,
  shanghaiDay,
  unitLight,
  type Warning,
} from '@jixiao/core';

/**
 * The progress warnings (预警) of one unit, period by period: shared by the office's overview and
 * the unit's progress page, so both show the same light for the same numbers.
 */

export interface PeriodWarnings {
  period: ProgressPeriod;
  report?: ProgressReport;
  warnings: Warning[];
  light: Light;
  /** Not submitted by the period's due day (still missing after it, or submitted after it). */
  late: boolean;
}

/** Whether a period's report is late on `today` (a Shanghai day). */
export function reportLate(
  period: ProgressPeriod,
  report: ProgressReport | undefined,
  today: string,
): boolean {
  if (report?.status === 'submitted')
    return report.submittedAt !== undefined && shanghaiDay(new Date(report.submittedAt)) > period.due;
  return today > period.due;
}

/**
 * Per progress period of the cycle's calendar (in its order): the report, the warning of every
 * plan item whose leaf applies to the unit, the unit's light and whether the report is late.
 *
 * A period is read once it has a report or has ended (`period.ends <= today`); before that it has
 * no warnings (light 'none'), so a future period does not show milestones as overdue. The value
 * read is the period's own report's; a milestone reported done in any report up to this period
 * stays done.
 */
export function warningsOfUnit(
  cycle: Pick<Cycle, 'year' | 'calendar' | 'warningRule'>,
  leaves: readonly PlanLeaf[],
  plan: Pick<AnnualPlan, 'items'> | undefined,
  reports: readonly ProgressReport[],
  today: string,
): PeriodWarnings[] {
  const byLeaf = new Map(leaves.map((l) => [l.code, l]));
  const byPeriod = new Map(reports.map((r) => [r.period, r]));
  const done = new Map<string, Set<number>>();
  return cycle.calendar.progressPeriods.map((period) => {
    const report = byPeriod.get(period.code);
    for (const m of report?.milestones ?? []) {
      if (!m.done) continue;
      const set = done.get(m.leaf) ?? new Set<number>();
      set.add(m.index);
      done.set(m.leaf, set);
    }
    const late = reportLate(period, report, today);
    const read = report !== undefined || period.ends <= today;
    const warnings: Warning[] = [];
    if (plan && read)
      for (const item of plan.items) {
        const leaf = byLeaf.get(item.leaf);
        if (!leaf) continue;
        const value = report?.items.find((i) => i.leaf === item.leaf)?.value;
        warnings.push(
          progressWarning({
            item,
            leaf,
            ...(value !== undefined ? { value } : {}),
            period,
            year: cycle.year,
            rule: cycle.warningRule,
            milestonesDone: new Set(done.get(item.leaf) ?? []),
          }),
        );
      }
    const out: PeriodWarnings = { period, warnings, light: unitLight(warnings), late };
    if (report) out.report = report;
    return out;
  });
}
