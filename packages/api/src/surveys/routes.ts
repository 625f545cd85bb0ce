import { callerOf } from '../http/caller';
import { idempotent } from '../http/idempotency';
import { resourceApp } from '../http/route';
import { surveyContract as r } from './contract';
import {
  createSurvey,
  decide,
  getSurvey,
  invitations,
  invite,
  listSurveys,
  putSurvey,
  results,
  transition,
} from './use-cases';

export const surveyRoutes = resourceApp()
  .openapi(r.list, async (c) =>
    c.json(await listSurveys(callerOf(c), c.req.valid('param').cycleId, c.req.valid('query')), 200),
  )
  .openapi(r.create, async (c) => {
    const { cycleId } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(
      await idempotent(c, `surveys-${cycleId}`, input, () => createSurvey(callerOf(c), cycleId, input)),
      201,
    );
  })
  .openapi(r.get, async (c) => {
    const { cycleId, surveyId } = c.req.valid('param');
    return c.json(await getSurvey(callerOf(c), cycleId, surveyId), 200);
  })
  .openapi(r.put, async (c) => {
    const { cycleId, surveyId } = c.req.valid('param');
    return c.json(await putSurvey(callerOf(c), cycleId, surveyId, c.req.valid('json')), 200);
  })
  .openapi(r.transition, async (c) => {
    const { cycleId, surveyId } = c.req.valid('param');
    return c.json(await transition(callerOf(c), cycleId, surveyId, c.req.valid('json')), 200);
  })
  .openapi(r.invite, async (c) => {
    const { cycleId, surveyId } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(
      await idempotent(c, `invitations-${surveyId}`, input, () =>
        invite(callerOf(c), cycleId, surveyId, input),
      ),
      201,
    );
  })
  .openapi(r.invitations, async (c) => {
    const { cycleId, surveyId } = c.req.valid('param');
    return c.json(await invitations(callerOf(c), cycleId, surveyId, c.req.valid('query')), 200);
  })
  .openapi(r.results, async (c) => {
    const { cycleId, surveyId } = c.req.valid('param');
    return c.json(await results(callerOf(c), cycleId, surveyId), 200);
  })
  .openapi(r.decide, async (c) => {
    const { cycleId, surveyId } = c.req.valid('param');
    return c.json(await decide(callerOf(c), cycleId, surveyId, c.req.valid('json')), 200);
  });
