import { callerOf } from '../http/caller';
import { resourceApp } from '../http/route';
import { valueContract as r } from './contract';
import { listValues, supplyValues, verifyValue } from './use-cases';

export const valueRoutes = resourceApp()
  .openapi(r.list, async (c) =>
    c.json(await listValues(callerOf(c), c.req.valid('param').cycleId, c.req.valid('query')), 200),
  )
  .openapi(r.verify, async (c) => {
    const { cycleId, unit, leaf } = c.req.valid('param');
    return c.json(await verifyValue(callerOf(c), cycleId, unit, leaf, c.req.valid('json')), 200);
  })
  .openapi(r.supply, async (c) =>
    c.json(await supplyValues(callerOf(c), c.req.valid('param').cycleId, c.req.valid('json')), 200),
  );
