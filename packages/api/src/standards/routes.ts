import { callerOf } from '../http/caller';
import { resourceApp } from '../http/route';
import { standardContract as r } from './contract';
import { deleteStandard, listStandards, saveStandard } from './use-cases';

/** The standard indicator library (contract: ./contract.ts); the rules live in the use cases. */
export const standardRoutes = resourceApp()
  .openapi(r.list, async (c) => c.json(await listStandards(callerOf(c)), 200))
  .openapi(r.put, async (c) => {
    const { code } = c.req.valid('param');
    const { standard, created } = await saveStandard(callerOf(c), code, c.req.valid('json'));
    return created ? c.json(standard, 201) : c.json(standard, 200);
  })
  .openapi(r.remove, async (c) => {
    await deleteStandard(callerOf(c), c.req.valid('param').code, c.req.valid('query').version);
    return c.body(null, 204);
  });
