import { callerOf } from '../http/caller';
import { resourceApp } from '../http/route';
import { publicPlanContract as r } from './contract';
import {
  commentOnConsultation,
  opinionOnPlan,
  publicConsultation,
  publicPlan,
  publishedPlans,
} from './use-cases';

/** No sign-in: the tenant is the path's (the one place it is), and nothing else of it is reachable. */
export const publicPlanRoutes = resourceApp()
  .openapi(r.consultation, async (c) => {
    const { tenant, consultationId } = c.req.valid('param');
    return c.json(await publicConsultation(callerOf(c), tenant, consultationId), 200);
  })
  .openapi(r.comment, async (c) => {
    const { tenant, consultationId } = c.req.valid('param');
    return c.json(await commentOnConsultation(callerOf(c), tenant, consultationId, c.req.valid('json')), 201);
  })
  .openapi(r.plans, async (c) => c.json(await publishedPlans(callerOf(c), c.req.valid('param').tenant), 200))
  .openapi(r.plan, async (c) => {
    const { tenant, cycleId, unit } = c.req.valid('param');
    return c.json(await publicPlan(callerOf(c), tenant, cycleId, unit), 200);
  })
  .openapi(r.opinion, async (c) => {
    const { tenant, cycleId, unit } = c.req.valid('param');
    return c.json(await opinionOnPlan(callerOf(c), tenant, cycleId, unit, c.req.valid('json')), 201);
  });
