import {
  type AuditEvent,
  type Cycle,
  canonicalJson,
  contentOf,
  cycleLeaves,
  errors,
  hasRole,
  type IndicatorSystem,
  type PlanLeaf,
  shanghaiDay,
  tenantOf,
  type Unit,
  unitScope,
} from '@jixiao/core';
import type { Caller } from '../http/caller';

/**
 * What every use case of the cycle's resources needs: the cycle (404 outside the tenant), a unit in
 * its scope with the indicators that apply to it, today's date in Asia/Shanghai, and the audit
 * trail. One place, so scope is decided the same way on every route.
 */

const NOT_IN_SCOPE = { zh: '单位不在该考核周期范围内', en: 'Unit not in this cycle' };

export const tenant = (caller: Caller) => tenantOf(caller.identity);

export const loadCycle = (caller: Caller, cycleId: string): Promise<Cycle> =>
  caller.deps.data.cycles.getOr404(tenant(caller), cycleId);

/** Today in Asia/Shanghai (the calendar's days are Shanghai days). */
export const today = (caller: Caller): string => shanghaiDay(caller.deps.now());

/** Whether the caller acts for the whole tenant (office-wide roles) rather than one unit. */
export const seesAllUnits = (caller: Caller): boolean => unitScope(caller.identity) === undefined;

export const isOffice = (caller: Caller): boolean => hasRole(caller.identity, 'tenant_admin');

/**
 * Whether the caller is the unit's own user. A unit's own work (its plan, progress reports,
 * self-assessment, the comments on its consultation, replies to opinions) is done by its own user
 * only — also when that user holds another, tenant-wide role (a 统计局 liaison who is also a data
 * provider reads every unit, but writes only for its own).
 */
export const isOwnUnit = (caller: Caller, code: string): boolean =>
  hasRole(caller.identity, 'unit_user') && caller.identity.unit === code;

/** A unit in the cycle: the unit, its group's bound system and the leaves that apply to it. */
export interface UnitInCycle {
  unit: Unit;
  group: string;
  system: IndicatorSystem;
  leaves: PlanLeaf[];
}

/** The bound system version of each group (a group is bound once per cycle). */
export async function systemsByGroup(caller: Caller, cycle: Cycle): Promise<Map<string, IndicatorSystem>> {
  const out = new Map<string, IndicatorSystem>();
  for (const b of cycle.bindings) {
    const system = await caller.deps.data.indicatorSystems
      .getVersion(tenant(caller), b.system, b.systemVersion)
      .catch(() => undefined);
    if (!system) continue;
    for (const g of b.groups) if (!out.has(g)) out.set(g, system);
  }
  return out;
}

/**
 * The unit if the caller may see it in this cycle: a unit user only their own unit; any unit only
 * if its group is bound. Otherwise 404, exactly like a unit that does not exist.
 */
export async function unitInCycle(caller: Caller, cycle: Cycle, code: string): Promise<UnitInCycle> {
  const scope = unitScope(caller.identity);
  if (scope !== undefined && scope !== code) throw errors.notFound(NOT_IN_SCOPE.zh, NOT_IN_SCOPE.en);
  const unit = await caller.deps.data.org.getUnit(tenant(caller), code);
  // A deactivated unit is out of the cycle, as `unitsInCycle` says.
  if (!unit || unit.active === false) throw errors.notFound(NOT_IN_SCOPE.zh, NOT_IN_SCOPE.en);
  const binding = cycle.bindings.find((b) => b.groups.includes(unit.group));
  if (!binding) throw errors.notFound(NOT_IN_SCOPE.zh, NOT_IN_SCOPE.en);
  const system = await caller.deps.data.indicatorSystems.getVersion(
    tenant(caller),
    binding.system,
    binding.systemVersion,
  );
  return { unit, group: unit.group, system, leaves: cycleLeaves(cycle, contentOf(system), unit.group) };
}

/** The unit, for its own work (see `isOwnUnit`): anyone else finds it missing (404). */
export async function ownUnitInCycle(caller: Caller, cycle: Cycle, code: string): Promise<UnitInCycle> {
  if (!isOwnUnit(caller, code)) throw errors.notFound(NOT_IN_SCOPE.zh, NOT_IN_SCOPE.en);
  return unitInCycle(caller, cycle, code);
}

/** Every unit in the cycle's scope (the bound groups' units), in code order. */
export async function unitsInCycle(caller: Caller, cycle: Cycle): Promise<Unit[]> {
  const t = tenant(caller);
  const out: Unit[] = [];
  const groups = [...new Set(cycle.bindings.flatMap((b) => b.groups))];
  for (const group of groups) {
    let cursor: string | undefined;
    do {
      const page = await caller.deps.data.org.listUnits(t, { group, limit: 200, cursor });
      out.push(...page.items.filter((u) => u.active !== false));
      cursor = page.nextCursor;
    } while (cursor);
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Appends to the tenant's audit trail, as the caller. */
export const recordAudit = (caller: Caller, event: AuditEvent) =>
  caller.deps.data.audit.append(
    tenant(caller),
    {
      sub: caller.identity.sub,
      ...(caller.identity.name ? { name: caller.identity.name } : {}),
      roles: [...caller.identity.roles],
    },
    event,
  );

/** The top-level fields a change really changes, before and after (for the audit trail). */
export function changedFields<T extends object>(before: T, changes: Partial<Record<keyof T, unknown>>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(changes)) {
    const old = (before as Record<string, unknown>)[k];
    if (canonicalJson(old ?? null) === canonicalJson(v ?? null)) continue;
    b[k] = old ?? null;
    a[k] = v ?? null;
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

/**
 * One page of `items` (already in their order) after the signed cursor's key, for lists that are
 * filtered in memory so that every page is full while more follow.
 */
export function pageInMemory<T>(
  caller: Caller,
  list: string,
  items: readonly T[],
  keyOf: (item: T) => string,
  req: { limit?: number | undefined; cursor?: string | undefined },
): { items: T[]; nextCursor?: string } {
  const cursors = caller.deps.data.store.cursors;
  const scope = `T:${tenantOf(caller.identity)}:${list}`;
  const after = cursors.decode(scope, req.cursor)?.after;
  const rest = typeof after === 'string' ? items.filter((i) => keyOf(i) > after) : [...items];
  const limit = Math.min(Math.max(req.limit ?? 50, 1), 200);
  const page = rest.slice(0, limit);
  const nextCursor = rest.length > limit ? cursors.encode(scope, { after: keyOf(page.at(-1)!) }) : undefined;
  return { items: page, ...(nextCursor ? { nextCursor } : {}) };
}
