import type { PageRequest } from '@jixiao/data';
import { tenant } from '../cycles/context';
import type { Caller } from '../http/caller';

/** The tenant's audit trail, newest first (the office browses it; export is a cycle file). */
export const listAudit = (caller: Caller, q: PageRequest) => caller.deps.data.audit.page(tenant(caller), q);

/** Recomputes the whole hash chain of the tenant and says where, if anywhere, it breaks. */
export const verifyAudit = (caller: Caller) => caller.deps.data.audit.verify(tenant(caller));
