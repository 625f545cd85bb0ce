import { tenantOf } from '@jixiao/core';
import type { Caller } from '../http/caller';

/** Who is signed in and, unless it is the platform operator, their tenant. */
export async function whoAmI({ deps, identity }: Caller) {
  const tenant = identity.tenant ? await deps.data.tenants.get(identity.tenant) : undefined;
  return { identity, ...(tenant ? { tenant } : {}) };
}

export const ownTenant = ({ deps, identity }: Caller) => deps.data.tenants.getOr404(tenantOf(identity));
