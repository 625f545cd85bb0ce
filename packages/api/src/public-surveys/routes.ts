import { clientAddress } from '@jixiao/core';
import { callerOf } from '../http/caller';
import { resourceApp } from '../http/route';
import { publicSurveyContract as r } from './contract';
import { answer, questionnaire } from './use-cases';

/** No sign-in: the tenant is the path's. The client address is the gateway's (last) x-forwarded-for entry. */
export const publicSurveyRoutes = resourceApp()
  .openapi(r.questionnaire, async (c) => {
    const { tenant, cycleId, surveyId } = c.req.valid('param');
    const { token } = c.req.valid('query');
    return c.json(await questionnaire(callerOf(c), tenant, cycleId, surveyId, token), 200);
  })
  .openapi(r.answer, async (c) => {
    const { tenant, cycleId, surveyId } = c.req.valid('param');
    const address = clientAddress(c.req.header('x-forwarded-for'));
    return c.json(await answer(callerOf(c), tenant, cycleId, surveyId, c.req.valid('json'), address), 201);
  });
