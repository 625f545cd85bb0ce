import { type tenantCreateSchema, tenantFactsFor, type tenantPatchSchema } from '@jixiao/core';
import { ensureDivisions, type PageRequest } from '@jixiao/data';
import type { z } from 'zod';
import type { Caller } from '../http/caller';

export const listTenants = ({ deps }: Caller, q: PageRequest) => deps.data.tenants.list(q);

/** A tenant is onboarded by its GB/T 2260 code; level, province and full name follow from it. */
export async function onboardTenant({ deps }: Caller, input: z.infer<typeof tenantCreateSchema>) {
  await ensureDivisions();
  const facts = tenantFactsFor(input.code);
  return deps.data.tenants.create({
    ...facts,
    name: input.name ?? facts.name,
    planStatus: input.planStatus,
    ...(input.contactName ? { contactName: input.contactName } : {}),
    ...(input.contactPhone ? { contactPhone: input.contactPhone } : {}),
  });
}

export const getTenant = ({ deps }: Caller, code: string) => deps.data.tenants.getOr404(code);

export const updateTenant = (
  { deps }: Caller,
  code: string,
  { version, ...changes }: z.infer<typeof tenantPatchSchema>,
) => deps.data.tenants.update(code, version, changes);
