import {
  AppError,
  errors,
  FINANCE_CALCULATORS,
  type FinanceCalculator,
  isFinanceCalculatorName,
  runFinanceCalculator,
} from '@jixiao/core';
import { z } from 'zod';

/** Every calculator with its help, its arguments' JSON Schema, and which arguments are the office's or money. */
export const listCalculators = () =>
  Object.entries(FINANCE_CALCULATORS).map(([name, c]) => {
    const calc: FinanceCalculator = c;
    return {
      name,
      label: calc.label,
      help: calc.help,
      unitOfMeasure: calc.unitOfMeasure,
      args: z.toJSONSchema(calc.args, { unrepresentable: 'any' }) as Record<string, unknown>,
      officeArgs: [...(calc.officeArgs ?? [])],
      money: calc.money ?? false,
      moneyArgs: [...(calc.moneyArgs ?? [])],
    };
  });

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
