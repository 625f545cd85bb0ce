import type { Direction } from '../indicators/model/primitives';
import { constant, type Dec, dec, ZERO } from '../scoring/decimal';
import type { Distribution, StandardisationMethod } from './model';

/**
 * Standardisation of one indicator within a peer group, in exact decimals (the official path).
 * Only the members that have the indicator take part; the others get no score for it.
 */

const SIXTY = constant(60);
const FORTY = constant(40);
const HUNDRED = constant(100);
const HALF = constant(0.5);

/** Standardised scores of `values` (same order) by `method`, `direction` telling which way is better. */
export function standardise(
  values: readonly Dec[],
  method: StandardisationMethod,
  direction: Direction,
): Dec[] {
  if (values.length === 0) return [];
  switch (method) {
    case 'efficacy':
      return efficacy(values, direction);
    case 'zscore':
      return zscore(values, direction);
    case 'percentile':
      return percentile(values, direction);
  }
}

/** 功效系数法: 60 + 40·(x − min)/(max − min), flipped for lower-is-better; all equal → 100. */
function efficacy(values: readonly Dec[], direction: Direction): Dec[] {
  let min = values[0] as Dec;
  let max = min;
  for (const v of values) {
    if (v.lt(min)) min = v;
    if (v.gt(max)) max = v;
  }
  const range = max.sub(min);
  if (range.isZero()) return values.map(() => HUNDRED);
  return values.map((x) => SIXTY.add(FORTY.mul(direction === 'lower' ? max.sub(x) : x.sub(min)).div(range)));
}

/** Z 分数: (x − mean)/sd with the population sd, sign flipped for lower-is-better; sd = 0 → 0. */
function zscore(values: readonly Dec[], direction: Direction): Dec[] {
  const { mean, sd } = moments(values);
  if (sd.isZero()) return values.map(() => ZERO);
  return values.map((x) => {
    const z = x.sub(mean).div(sd);
    return direction === 'lower' ? z.neg() : z;
  });
}

/**
 * 百分位: 100·(B + 0.5·E)/N, B = members strictly worse, E = members equal (itself included),
 * N = members with a value. Sorted once, so a province of 2,000 is N log N, not N².
 */
function percentile(values: readonly Dec[], direction: Direction): Dec[] {
  const n = values.length;
  const order = values.map((_, k) => k).sort((a, b) => (values[a] as Dec).cmp(values[b] as Dec));
  const out = new Array<Dec>(n);
  const total = dec(n);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && (values[order[end] as number] as Dec).eq(values[order[start] as number] as Dec)) end++;
    const equal = end - start;
    const worse = direction === 'lower' ? n - end : start;
    const score = HUNDRED.mul(HALF.mul(equal).add(worse)).div(total);
    for (let k = start; k < end; k++) out[order[k] as number] = score;
    start = end;
  }
  return out;
}

/** Mean and population standard deviation. */
export function moments(values: readonly Dec[]): { mean: Dec; sd: Dec } {
  const n = values.length;
  const mean = values.reduce((s, v) => s.add(v), ZERO).div(n);
  const ss = values.reduce((s, v) => s.add(v.sub(mean).pow(2)), ZERO);
  return { mean, sd: ss.div(n).sqrt() };
}

/**
 * Five-number summary, mean and population sd, in plain numbers: a description for charts, not an
 * official score, so it spares the decimals (a province-sized comparison has 300,000 values).
 * Quartiles by linear interpolation between the closest ranks: position (n − 1)·p in the sorted
 * values (Excel QUARTILE.INC, numpy's default).
 */
export function distribution(values: readonly number[]): Distribution | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const at = (p: number): number => {
    const pos = (n - 1) * p;
    const lo = Math.floor(pos);
    const a = sorted[lo] as number;
    return pos === lo ? a : a + ((sorted[lo + 1] as number) - a) * (pos - lo);
  };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return {
    n,
    min: sorted[0] as number,
    q1: at(0.25),
    median: at(0.5),
    q3: at(0.75),
    max: sorted[n - 1] as number,
    mean,
    sd: Math.sqrt(ss / n),
  };
}
