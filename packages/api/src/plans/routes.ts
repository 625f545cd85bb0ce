import { callerOf } from '../http/caller';
import { resourceApp } from '../http/route';
import { planContract as r } from './contract';
import { listLongTermPlans, putLongTermPlan } from './long-term';
import { transitionPlan } from './transitions';
import { getPlan, listPlans, putPlan, reviewPlan } from './use-cases';
import { listComments, listOpinions, moderateComment, stepOpinion } from './voice';

export const planRoutes = resourceApp()
  .openapi(r.longTermList, async (c) =>
    c.json(await listLongTermPlans(callerOf(c), c.req.valid('param').unit), 200),
  )
  .openapi(r.longTermPut, async (c) => {
    const { unit, startYear } = c.req.valid('param');
    return c.json(await putLongTermPlan(callerOf(c), unit, startYear, c.req.valid('json')), 200);
  })
  .openapi(r.list, async (c) =>
    c.json(await listPlans(callerOf(c), c.req.valid('param').cycleId, c.req.valid('query')), 200),
  )
  .openapi(r.get, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    return c.json(await getPlan(callerOf(c), cycleId, unit), 200);
  })
  .openapi(r.put, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    return c.json(await putPlan(callerOf(c), cycleId, unit, c.req.valid('json')), 200);
  })
  .openapi(r.transition, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    return c.json(await transitionPlan(callerOf(c), cycleId, unit, c.req.valid('json')), 200);
  })
  .openapi(r.review, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    return c.json(await reviewPlan(callerOf(c), cycleId, unit, c.req.valid('json')), 200);
  })
  .openapi(r.comments, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    return c.json(await listComments(callerOf(c), cycleId, unit, c.req.valid('query')), 200);
  })
  .openapi(r.moderate, async (c) => {
    const { cycleId, unit, commentId } = c.req.valid('param');
    return c.json(await moderateComment(callerOf(c), cycleId, unit, commentId, c.req.valid('json')), 200);
  })
  .openapi(r.opinions, async (c) =>
    c.json(await listOpinions(callerOf(c), c.req.valid('param').cycleId, c.req.valid('query')), 200),
  )
  .openapi(r.opinionStep, async (c) => {
    const { cycleId, opinionId } = c.req.valid('param');
    return c.json(await stepOpinion(callerOf(c), cycleId, opinionId, c.req.valid('json')), 200);
  });
