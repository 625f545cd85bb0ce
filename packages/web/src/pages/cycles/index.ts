import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { appealPages } from '../appeals';
import { evaluationPages } from '../evaluation';
import { evidencePages } from '../evidence';
import { expertReviewPages } from '../experts';
import { rectificationPages } from '../rectification';
import { resultUsePages } from '../result-uses';
import { meetingPages } from '../review-meeting';
import { surveyPages } from '../surveys';
import { officeCyclePages } from './office';
import { unitCyclePages } from './unit';

/**
 * The evaluation cycle: the office's pages and the unit's (and data provider's) workspace, then
 * evidence, the expert review, surveys and the review meeting, then the year-end evaluation's runs
 * and results, appeals, rectification and the use of results.
 */
export const cyclePages = new Hono<ConsoleEnv>()
  .route('/', officeCyclePages)
  .route('/', unitCyclePages)
  .route('/', evidencePages)
  .route('/', expertReviewPages)
  .route('/', surveyPages)
  .route('/', meetingPages)
  .route('/', evaluationPages)
  .route('/', appealPages)
  .route('/', rectificationPages)
  .route('/', resultUsePages);
