import type { ResultRow, RunDigest } from '../evaluation/model';
import type { NodeResult } from '../scoring/types';
import type { DimensionPosition, PositionVerdict } from './model';
import { competitionRanks, type Dec, dec, extremes, meanOf, placesOf, print, sumOf } from './numbers';

/**
 * A unit's strengths and weaknesses (优势与短板): where it stands on each dimension (一级指标) among
 * the units of its group.
 *
 * Another unit's points on a dimension are read from the run's digest (its leaves' shown points,
 * summed over the leaves under the dimension). That equals the unit's own breakdown: the engine
 * makes a branch's shown points the Σ of its children's SHOWN points (scoring/engine.ts `build`), so
 * Σ of the shown leaf points beneath a dimension is the dimension's shown points, exactly.
 */

/**
 * The margin of a verdict: a dimension is a strength when the unit's points are at least the
 * group's mean plus 5% of the dimension's maximum, a weakness when at most the mean minus it, and
 * level (持平) otherwise. The mean is the exact one (not the rounded one printed). A group of one
 * unit, or a dimension without points to give (max 0), is always level. (示例: our rule, not the seed's.)
 */
export const VERDICT_MARGIN = 0.05;

export function verdictOf(points: Dec, mean: Dec, max: Dec, groupSize: number): PositionVerdict {
  if (groupSize < 2 || max.lte(0)) return 'par';
  const margin = max.times(VERDICT_MARGIN);
  if (points.gte(mean.plus(margin))) return 'strength';
  if (points.lte(mean.minus(margin))) return 'weakness';
  return 'par';
}

/** The codes of the leaves under a node (the node itself when it is a leaf). */
export const leafCodesOf = (n: NodeResult): string[] =>
  n.type === 'leaf' ? [n.code] : n.children.flatMap(leafCodesOf);

/**
 * The unit's position on each of its top-level dimensions. Group members are the units of
 * `groupRows` (the unit itself always counts, from its own breakdown); a member missing from the
 * digest is left out rather than counted as 0, and a leaf a member does not have counts 0 for it
 * (it was scored by another system version).
 */
export function dimensionPositions(a: {
  unit: string;
  dimensions: readonly NodeResult[];
  groupRows: readonly ResultRow[];
  digest: RunDigest;
}): DimensionPosition[] {
  const others = a.groupRows
    .map((r) => r.unit)
    .filter((u) => u !== a.unit && Object.hasOwn(a.digest.units, u));
  return a.dimensions.map((d) => {
    const d0 = placesOf(d.points.shown);
    const leaves = leafCodesOf(d);
    const pointsOf = (u: string): string => {
      const got = a.digest.units[u]!.leaves;
      return print(sumOf(leaves.map((l) => (Object.hasOwn(got, l) ? got[l]!.points : '0'))), d0);
    };
    // The unit first, then the others: ranks come back in this order.
    const points = [d.points.shown, ...others.map(pointsOf)];
    const mean = meanOf(points);
    const max = d.effectiveWeight.shown;
    const spread = extremes(points)!;
    return {
      code: d.code,
      name: d.name,
      points: d.points.shown,
      max,
      groupMean: print(mean, d0),
      groupMax: spread.max,
      groupMin: spread.min,
      position: competitionRanks(points)[0]!,
      of: points.length,
      verdict: verdictOf(dec(d.points.shown), mean, dec(max), points.length),
    };
  });
}
