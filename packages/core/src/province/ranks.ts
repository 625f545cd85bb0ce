import Decimal from 'decimal.js';
import { type Dec, dec } from '../scoring/decimal';
import { COMPARISON_GRADES, type ComparisonGrade, type GradeQuotas } from './model';

/**
 * Decimal places a composite is ranked on. The composites are exact to 40 significant digits, but
 * a division (efficacy's range, the renormalised weights, z-score's sd) rounds in the last digit,
 * so two composites that are equal in truth but reached by different sums may differ there.
 * Ranking on 25 places keeps every real difference and drops that noise.
 */
const RANK_PLACES = 25;

/** The key a composite is ranked on (see RANK_PLACES). */
export const rankKey = (composite: Dec): Dec => composite.toDecimalPlaces(RANK_PLACES, Decimal.ROUND_HALF_UP);

/**
 * Competition ranks (1, 2, 2, 4), highest first; null stays unranked. Ties share a rank because
 * their keys are equal.
 */
export function competitionRanks(composites: readonly (Dec | null)[]): (number | null)[] {
  const keyed = composites.map((c, k) => ({ k, key: c === null ? null : rankKey(c) }));
  const ranked = keyed.filter((x): x is { k: number; key: Dec } => x.key !== null);
  ranked.sort((a, b) => b.key.cmp(a.key));
  const ranks = new Array<number | null>(composites.length).fill(null);
  ranked.forEach((x, pos) => {
    const prev = ranked[pos - 1];
    ranks[x.k] = prev?.key.eq(x.key) ? (ranks[prev.k] as number) : pos + 1;
  });
  return ranks;
}

/**
 * Cumulative rank cut-offs of 优秀, 良好, 一般 for `n` ranked tenants: round-half-up(n·cum%/100),
 * in exact decimals so that 2.5 is 3 whatever the binary float of 12.5% would say.
 */
export function gradeCutoffs(n: number, quotas: GradeQuotas): [number, number, number] {
  const cut = (pct: Dec) => dec(n).mul(pct).div(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  const e = dec(quotas.excellent);
  const g = e.add(quotas.good);
  const f = g.add(quotas.fair);
  return [cut(e), cut(g), cut(f)];
}

/** Index into COMPARISON_GRADES of a rank: the first grade whose cut-off the rank is within; else 较差. */
export function gradeIndex(rank: number, cutoffs: readonly [number, number, number]): number {
  if (rank <= cutoffs[0]) return 0;
  if (rank <= cutoffs[1]) return 1;
  if (rank <= cutoffs[2]) return 2;
  return 3;
}

/** The grade of a rank (null for an unranked tenant). */
export function gradeOf(
  rank: number | null,
  cutoffs: readonly [number, number, number],
): ComparisonGrade | null {
  return rank === null ? null : (COMPARISON_GRADES[gradeIndex(rank, cutoffs)] as ComparisonGrade);
}
