import { presentValueAt } from './discount';
import { type CashFlow, toNetFlows } from './npv';
import { type FinanceResult, ok } from './result';
import { requireFinite } from './validate';

/**
 * 内部收益率 IRR: the rate r at which FNPV(r) = Σ_{t=1..n} f_t (1 + r)^−t = 0, with the same t = 1..n
 * convention as `fnpv`. (Starting at t = 0 would multiply FNPV by (1 + r), which is never zero for
 * r > −1, so the IRR is the same under either convention; paybacks are not.)
 *
 * Why not Newton: with non-conventional flows (signs changing more than once) FNPV can have several
 * roots or none, and Newton from a fixed guess silently returns one of them, or diverges. Instead we
 * evaluate FNPV on a grid over the search range, keep every cell where it changes sign, and refine
 * each with Brent's method, which cannot leave its bracket. Limits:
 *  - roots closer together than one grid cell (≈0.35% of 1 + r with the default 2000 cells) or where
 *    FNPV only touches zero (a double root) are not seen; such IRRs are ill-conditioned anyway;
 *  - only rates in the search range are found (default −0.99 … 10, i.e. −99% … 1000%).
 * By Descartes' rule of signs, flows whose signs change exactly once (a conventional project) have
 * exactly one IRR in (−1, ∞); if the grid misses it, it lies outside the range and we say so.
 */
export type IrrResult =
  | { readonly kind: 'unique'; readonly rate: number }
  | { readonly kind: 'multiple'; readonly rates: readonly number[] }
  | {
      readonly kind: 'none';
      readonly reason: IrrNoneReason;
      readonly zh: string;
      readonly en: string;
    };

export type IrrNoneReason =
  /** All flows ≥ 0 or all ≤ 0 (including all zero): FNPV never changes sign. */
  | 'same_sign'
  /** The flows change sign once, so there is one IRR, but it lies outside the search range. */
  | 'outside_range'
  /** FNPV does not change sign anywhere in the search range. */
  | 'no_sign_change';

export interface IrrOptions {
  /** Lowest rate searched, > −1 (default −0.99). */
  readonly min?: number;
  /** Highest rate searched (default 10, i.e. 1000%). */
  readonly max?: number;
  /** Number of grid cells (default 2000, at most 100 000). */
  readonly gridSize?: number;
}

export const IRR_DEFAULTS = { min: -0.99, max: 10, gridSize: 2000 } as const;

/** Number of sign changes in the sequence, zeros skipped (Descartes' bound on positive roots in v). */
export function signChanges(flows: readonly number[]): number {
  let changes = 0;
  let last = 0;
  for (const f of flows) {
    if (f === 0) continue;
    if (last !== 0 && Math.sign(f) !== last) changes++;
    last = Math.sign(f);
  }
  return changes;
}

export function irr(
  flows: readonly number[] | readonly CashFlow[],
  opts: IrrOptions = {},
): FinanceResult<IrrResult> {
  const net = toNetFlows(flows);
  if (!net.ok) return net;
  const f = net.value;
  const min = opts.min ?? IRR_DEFAULTS.min;
  const max = opts.max ?? IRR_DEFAULTS.max;
  const gridSize = opts.gridSize ?? IRR_DEFAULTS.gridSize;
  const e =
    requireFinite(min, { zh: '搜索下限', en: 'The search minimum' }, 'min') ??
    requireFinite(max, { zh: '搜索上限', en: 'The search maximum' }, 'max');
  if (e) return e;
  if (!(min > -1 && max > min && Number.isInteger(gridSize) && gridSize >= 1 && gridSize <= 100_000))
    return {
      ok: false,
      code: 'invalid_input',
      zh: '内部收益率搜索范围无效：需满足 −1 < 下限 < 上限，网格数为 1 至 100000 的整数。',
      en: 'Invalid IRR search range: need −1 < min < max and an integer grid size from 1 to 100000.',
    };

  const changes = signChanges(f);
  if (changes === 0)
    return ok({
      kind: 'none',
      reason: 'same_sign',
      zh: '各年净现金流量同号（或全为零），不存在内部收益率。',
      en: 'All net cash flows have the same sign (or are all zero), so there is no IRR.',
    });

  const rates = findRoots(f, min, max, gridSize);
  if (rates.length === 1) return ok({ kind: 'unique', rate: rates[0] as number });
  if (rates.length > 1) return ok({ kind: 'multiple', rates });
  return ok(
    changes === 1
      ? {
          kind: 'none',
          reason: 'outside_range',
          zh: `内部收益率超出搜索范围（${pct(min)} 至 ${pct(max)}）。`,
          en: `The IRR lies outside the search range (${pct(min)} to ${pct(max)}).`,
        }
      : {
          kind: 'none',
          reason: 'no_sign_change',
          zh: `在 ${pct(min)} 至 ${pct(max)} 范围内净现值不变号，不存在内部收益率。`,
          en: `The NPV does not change sign between ${pct(min)} and ${pct(max)}, so there is no IRR.`,
        },
  );
}

const pct = (r: number) => `${+(r * 100).toPrecision(6)}%`;

/**
 * Sign changes of NPV on a grid uniform in ln(1 + r): cells are fine near −1, where NPV varies
 * fastest, and coarser at high rates, where it flattens out.
 */
function findRoots(f: readonly number[], min: number, max: number, gridSize: number): number[] {
  const npv = (r: number) => presentValueAt(f, r);
  const x0 = Math.log1p(min);
  const x1 = Math.log1p(max);
  const rateAt = (k: number) => (k === gridSize ? max : Math.expm1(x0 + ((x1 - x0) * k) / gridSize));
  const roots: number[] = [];
  let a = rateAt(0);
  let fa = npv(a);
  if (fa === 0) roots.push(a);
  for (let k = 1; k <= gridSize; k++) {
    const b = rateAt(k);
    const fb = npv(b);
    if (fb === 0) roots.push(b);
    else if (fa !== 0 && Math.sign(fa) !== Math.sign(fb) && Number.isFinite(fa) && Number.isFinite(fb))
      roots.push(brent(npv, a, b, fa, fb));
    a = b;
    fa = fb;
  }
  return roots;
}

/**
 * Brent's method (zeroin, Brent 1973 ch. 4) on a bracket [a, b] with f(a)·f(b) < 0: inverse
 * quadratic / secant steps when they stay inside the bracket and shrink it fast enough, bisection
 * otherwise. Stops when the bracket is a few ulp of b wide (absolute floor 1e-15), or after maxIter steps.
 */
export function brent(
  fn: (x: number) => number,
  a0: number,
  b0: number,
  fa0 = fn(a0),
  fb0 = fn(b0),
  maxIter = 200,
): number {
  let a = a0;
  let b = b0;
  let fa = fa0;
  let fb = fb0;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < maxIter; iter++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 1e-15;
    const m = (c - b) / 2;
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const s = fb / fa;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = fn(b);
  }
  return b;
}
