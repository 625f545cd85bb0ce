import { callerOf } from '../http/caller';
import { resourceApp } from '../http/route';
import { meetingContract as r } from './contract';
import { concludeMeeting, getMeeting, getUnitDecision, putMeeting } from './use-cases';

export const meetingRoutes = resourceApp()
  .openapi(r.get, async (c) => {
    const { cycleId } = c.req.valid('param');
    return c.json(await getMeeting(callerOf(c), cycleId), 200);
  })
  .openapi(r.put, async (c) => {
    const { cycleId } = c.req.valid('param');
    return c.json(await putMeeting(callerOf(c), cycleId, c.req.valid('json')), 200);
  })
  .openapi(r.conclude, async (c) => {
    const { cycleId } = c.req.valid('param');
    return c.json(await concludeMeeting(callerOf(c), cycleId, c.req.valid('json')), 200);
  })
  .openapi(r.unitDecision, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    return c.json(await getUnitDecision(callerOf(c), cycleId, unit), 200);
  });
