import { CONTRACTS } from '@jixiao/api/contracts';
import { leavesOf, type Problem, type ScoringRule } from '@jixiao/core';
import { statusOf } from '../../components/message-page';
import type { Ctx } from '../../context';
import { loadCycle } from '../cycles/office/paths';
import type { Rules } from './determination-form';

/** What several evaluation pages read besides their own view, each through the API as the caller. */

/** The tenant's unit groups' names by code (codes are shown if they cannot be read). */
export async function groupNames(c: Ctx): Promise<Map<string, string>> {
  const r = await c.get('api').all(CONTRACTS.unitGroups.list, {});
  return new Map(r.ok ? r.data.items.map((g) => [g.code, g.name]) : []);
}

/**
 * The scoring rule of each leaf of the system a group is evaluated by in the cycle (the binding
 * whose groups name it): the deduction items and the formula's calculator a determination needs.
 * Empty when the cycle or system cannot be read (the form then offers what is stored).
 */
export async function rulesFor(c: Ctx, cycleId: string, group: string): Promise<Rules> {
  const cycle = await loadCycle(c, cycleId);
  const binding = cycle.ok ? cycle.data.bindings.find((b) => b.groups.includes(group)) : undefined;
  if (!binding) return new Map();
  const system = await c
    .get('api')
    .call(CONTRACTS.systems.getVersion, { params: { id: binding.system, v: binding.systemVersion } });
  if (!system.ok) return new Map();
  return new Map<string, ScoringRule>(leavesOf(system.data.dimensions).map((l) => [l.code, l.rule]));
}

/** An API problem as the JSON the page's script reads (status and zh/en message kept). */
export const problemJson = (c: Ctx, p: Problem) =>
  c.body(JSON.stringify(p), statusOf(p.status), { 'content-type': 'application/problem+json' });
