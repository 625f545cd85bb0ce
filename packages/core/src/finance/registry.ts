import { zodIssuesToFields } from '../errors/zod-issues';
import type { FinanceCalculator } from './registry/define';
import { evaluationCalculators } from './registry/evaluation';
import { fiscalCalculators } from './registry/fiscal';
import { investmentCalculators } from './registry/investment';
import { socialCalculators } from './registry/social';
import { type FinanceResult, financeError } from './result';

export type { FinanceCalculator } from './registry/define';

/**
 * Every calculator by name, so that a formula indicator or an API endpoint can run any of them with
 * arguments checked by a zod schema. The calculators themselves are defined by concept in
 * ./registry/ (investment, social, evaluation methods, fiscal); argument bounds are in
 * ./registry/args, and ./registry/define converts money to 万元 and guards against NaN.
 *
 * PERCENT here, unlike the functions: rates given to and returned by the registry are percentages
 * (discount rate `ratePercent: 8` = 8%; IRR, NPVR, growth, shares, change and debt ratios come back
 * as 5.6 for 5.6%), because the seed writes its ratios "× 100%" and the indicator templates score
 * them against percentages (unit '%', e.g. 债务率 bands at 80 / 100 / 120). The rate is an office
 * argument (`officeArgs`): a unit's input never sets it.
 *
 * MONEY: a calculator with `money: true` takes an optional `moneyUnit` ('yuan' | 'ten_thousand_yuan'
 * | 'hundred_million_yuan') and computes in 万元, so its money results are in 万元 and its
 * per-investment ratios in 人/万元, 亩/万元, 吨标准煤/万元 whatever unit was given.
 */

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
  'eqi_exceedances',
  'input_output_ratio',
  'benefit_cost_ratio',
  'change_rate',
  'revenue_growth_rate',
  'structure_share',
  'debt_ratio',
  'debt_to_gdp',
  'debt_to_revenue',
  'debt_service_ratio',
] as const;
export type FinanceCalculatorName = (typeof FINANCE_CALCULATOR_NAMES)[number];

const calculators = {
  ...investmentCalculators,
  ...socialCalculators,
  ...evaluationCalculators,
  ...fiscalCalculators,
} as const satisfies Readonly<Record<FinanceCalculatorName, FinanceCalculator>>;

/** A calculator defined under a name the list does not have is a type error, not a silent extra. */
type Unlisted = Exclude<keyof typeof calculators, FinanceCalculatorName>;
const _noUnlisted: [Unlisted] extends [never] ? true : never = true;
void _noUnlisted;

/**
 * Null-prototype and frozen, in FINANCE_CALCULATOR_NAMES order: a name taken from a URL, such as
 * `constructor` or `__proto__`, finds nothing here instead of an Object.prototype member.
 */
export const FINANCE_CALCULATORS: typeof calculators = Object.freeze(
  Object.assign(
    Object.create(null) as typeof calculators,
    Object.fromEntries(FINANCE_CALCULATOR_NAMES.map((name) => [name, calculators[name]])),
  ),
);

export const isFinanceCalculatorName = (name: string): name is FinanceCalculatorName =>
  Object.hasOwn(FINANCE_CALCULATORS, name);

/**
 * A calculator's office arguments (the 基准折现率): [] when it has none, undefined for an unknown
 * name. The one lookup the API and validation use.
 */
export const financeOfficeArgs = (name: string): readonly string[] | undefined =>
  isFinanceCalculatorName(name)
    ? ((FINANCE_CALCULATORS[name] as { officeArgs?: readonly string[] }).officeArgs ?? [])
    : undefined;

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
