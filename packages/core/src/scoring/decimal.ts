import Decimal from 'decimal.js';
import type { Amount } from './types';

/**
 * The one place that configures decimal arithmetic for scoring.
 *
 * Why decimals and not numbers: a printed breakdown must add up to the printed total, and
 * "9.5 + 0.1" must not become 9.599999… before rounding, or a 四舍五入 at the boundary would
 * flip a unit's grade. We keep full precision while computing and round only what is shown.
 *
 * A cloned constructor, so that nothing else in the process (finance, Excel) can change our
 * rounding mode by configuring the global `Decimal`.
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  // Never print in exponent notation: `exact` strings are read by people and compared as text.
  toExpNeg: -50,
  toExpPos: 50,
});
export type Dec = Decimal;

export const ZERO: Dec = new Dec(0);
export const ONE: Dec = new Dec(1);
export const HUNDRED: Dec = new Dec(100);

export const dec = (x: number | string | Dec): Dec => new Dec(x);

const constants = new Map<number, Dec>();
/**
 * A decimal for a CONSTANT of the system (a cap, a band's fraction, a grade's fraction): made once
 * and shared, since decimals are immutable and these repeat for every unit. Not for data values.
 */
export const constant = (x: number): Dec => {
  let v = constants.get(x);
  if (v === undefined) {
    v = new Dec(x);
    if (constants.size < 10_000) constants.set(x, v);
  }
  return v;
};

/** Rounds half up (四舍五入) to `decimals` places: the number a person sees. */
export const shown = (x: Dec, decimals: number): Dec => x.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);

/** A number as shown (fixed `decimals` places, e.g. "9.50") beside its full-precision value. */
export type { Amount } from './types';

/** `exact` is the full-precision value; `shown` is it rounded half up to `decimals` places. */
export const amount = (exact: Dec, decimals: number): Amount => ({
  shown: exact.toFixed(decimals, Decimal.ROUND_HALF_UP),
  exact: exact.toString(),
});

/** An amount that is already a sum of shown parts (so it is its own exact value). */
export const shownAmount = (x: Dec, decimals: number): Amount => ({
  shown: x.toFixed(decimals),
  exact: x.toString(),
});

/** Fixed places, half up: "95.00". */
export const fixed = (x: Dec, decimals: number): string => x.toFixed(decimals, Decimal.ROUND_HALF_UP);

/** Rounded to at most `decimals` places with trailing zeros dropped: weights read "10", not "10.00". */
export const trim = (x: Dec, decimals: number): string => shown(x, decimals).toString();

/** Clamps to [lo, hi]. */
export const clamp = (x: Dec, lo: Dec, hi: Dec): Dec => (x.lt(lo) ? lo : x.gt(hi) ? hi : x);
