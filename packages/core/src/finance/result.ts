import type { FieldIssue } from '../errors/app-error';

/**
 * The one result type of the finance calculators. They never throw on bad numbers and never
 * return NaN or ±Infinity: a value that cannot be computed is a typed, bilingual error, so a formula
 * indicator can show "无法计算：分母为零" instead of scoring a NaN.
 */
export type FinanceResult<T> = FinanceOk<T> | FinanceError;

export interface FinanceOk<T> {
  readonly ok: true;
  readonly value: T;
}

export type FinanceErrorCode =
  /** An argument is missing, not finite, of the wrong sign, or an array is empty. */
  | 'invalid_input'
  /** A denominator is exactly zero. */
  | 'division_by_zero'
  /** The inputs are valid but the result overflows (e.g. discounting at a rate near −100%). */
  | 'not_finite'
  /** The parts of a structure do not add up to the stated total. */
  | 'parts_mismatch'
  /** The cash flows have no internal rate of return in the searched range. */
  | 'no_irr'
  /** The cash flows have more than one internal rate of return, so none of them is "the" IRR. */
  | 'multiple_irr'
  /** The cumulative (discounted) net cash flow never becomes non-negative. */
  | 'never_pays_back'
  /** The registry has no calculator of that name. */
  | 'unknown_calculator';

export interface FinanceErrorDetail {
  /** The argument at fault, when there is one. */
  readonly field?: string;
  /** The rates found, for `multiple_irr`. */
  readonly rates?: readonly number[];
  /** Schema issues, for registry calls whose arguments failed validation. */
  readonly issues?: readonly FieldIssue[];
}

export interface FinanceError {
  readonly ok: false;
  readonly code: FinanceErrorCode;
  readonly zh: string;
  readonly en: string;
  readonly detail?: FinanceErrorDetail;
}

export interface FinanceText {
  readonly zh: string;
  readonly en: string;
}

/**
 * How a dimensionless ratio is expressed. The functions default to decimal fractions (0.056); the
 * registry asks for percent (5.6) because the seed's formulas and the indicator templates write
 * "× 100%" and score against percentages (e.g. 债务率 bands at 80 / 100 / 120).
 */
export type RatioUnit = 'fraction' | 'percent';

/** The factor a fraction is multiplied by. Apply it to a numerator, before dividing (see ./ratio). */
export const ratioScale = (unit: RatioUnit = 'fraction'): number => (unit === 'percent' ? 100 : 1);

export const ok = <T>(value: T): FinanceOk<T> => ({ ok: true, value });

export const financeError = (
  code: FinanceErrorCode,
  zh: string,
  en: string,
  detail?: FinanceErrorDetail,
): FinanceError => (detail === undefined ? { ok: false, code, zh, en } : { ok: false, code, zh, en, detail });

/** Guards a computed number: overflow or 0/0 hidden in a formula becomes `not_finite`, never NaN. */
export const finite = (value: number, what: FinanceText): FinanceResult<number> =>
  Number.isFinite(value)
    ? ok(value)
    : financeError(
        'not_finite',
        `${what.zh}的计算结果超出数值范围（溢出），请检查输入数据。`,
        `${what.en}: the result is out of numeric range (overflow); check the inputs.`,
      );
