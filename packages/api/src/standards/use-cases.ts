import {
  errors,
  libraryOrder,
  type StandardIndicator,
  type StandardIndicatorPut,
  standardIndicatorSchema,
} from '@jixiao/core';
import { changedFields, recordAudit } from '../cycles/context';
import type { Caller } from '../http/caller';
import { libraryProvinceOf, provinceTenant } from '../province/context';

/**
 * The standard library (P#<province>#STD): read by the province's tenants and analysts, kept by
 * the provincial office (created, changed by version, deleted by version). Audited in the
 * province's own trail.
 */

export async function listStandards(caller: Caller): Promise<{ items: StandardIndicator[] }> {
  const province = await libraryProvinceOf(caller);
  const all = await caller.deps.data.province.standards.all(province);
  return { items: libraryOrder(all.map((s) => standardIndicatorSchema.parse(s))) };
}

export async function saveStandard(
  caller: Caller,
  code: string,
  input: StandardIndicatorPut,
): Promise<{ standard: StandardIndicator; created: boolean }> {
  const province = (await provinceTenant(caller)).code;
  const repo = caller.deps.data.province.standards;
  const current = await repo.get(province, code);
  if (current ? input.version !== current.version : input.version !== undefined)
    throw errors.versionConflict(current?.version);
  const { version: _v, ...fields } = input;
  if (current) {
    const { before, after } = changedFields(current, fields);
    const saved = await repo.update(province, code, current.version, fields);
    await recordAudit(caller, {
      action: 'standard.save',
      target: { type: 'standard', id: code },
      before,
      after,
    });
    return { standard: standardIndicatorSchema.parse(saved), created: false };
  }
  const saved = await repo.create({ ...fields, province, code });
  await recordAudit(caller, {
    action: 'standard.save',
    target: { type: 'standard', id: code },
    before: null,
    after: { name: fields.name, unit: fields.unit, direction: fields.direction, weight: fields.weight },
  });
  return { standard: standardIndicatorSchema.parse(saved), created: true };
}

export async function deleteStandard(caller: Caller, code: string, version: number): Promise<void> {
  const province = (await provinceTenant(caller)).code;
  const repo = caller.deps.data.province.standards;
  const current = await repo.get(province, code);
  if (!current) throw errors.notFound(`标准指标 ${code}`, `Standard indicator ${code}`);
  await repo.remove(province, code, version);
  await recordAudit(caller, {
    action: 'standard.delete',
    target: { type: 'standard', id: code },
    before: { name: current.name, version: current.version },
    after: null,
  });
}
