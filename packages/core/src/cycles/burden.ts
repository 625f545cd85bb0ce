import type { PlanLeaf } from './plan-checks';

/**
 * What the office asks of one unit in a cycle (填报负担), so the office can see the burden it sets
 * and how a change to the system or the calendar moves it. Shown to the office with this rule:
 *
 * fields (填报项) =
 *   annual plan:      5 per indicator (target, basis, standard, measures, owner)
 *                   + 1 (the plan's basis)
 *                   + 4 per milestone (name, due day, owner, standard)
 *   progress:         per period, 1 value for each indicator scored against a numeric target
 *                   + 1 narrative
 *   self-assessment:  per indicator, self-score + narrative (2), plus the actual value (or words)
 *                     only where the unit itself reports it (source 自报); a value a data provider
 *                     supplies, or that experts or a survey give, is not asked of the unit (一数一源)
 *                   + 1 (the self-evaluation report)
 * reports (报送次数) = 1 annual plan + 1 per progress period + 1 self-evaluation report
 * files (佐证材料)   = indicators that require evidence
 * returns (退回/重开) = plans returned + steps reopened
 */
export interface BurdenCount {
  fields: number;
  reports: number;
  files: number;
  returns: number;
}

export const BURDEN_KEYS = [
  'fields',
  'reports',
  'files',
  'returns',
] as const satisfies readonly (keyof BurdenCount)[];

/** Fields of one annual plan item, of one milestone, and of one self-assessment item (without the actual). */
export const PLAN_FIELDS_PER_LEAF = 5;
export const FIELDS_PER_MILESTONE = 4;
export const SELF_FIELDS_PER_LEAF = 2;

export function reportingBurden(input: {
  leaves: readonly PlanLeaf[];
  /** Milestones across the unit's plan. */
  milestones: number;
  progressPeriods: number;
  /** Times the unit's plan was returned. */
  returns: number;
  /** Steps of the cycle reopened (each asks the unit again). */
  reopenings: number;
}): BurdenCount {
  const { leaves, milestones, progressPeriods } = input;
  const plan = PLAN_FIELDS_PER_LEAF * leaves.length + 1 + FIELDS_PER_MILESTONE * milestones;
  const numeric = leaves.filter((l) => l.needsNumber).length;
  const progress = progressPeriods * (numeric + 1);
  const ownActuals = leaves.filter((l) => l.source === 'self_report').length;
  const self = SELF_FIELDS_PER_LEAF * leaves.length + ownActuals + 1;
  return {
    fields: plan + progress + self,
    reports: 1 + progressPeriods + 1,
    files: leaves.filter((l) => l.evidenceRequired).length,
    returns: input.returns + input.reopenings,
  };
}

export interface BurdenDelta {
  now: number;
  before?: number;
  /** now − before. */
  delta?: number;
}

/** Each count now, before, and the change; without `before` only `now`. */
export function burdenChange(now: BurdenCount, before?: BurdenCount): Record<keyof BurdenCount, BurdenDelta> {
  const one = (k: keyof BurdenCount): BurdenDelta =>
    before === undefined ? { now: now[k] } : { now: now[k], before: before[k], delta: now[k] - before[k] };
  return { fields: one('fields'), reports: one('reports'), files: one('files'), returns: one('returns') };
}
