import { errors, findDivision, isWithinDivision, tenantOf, type Unit, unitScope } from '@jixiao/core';
import { ensureDivisions, type PageRequest } from '@jixiao/data';
import type { Caller } from '../http/caller';

type UnitInput = Omit<Unit, 'version' | 'createdAt' | 'updatedAt'>;
type UnitChanges = { [K in keyof UnitInput]?: UnitInput[K] | null };

const NOT_FOUND = ['单位', 'Unit'] as const;

/** References a unit makes must exist in the same tenant and, for divisions, lie inside it. */
async function checkReferences(
  { deps }: Caller,
  tenant: string,
  u: { group?: string | null | undefined; divisionCode?: string | null | undefined },
) {
  if (typeof u.group === 'string' && !(await deps.data.org.getGroup(tenant, u.group))) {
    throw errors.invalidReference(
      'body.group',
      `单位分组 ${u.group} 不存在。`,
      `Unit group ${u.group} does not exist.`,
    );
  }
  if (typeof u.divisionCode === 'string') {
    await ensureDivisions();
    if (!findDivision(u.divisionCode)) throw errors.unknownDivision(u.divisionCode, 'body.divisionCode');
    if (!isWithinDivision(u.divisionCode, tenant) || u.divisionCode === tenant) {
      throw errors.invalidReference(
        'body.divisionCode',
        `行政区划 ${u.divisionCode} 不在本租户辖区内。`,
        `Division ${u.divisionCode} is not inside this tenant's area.`,
      );
    }
  }
}

/** A unit user sees only its own unit; office-wide roles see every unit (optionally of one group). */
export async function listUnits(caller: Caller, q: PageRequest & { group?: string | undefined }) {
  const tenant = tenantOf(caller.identity);
  const org = caller.deps.data.org;
  const scope = unitScope(caller.identity);
  if (scope !== undefined) {
    const own = await org.getUnit(tenant, scope);
    const items: Unit[] = own && (q.group === undefined || own.group === q.group) ? [own] : [];
    return { items };
  }
  return org.listUnits(tenant, q);
}

export async function createUnit(caller: Caller, input: UnitInput) {
  const tenant = tenantOf(caller.identity);
  await checkReferences(caller, tenant, input);
  return caller.deps.data.org.createUnit(tenant, input);
}

/** Another unit's record looks exactly like a missing one (404). */
export async function getUnit(caller: Caller, code: string) {
  const scope = unitScope(caller.identity);
  if (scope !== undefined && scope !== code) throw errors.notFound(...NOT_FOUND);
  return caller.deps.data.org.getUnitOr404(tenantOf(caller.identity), code);
}

export async function updateUnit(caller: Caller, code: string, version: number, changes: UnitChanges) {
  const tenant = tenantOf(caller.identity);
  const org = caller.deps.data.org;
  const current = await org.getUnitOr404(tenant, code);
  await checkReferences(caller, tenant, changes);
  return org.updateUnit(tenant, code, version, changes, changes.group ?? current.group);
}
