import {
  type Comparison,
  compare,
  type EffectiveGroup,
  effectiveGroup,
  errors,
  mapLimit,
  peerGroupSchema,
  type SharedResult,
  type StandardIndicator,
  type StandardisationMethod,
  sharedResultSchema,
  standardIndicatorSchema,
} from '@jixiao/core';
import type { Caller } from '../http/caller';
import { factsOf, recipientOf, type TenantFacts } from '../province/context';

/**
 * What a comparison reads, all under the recipient's own keys: its shares of the year and the
 * year before (for 增幅), its peer groups, and the standard library of its province (a city's
 * comparisons use its province's library too). A group that does not exist is a 404.
 */

export interface ComparisonBasis {
  recipient: TenantFacts;
  library: StandardIndicator[];
  group: EffectiveGroup;
}

export async function basisOf(caller: Caller, groupCode: string): Promise<ComparisonBasis> {
  const recipient = await recipientOf(caller);
  const data = caller.deps.data.province;
  const [library, groups] = await Promise.all([
    data.standards.all(recipient.province),
    data.peerGroups.all(recipient.code),
  ]);
  const lib = library.map((s) => standardIndicatorSchema.parse(s));
  const group = effectiveGroup(
    groupCode,
    lib,
    groups.map((g) => peerGroupSchema.parse(g)),
  );
  if (!group) throw errors.notFound(`分类考核组 ${groupCode}`, `Peer group ${groupCode}`);
  return { recipient, library: lib, group };
}

export const sharesOf = async (caller: Caller, recipient: string, year: number): Promise<SharedResult[]> =>
  (await caller.deps.data.province.shared.all(recipient, year)).map((s) => sharedResultSchema.parse(s));

/** Names of the group's members that did not share the year, from the registry (else GB/T 2260). */
async function missingNames(
  caller: Caller,
  group: EffectiveGroup,
  shares: readonly SharedResult[],
): Promise<Map<string, string>> {
  const shared = new Set(shares.map((s) => s.tenant));
  const missing = (group.members ?? []).filter((m) => !shared.has(m));
  const named = await mapLimit(missing, 8, async (m) => [m, (await factsOf(caller, m))?.name ?? m] as const);
  return new Map(named);
}

export interface ComparisonQuery {
  year: number;
  group: string;
  method?: StandardisationMethod | undefined;
}

/** The official comparison (exact decimals) of a year within a group, for the caller's recipient. */
export async function comparisonOf(
  caller: Caller,
  q: ComparisonQuery,
  known?: ComparisonBasis,
): Promise<{ basis: ComparisonBasis; comparison: Comparison }> {
  const basis = known ?? (await basisOf(caller, q.group));
  const code = basis.recipient.code;
  const [shares, previous] = await Promise.all([
    sharesOf(caller, code, q.year),
    sharesOf(caller, code, q.year - 1),
  ]);
  const comparison = compare({
    recipient: code,
    year: q.year,
    group: basis.group,
    ...(q.method ? { method: q.method } : {}),
    library: basis.library,
    shares,
    previous,
    names: await missingNames(caller, basis.group, shares),
  });
  return { basis, comparison };
}

/** Every year's shares of the recipient (for the trend). */
export async function sharesByYear(caller: Caller, recipient: string): Promise<Map<number, SharedResult[]>> {
  const years = await caller.deps.data.province.shared.years(recipient);
  const all = await mapLimit(years, 4, async (y) => [y, await sharesOf(caller, recipient, y)] as const);
  return new Map(all);
}
