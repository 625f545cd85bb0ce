import { z } from 'zod';
import { zodIssuesToFields } from '../errors/zod-issues';
import { FINANCE_CALCULATOR_LABELS } from '../vocabulary/labels';
import { employmentPerInvestment } from './employment';
import { environmentalQualityIndex } from './eqi';
import { debtRatio, debtServiceRatio, revenueGrowthRate, structureShare } from './fiscal';
import { irr } from './irr';
import { fnpv, npvr, presentValueOfInvestment } from './npv';
import { dynamicPayback, type PaybackResult, staticPayback } from './payback';
import { energyPerNetOutput, landPerInvestment, waterPerProduct } from './resource-use';
import { type FinanceResult, type FinanceText, financeError, finite, ok } from './result';

/**
 * Every calculator by name, so that a formula indicator or an API endpoint can run any of them with
 * arguments checked by a zod schema. `compute` is only ever given parsed arguments and returns a
 * FinanceResult<number> that is never NaN or ±Infinity. Call through `runFinanceCalculator` when the
 * name and arguments come from outside.
 *
 * PERCENT here, unlike the functions: rates given to and returned by the registry are percentages
 * (discount rate `ratePercent: 8` = 8%; IRR, NPVR, growth, shares and debt ratios come back as 5.6
 * for 5.6%), because the seed writes its ratios "× 100%" and the indicator templates score them
 * against percentages (unit '%', e.g. 债务率 bands at 80 / 100 / 120). The rate argument is named
 * `ratePercent` so nobody passes 0.08 by habit.
 *
 * Bounds: money and quantities |x| ≤ 1e15 (万元 or any unit: far beyond any real project); at most
 * 200 yearly flows (the leaf-input schema's array limit); discount rates −99% … 1000%.
 */
export interface FinanceCalculator<S extends z.ZodType = z.ZodType> {
  readonly label: FinanceText;
  readonly args: S;
  readonly unitOfMeasure: FinanceText;
  compute(args: z.infer<S>): FinanceResult<number>;
}

const MAX_AMOUNT = 1e15;
const MAX_YEARS = 200;

const amount = z
  .number()
  .min(-MAX_AMOUNT, `金额超出范围 / Amount out of range`)
  .max(MAX_AMOUNT, `金额超出范围 / Amount out of range`);
const quantity = z
  .number()
  .min(0, '不能为负数 / Cannot be negative')
  .max(MAX_AMOUNT, '数值超出范围 / Value out of range');
const ratePercent = z
  .number()
  .min(-99, '折现率不能低于 −99% / The rate cannot be below −99%')
  .max(1000, '折现率不能高于 1000% / The rate cannot exceed 1000%');
const fraction = (percent: number) => percent / 100;
const flows = (item: z.ZodNumber) =>
  z
    .array(item)
    .min(1, '至少需要一年的现金流量 / At least one year of cash flow is required')
    .max(MAX_YEARS, `最多 ${MAX_YEARS} 年 / At most ${MAX_YEARS} years`);

const PERCENT: FinanceText = { zh: '%', en: '%' };
const MONEY_UNIT: FinanceText = {
  zh: '与输入金额同单位（通常为万元）',
  en: 'same unit as the inputs (usually 10k yuan)',
};

/** Keeps the schema's type tied to its compute, and adds the last line of defence against NaN. */
function define<S extends z.ZodType>(c: FinanceCalculator<S>): FinanceCalculator<S> {
  return { ...c, compute: (args) => guard(c.compute(args), c.label) };
}

const guard = (r: FinanceResult<number>, label: FinanceText): FinanceResult<number> =>
  r.ok ? finite(r.value, label) : r;

const paybackYears = (r: FinanceResult<PaybackResult>): FinanceResult<number> => {
  if (!r.ok) return r;
  return r.value.kind === 'paid_back'
    ? ok(r.value.years)
    : financeError(
        'never_pays_back',
        '在计算期内累计净现金流量始终为负，投资无法回收。',
        'The cumulative net cash flow stays negative over the whole period: the investment never pays back.',
      );
};

const fnpvArgs = z.union([
  z.object({ netFlows: flows(amount), ratePercent }).strict(),
  z
    .object({ inflows: flows(quantity), outflows: flows(quantity), ratePercent })
    .strict()
    .refine((a) => a.inflows.length === a.outflows.length, {
      message: '现金流入与流出的年数必须相同 / Inflows and outflows must cover the same number of years',
      path: ['outflows'],
    }),
]);

/** The calculators' names, in the registry's order; their labels are in ../vocabulary. */
export const FINANCE_CALCULATOR_NAMES = [
  'fnpv',
  'present_value_of_investment',
  'npvr',
  'irr',
  'static_payback',
  'dynamic_payback',
  'employment_per_investment',
  'energy_per_net_output',
  'land_per_investment',
  'water_per_product',
  'eqi',
  'revenue_growth_rate',
  'structure_share',
  'debt_ratio',
  'debt_to_gdp',
  'debt_to_revenue',
  'debt_service_ratio',
] as const;
export type FinanceCalculatorName = (typeof FINANCE_CALCULATOR_NAMES)[number];

const calculators = {
  fnpv: define({
    label: FINANCE_CALCULATOR_LABELS.fnpv,
    args: fnpvArgs,
    unitOfMeasure: MONEY_UNIT,
    compute: (a) =>
      'netFlows' in a
        ? fnpv(a.netFlows, fraction(a.ratePercent))
        : fnpv(
            a.inflows.map((inflow, t) => ({ inflow, outflow: a.outflows[t] ?? 0 })),
            fraction(a.ratePercent),
          ),
  }),
  present_value_of_investment: define({
    label: FINANCE_CALCULATOR_LABELS.present_value_of_investment,
    args: z.object({ investments: flows(quantity), ratePercent }).strict(),
    unitOfMeasure: MONEY_UNIT,
    compute: (a) => presentValueOfInvestment(a.investments, fraction(a.ratePercent)),
  }),
  npvr: define({
    label: FINANCE_CALCULATOR_LABELS.npvr,
    args: z.object({ npv: amount, presentValueOfInvestment: amount }).strict(),
    unitOfMeasure: PERCENT,
    compute: (a) => npvr(a.npv, a.presentValueOfInvestment, 'percent'),
  }),
  irr: define({
    label: FINANCE_CALCULATOR_LABELS.irr,
    args: z.object({ netFlows: flows(amount) }).strict(),
    unitOfMeasure: PERCENT,
    compute: (a) => {
      const r = irr(a.netFlows);
      if (!r.ok) return r;
      const v = r.value;
      if (v.kind === 'unique') return ok(v.rate * 100);
      if (v.kind === 'none') return financeError('no_irr', v.zh, v.en);
      const list = v.rates.map((x) => `${+(x * 100).toPrecision(6)}%`).join('、');
      return financeError(
        'multiple_irr',
        `现金流量多次变号，存在多个内部收益率（${list}），无法确定唯一值；建议改用财务净现值。`,
        `The cash flows change sign more than once and have several IRRs (${list.replaceAll('、', ', ')}); none is "the" IRR — use the FNPV instead.`,
        { rates: v.rates.map((x) => x * 100) },
      );
    },
  }),
  static_payback: define({
    label: FINANCE_CALCULATOR_LABELS.static_payback,
    args: z.object({ netFlows: flows(amount) }).strict(),
    unitOfMeasure: { zh: '年', en: 'years' },
    compute: (a) => paybackYears(staticPayback(a.netFlows)),
  }),
  dynamic_payback: define({
    label: FINANCE_CALCULATOR_LABELS.dynamic_payback,
    args: z.object({ netFlows: flows(amount), ratePercent }).strict(),
    unitOfMeasure: { zh: '年', en: 'years' },
    compute: (a) => paybackYears(dynamicPayback(a.netFlows, fraction(a.ratePercent))),
  }),
  employment_per_investment: define({
    label: FINANCE_CALCULATOR_LABELS.employment_per_investment,
    args: z
      .object({
        directJobs: quantity,
        relatedJobs: quantity.optional(),
        directInvestment: quantity,
        indirectInvestment: quantity.optional(),
      })
      .strict(),
    unitOfMeasure: { zh: '人/万元', en: 'persons per 10k yuan' },
    compute: (a) => employmentPerInvestment(a),
  }),
  energy_per_net_output: define({
    label: FINANCE_CALCULATOR_LABELS.energy_per_net_output,
    args: z.object({ annualEnergyConsumption: quantity, netOutputValue: amount }).strict(),
    unitOfMeasure: { zh: '吨标准煤/万元', en: 'tce per 10k yuan' },
    compute: (a) => energyPerNetOutput(a.annualEnergyConsumption, a.netOutputValue),
  }),
  land_per_investment: define({
    label: FINANCE_CALCULATOR_LABELS.land_per_investment,
    args: z.object({ cultivatedLandMu: quantity, totalInvestment: quantity }).strict(),
    unitOfMeasure: { zh: '亩/万元', en: 'mu per 10k yuan' },
    compute: (a) => landPerInvestment(a.cultivatedLandMu, a.totalInvestment),
  }),
  water_per_product: define({
    label: FINANCE_CALCULATOR_LABELS.water_per_product,
    args: z.object({ annualProductionWaterUse: quantity, mainProductOutput: quantity }).strict(),
    unitOfMeasure: { zh: '立方米/单位产品', en: 'm³ per unit of product' },
    compute: (a) => waterPerProduct(a.annualProductionWaterUse, a.mainProductOutput),
  }),
  eqi: define({
    label: FINANCE_CALCULATOR_LABELS.eqi,
    args: z
      .object({
        emitted: z.array(quantity).min(1, '至少一种污染物 / At least one pollutant').max(100),
        maxAllowed: z.array(quantity).min(1, '至少一种污染物 / At least one pollutant').max(100),
      })
      .strict()
      .refine((a) => a.emitted.length === a.maxAllowed.length, {
        message: '排放量与允许排放量的项数必须相同 / Emissions and limits must have the same length',
        path: ['maxAllowed'],
      }),
    unitOfMeasure: { zh: '无量纲', en: 'dimensionless' },
    compute: (a) =>
      environmentalQualityIndex(
        a.emitted.map((emitted, i) => ({ emitted, maxAllowed: a.maxAllowed[i] ?? 0 })),
      ),
  }),
  revenue_growth_rate: define({
    label: FINANCE_CALCULATOR_LABELS.revenue_growth_rate,
    args: z.object({ current: quantity, previous: quantity }).strict(),
    unitOfMeasure: PERCENT,
    compute: (a) => revenueGrowthRate(a.current, a.previous, 'percent'),
  }),
  structure_share: define({
    label: FINANCE_CALCULATOR_LABELS.structure_share,
    args: z.object({ part: quantity, total: quantity }).strict(),
    unitOfMeasure: PERCENT,
    compute: (a) => structureShare(a.part, a.total, 'percent'),
  }),
  debt_ratio: define({
    label: FINANCE_CALCULATOR_LABELS.debt_ratio,
    args: z.object({ debtBalance: quantity, fiscalCapacity: quantity }).strict(),
    unitOfMeasure: PERCENT,
    compute: (a) => debtRatio(a.debtBalance, a.fiscalCapacity, 'fiscal_capacity', 'percent'),
  }),
  debt_to_gdp: define({
    label: FINANCE_CALCULATOR_LABELS.debt_to_gdp,
    args: z.object({ debtBalance: quantity, gdp: quantity }).strict(),
    unitOfMeasure: PERCENT,
    compute: (a) => debtRatio(a.debtBalance, a.gdp, 'gdp', 'percent'),
  }),
  debt_to_revenue: define({
    label: FINANCE_CALCULATOR_LABELS.debt_to_revenue,
    args: z.object({ debtBalance: quantity, revenue: quantity }).strict(),
    unitOfMeasure: PERCENT,
    compute: (a) => debtRatio(a.debtBalance, a.revenue, 'revenue', 'percent'),
  }),
  debt_service_ratio: define({
    label: FINANCE_CALCULATOR_LABELS.debt_service_ratio,
    args: z.object({ debtService: quantity, fiscalCapacity: quantity }).strict(),
    unitOfMeasure: PERCENT,
    compute: (a) => debtServiceRatio(a.debtService, a.fiscalCapacity, 'percent'),
  }),
} as const satisfies Readonly<Record<FinanceCalculatorName, FinanceCalculator>>;

/**
 * Null-prototype and frozen: a name taken from a URL, such as `constructor` or `__proto__`, finds
 * nothing here instead of an Object.prototype member.
 */
export const FINANCE_CALCULATORS: typeof calculators = Object.freeze(
  Object.assign(Object.create(null) as typeof calculators, calculators),
);

export const isFinanceCalculatorName = (name: string): name is FinanceCalculatorName =>
  Object.hasOwn(FINANCE_CALCULATORS, name);

/** Looks a calculator up by name, validates raw (e.g. JSON) arguments and runs it. Never throws. */
export function runFinanceCalculator(name: string, rawArgs: unknown): FinanceResult<number> {
  if (!isFinanceCalculatorName(name))
    return financeError('unknown_calculator', `未知的计算公式：${name}。`, `Unknown calculator: ${name}.`);
  // Method parameters are bivariant, so each entry widens to the schema-agnostic interface.
  const calculator: FinanceCalculator = FINANCE_CALCULATORS[name];
  const parsed = calculator.args.safeParse(rawArgs);
  if (!parsed.success)
    return financeError(
      'invalid_input',
      `${calculator.label.zh}的参数无效。`,
      `Invalid arguments for ${calculator.label.en}.`,
      { issues: zodIssuesToFields(parsed.error.issues, '') },
    );
  return calculator.compute(parsed.data);
}
