import { callerOf } from '../http/caller';
import { resourceApp } from '../http/route';
import { provinceContract as r } from './contract';
import { provinceTenants } from './use-cases';

export const provinceRoutes = resourceApp().openapi(r.tenants, async (c) =>
  c.json(await provinceTenants(callerOf(c), c.req.valid('query')), 200),
);
