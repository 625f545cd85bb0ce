import type { EffectiveGroup } from './groups';
import type { SharedResult, StandardIndicator } from './model';

/** What a comparison takes from the library and the shares (the exact and the fast path alike). */

export const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The library in its reading order: dimensions in the order of their first code, codes ascending
 * within a dimension (so a dimension's indicators stay together however they are coded).
 */
export function libraryOrder(library: readonly StandardIndicator[]): StandardIndicator[] {
  const sorted = [...library].sort((a, b) => byCode(a.code, b.code));
  const dimension = new Map<string, number>();
  for (const s of sorted) if (!dimension.has(s.dimension)) dimension.set(s.dimension, dimension.size);
  // Array.prototype.sort is stable: codes stay ascending within a dimension.
  return sorted.sort((a, b) => (dimension.get(a.dimension) ?? 0) - (dimension.get(b.dimension) ?? 0));
}

/** The group's indicators: library entries with a finite group weight > 0, in library order. */
export function groupIndicators(
  library: readonly StandardIndicator[],
  weights: Readonly<Record<string, number>>,
) {
  return libraryOrder(library).flatMap((s) => {
    const w = weights[s.code];
    return typeof w === 'number' && Number.isFinite(w) && w > 0 ? [{ standard: s, weight: w }] : [];
  });
}

/** One value per share: the members of the group, once each. */
export function members(shares: readonly SharedResult[], group: EffectiveGroup): SharedResult[] {
  const wanted = group.members === null ? null : new Set(group.members);
  const seen = new Set<string>();
  return shares.filter((s) => {
    if ((wanted && !wanted.has(s.tenant)) || seen.has(s.tenant)) return false;
    seen.add(s.tenant);
    return true;
  });
}

/** A share's finite values by standard code (a Map, so a province-sized comparison stays linear). */
export const valuesOf = (share: SharedResult | undefined): ReadonlyMap<string, number> =>
  new Map(
    (share?.indicators ?? []).flatMap((x) =>
      Number.isFinite(x.value) ? [[x.standard, x.value] as const] : [],
    ),
  );
