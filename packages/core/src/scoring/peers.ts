import { type Leaf, PEER_RELATIVE_RULES, type UnitInputs } from '../indicators/model';

/** What a peer-relative rule (efficacy, rank) needs to know about the unit's group for one leaf. */
export interface PeerStats {
  /** Units of the group with a usable value. */
  n: number;
  min: number;
  max: number;
  /** The usable values, ascending (for ranks by binary search). */
  sorted: readonly number[];
}

/** leaf code → unit group → statistics. */
export type PeerIndex = ReadonlyMap<string, ReadonlyMap<string, PeerStats>>;

/** A leaf applies to every group when `appliesTo` is absent or empty. */
export const appliesTo = (leaf: Leaf, group: string): boolean =>
  !leaf.appliesTo || leaf.appliesTo.length === 0 || leaf.appliesTo.includes(group);

/**
 * Peer statistics, computed ONCE per (leaf, group) before any unit is scored, so that scoring a
 * unit never looks at the other units again (the batch maps over units with these in hand).
 * Only peer-relative leaves, and only units with a usable value: the leaf applies to the unit's
 * group and the unit submitted a finite `value` (exempt, missing or wrong-kind inputs are not peers).
 */
export function computePeers(leaves: readonly Leaf[], units: readonly UnitInputs[]): PeerIndex {
  const index = new Map<string, Map<string, PeerStats>>();
  for (const leaf of leaves) {
    if (!PEER_RELATIVE_RULES.includes(leaf.rule.kind)) continue;
    const byGroup = new Map<string, number[]>();
    for (const u of units) {
      if (!appliesTo(leaf, u.group)) continue;
      const input = u.leaves[leaf.code];
      if (input?.kind !== 'value' || !Number.isFinite(input.actual)) continue;
      let values = byGroup.get(u.group);
      if (!values) {
        values = [];
        byGroup.set(u.group, values);
      }
      values.push(input.actual);
    }
    const stats = new Map<string, PeerStats>();
    for (const [group, values] of byGroup) {
      values.sort((a, b) => a - b);
      stats.set(group, {
        n: values.length,
        min: values[0]!,
        max: values[values.length - 1]!,
        sorted: values,
      });
    }
    index.set(leaf.code, stats);
  }
  return index;
}

/** Number of values strictly less than x (values ascending). */
export function countBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of values strictly greater than x (values ascending). */
export function countAbove(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}
