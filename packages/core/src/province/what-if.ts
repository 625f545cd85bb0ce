import { COMPARISON_GRADES, type Comparison, type ComparisonGrade, type GradeQuotas } from './model';
import { mulberry32 } from './random';
import { gradeCutoffs, gradeIndex } from './ranks';

/**
 * The fast path for exploration (what-if, rank sensitivity): the comparison's standardised values
 * as one Float64Array (tenants × indicators, row-major; 0 where missing, with a presence mask), so
 * re-weighting is a tight loop. Official scores stay in exact decimals (./compare.ts).
 */
export interface ComparisonMatrix {
  tenants: string[];
  names: string[];
  codes: string[];
  /** n × k standardised values, 0 where a tenant lacks the indicator. */
  values: Float64Array;
  /** n × k, 1 where present, 0 where missing. */
  present: Float64Array;
  /** Rows with every indicator present (their weight sum is the total). */
  full: Uint8Array;
  /** The group's own weights, in `codes` order. */
  weights: Float64Array;
  grades: GradeQuotas;
}

/** The exact comparison's level scores (full precision, not the 2 dp shown) as a matrix. */
export function comparisonMatrix(c: Comparison): ComparisonMatrix {
  const codes = c.indicators.map((x) => x.code);
  const k = codes.length;
  const n = c.rows.length;
  const column = new Map(codes.map((code, j) => [code, j]));
  const values = new Float64Array(n * k);
  const present = new Float64Array(n * k);
  const full = new Uint8Array(n);
  c.rows.forEach((row, r) => {
    let count = 0;
    for (const cell of row.cells) {
      const j = column.get(cell.standard);
      if (j === undefined || cell.score === null) continue;
      values[r * k + j] = Number(cell.score.exact);
      present[r * k + j] = 1;
      count++;
    }
    full[r] = count === k ? 1 : 0;
  });
  return {
    tenants: c.rows.map((r) => r.tenant),
    names: c.rows.map((r) => r.name),
    codes,
    values,
    present,
    full,
    weights: Float64Array.from(c.indicators, (x) => x.weight),
    grades: { ...c.grades },
  };
}

/** The group's weights with some replaced by code (codes the matrix does not have are ignored). */
export function weightsFor(m: ComparisonMatrix, overrides: Readonly<Record<string, number>>): Float64Array {
  return Float64Array.from(m.codes, (code, j) => overrides[code] ?? (m.weights[j] as number));
}

export interface WhatIfOutcome {
  scores: Float64Array;
  /** Competition ranks (1 = best); 0 for a tenant without any weighted indicator. */
  ranks: Int32Array;
  grades: (ComparisonGrade | null)[];
}

/** A fresh outcome for n tenants, to pass to `whatIf` again and again without allocating. */
export const whatIfOutcome = (n: number): WhatIfOutcome => ({
  scores: new Float64Array(n),
  ranks: new Int32Array(n),
  grades: new Array<ComparisonGrade | null>(n).fill(null),
});

/**
 * Composites and ranks under `weights` (in `m.codes` order), by the comparison's own rules:
 * Σ w·s / Σ w over the indicators a tenant has, competition ranks, grades by rank quotas; a tenant
 * without any weighted indicator has NaN, rank 0 and no grade. Pass `out` to reuse its buffers.
 */
export function whatIf(m: ComparisonMatrix, weights: Float64Array, out?: WhatIfOutcome): WhatIfOutcome {
  const n = m.tenants.length;
  if (weights.length !== m.codes.length)
    throw new Error(`whatIf: ${weights.length} weights for ${m.codes.length} indicators`);
  const o = out ?? whatIfOutcome(n);
  const s = scratch(m);
  composites(m, weights, o.scores);
  const ranked = rankInto(o.scores, o.ranks, s.sorted);
  const cutoffs = cutoffsFor(s, ranked, m.grades);
  for (let r = 0; r < n; r++) {
    const rank = o.ranks[r] as number;
    o.grades[r] = rank === 0 ? null : (COMPARISON_GRADES[gradeIndex(rank, cutoffs)] as ComparisonGrade);
  }
  return o;
}

export interface SensitivityOutcome {
  base: WhatIfOutcome;
  minRank: Int32Array;
  maxRank: Int32Array;
  p5: Int32Array;
  p95: Int32Array;
  /** Share of draws (0–1) in which each tenant kept its base grade. */
  stayInGrade: Float64Array;
}

/**
 * Rank sensitivity: `draws` times, every weight multiplied by its own factor uniform in
 * [1 − band, 1 + band] (mulberry32 from `seed`: same seed, same answer), re-ranked. Per tenant the
 * lowest and highest rank, the 5th and 95th percentile rank (nearest rank: the ⌈0.05·draws⌉-th and
 * ⌈0.95·draws⌉-th smallest), and the share of draws keeping its base grade. An unranked tenant
 * stays unranked (a weight > 0 stays > 0 for band < 1): 0 for its ranks, NaN for its share.
 */
export function rankSensitivity(
  m: ComparisonMatrix,
  opts: { band: number; draws: number; seed: number },
): SensitivityOutcome {
  const n = m.tenants.length;
  const k = m.codes.length;
  const draws = Math.max(1, Math.floor(opts.draws));
  const base = whatIf(m, m.weights);
  const baseGrade = Int8Array.from(base.ranks, (rank, r) =>
    rank === 0 ? -1 : COMPARISON_GRADES.indexOf(base.grades[r] as ComparisonGrade),
  );
  const random = mulberry32(opts.seed);
  const w = new Float64Array(k);
  const scores = new Float64Array(n);
  const ranks = new Int32Array(n);
  // Ranks by tenant, then draw, so each tenant's draws sort in place for the percentiles.
  const byTenant = new Int32Array(n * draws);
  const stay = new Int32Array(n);
  const s = scratch(m);

  // A block of draws is kept tenant by tenant in a small buffer (it stays in cache), then copied
  // into each tenant's run: writing every rank straight to its tenant's run touches a new cache
  // line per tenant and draw, which costs as much as the arithmetic.
  const block = new Int32Array(n * BLOCK);
  for (let d0 = 0; d0 < draws; d0 += BLOCK) {
    const size = Math.min(BLOCK, draws - d0);
    for (let b = 0; b < size; b++) {
      for (let j = 0; j < k; j++)
        w[j] = (m.weights[j] as number) * (1 - opts.band + 2 * opts.band * random());
      composites(m, w, scores);
      const cutoffs = cutoffsFor(s, rankInto(scores, ranks, s.sorted), m.grades);
      for (let r = 0; r < n; r++) {
        const rank = ranks[r] as number;
        block[r * BLOCK + b] = rank;
        if (rank !== 0 && gradeIndex(rank, cutoffs) === baseGrade[r]) stay[r] = (stay[r] as number) + 1;
      }
    }
    for (let r = 0; r < n; r++) byTenant.set(block.subarray(r * BLOCK, r * BLOCK + size), r * draws + d0);
  }

  const minRank = new Int32Array(n);
  const maxRank = new Int32Array(n);
  const p5 = new Int32Array(n);
  const p95 = new Int32Array(n);
  const stayInGrade = new Float64Array(n);
  const lo = Math.ceil(0.05 * draws) - 1;
  const hi = Math.ceil(0.95 * draws) - 1;
  for (let r = 0; r < n; r++) {
    if (base.ranks[r] === 0) {
      stayInGrade[r] = Number.NaN;
      continue;
    }
    const own = byTenant.subarray(r * draws, (r + 1) * draws).sort();
    minRank[r] = own[0] as number;
    maxRank[r] = own[draws - 1] as number;
    p5[r] = own[lo] as number;
    p95[r] = own[hi] as number;
    stayInGrade[r] = (stay[r] as number) / draws;
  }
  return { base, minRank, maxRank, p5, p95, stayInGrade };
}

// ─── The loops ──────────────────────────────────────────────────────────────────────────────────

/**
 * Weighted composites into `scores` (NaN where a tenant has no weighted indicator). A full row's
 * denominator is the total weight, so only gappy rows sum their own.
 */
function composites(m: ComparisonMatrix, w: Float64Array, scores: Float64Array): void {
  const n = m.tenants.length;
  const k = w.length;
  const { values, present, full } = m;
  let total = 0;
  for (let j = 0; j < k; j++) total += w[j] as number;
  for (let r = 0, base = 0; r < n; r++, base += k) {
    const num = dot(w, values, base, k);
    const den = full[r] === 1 ? total : dot(w, present, base, k);
    scores[r] = den > 0 ? num / den : Number.NaN;
  }
}

/**
 * Σ w[j]·x[base + j] with four running sums: a single sum waits on each addition before the next
 * (the plain loop's limit); four independent ones let the CPU overlap them. The order of addition
 * differs from a plain loop in the last bits only, which the tie tolerance below absorbs.
 */
function dot(w: Float64Array, x: Float64Array, base: number, k: number): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let j = 0;
  for (const end = k - 3; j < end; j += 4) {
    a += (w[j] as number) * (x[base + j] as number);
    b += (w[j + 1] as number) * (x[base + j + 1] as number);
    c += (w[j + 2] as number) * (x[base + j + 2] as number);
    d += (w[j + 3] as number) * (x[base + j + 3] as number);
  }
  for (; j < k; j++) a += (w[j] as number) * (x[base + j] as number);
  return a + b + (c + d);
}

/**
 * Competition ranks: 1 + the number of scores strictly greater, counted by binary search in the
 * sorted scores. "Strictly greater" means by more than 1e-9 relative: the exact path ranks on
 * decimals, where tied tenants (same values, or sums that agree in truth) are equal, while their
 * float composites may differ in the last bits of 53; a relative 1e-9 absorbs that noise and is
 * far below any difference the 2 dp shown composites could reveal. Returns how many are ranked.
 */
function rankInto(scores: Float64Array, ranks: Int32Array, sorted: Float64Array): number {
  const n = scores.length;
  let m = 0;
  for (let r = 0; r < n; r++) {
    const x = scores[r] as number;
    if (!Number.isNaN(x)) sorted[m++] = x;
  }
  const view = sorted.subarray(0, m).sort();
  for (let r = 0; r < n; r++) {
    const x = scores[r] as number;
    if (Number.isNaN(x)) {
      ranks[r] = 0;
      continue;
    }
    const t = x + TIE * Math.max(1, Math.abs(x));
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((view[mid] as number) <= t) lo = mid + 1;
      else hi = mid;
    }
    ranks[r] = 1 + m - lo;
  }
  return m;
}

const TIE = 1e-9;

/** Draws per block in rankSensitivity. */
const BLOCK = 64;

/** Per matrix: the sort buffer and the grade cut-offs by ranked count (decimals, so made once). */
interface Scratch {
  sorted: Float64Array;
  cutoffs: Map<number, [number, number, number]>;
}
const scratches = new WeakMap<ComparisonMatrix, Scratch>();

function scratch(m: ComparisonMatrix): Scratch {
  let s = scratches.get(m);
  if (!s) {
    s = { sorted: new Float64Array(m.tenants.length), cutoffs: new Map() };
    scratches.set(m, s);
  }
  return s;
}

function cutoffsFor(s: Scratch, ranked: number, quotas: GradeQuotas): [number, number, number] {
  let c = s.cutoffs.get(ranked);
  if (!c) {
    c = gradeCutoffs(ranked, quotas);
    s.cutoffs.set(ranked, c);
  }
  return c;
}
