import { type FinanceResult, type FinanceText, finite, type RatioUnit, ratioScale } from './result';
import { requireNonNegative, requirePositiveDenominator } from './validate';

export interface RatioNames {
  readonly result: FinanceText;
  readonly numerator: FinanceText;
  readonly numeratorField: string;
  readonly denominator: FinanceText;
  readonly denominatorField: string;
}

/**
 * numerator / denominator for the seed's "X per Y" indicators, where both are physical or money
 * quantities: the numerator must be ≥ 0 and the denominator > 0 (zero → `division_by_zero`).
 * For percent, the numerator is scaled first: (a × 100) / b is exact for integer a and rounds once,
 * so 70 000 / 100 000 gives exactly 70, whereas a / b × 100 rounds twice (0.7 × 100 =
 * 70.00000000000001), which matters when the result is compared with a band boundary.
 */
export function quantityRatio(
  numerator: number,
  denominator: number,
  names: RatioNames,
  unit: RatioUnit = 'fraction',
): FinanceResult<number> {
  const e =
    requireNonNegative(numerator, names.numerator, names.numeratorField) ??
    requirePositiveDenominator(denominator, names.denominator, names.denominatorField);
  if (e) return e;
  return finite((numerator * ratioScale(unit)) / denominator, names.result);
}
