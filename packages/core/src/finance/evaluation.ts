import { FINANCE_CALCULATOR_LABELS } from '../vocabulary/labels';
import { presentValueAt } from './discount';
import { quantityRatio } from './ratio';
import { type FinanceResult, financeError, finite, type RatioUnit, ratioScale } from './result';
import { requireFinite, requireNumbers, requireRate } from './validate';

/**
 * The evaluation methods of the seed that come down to one formula, where the seed names the
 * method but writes no formula (so the usual one is used and its help text says so):
 * 投入产出比 (政府投资项目绩效评估 效果评估法; 政府购买服务 输出指标), 成本效益法 (政府绩效评估方法) and
 * 对比分析法 (政府投资项目绩效评估: 项目实施前后的数据对比).
 */

/**
 * 投入产出比 = 产出 / 投入, a plain ratio (higher is better: 2 means 2 of output per 1 of input).
 * Chinese usage writes it "1:2" with the input first; the value is still output ÷ input. Both are
 * amounts in the same unit (money, or any common measure); input must be positive.
 */
export const inputOutputRatio = (output: number, input: number): FinanceResult<number> =>
  quantityRatio(output, input, {
    result: FINANCE_CALCULATOR_LABELS.input_output_ratio,
    numerator: { zh: '产出', en: 'The output' },
    numeratorField: 'output',
    denominator: { zh: '投入', en: 'The input' },
    denominatorField: 'input',
  });

/**
 * 成本效益法 as the benefit-cost ratio: PV(benefits) / PV(costs) at the office's rate, with the
 * FNPV's convention (year t = 1..n, the first year discounted once; see ./discount). Benefits and
 * costs are non-negative yearly amounts over the same years (0 where a year has none). > 1 means
 * the benefits outweigh the costs.
 */
export function benefitCostRatio(
  benefits: readonly number[],
  costs: readonly number[],
  rate: number,
): FinanceResult<number> {
  const e =
    requireNumbers(benefits, { zh: '效益', en: 'Benefits' }, 'benefits', { nonNegative: true }) ??
    requireNumbers(costs, { zh: '成本', en: 'Costs' }, 'costs', { nonNegative: true }) ??
    requireRate(rate);
  if (e) return e;
  if (benefits.length !== costs.length)
    return financeError(
      'invalid_input',
      '效益与成本的年数必须相同（没有的年份填 0）。',
      'Benefits and costs must cover the same years (0 for a year without any).',
      { field: 'costs' },
    );
  const pvCosts = presentValueAt(costs, rate);
  if (pvCosts === 0)
    return financeError(
      'division_by_zero',
      '成本现值为零（各年成本均为 0），无法计算效益成本比。',
      'The present value of the costs is zero (every cost is 0), so the benefit-cost ratio cannot be computed.',
      { field: 'costs' },
    );
  return finite(presentValueAt(benefits, rate) / pvCosts, FINANCE_CALCULATOR_LABELS.benefit_cost_ratio);
}

/**
 * 对比分析法 as a change rate: (current − baseline) / |baseline|, the change after the project
 * against the baseline before it. Divided by |baseline| so that a rise is positive even from a
 * negative baseline (a loss of −50 improving to −20 is +60%). A baseline of 0 has no rate of
 * change: compare the difference with a target instead (差额计分).
 */
export function changeRate(
  baseline: number,
  current: number,
  unit: RatioUnit = 'fraction',
): FinanceResult<number> {
  const e =
    requireFinite(baseline, { zh: '基期值（实施前）', en: 'The baseline (before)' }, 'baseline') ??
    requireFinite(current, { zh: '当期值（实施后）', en: 'The current value (after)' }, 'current');
  if (e) return e;
  if (baseline === 0)
    return financeError(
      'division_by_zero',
      '基期值（实施前）为 0，无法计算变化率；请改用差额计分比较实施前后的差值。',
      'The baseline (before) is 0, so there is no rate of change; compare the difference with a target instead (target gap).',
      { field: 'baseline' },
    );
  // The difference first, then scaled and divided: exact for close values (Sterbenz), one rounding.
  return finite(
    ((current - baseline) * ratioScale(unit)) / Math.abs(baseline),
    FINANCE_CALCULATOR_LABELS.change_rate,
  );
}
