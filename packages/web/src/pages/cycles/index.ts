import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { evidencePages } from '../evidence';
import { expertReviewPages } from '../experts';
import { meetingPages } from '../review-meeting';
import { surveyPages } from '../surveys';
import { officeCyclePages } from './office';
import { unitCyclePages } from './unit';

/**
 * The evaluation cycle: the office's pages and the unit's (and data provider's) workspace, then
 * evidence, the expert review, surveys and the review meeting.
 */
export const cyclePages = new Hono<ConsoleEnv>()
  .route('/', officeCyclePages)
  .route('/', unitCyclePages)
  .route('/', evidencePages)
  .route('/', expertReviewPages)
  .route('/', surveyPages)
  .route('/', meetingPages);
