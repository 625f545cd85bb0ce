import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { publicSurveyPage } from './actions';

/** Answering a survey (no sign-in, on a phone), mounted under `/console/public`. */
export const publicSurveyPages = new Hono<ConsoleEnv>()
  .get('/:tenant/surveys/:cycleId/:surveyId', publicSurveyPage.get)
  .post('/:tenant/surveys/:cycleId/:surveyId', publicSurveyPage.post);
