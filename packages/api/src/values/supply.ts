import {
  type CycleState,
  errors,
  type FieldIssue,
  hasRole,
  type SuppliedValues,
  type ValueRecord,
} from '@jixiao/core';
import { keys } from '@jixiao/data';
import { loadCycle, recordAudit, tenant } from '../cycles/context';
import { requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';
import { providerLeaves } from '../monitoring/shared';
import { cycleNames, VALUE } from './scope';

/**
 * Collect once (一数一源): a data provider (or the office) enters one indicator's values for many
 * units at once; each becomes the unit's confirmed value record, and the unit never types it.
 * Rows whose value was already supplied as it is are counted, not rewritten.
 */

const OPEN_STEPS: readonly CycleState[] = ['monitoring', 'self_assessment', 'verification'];
type ValueFields = Omit<ValueRecord, 'version' | 'createdAt' | 'updatedAt'>;

export async function supplyValues(caller: Caller, cycleId: string, input: SuppliedValues) {
  const cycle = await loadCycle(caller, cycleId);
  const { leaf } = input;
  if (!hasRole(caller.identity, 'tenant_admin') && !providerLeaves(caller.identity, cycle).has(leaf))
    throw errors.notFound('指标', 'Indicator');
  requireState(cycle, OPEN_STEPS, {
    zh: '报送数据提供部门的数值（一数一源）',
    en: 'enter supplied values',
  });

  const names = await cycleNames(caller, cycle);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  input.rows.forEach((row, i) => {
    const path = `body.rows.${i}.unit`;
    if (!names.units.has(row.unit))
      issues.push({
        path,
        zh: `第 ${i + 1} 行：单位 ${row.unit} 不在该考核周期范围内`,
        en: `Row ${i + 1}: unit ${row.unit} is not in this cycle`,
      });
    else if (!names.leavesOf(row.unit).has(leaf))
      issues.push({
        path,
        zh: `第 ${i + 1} 行：指标 ${leaf} 不适用于单位 ${row.unit}`,
        en: `Row ${i + 1}: indicator ${leaf} does not apply to unit ${row.unit}`,
      });
    else if (seen.has(row.unit))
      issues.push({
        path,
        zh: `第 ${i + 1} 行：单位 ${row.unit} 重复`,
        en: `Row ${i + 1}: unit ${row.unit} appears more than once`,
      });
    seen.add(row.unit);
  });
  if (issues.length) throw errors.validation(issues);

  const t = tenant(caller);
  const records = caller.deps.data.cycleRecords;
  const stamp = { by: caller.identity.sub, at: caller.deps.now().toISOString() };
  let written = 0;
  let unchanged = 0;
  // Row by row, each read consistently from its own key (the by-leaf index may lag a write just
  // made); whatever happens, what was written is in the audit trail.
  try {
    for (const row of input.rows) {
      const before = await records.get<ValueRecord>(t, cycle.id, 'VAL', [row.unit, leaf]);
      if (before?.origin === 'provider' && before.original === row.value) {
        unchanged++;
        continue;
      }
      const fields = {
        origin: 'provider' as const,
        original: row.value,
        value: row.value,
        status: 'confirmed' as const,
        supplied: stamp,
        verified: stamp,
      };
      if (before)
        await records.update<ValueRecord>(
          t,
          cycle.id,
          'VAL',
          [row.unit, leaf],
          before.version,
          { ...fields, reason: null },
          VALUE,
        );
      else {
        const record: ValueFields = { cycle: cycle.id, unit: row.unit, leaf, ...fields };
        await records.create(
          t,
          cycle.id,
          'VAL',
          [row.unit, leaf],
          record,
          VALUE,
          keys.valueByLeaf(t, cycle.id, leaf, row.unit),
        );
      }
      written++;
    }
  } finally {
    await recordAudit(caller, {
      action: 'value.supply',
      target: { type: 'values', id: `${cycle.id}/${leaf}` },
      after: { leaf, rows: input.rows.length, written, unchanged },
      note: `${input.rows.length} rows`,
    });
  }
  return { written, unchanged };
}
