import { type Cycle, contentOf, cycleLeaves, hasRole, type PlanLeaf } from '@jixiao/core';
import { systemsByGroup, unitsInCycle } from '../cycles/context';
import type { Caller } from '../http/caller';
import { providerLeaves } from '../monitoring/shared';

/** Who may see and verify which values, and the names a value row shows. */

export const VALUE = { zh: '指标数据', en: 'Value' };
/** A data provider (and nothing wider) sees and verifies only the leaves assigned to its unit. */
export const providerOnly = (caller: Caller): boolean =>
  hasRole(caller.identity, 'data_provider') &&
  !hasRole(caller.identity, 'tenant_admin', 'observer', 'expert', 'evaluator');

export const mayVerify = (caller: Caller, cycle: Cycle, leaf: string): boolean =>
  cycle.state === 'verification' &&
  (hasRole(caller.identity, 'tenant_admin') || providerLeaves(caller.identity, cycle).has(leaf));

/** Names of the cycle's units and of the leaves that apply to each (by the unit's group). */
export async function cycleNames(caller: Caller, cycle: Cycle) {
  const [units, systems] = await Promise.all([unitsInCycle(caller, cycle), systemsByGroup(caller, cycle)]);
  const leavesByGroup = new Map<string, Map<string, PlanLeaf>>();
  for (const [group, system] of systems)
    leavesByGroup.set(group, new Map(cycleLeaves(cycle, contentOf(system), group).map((l) => [l.code, l])));
  const units$ = new Map(units.map((u) => [u.code, u]));
  return {
    units: units$,
    leavesOf: (unit: string) =>
      leavesByGroup.get(units$.get(unit)?.group ?? '') ?? new Map<string, PlanLeaf>(),
  };
}

export type Names = Awaited<ReturnType<typeof cycleNames>>;
