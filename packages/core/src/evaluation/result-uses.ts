/**
 * Use of results (结果运用): how the office records that results were used, per unit, audited.
 * Labels: ../vocabulary/evaluation-labels.ts.
 */
export const RESULT_USE_KINDS = [
  'reward',
  'accountability',
  'budget',
  'cadre',
  'provider_favour',
  'provider_exclude',
  'other',
] as const;
export type ResultUseKind = (typeof RESULT_USE_KINDS)[number];
