import {
  errors,
  grantableRoles,
  type Role,
  tenantOf,
  UNIT_SCOPED_ROLES,
  type User,
  unitScope,
  type userCreateSchema,
  type userPatchSchema,
} from '@jixiao/core';
import { newId, type PageRequest } from '@jixiao/data';
import type { z } from 'zod';
import { endSessions, sessionGuardOf } from '../auth/session-guard';
import type { Caller } from '../http/caller';

const NOT_FOUND = ['用户', 'User'] as const;

/**
 * Brings the user's sign-in account in line with the stored record. The record is written first
 * (no transactions): if the identity provider fails, the request fails with 503 and the next save
 * of the user repeats the sync, which is idempotent.
 */
async function syncAccount({ deps }: Caller, tenant: string, user: User) {
  const t = await deps.data.tenants.getOr404(tenant);
  await deps.directory.upsertUser({ code: t.code, provinceCode: t.provinceCode }, user);
}

/** Only the roles the tenant's level allows (provincial analysts only in a province tenant). */
async function checkRoles({ deps }: Caller, tenant: string, roles: readonly Role[] | undefined) {
  if (!roles?.length) return;
  const t = await deps.data.tenants.getOr404(tenant);
  const allowed: readonly Role[] = grantableRoles(t.level);
  if (roles.some((r) => !allowed.includes(r))) {
    const zh = '只有省级租户可以设置省级分析人员。';
    const en = 'Only a province-level tenant can grant the provincial analyst role.';
    throw errors.validation([{ path: 'body.roles', zh, en }]);
  }
}

async function checkUnit({ deps }: Caller, tenant: string, unit: string | undefined) {
  if (unit !== undefined && !(await deps.data.org.getUnit(tenant, unit))) {
    throw errors.invalidReference('body.unit', `单位 ${unit} 不存在。`, `Unit ${unit} does not exist.`);
  }
}

/** Whether a change to a user ends their sessions: disabled, or other roles or unit than their tokens say. */
function revokes(before: User, after: User): boolean {
  const sameRoles =
    before.roles.length === after.roles.length && before.roles.every((r) => after.roles.includes(r));
  return (before.active && !after.active) || !sameRoles || before.unit !== after.unit;
}

/** A unit user sees its own unit's users only. */
export async function listUsers(caller: Caller, q: PageRequest & { unit?: string | undefined }) {
  const scope = unitScope(caller.identity);
  if (scope !== undefined && q.unit !== undefined && q.unit !== scope) return { items: [] };
  return caller.deps.data.org.listUsers(tenantOf(caller.identity), { ...q, unit: scope ?? q.unit });
}

export async function createUser(caller: Caller, input: z.infer<typeof userCreateSchema>) {
  const tenant = tenantOf(caller.identity);
  await checkRoles(caller, tenant, input.roles);
  await checkUnit(caller, tenant, input.unit);
  const org = caller.deps.data.org;
  const user = await org.createUser(tenant, { ...input, id: newId('user') });
  try {
    await syncAccount(caller, tenant, user);
  } catch (e) {
    // All or nothing: a user without a sign-in account is undone, so a retry (with the same
    // Idempotency-Key, which the failure releases) creates one user, not a second.
    await org.deleteUser(tenant, user.id, user.version);
    throw e;
  }
  return user;
}

export async function getUser(caller: Caller, id: string) {
  const user = await caller.deps.data.org.getUserOr404(tenantOf(caller.identity), id);
  const scope = unitScope(caller.identity);
  if (scope !== undefined && user.unit !== scope) throw errors.notFound(...NOT_FOUND);
  return user;
}

export async function updateUser(
  caller: Caller,
  userId: string,
  { version, ...changes }: z.infer<typeof userPatchSchema>,
) {
  const tenant = tenantOf(caller.identity);
  const org = caller.deps.data.org;
  const current = await org.getUserOr404(tenant, userId);
  const roles = changes.roles ?? current.roles;
  const unit = changes.unit === null ? undefined : (changes.unit ?? current.unit);
  if (unit === undefined && roles.some((r) => UNIT_SCOPED_ROLES.includes(r))) {
    throw errors.validation([
      {
        path: 'body.unit',
        zh: '被考核单位和数据提供部门用户必须指定所属单位',
        en: 'unit_user and data_provider users need a unit',
      },
    ]);
  }
  // Who the caller is as a record is the directory's to say: under Cognito the token's `sub` is
  // not the record's id.
  if (userId === caller.deps.directory.userIdOf(caller.identity)) {
    if (changes.roles && !changes.roles.includes('tenant_admin')) throw errors.selfLockout('role');
    if (changes.active === false) throw errors.selfLockout('disable');
  }
  await checkRoles(caller, tenant, changes.roles);
  await checkUnit(caller, tenant, changes.unit ?? undefined);
  const updated = await org.updateUser(tenant, userId, version, changes, unit);
  await syncAccount(caller, tenant, updated);
  // The user's tokens carry their roles and unit: after a change, or when disabled, the old ones
  // stop. Any other change (enabled again) is seen by this instance at once, by others within 30 s.
  if (revokes(current, updated)) await endSessions(caller.deps, tenant, userId);
  else sessionGuardOf(caller.deps).forget(tenant, userId);
  return updated;
}
