import { callerOf } from '../http/caller';
import { idempotent } from '../http/idempotency';
import { resourceApp } from '../http/route';
import { platformTenantContract as r } from './contract';
import { getTenant, listTenants, onboardTenant, updateTenant } from './use-cases';

export const platformTenantRoutes = resourceApp()
  .openapi(r.list, async (c) => c.json(await listTenants(callerOf(c), c.req.valid('query')), 200))
  .openapi(r.create, async (c) => {
    const input = c.req.valid('json');
    return c.json(await idempotent(c, 'tenants', input, () => onboardTenant(callerOf(c), input)), 201);
  })
  .openapi(r.get, async (c) => c.json(await getTenant(callerOf(c), c.req.valid('param').code), 200))
  .openapi(r.update, async (c) =>
    c.json(await updateTenant(callerOf(c), c.req.valid('param').code, c.req.valid('json')), 200),
  );
