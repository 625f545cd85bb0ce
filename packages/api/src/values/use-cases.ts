import {
  type Cycle,
  errors,
  hasRole,
  unitScope,
  type ValueRecord,
  type ValueStatus,
  type VerifyValue,
} from '@jixiao/core';
import type { PageRequest } from '@jixiao/data';
import { loadCycle, recordAudit, tenant, unitInCycle } from '../cycles/context';
import { requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';
import { byKey, changedFields, pageInMemory, providerLeaves } from '../monitoring/shared';
import { cycleNames, mayVerify, type Names, providerOnly, VALUE } from './scope';

export { supplyValues } from './supply';

/**
 * Verification (指标考核, art. 23 (四)): the office confirms or corrects any value, a data provider
 * those of its assigned indicators; a correction keeps the original. The unit sees its own outcome.
 */

const INDICATOR = { zh: '指标', en: 'Indicator' };

const rowOf = (caller: Caller, cycle: Cycle, names: Names, v: ValueRecord) => ({
  ...v,
  unitName: names.units.get(v.unit)?.name ?? v.unit,
  leafName: names.leavesOf(v.unit).get(v.leaf)?.name ?? v.leaf,
  mayVerify: mayVerify(caller, cycle, v.leaf),
});

export async function listValues(
  caller: Caller,
  cycleId: string,
  q: PageRequest & { unit?: string | undefined; leaf?: string | undefined; status?: ValueStatus | undefined },
) {
  const cycle = await loadCycle(caller, cycleId);
  const scope = unitScope(caller.identity);
  if (scope !== undefined && q.unit !== undefined && q.unit !== scope) throw errors.notFound('单位', 'Unit');
  const unit = scope ?? q.unit;
  const assigned = providerOnly(caller) ? providerLeaves(caller.identity, cycle) : undefined;
  if (assigned && q.leaf !== undefined && !assigned.has(q.leaf))
    throw errors.notFound(INDICATOR.zh, INDICATOR.en);

  const t = tenant(caller);
  const records = caller.deps.data.cycleRecords;
  const found =
    q.leaf !== undefined
      ? (await records.valuesOfLeaf<ValueRecord>(t, cycle.id, q.leaf)).filter((v) => !unit || v.unit === unit)
      : await records.all<ValueRecord>(t, cycle.id, 'VAL', unit ? [unit] : []);
  const key = (v: ValueRecord) => `${v.unit}#${v.leaf}`;
  const shown = found
    .filter((v) => (!q.status || v.status === q.status) && (!assigned || assigned.has(v.leaf)))
    .sort(byKey(key));
  const list = `cycle:${cycle.id}:values:${unit ?? ''}:${q.leaf ?? ''}:${q.status ?? ''}`;
  const page = pageInMemory(caller, list, shown, key, q);
  const names = await cycleNames(caller, cycle);
  return { ...page, items: page.items.map((v) => rowOf(caller, cycle, names, v)) };
}

/** Confirm a value as reported, or correct it with a reason (the original stays beside it). */
export async function verifyValue(
  caller: Caller,
  cycleId: string,
  unit: string,
  leaf: string,
  input: VerifyValue,
) {
  const cycle = await loadCycle(caller, cycleId);
  if (!hasRole(caller.identity, 'tenant_admin') && !providerLeaves(caller.identity, cycle).has(leaf))
    throw errors.notFound(VALUE.zh, VALUE.en);
  const u = await unitInCycle(caller, cycle, unit);
  requireState(cycle, ['verification'], { zh: '核验指标数据', en: 'verify values' });
  const t = tenant(caller);
  const records = caller.deps.data.cycleRecords;
  const before = await records.getOr404<ValueRecord>(t, cycle.id, 'VAL', [unit, leaf], VALUE);
  const verified = { by: caller.identity.sub, at: caller.deps.now().toISOString() };
  const changes =
    input.action === 'confirm'
      ? // Confirmed as reported: the value that counts is the original again.
        { status: 'confirmed' as const, value: before.original ?? null, reason: null, verified }
      : {
          status: 'corrected' as const,
          value: input.value ?? null,
          reason: (input.reason ?? '').trim(),
          verified,
        };
  const after = await records.update<ValueRecord>(
    t,
    cycle.id,
    'VAL',
    [unit, leaf],
    input.version,
    changes,
    VALUE,
  );
  await recordAudit(caller, {
    action: 'value.verify',
    target: { type: 'value', id: `${cycle.id}/${unit}/${leaf}` },
    ...changedFields(before, after, ['status', 'value', 'reason']),
    ...(after.reason ? { note: after.reason } : {}),
  });
  const leafName = u.leaves.find((l) => l.code === leaf)?.name ?? leaf;
  return { ...after, unitName: u.unit.name, leafName, mayVerify: mayVerify(caller, cycle, leaf) };
}
