import { callerOf } from '../http/caller';
import { idempotent } from '../http/idempotency';
import { resourceApp } from '../http/route';
import { unitContract as r } from './contract';
import { createUnit, getUnit, listUnits, updateUnit } from './use-cases';

export const unitRoutes = resourceApp()
  .openapi(r.list, async (c) => c.json(await listUnits(callerOf(c), c.req.valid('query')), 200))
  .openapi(r.create, async (c) => {
    const input = c.req.valid('json');
    return c.json(await idempotent(c, 'units', input, () => createUnit(callerOf(c), input)), 201);
  })
  .openapi(r.get, async (c) => c.json(await getUnit(callerOf(c), c.req.valid('param').code), 200))
  .openapi(r.update, async (c) => {
    const { version, ...changes } = c.req.valid('json');
    return c.json(await updateUnit(callerOf(c), c.req.valid('param').code, version, changes), 200);
  });
