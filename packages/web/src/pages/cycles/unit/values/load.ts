import { CONTRACTS } from '@jixiao/api/contracts';
import { type CycleView, contentOf, leavesOf, type Problem } from '@jixiao/core';
import type { Option } from '../../../../components/fields';
import type { Ctx } from '../../../../context';
import { may } from '../../../../policy';
import type { UnitRef } from './supply';

/**
 * What the verification table needs besides its rows: the cycle (its providers), the names of the
 * bound systems' indicators, the units (for the filter and to read pasted unit names), and which
 * indicators the caller may supply values for (一数一源): the office any quantitative one, a data
 * provider those the cycle assigns to its unit.
 */
export interface ValuesContext {
  cycle: CycleView;
  leaves: Option[];
  /** Every unit of the tenant the caller sees (to read pasted names; the API refuses those outside the cycle). */
  units: UnitRef[];
  /** The units in the cycle's scope (its bound groups), for the filter. */
  cycleUnits: Option[];
  supplyLeaves: Option[];
}

export async function loadValuesContext(
  c: Ctx,
  cycleId: string,
): Promise<{ ok: true; ctx: ValuesContext } | { ok: false; problem: Problem }> {
  const api = c.get('api');
  const [cycle, units] = await Promise.all([
    api.call(CONTRACTS.cycles.get, { params: { cycleId } }),
    api.all(CONTRACTS.units.list, {}),
  ]);
  if (!cycle.ok) return { ok: false, problem: cycle.problem };
  const systems = await Promise.all(
    cycle.data.bindings.map((b) =>
      api.call(CONTRACTS.systems.getVersion, { params: { id: b.system, v: b.systemVersion } }),
    ),
  );
  const names = new Map<string, { name: string; quantitative: boolean }>();
  for (const s of systems)
    if (s.ok)
      for (const l of leavesOf(contentOf(s.data).dimensions))
        if (!names.has(l.code)) names.set(l.code, { name: l.name, quantitative: l.type === 'quantitative' });
  const label = (code: string) => {
    const n = names.get(code)?.name;
    return n ? `${n}（${code}）` : code;
  };
  const me = c.get('me');
  const office = may(me, CONTRACTS.cycles.update);
  const assigned = cycle.data.providers.filter((p) => p.unit === me.identity.unit).map((p) => p.leaf);
  const supplyCodes = office
    ? [...names].filter(([, l]) => l.quantitative).map(([code]) => code)
    : [...new Set(assigned)];
  const groups = new Set(cycle.data.bindings.flatMap((b) => b.groups));
  const ctx: ValuesContext = {
    cycle: cycle.data,
    leaves: [...names.keys()].map((code) => ({ value: code, label: label(code) })),
    units: units.ok
      ? units.data.items.map((u) => ({ code: u.code, name: u.name, shortName: u.shortName }))
      : [],
    cycleUnits: units.ok
      ? units.data.items.filter((u) => groups.has(u.group)).map((u) => ({ value: u.code, label: u.name }))
      : [],
    supplyLeaves: may(me, CONTRACTS.values.supply)
      ? supplyCodes.map((code) => ({ value: code, label: label(code) }))
      : [],
  };
  return { ok: true, ctx };
}
