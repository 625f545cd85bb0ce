import { callerOf } from '../http/caller';
import { resourceApp } from '../http/route';
import { identityContract as r } from './contract';
import { ownTenant, whoAmI } from './use-cases';

export const identityRoutes = resourceApp()
  .openapi(r.me, async (c) => c.json(await whoAmI(callerOf(c)), 200))
  .openapi(r.tenant, async (c) => c.json(await ownTenant(callerOf(c)), 200));
