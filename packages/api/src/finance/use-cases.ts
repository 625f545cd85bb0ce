import {
  AppError,
  errors,
  FINANCE_CALCULATORS,
  type FinanceCalculator,
  isFinanceCalculatorName,
  zodIssuesToFields,
} from '@jixiao/core';
import { z } from 'zod';

export const listCalculators = () =>
  Object.entries(FINANCE_CALCULATORS).map(([name, calc]) => ({
    name,
    label: calc.label,
    unitOfMeasure: calc.unitOfMeasure,
    args: z.toJSONSchema(calc.args, { unrepresentable: 'any' }) as Record<string, unknown>,
  }));

/** Arguments are checked by the calculator's own schema; a formula that has no answer is a 422. */
export function compute(name: string, rawArgs: Record<string, unknown>) {
  if (!isFinanceCalculatorName(name)) throw errors.notFound(`计算器 ${name}`, `Calculator ${name}`);
  const calc: FinanceCalculator = FINANCE_CALCULATORS[name];
  const args = calc.args.safeParse(rawArgs);
  if (!args.success) throw errors.validation(zodIssuesToFields(args.error.issues, 'body.args'));
  const r = calc.compute(args.data);
  if (!r.ok) {
    throw new AppError({
      status: 422,
      code: r.code,
      zh: r.zh,
      en: r.en,
      fields: [{ path: 'body.args', zh: r.zh, en: r.en }],
    });
  }
  return { name, value: r.value };
}
