import { errors, tenantOf, type unitGroupCreateSchema, type unitGroupPatchSchema } from '@jixiao/core';
import type { PageRequest } from '@jixiao/data';
import type { z } from 'zod';
import type { Caller } from '../http/caller';

const org = (caller: Caller) => caller.deps.data.org;

export const listGroups = (caller: Caller, q: PageRequest) =>
  org(caller).listGroups(tenantOf(caller.identity), q);

export const createGroup = (caller: Caller, input: z.infer<typeof unitGroupCreateSchema>) =>
  org(caller).createGroup(tenantOf(caller.identity), input);

export const getGroup = (caller: Caller, code: string) =>
  org(caller).getGroupOr404(tenantOf(caller.identity), code);

export const updateGroup = (
  caller: Caller,
  code: string,
  { version, ...changes }: z.infer<typeof unitGroupPatchSchema>,
) => org(caller).updateGroup(tenantOf(caller.identity), code, version, changes);

/** Only an empty group may go: its units would otherwise lose their peer group. */
export async function deleteGroup(caller: Caller, code: string, version: number) {
  const tenant = tenantOf(caller.identity);
  await org(caller).getGroupOr404(tenant, code);
  if (await org(caller).groupHasUnits(tenant, code)) {
    throw errors.inUse(
      '该分组下仍有单位，请先移走单位再删除。',
      'Units still belong to this group; move them first.',
    );
  }
  await org(caller).deleteGroup(tenant, code, version);
}
