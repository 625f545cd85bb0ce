import {
  ANNUAL_PLAN_STATUS_LABELS,
  type AnnualPlan,
  type AnnualPlanPut,
  type AnnualPlanStatus,
  AppError,
  applyReview,
  errors,
  type FieldIssue,
  isPlanEditable,
  latestDecisions,
  type PlanReview,
  unitScope,
} from '@jixiao/core';
import type { PageRequest } from '@jixiao/data';
import {
  changedFields,
  loadCycle,
  ownUnitInCycle,
  pageInMemory,
  recordAudit,
  tenant,
  today,
  unitInCycle,
  unitsInCycle,
} from '../cycles/context';
import { planLate } from '../cycles/deadlines';
import { requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';
import { ACTION_STATES, PLAN, planOr404, planView, readPlan } from './view';

/** Annual plans (年度绩效计划, arts. 9–12): the office's list, a unit's plan, saving it, the review. */

type Status = AnnualPlanStatus | 'missing';

export async function listPlans(
  caller: Caller,
  cycleId: string,
  q: PageRequest & { status?: Status | undefined },
) {
  const t = tenant(caller);
  const cycle = await loadCycle(caller, cycleId);
  const own = unitScope(caller.identity);
  const [units, plans] = await Promise.all([
    unitsInCycle(caller, cycle),
    caller.deps.data.cycleRecords.all<AnnualPlan>(t, cycleId, 'PLAN'),
  ]);
  const byUnit = new Map(plans.map((p) => [p.unit, p]));
  const day = today(caller);
  const rows = units
    .filter((u) => own === undefined || u.code === own)
    .map((u) => {
      const p = byUnit.get(u.code);
      const returned = p
        ? [...latestDecisions(p.reviews, p.round).values()].filter((d) => d === 'returned')
        : [];
      return {
        unit: u.code,
        unitName: u.name,
        group: u.group,
        status: (p?.status ?? 'missing') as Status,
        round: p?.round ?? 0,
        returnedItems: returned.length,
        ...(p?.submittedAt ? { submittedAt: p.submittedAt } : {}),
        ...(p ? { updatedAt: p.updatedAt } : {}),
        late: planLate(cycle, p, day),
      };
    })
    .filter((r) => q.status === undefined || r.status === q.status);
  return pageInMemory(caller, `cycle:${cycleId}:plans`, rows, (r) => r.unit, q);
}

export async function getPlan(caller: Caller, cycleId: string, unit: string) {
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  return planView(caller, cycle, u, await readPlan(caller, cycle, unit));
}

const notEditable = (status: AnnualPlanStatus) =>
  new AppError({
    status: 409,
    code: 'not_editable',
    zh: `年度绩效计划当前为「${ANNUAL_PLAN_STATUS_LABELS[status].zh}」，只有编制中或退回修改的计划可以修改。`,
    en: `The annual plan is ${ANNUAL_PLAN_STATUS_LABELS[status].en.toLowerCase()}; only a draft or a returned plan can change.`,
    detail: { status },
  });

/**
 * The unit saves its plan: created on the first save (no version), then changed at the version
 * read (409 when someone saved meanwhile, so nothing is lost). Only while plans are made, and only
 * a draft or returned plan. An item for an indicator that does not apply to the unit is refused;
 * what is merely incomplete is saved and listed in the view's issues.
 */
export async function putPlan(caller: Caller, cycleId: string, unit: string, input: AnnualPlanPut) {
  const t = tenant(caller);
  const cycle = await loadCycle(caller, cycleId);
  const u = await ownUnitInCycle(caller, cycle, unit);
  requireState(cycle, ['planning'], { zh: '修改年度绩效计划', en: 'change the annual plan' });
  const applicable = new Set(u.leaves.map((l) => l.code));
  const issues: FieldIssue[] = input.items.flatMap((item, i) =>
    applicable.has(item.leaf)
      ? []
      : [
          {
            path: `body.items.${i}.leaf`,
            zh: `指标 ${item.leaf} 不适用于本单位（或不在本周期的指标体系中）`,
            en: `Indicator ${item.leaf} does not apply to this unit (or is not in the cycle's system)`,
          },
        ],
  );
  if (input.longTermStartYear !== undefined) {
    const ltp = await caller.deps.data.longTermPlans.get(t, unit, input.longTermStartYear);
    if (!ltp)
      issues.push({
        path: 'body.longTermStartYear',
        zh: `本单位没有自 ${input.longTermStartYear} 年起的中长期绩效计划`,
        en: `The unit has no long-term plan starting ${input.longTermStartYear}`,
      });
  }
  if (issues.length) throw errors.validation(issues);

  const { version, ...fields } = input;
  const records = caller.deps.data.cycleRecords;
  const current = await readPlan(caller, cycle, unit);
  if (current && !isPlanEditable(current.status)) throw notEditable(current.status);
  let saved: AnnualPlan;
  let audit: { before?: unknown; after: unknown };
  if (version === undefined) {
    if (current) throw errors.alreadyExists(PLAN.zh, PLAN.en);
    saved = await records.create<Omit<AnnualPlan, 'version' | 'createdAt' | 'updatedAt'>>(
      t,
      cycleId,
      'PLAN',
      [unit],
      { cycle: cycleId, unit, status: 'draft', ...fields, reviews: [], round: 0 },
      PLAN,
    );
    audit = { after: fields };
  } else {
    if (!current) throw errors.notFound(PLAN.zh, PLAN.en);
    const changes = { ...fields, longTermStartYear: fields.longTermStartYear ?? null };
    const diff = changedFields(current, changes);
    saved = await records.update<AnnualPlan>(t, cycleId, 'PLAN', [unit], version, changes, PLAN);
    audit = { before: diff.before, after: diff.after };
  }
  await recordAudit(caller, {
    action: 'plan.save',
    target: { type: 'plan', id: `${cycleId}/${unit}` },
    ...audit,
  });
  return planView(caller, cycle, u, saved);
}

/** The office approves or returns indicators of a submitted plan (art. 12 ¶1). */
export async function reviewPlan(caller: Caller, cycleId: string, unit: string, body: PlanReview) {
  const t = tenant(caller);
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  requireState(cycle, ACTION_STATES.review, { zh: '审核年度绩效计划', en: 'review annual plans' });
  const plan = await planOr404(caller, cycle, unit);
  const at = caller.deps.now().toISOString();
  const { reviews, status } = applyReview(
    plan,
    body.decisions,
    u.leaves.map((l) => l.code),
    caller.identity.sub,
    at,
    'body.decisions',
  );
  const changes = { reviews, status, ...(status === 'approved' ? { approvedAt: at } : {}) };
  const saved = await caller.deps.data.cycleRecords.update<AnnualPlan>(
    t,
    cycleId,
    'PLAN',
    [unit],
    body.version,
    changes,
    PLAN,
  );
  await recordAudit(caller, {
    action: 'plan.review',
    target: { type: 'plan', id: `${cycleId}/${unit}` },
    before: { status: plan.status },
    after: { status, round: plan.round, decisions: body.decisions },
  });
  return planView(caller, cycle, u, saved);
}
