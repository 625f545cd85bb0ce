import { FINANCE_CALCULATOR_LABELS } from '../vocabulary/labels';
import { type FinanceError, type FinanceResult, financeError, finite, ok } from './result';
import { requireNonNegative } from './validate';

/** One pollutant: Qi, its emission, and Qio, the national maximum allowed emission (same unit). */
export interface PollutantEmission {
  readonly emitted: number;
  readonly maxAllowed: number;
}

/**
 * 环境质量指数 (seed, 环境影响指标): EQI = Σ_{i=1..n} (Qi / Qio) / n, where "n 为该项目排出的污染环境的
 * 有害物质的种类": n counts the kinds of harmful substance the project EMITS (Qi > 0). A substance
 * listed with Qi = 0 is not emitted, so it is neither in the sum nor in n — listing every
 * substance of the permit must not dilute the average. With nothing emitted at all the EQI is 0
 * (no pollution), not 0/0. Dimensionless; ≤ 1 means on average within limits.
 *
 * The average can hide one pollutant far over its limit ((1.5 + 0.1 + 0.1) / 3 < 1), so score
 * `eqiExceedances` beside it.
 */
export function environmentalQualityIndex(pollutants: readonly PollutantEmission[]): FinanceResult<number> {
  const e = checkPollutants(pollutants);
  if (e) return e;
  let sum = 0;
  let n = 0;
  for (const p of pollutants) {
    if (p.emitted === 0) continue;
    sum += p.emitted / p.maxAllowed;
    n++;
  }
  return n === 0 ? ok(0) : finite(sum / n, FINANCE_CALCULATOR_LABELS.eqi);
}

/**
 * How many pollutants exceed their limit (Qi / Qio > 1, i.e. Qi > Qio; exactly at the limit is
 * within it). Not in the seed: it guards the average EQI, which can be below 1 while one pollutant
 * is over its limit.
 */
export function eqiExceedances(pollutants: readonly PollutantEmission[]): FinanceResult<number> {
  const e = checkPollutants(pollutants);
  if (e) return e;
  return ok(pollutants.filter((p) => p.emitted > p.maxAllowed).length);
}

/**
 * Every Qi ≥ 0 and every Qio > 0. A limit of 0 is refused even for a substance not emitted: Qi/Qio
 * has no value, and a 0 in the limits column is far more often a blank cell than a real limit.
 */
function checkPollutants(pollutants: readonly PollutantEmission[]): FinanceError | undefined {
  if (!Array.isArray(pollutants) || pollutants.length === 0)
    return financeError(
      'invalid_input',
      '至少需要一种污染物的排放数据。',
      'At least one pollutant emission is required.',
      { field: 'pollutants' },
    );
  for (let i = 0; i < pollutants.length; i++) {
    const p = pollutants[i] as PollutantEmission;
    const name = { zh: `第 ${i + 1} 种污染物`, en: `Pollutant ${i + 1}` };
    const e =
      requireNonNegative(
        p?.emitted,
        { zh: `${name.zh}的排放量`, en: `${name.en}'s emission` },
        `pollutants.${i}.emitted`,
      ) ?? checkLimit(p?.maxAllowed, i, name);
    if (e) return e;
  }
  return undefined;
}

function checkLimit(limit: number, i: number, name: { zh: string; en: string }): FinanceError | undefined {
  const field = `pollutants.${i}.maxAllowed`;
  const e = requireNonNegative(
    limit,
    { zh: `${name.zh}的国家最大允许排放量`, en: `${name.en}'s national maximum allowed emission` },
    field,
  );
  if (e) return e;
  if (limit > 0) return undefined;
  return financeError(
    'division_by_zero',
    `${name.zh}的国家最大允许排放量为 0，无法计算其排放量与允许排放量之比（Qi/Qio）；请填写国家规定的最大允许排放量。`,
    `${name.en}'s national maximum allowed emission is 0, so its ratio Qi/Qio cannot be computed; enter the national limit.`,
    { field },
  );
}
