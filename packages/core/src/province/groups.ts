import type { GradeQuotas, PeerGroup, StandardIndicator, StandardisationMethod } from './model';

/** A peer group as a comparison uses it; the implicit group `ALL` is everyone who shared. */
export interface EffectiveGroup {
  code: string;
  name: string;
  /** null = every tenant that shared the year (the implicit group). */
  members: readonly string[] | null;
  /** By standard code; only codes in the library with weight > 0 are used. */
  weights: Readonly<Record<string, number>>;
  method: StandardisationMethod;
  grades: GradeQuotas;
}

/** The group `code` of a recipient (ALL: the library's weights, efficacy, default quotas), or undefined. */
export function effectiveGroup(
  _code: string,
  _library: readonly StandardIndicator[],
  _groups: readonly PeerGroup[],
): EffectiveGroup | undefined {
  throw new Error('not implemented (#12 core)');
}
