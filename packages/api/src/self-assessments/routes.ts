import { callerOf } from '../http/caller';
import { resourceApp } from '../http/route';
import { selfAssessmentContract as r } from './contract';
import { act, getSelf, putSelf } from './use-cases';

export const selfAssessmentRoutes = resourceApp()
  .openapi(r.get, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    return c.json(await getSelf(callerOf(c), cycleId, unit), 200);
  })
  .openapi(r.put, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    return c.json(await putSelf(callerOf(c), cycleId, unit, c.req.valid('json')), 200);
  })
  .openapi(r.act, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    return c.json(await act(callerOf(c), cycleId, unit, c.req.valid('json')), 200);
  });
