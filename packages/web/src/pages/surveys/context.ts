import { CONTRACTS } from '@jixiao/api/contracts';
import { type CycleView, contentOf, type IndicatorSystem, leavesOf } from '@jixiao/core';
import type { Ctx } from '../../context';
import { unitsOfCycle } from '../cycles/office/checks-actions';
import type { SatisfactionLeaf } from './form';

/** What the survey form offers: the cycle's units, and the satisfaction leaves of its bound systems. */
export async function formChoices(c: Ctx, cycle: CycleView) {
  const api = c.get('api');
  const [units, systems] = await Promise.all([
    unitsOfCycle(c, cycle.id),
    Promise.all(
      cycle.bindings.map((b) =>
        api.call(CONTRACTS.systems.getVersion, { params: { id: b.system, v: b.systemVersion } }),
      ),
    ),
  ]);
  const leaves = new Map<string, SatisfactionLeaf>();
  for (const r of systems) {
    if (!r.ok) continue;
    for (const l of leavesOf(contentOf(r.data as unknown as IndicatorSystem).dimensions))
      if (l.rule.kind === 'satisfaction' && !leaves.has(l.code))
        leaves.set(l.code, { code: l.code, name: l.name, groups: l.rule.groups });
  }
  return { units, leaves: [...leaves.values()] };
}

/** The tenant's code (public links name it). */
export const tenantOf = (c: Ctx): string => c.get('me').tenant?.code ?? c.get('me').identity.tenant ?? '';
