import { callerOf } from '../http/caller';
import { idempotent } from '../http/idempotency';
import { resourceApp } from '../http/route';
import { cycleBurden } from './burden';
import { cycleContract as r } from './contract';
import { cycleOverview } from './overview';
import { createCycle, getCycle, listCycles, transitionCycle, updateCycle } from './use-cases';

export const cycleRoutes = resourceApp()
  .openapi(r.list, async (c) => c.json(await listCycles(callerOf(c), c.req.valid('query')), 200))
  .openapi(r.create, async (c) => {
    const input = c.req.valid('json');
    return c.json(await idempotent(c, 'cycles', input, () => createCycle(callerOf(c), input)), 201);
  })
  .openapi(r.get, async (c) => c.json(await getCycle(callerOf(c), c.req.valid('param').cycleId), 200))
  .openapi(r.update, async (c) =>
    c.json(await updateCycle(callerOf(c), c.req.valid('param').cycleId, c.req.valid('json')), 200),
  )
  .openapi(r.transition, async (c) =>
    c.json(await transitionCycle(callerOf(c), c.req.valid('param').cycleId, c.req.valid('json')), 200),
  )
  .openapi(r.overview, async (c) =>
    c.json(await cycleOverview(callerOf(c), c.req.valid('param').cycleId, c.req.valid('query')), 200),
  )
  .openapi(r.burden, async (c) => c.json(await cycleBurden(callerOf(c), c.req.valid('param').cycleId), 200));
