import type { Direction } from '../indicators/model/primitives';
import type { CompareInput } from './compare';
import type { StandardisationMethod } from './model';
import { groupIndicators, members } from './selection';
import type { ComparisonMatrix } from './what-if';

/**
 * The what-if matrix straight from the shares, standardised in floats: exploring weights must not
 * wait for the exact comparison (decimal arithmetic takes seconds at 2,000 × 150; this takes
 * milliseconds). Same members, indicators and formulas as `compare`; the ranks it gives agree with
 * the exact ones (tested on random comparisons and on the demo data), the composites to ~1e-12.
 */
export function sharesMatrix(
  i: Pick<CompareInput, 'group' | 'method' | 'library' | 'shares'>,
): ComparisonMatrix {
  const method = i.method ?? i.group.method;
  const indicators = groupIndicators(i.library, i.group.weights);
  const shares = members(i.shares, i.group);
  const n = shares.length;
  const k = indicators.length;
  const values = new Float64Array(n * k);
  const present = new Float64Array(n * k);
  const counts = new Uint16Array(n);
  // Raw values in place first (one pass over each share's list), then each column standardised.
  const columnOf = new Map(indicators.map((x, j) => [x.standard.code, j]));
  shares.forEach((share, r) => {
    for (const x of share.indicators) {
      const j = columnOf.get(x.standard);
      if (j === undefined || !Number.isFinite(x.value)) continue;
      // A standard listed twice: the last value counts, as in the exact path's Map.
      if (!present[r * k + j]) counts[r] = (counts[r] as number) + 1;
      values[r * k + j] = x.value;
      present[r * k + j] = 1;
    }
  });
  const column = new Float64Array(n);
  const at = new Int32Array(n);
  indicators.forEach(({ standard }, j) => {
    let m = 0;
    for (let r = 0; r < n; r++)
      if (present[r * k + j]) {
        column[m] = values[r * k + j] as number;
        at[m++] = r;
      }
    const scores = standardiseFloats(column.subarray(0, m), method, standard.direction);
    for (let s = 0; s < m; s++) values[(at[s] as number) * k + j] = scores[s] as number;
  });
  return {
    tenants: shares.map((s) => s.tenant),
    names: shares.map((s) => s.tenantName),
    codes: indicators.map((x) => x.standard.code),
    values,
    present,
    full: Uint8Array.from(counts, (c) => (c === k ? 1 : 0)),
    weights: Float64Array.from(indicators, (x) => x.weight),
    grades: { ...i.group.grades },
  };
}

/** The three methods of ./standardise.ts in floats (same formulas, same rules for ties and spread). */
export function standardiseFloats(
  values: Float64Array,
  method: StandardisationMethod,
  direction: Direction,
): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  let min = values[0] as number;
  let max = min;
  let sum = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  // All equal: no spread (tested on the values, not on a float sd that rounding keeps off zero).
  if (max === min) return out.fill(method === 'efficacy' ? 100 : method === 'zscore' ? 0 : 50);
  const lower = direction === 'lower';
  if (method === 'efficacy') {
    const range = max - min;
    for (let r = 0; r < n; r++)
      out[r] = 60 + (40 * (lower ? max - (values[r] as number) : (values[r] as number) - min)) / range;
    return out;
  }
  if (method === 'zscore') {
    const mean = sum / n;
    let ss = 0;
    for (const v of values) ss += (v - mean) * (v - mean);
    const sd = Math.sqrt(ss / n);
    for (let r = 0; r < n; r++) {
      const z = ((values[r] as number) - mean) / sd;
      out[r] = lower ? -z : z;
    }
    return out;
  }
  // Percentile: 100·(B + 0.5·E)/N over the sorted values.
  const sorted = Float64Array.from(values).sort();
  const below = (x: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let r = 0; r < n; r++) {
    const x = values[r] as number;
    const less = below(x);
    let end = less;
    while (end < n && sorted[end] === x) end++;
    const worse = lower ? n - end : less;
    out[r] = (100 * (worse + 0.5 * (end - less))) / n;
  }
  return out;
}
