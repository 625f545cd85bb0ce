import { FINANCE_CALCULATOR_LABELS } from '../vocabulary/labels';
import { quantityRatio } from './ratio';
import {
  type FinanceResult,
  type FinanceText,
  financeError,
  finite,
  ok,
  type RatioUnit,
  ratioScale,
} from './result';
import { requireNonNegative, requirePositiveDenominator } from './validate';

/**
 * Fiscal indicators named by the seed (财政绩效评价工作方案): 收入增长率, 财政收入结构 / 政府支出结构 /
 * 债务结构 (各项在总体中的比重), 债务规模 and 偿债能力. The seed gives no formulas for these, so the
 * usual ones are used. Ratios are decimal fractions (0.056) unless `unit = 'percent'` (5.6).
 */

/**
 * 收入增长率 = (本年收入 − 上年收入) / 上年收入. Computed as a difference first, then divided: the
 * subtraction of two close revenues is exact (Sterbenz), whereas current/previous − 1 would round
 * the quotient before cancelling.
 */
export function revenueGrowthRate(
  current: number,
  previous: number,
  unit: RatioUnit = 'fraction',
): FinanceResult<number> {
  const e =
    requireNonNegative(current, { zh: '本年收入', en: "This year's revenue" }, 'current') ??
    requirePositiveDenominator(previous, { zh: '上年收入', en: "Last year's revenue" }, 'previous');
  if (e) return e;
  return finite(
    ((current - previous) * ratioScale(unit)) / previous,
    FINANCE_CALCULATOR_LABELS.revenue_growth_rate,
  );
}

export interface StructureOptions {
  /** The stated total; when given, the parts must add up to it (within `relativeTolerance`). */
  readonly total?: number;
  /** Default 1e-6 of the total: stated totals are often rounded to the unit shown. */
  readonly relativeTolerance?: number;
}

/**
 * Structure shares (结构 / 比重): each part ÷ the total, as a map with the same keys. Parts are
 * non-negative amounts. If a stated total is given, the parts must sum to it — a report whose items
 * do not add up is a data-quality error (数据准确可靠), not something to normalise away.
 */
export function structureShares(
  parts: Readonly<Record<string, number>>,
  opts: StructureOptions = {},
): FinanceResult<Record<string, number>> {
  const keys = parts && typeof parts === 'object' ? Object.keys(parts) : [];
  if (keys.length === 0)
    return financeError(
      'invalid_input',
      '结构的组成部分不能为空。',
      'The structure needs at least one part.',
      {
        field: 'parts',
      },
    );
  let sum = 0;
  for (const k of keys) {
    const e = requireNonNegative(
      parts[k] as number,
      { zh: `组成部分“${k}”`, en: `Part "${k}"` },
      `parts.${k}`,
    );
    if (e) return e;
    sum += parts[k] as number;
  }
  const tolerance = opts.relativeTolerance ?? 1e-6;
  let total = sum;
  if (opts.total !== undefined) {
    const e =
      requirePositiveDenominator(opts.total, { zh: '合计', en: 'The total' }, 'total') ??
      (Number.isFinite(tolerance) && tolerance >= 0
        ? undefined
        : financeError('invalid_input', '容差必须是非负数。', 'The tolerance must be non-negative.', {
            field: 'relativeTolerance',
          }));
    if (e) return e;
    if (Math.abs(sum - opts.total) > tolerance * opts.total)
      return financeError(
        'parts_mismatch',
        `各组成部分之和（${sum}）与合计（${opts.total}）不一致。`,
        `The parts add up to ${sum}, not to the stated total ${opts.total}.`,
        { field: 'total' },
      );
    total = opts.total;
  }
  if (!Number.isFinite(total))
    return financeError(
      'not_finite',
      '各组成部分之和超出数值范围（溢出）。',
      'The sum of the parts is out of numeric range (overflow).',
      { field: 'parts' },
    );
  if (total === 0)
    return financeError(
      'division_by_zero',
      '各组成部分合计为零，无法计算比重。',
      'The parts add up to zero, so shares cannot be computed.',
      { field: 'parts' },
    );
  const shares: Record<string, number> = {};
  for (const k of keys) shares[k] = (parts[k] as number) / total;
  return ok(shares);
}

/** One part's share of a total (part ≤ total), for indicators that track a single item. */
export function structureShare(
  part: number,
  total: number,
  unit: RatioUnit = 'fraction',
): FinanceResult<number> {
  const names = {
    result: { zh: '比重', en: 'Share' },
    numerator: { zh: '该项金额', en: 'The part' },
    numeratorField: 'part',
    denominator: { zh: '合计', en: 'The total' },
    denominatorField: 'total',
  };
  const r = quantityRatio(part, total, names, unit);
  if (r.ok && part > total)
    return financeError('parts_mismatch', '该项金额大于合计。', 'The part is larger than the total.', {
      field: 'part',
    });
  return r;
}

/** The bases a debt balance is usually compared with. */
export type DebtBase = 'fiscal_capacity' | 'gdp' | 'revenue';

const DEBT_BASES: Record<DebtBase, { ratio: FinanceText; base: FinanceText }> = {
  fiscal_capacity: {
    ratio: { zh: '债务率', en: 'Debt ratio' },
    base: { zh: '综合财力', en: 'Comprehensive fiscal capacity' },
  },
  gdp: { ratio: { zh: '负债率', en: 'Debt-to-GDP ratio' }, base: { zh: '地区生产总值', en: 'GDP' } },
  revenue: {
    ratio: { zh: '债务收入比', en: 'Debt-to-revenue ratio' },
    base: { zh: '一般公共预算收入', en: 'General budget revenue' },
  },
};

/**
 * 债务规模 as a ratio: year-end debt balance (债务余额) ÷ a base. The seed only says "评估政府债务的
 * 规模和债务负担"; the common Chinese measures are 债务率 = 债务余额 / 综合财力 (the MOF's risk
 * measure; the fiscal indicator template bands it at 80 / 100 / 120%) and 负债率 = 债务余额 / GDP.
 * Money in the same unit (万元 or 亿元) for both.
 */
export function debtRatio(
  debtBalance: number,
  base: number,
  baseKind: DebtBase = 'fiscal_capacity',
  unit: RatioUnit = 'fraction',
): FinanceResult<number> {
  const names = DEBT_BASES[baseKind] ?? DEBT_BASES.fiscal_capacity;
  return quantityRatio(
    debtBalance,
    base,
    {
      result: names.ratio,
      numerator: { zh: '债务余额', en: 'Debt balance' },
      numeratorField: 'debtBalance',
      denominator: names.base,
      denominatorField: 'base',
    },
    unit,
  );
}

/**
 * 偿债能力 as 偿债率 = 当年还本付息额 / 综合财力. The seed names 偿债能力 ("评估政府偿还债务的能力和
 * 稳定性") without a formula; this is the measure the fiscal indicator template (D3-2) uses.
 * Lower is better.
 */
export function debtServiceRatio(
  debtService: number,
  fiscalCapacity: number,
  unit: RatioUnit = 'fraction',
): FinanceResult<number> {
  return quantityRatio(
    debtService,
    fiscalCapacity,
    {
      result: { zh: '偿债率', en: 'Debt service ratio' },
      numerator: { zh: '当年还本付息额', en: 'Debt service (principal and interest due this year)' },
      numeratorField: 'debtService',
      denominator: { zh: '综合财力', en: 'Comprehensive fiscal capacity' },
      denominatorField: 'fiscalCapacity',
    },
    unit,
  );
}
