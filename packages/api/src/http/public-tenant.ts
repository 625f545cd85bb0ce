import { errors, planAllowsUse, type Tenant } from '@jixiao/core';
import type { AppDeps } from '../deps';

/**
 * The tenant a public route's path names (the one place a tenant comes from a path: there is no
 * token): it must exist and its plan must allow use, else it looks missing (404), like every
 * record of it on the public side.
 */
export async function publicTenant(caller: { deps: Pick<AppDeps, 'data'> }, code: string): Promise<Tenant> {
  const t = await caller.deps.data.tenants.get(code);
  if (!t || !planAllowsUse(t.planStatus)) throw errors.notFound('该地区', 'Tenant');
  return t;
}
