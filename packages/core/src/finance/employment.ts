import { FINANCE_CALCULATOR_LABELS } from '../vocabulary/labels';
import { quantityRatio } from './ratio';
import type { FinanceResult } from './result';
import { requireNonNegative } from './validate';

/**
 * 单位投资就业人数 (seed, 社会效益指标 / 就业效益指标):
 *   单位投资就业人数 = 新增总就业人数（包括本项目与相关项目）/ 项目总投资（包括直接投资与间接投资）
 * Jobs in persons (人), investment in the tenant's money unit (normally 万元) → 人/万元.
 */
export interface EmploymentArgs {
  /** New jobs created by the project itself. */
  readonly directJobs: number;
  /** New jobs created in related projects (相关项目); 0 if not assessed. */
  readonly relatedJobs?: number;
  /** Direct investment (直接投资). */
  readonly directInvestment: number;
  /** Indirect investment (间接投资); 0 if none. */
  readonly indirectInvestment?: number;
}

export function employmentPerInvestment(args: EmploymentArgs): FinanceResult<number> {
  const relatedJobs = args.relatedJobs ?? 0;
  const indirectInvestment = args.indirectInvestment ?? 0;
  const e =
    requireNonNegative(args.directJobs, { zh: '本项目新增就业人数', en: 'Direct new jobs' }, 'directJobs') ??
    requireNonNegative(relatedJobs, { zh: '相关项目新增就业人数', en: 'Related new jobs' }, 'relatedJobs') ??
    requireNonNegative(
      args.directInvestment,
      { zh: '直接投资', en: 'Direct investment' },
      'directInvestment',
    ) ??
    requireNonNegative(
      indirectInvestment,
      { zh: '间接投资', en: 'Indirect investment' },
      'indirectInvestment',
    );
  if (e) return e;
  return quantityRatio(args.directJobs + relatedJobs, args.directInvestment + indirectInvestment, {
    result: FINANCE_CALCULATOR_LABELS.employment_per_investment,
    numerator: { zh: '新增总就业人数', en: 'Total new jobs' },
    numeratorField: 'directJobs',
    denominator: { zh: '项目总投资', en: 'Total investment' },
    denominatorField: 'directInvestment',
  });
}
