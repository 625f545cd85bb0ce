import {
  type AnnualPlan,
  type Cycle,
  errors,
  type FieldIssue,
  leafLabel,
  type ProgressPut,
  type ProgressReport,
} from '@jixiao/core';
import {
  isOwnUnit,
  loadCycle,
  ownUnitInCycle,
  recordAudit,
  tenant,
  today,
  type UnitInCycle,
  unitInCycle,
} from '../cycles/context';
import { requireState } from '../cycles/gate';
import { warningsOfUnit } from '../cycles/warnings-of-unit';
import type { Caller } from '../http/caller';
import { changedFields, cycleRef, deadlinePassed, unitRef } from './shared';

export { checks, createCheck, updateCheck } from './checks';

/**
 * Daily monitoring (日常监测, arts. 14 and 22): a unit's progress reports period by period against
 * its annual plan, with the warning (预警) of every indicator and the rule that made it.
 */

const REPORT = { zh: '进度报告', en: 'Progress report' };
const PERIOD = { zh: '进度报送期次', en: 'Progress period' };

const planOf = (caller: Caller, cycle: Cycle, unit: string) =>
  caller.deps.data.cycleRecords.get<AnnualPlan>(tenant(caller), cycle.id, 'PLAN', [unit]);

/** The progress page of a unit: leaves, plan items, and per period the report and its warnings. */
async function progressView(caller: Caller, cycle: Cycle, u: UnitInCycle) {
  const t = tenant(caller);
  const [plan, reports] = await Promise.all([
    planOf(caller, cycle, u.unit.code),
    caller.deps.data.cycleRecords.all<ProgressReport>(t, cycle.id, 'PROG', [u.unit.code]),
  ]);
  const periods = warningsOfUnit(cycle, u.leaves, plan, reports, today(caller));
  return {
    cycle: cycleRef(cycle),
    unit: unitRef(u.unit),
    leaves: u.leaves,
    items: plan?.items ?? [],
    periods,
    allowed: { edit: isOwnUnit(caller, u.unit.code) && cycle.state === 'monitoring' },
  };
}

export async function progress(caller: Caller, cycleId: string, unit: string) {
  const cycle = await loadCycle(caller, cycleId);
  return progressView(caller, cycle, await unitInCycle(caller, cycle, unit));
}

/** Items only for leaves that apply, once each; milestones only of the plan item's list. */
function reportIssues(input: ProgressPut, u: UnitInCycle, plan: AnnualPlan | undefined): FieldIssue[] {
  const out: FieldIssue[] = [];
  const leaves = new Map(u.leaves.map((l) => [l.code, l]));
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    const leaf = leaves.get(item.leaf);
    if (!leaf)
      out.push({
        path: `body.items.${i}.leaf`,
        zh: `指标 ${item.leaf} 不适用于本单位`,
        en: `Indicator ${item.leaf} does not apply to this unit`,
      });
    else if (seen.has(item.leaf)) {
      const l = leafLabel(leaf);
      out.push({
        path: `body.items.${i}.leaf`,
        zh: `${l.zh}重复，每个指标只报一项`,
        en: `${l.en} appears more than once; report one item per indicator`,
      });
    }
    seen.add(item.leaf);
  });
  const planned = new Map((plan?.items ?? []).map((p) => [p.leaf, p]));
  input.milestones.forEach((m, i) => {
    const item = planned.get(m.leaf);
    if (!item || !leaves.has(m.leaf))
      out.push({
        path: `body.milestones.${i}.leaf`,
        zh: `指标 ${m.leaf} 不在本单位的年度绩效计划中`,
        en: `Indicator ${m.leaf} is not in this unit's annual plan`,
      });
    else if (m.index >= item.milestones.length)
      out.push({
        path: `body.milestones.${i}.index`,
        zh: `指标 ${m.leaf} 的年度计划只有 ${item.milestones.length} 个节点，没有第 ${m.index + 1} 个`,
        en: `The plan of indicator ${m.leaf} has ${item.milestones.length} milestone(s); there is no number ${m.index + 1}`,
      });
  });
  return out;
}

/**
 * Saves a period's report (and with `submit`, reports it). A submitted report may be corrected
 * until the period's due day; a draft may still be submitted after it, and is then late.
 */
export async function report(
  caller: Caller,
  cycleId: string,
  unit: string,
  periodCode: string,
  input: ProgressPut,
) {
  const cycle = await loadCycle(caller, cycleId);
  const u = await ownUnitInCycle(caller, cycle, unit);
  const period = cycle.calendar.progressPeriods.find((p) => p.code === periodCode);
  if (!period) throw errors.notFound(PERIOD.zh, PERIOD.en);
  requireState(cycle, ['monitoring'], { zh: '报送进度', en: 'report progress' });

  const t = tenant(caller);
  const records = caller.deps.data.cycleRecords;
  const path = [unit, period.code];
  const [existing, plan] = await Promise.all([
    records.get<ProgressReport>(t, cycle.id, 'PROG', path),
    planOf(caller, cycle, unit),
  ]);
  const issues = reportIssues(input, u, plan);
  if (issues.length) throw errors.validation(issues);
  const day = today(caller);
  if (existing?.status === 'submitted' && day > period.due)
    throw deadlinePassed(
      period.due,
      {
        zh: `「${period.name}」的进度报告已报送，不能再修改`,
        en: `the submitted report of ${period.name} can no longer be changed`,
      },
      { period: period.code },
    );

  const submitted = existing?.status === 'submitted' || input.submit;
  const fields = {
    items: input.items,
    milestones: input.milestones,
    narrative: input.narrative,
    status: submitted ? ('submitted' as const) : ('draft' as const),
    ...(submitted ? { submittedAt: existing?.submittedAt ?? caller.deps.now().toISOString() } : {}),
  };
  const saved =
    input.version === undefined
      ? await records.create<Omit<ProgressReport, 'version' | 'createdAt' | 'updatedAt'>>(
          t,
          cycle.id,
          'PROG',
          path,
          { cycle: cycle.id, unit, period: period.code, ...fields },
          REPORT,
        )
      : await records.update<ProgressReport>(t, cycle.id, 'PROG', path, input.version, fields, REPORT);
  await recordAudit(caller, {
    action: 'progress.save',
    target: { type: 'progress', id: `${cycle.id}/${unit}/${period.code}` },
    ...changedFields(existing, saved, ['items', 'milestones', 'narrative', 'status', 'submittedAt']),
  });
  return progressView(caller, cycle, u);
}
