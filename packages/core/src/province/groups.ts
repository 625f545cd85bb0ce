import {
  ALL_GROUP,
  DEFAULT_GRADE_QUOTAS,
  type GradeQuotas,
  type PeerGroup,
  type StandardIndicator,
  type StandardisationMethod,
} from './model';

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

/** The implicit group's name as shown (Chinese first, as every group name). */
export const ALL_GROUP_NAME = '全部共享地区';

/** The group `code` of a recipient (ALL: the library's weights, efficacy, default quotas), or undefined. */
export function effectiveGroup(
  code: string,
  library: readonly StandardIndicator[],
  groups: readonly PeerGroup[],
): EffectiveGroup | undefined {
  if (code === ALL_GROUP)
    return {
      code: ALL_GROUP,
      name: ALL_GROUP_NAME,
      members: null,
      weights: Object.fromEntries(library.map((s) => [s.code, s.weight])),
      method: 'efficacy',
      grades: DEFAULT_GRADE_QUOTAS,
    };
  const group = groups.find((g) => g.code === code);
  if (!group) return undefined;
  return {
    code: group.code,
    name: group.name,
    // A member listed twice would count twice in `members`; the comparison wants a set.
    members: [...new Set(group.members)],
    weights: group.weights,
    method: group.method,
    grades: group.grades,
  };
}
