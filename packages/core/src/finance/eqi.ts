import { FINANCE_CALCULATOR_LABELS } from '../vocabulary/labels';
import { type FinanceResult, financeError, finite } from './result';
import { requireNonNegative, requirePositiveDenominator } from './validate';

/** One pollutant: Qi, its emission, and Qio, the national maximum allowed emission (same unit). */
export interface PollutantEmission {
  readonly emitted: number;
  readonly maxAllowed: number;
}

/**
 * 环境质量指数 (seed, 环境影响指标): EQI = Σ_{i=1..n} (Qi / Qio) / n, where n is the number of kinds
 * of harmful substance the project emits (废水、废气、废渣、噪声、放射物…), Qi the emission of
 * kind i and Qio the national maximum allowed for it. Dimensionless; ≤ 1 means on average within
 * limits (a single Qi/Qio > 1 can still hide in a low mean — score those separately).
 */
export function environmentalQualityIndex(pollutants: readonly PollutantEmission[]): FinanceResult<number> {
  if (!Array.isArray(pollutants) || pollutants.length === 0)
    return financeError(
      'invalid_input',
      '至少需要一种污染物的排放数据。',
      'At least one pollutant emission is required.',
      { field: 'pollutants' },
    );
  let sum = 0;
  for (let i = 0; i < pollutants.length; i++) {
    const p = pollutants[i] as PollutantEmission;
    const name = { zh: `第 ${i + 1} 种污染物`, en: `Pollutant ${i + 1}` };
    const e =
      requireNonNegative(
        p?.emitted,
        { zh: `${name.zh}排放量`, en: `${name.en} emission` },
        `pollutants.${i}.emitted`,
      ) ??
      requirePositiveDenominator(
        p?.maxAllowed,
        { zh: `${name.zh}最大允许排放量`, en: `${name.en} maximum allowed emission` },
        `pollutants.${i}.maxAllowed`,
      );
    if (e) return e;
    sum += p.emitted / p.maxAllowed;
  }
  return finite(sum / pollutants.length, FINANCE_CALCULATOR_LABELS.eqi);
}
