import { type FinanceError, type FinanceText, financeError } from './result';

/**
 * Input checks shared by the calculators. Each returns an error, or undefined when the input is
 * fine, so a calculator reads as a list of `const e = check(...); if (e) return e;`.
 */

export const requireFinite = (x: number, name: FinanceText, field: string): FinanceError | undefined =>
  typeof x === 'number' && Number.isFinite(x)
    ? undefined
    : financeError('invalid_input', `${name.zh}必须是有限数值。`, `${name.en} must be a finite number.`, {
        field,
      });

export const requireNonNegative = (x: number, name: FinanceText, field: string): FinanceError | undefined =>
  requireFinite(x, name, field) ??
  (x >= 0
    ? undefined
    : financeError('invalid_input', `${name.zh}不能为负数。`, `${name.en} cannot be negative.`, { field }));

/** A denominator that must be strictly positive: zero is `division_by_zero`, negative is invalid. */
export const requirePositiveDenominator = (
  x: number,
  name: FinanceText,
  field: string,
): FinanceError | undefined =>
  requireFinite(x, name, field) ??
  (x === 0
    ? financeError(
        'division_by_zero',
        `${name.zh}为零，无法作为分母计算。`,
        `${name.en} is zero, so it cannot be used as a denominator.`,
        { field },
      )
    : x < 0
      ? financeError('invalid_input', `${name.zh}必须大于零。`, `${name.en} must be greater than zero.`, {
          field,
        })
      : undefined);

/** A discount rate as a decimal fraction (0.08 = 8%); (1 + i)^−t needs i > −1. */
export const requireRate = (rate: number, field = 'rate'): FinanceError | undefined =>
  requireFinite(rate, { zh: '折现率', en: 'The discount rate' }, field) ??
  (rate > -1
    ? undefined
    : financeError(
        'invalid_input',
        '折现率必须大于 −100%（以小数表示，如 0.08 表示 8%）。',
        'The discount rate must be greater than −100% (as a decimal fraction, e.g. 0.08 for 8%).',
        { field },
      ));

/** A non-empty array of finite numbers (optionally all non-negative). */
export const requireNumbers = (
  xs: readonly number[],
  name: FinanceText,
  field: string,
  opts: { nonNegative?: boolean } = {},
): FinanceError | undefined => {
  if (!Array.isArray(xs) || xs.length === 0)
    return financeError('invalid_input', `${name.zh}不能为空。`, `${name.en} cannot be empty.`, { field });
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const item = { zh: `${name.zh}第 ${i + 1} 项`, en: `${name.en}, item ${i + 1},` };
    const e = opts.nonNegative
      ? requireNonNegative(x, item, `${field}.${i}`)
      : requireFinite(x, item, `${field}.${i}`);
    if (e) return e;
  }
  return undefined;
};
