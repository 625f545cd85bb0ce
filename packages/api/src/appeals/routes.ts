import { callerOf } from '../http/caller';
import { idempotent } from '../http/idempotency';
import { resourceApp } from '../http/route';
import { appealContract as r } from './contract';
import { decideAppeal, getAppeal, listAppeals, submitAppeal, unitAppeals, withdrawAppeal } from './use-cases';

export const appealRoutes = resourceApp()
  .openapi(r.list, async (c) => {
    const { cycleId } = c.req.valid('param');
    return c.json(await listAppeals(callerOf(c), cycleId, c.req.valid('query')), 200);
  })
  .openapi(r.unit, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    return c.json(await unitAppeals(callerOf(c), cycleId, unit), 200);
  })
  .openapi(r.submit, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    const input = c.req.valid('json');
    const made = await idempotent(c, `appeals-${cycleId}-${unit}`, input, () =>
      submitAppeal(callerOf(c), cycleId, unit, input),
    );
    return c.json(made, 201);
  })
  .openapi(r.get, async (c) => {
    const { cycleId, unit, appealId } = c.req.valid('param');
    return c.json(await getAppeal(callerOf(c), cycleId, unit, appealId), 200);
  })
  .openapi(r.withdraw, async (c) => {
    const { cycleId, unit, appealId } = c.req.valid('param');
    return c.json(await withdrawAppeal(callerOf(c), cycleId, unit, appealId, c.req.valid('json')), 200);
  })
  .openapi(r.decide, async (c) => {
    const { cycleId, unit, appealId } = c.req.valid('param');
    return c.json(await decideAppeal(callerOf(c), cycleId, unit, appealId, c.req.valid('json')), 200);
  });
