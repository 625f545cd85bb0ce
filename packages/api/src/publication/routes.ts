import { callerOf } from '../http/caller';
import { resourceApp } from '../http/route';
import { publicationContract as r } from './contract';
import { publicationView, publish, withdraw } from './use-cases';

/** Publication of the released results (contract: ./contract.ts); the rules live in the use cases. */
export const publicationRoutes = resourceApp()
  .openapi(r.view, async (c) => c.json(await publicationView(callerOf(c), c.req.valid('param').cycleId), 200))
  .openapi(r.publish, async (c) => {
    const { cycleId } = c.req.valid('param');
    return c.json(await publish(callerOf(c), cycleId, c.req.valid('json')), 201);
  })
  .openapi(r.withdraw, async (c) => {
    const { cycleId } = c.req.valid('param');
    return c.json(await withdraw(callerOf(c), cycleId, c.req.valid('json')), 200);
  });
