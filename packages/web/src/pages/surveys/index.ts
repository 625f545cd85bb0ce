import { Hono } from 'hono';
import { consoleProblem, problemPage } from '../../components/message-page';
import type { ConsoleEnv, Ctx } from '../../context';
import { forCycle } from '../cycles/office/paths';
import { createPost, detailPage, invitePost, listPage, newPage, savePost, transitionPost } from './actions';
import { isSurveyId, surveyIdOf } from './paths';
import { decisionPost, resultsPage } from './results-actions';
import { slipsPage } from './slips';

const bySurvey = (handler: (c: Ctx, id: string, surveyId: string) => Promise<Response>) =>
  forCycle((c, id) => {
    const surveyId = surveyIdOf(c);
    return isSurveyId(surveyId)
      ? handler(c, id, surveyId)
      : problemPage(c, consoleProblem(404, 'not_found', { zh: '问卷不存在。', en: 'Survey not found.' }));
  });

/** Satisfaction surveys of a cycle (the office's pages), mounted under `/console/cycles`. */
export const surveyPages = new Hono<ConsoleEnv>()
  .get('/:id/surveys', forCycle(listPage))
  .get('/:id/surveys/new', forCycle(newPage))
  .post('/:id/surveys/new', forCycle(createPost))
  .get('/:id/surveys/:surveyId', forCycle(detailPage))
  .post('/:id/surveys/:surveyId', forCycle(savePost))
  .post('/:id/surveys/:surveyId/transition', forCycle(transitionPost))
  .post('/:id/surveys/:surveyId/invitations', forCycle(invitePost))
  .get('/:id/surveys/:surveyId/slips', bySurvey(slipsPage))
  .get(
    '/:id/surveys/:surveyId/results',
    bySurvey((c, id, s) => resultsPage(c, id, s)),
  )
  .post('/:id/surveys/:surveyId/decisions', bySurvey(decisionPost));
