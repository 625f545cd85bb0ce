import { provinceOf } from '@jixiao/core';
import type { PageRequest } from '@jixiao/data';
import type { Caller } from '../http/caller';

/** A province sees its tenants' registry records, never their data. */
export const provinceTenants = ({ deps, identity }: Caller, q: PageRequest) =>
  deps.data.tenants.listInProvince(provinceOf(identity), q);
