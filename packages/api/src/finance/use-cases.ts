import {
  AppError,
  errors,
  FINANCE_CALCULATORS,
  isFinanceCalculatorName,
  runFinanceCalculator,
} from '@jixiao/core';
import { z } from 'zod';

export const listCalculators = () =>
  Object.entries(FINANCE_CALCULATORS).map(([name, calc]) => ({
    name,
    label: calc.label,
    unitOfMeasure: calc.unitOfMeasure,
    args: z.toJSONSchema(calc.args, { unrepresentable: 'any' }) as Record<string, unknown>,
  }));

/** Core runs the calculator; its answer becomes HTTP: bad arguments at their field, no answer a 422. */
export function compute(name: string, rawArgs: Record<string, unknown>) {
  if (!isFinanceCalculatorName(name)) throw errors.notFound(`计算器 ${name}`, `Calculator ${name}`);
  const r = runFinanceCalculator(name, rawArgs);
  if (r.ok) return { name, value: r.value };
  const issues = r.detail?.issues;
  if (issues) {
    throw errors.validation(
      issues.map((i) => ({ ...i, path: i.path ? `body.args.${i.path}` : 'body.args' })),
    );
  }
  throw new AppError({
    status: 422,
    code: r.code,
    zh: r.zh,
    en: r.en,
    fields: [{ path: 'body.args', zh: r.zh, en: r.en }],
  });
}
