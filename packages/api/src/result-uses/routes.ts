import { callerOf } from '../http/caller';
import { idempotent } from '../http/idempotency';
import { resourceApp } from '../http/route';
import { resultUseContract as r } from './contract';
import { createUse, getUse, listUses, revokeUse, updateUse } from './use-cases';

export const resultUseRoutes = resourceApp()
  .openapi(r.list, async (c) => {
    const { cycleId } = c.req.valid('param');
    return c.json(await listUses(callerOf(c), cycleId, c.req.valid('query')), 200);
  })
  .openapi(r.create, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    const input = c.req.valid('json');
    const made = await idempotent(c, `uses-${cycleId}-${unit}`, input, () =>
      createUse(callerOf(c), cycleId, unit, input),
    );
    return c.json(made, 201);
  })
  .openapi(r.get, async (c) => {
    const { cycleId, unit, useId } = c.req.valid('param');
    return c.json(await getUse(callerOf(c), cycleId, unit, useId), 200);
  })
  .openapi(r.update, async (c) => {
    const { cycleId, unit, useId } = c.req.valid('param');
    return c.json(await updateUse(callerOf(c), cycleId, unit, useId, c.req.valid('json')), 200);
  })
  .openapi(r.revoke, async (c) => {
    const { cycleId, unit, useId } = c.req.valid('param');
    return c.json(await revokeUse(callerOf(c), cycleId, unit, useId, c.req.valid('json')), 200);
  });
