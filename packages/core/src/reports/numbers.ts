import { Dec, dec, fixed, ZERO } from '../scoring/decimal';

/**
 * Arithmetic on the results' SHOWN numbers for the reports. Every number a report prints is a
 * decimal string of the results; sums and means are taken with the engine's decimal type (never
 * binary floats), so "9.5 + 0.1" cannot print as 9.599… and a mean reads the same on every machine.
 */

/** The decimal places of a shown number ("95.80" → 2, "96" → 0): the system's decimals. */
export const placesOf = (shown: string): number => {
  const dot = shown.indexOf('.');
  return dot < 0 ? 0 : shown.length - dot - 1;
};

/** Σ of shown numbers, exact. */
export const sumOf = (shown: readonly string[]): Dec => shown.reduce((s, x) => s.plus(x), ZERO);

/** The exact mean of shown numbers (0 for none). */
export const meanOf = (shown: readonly string[]): Dec =>
  shown.length === 0 ? ZERO : sumOf(shown).dividedBy(shown.length);

/** A decimal printed with `places` places, rounded half up (四舍五入). */
export const print = (x: Dec, places: number): string => fixed(x, places);

/** The largest and smallest of shown numbers, as written (undefined for none). */
export function extremes(shown: readonly string[]): { max: string; min: string } | undefined {
  if (shown.length === 0) return undefined;
  let max = shown[0]!;
  let min = shown[0]!;
  for (const s of shown) {
    if (dec(s).gt(max)) max = s;
    if (dec(s).lt(min)) min = s;
  }
  return { max, min };
}

/**
 * Competition ranks (1, 2, 2, 4) of shown numbers, highest first: a value's rank is 1 + the number
 * of values strictly above it. Returned in the input's order.
 */
export function competitionRanks(shown: readonly string[]): number[] {
  const values = shown.map((s) => dec(s));
  const sorted = [...values].sort((a, b) => b.comparedTo(a));
  const firstAt = new Map<string, number>();
  sorted.forEach((v, i) => {
    const key = v.toString();
    if (!firstAt.has(key)) firstAt.set(key, i + 1);
  });
  return values.map((v) => firstAt.get(v.toString())!);
}

export { Dec, dec, ZERO };
