import { Hono } from 'hono';
import type { ConsoleEnv } from '../../../context';
import { longTermPage } from './long-term';
import { forCycle, forCycleUnit } from './paths';
import { commentsPage } from './plan/comments';
import { planPage } from './plan/page';
import { progressPage } from './progress/page';
import { selfPage } from './self/page';
import { valuesPage } from './values/page';
import { workspacePage } from './workspace';

/**
 * The unit's workspace of a cycle and its pages (plan, consultation, progress, self-assessment),
 * the unit's 3–5-year plans, and the verification table of the office and data providers. The
 * office reaches the same pages read-only (what each offers comes from the API's `allowed`).
 */
export const unitCyclePages = new Hono<ConsoleEnv>()
  .get('/long-term/:unit', longTermPage.get)
  .post('/long-term/:unit', longTermPage.post)
  .get('/:id/units/:unit', forCycleUnit(workspacePage))
  .get('/:id/plans/:unit', forCycleUnit(planPage.get))
  .post('/:id/plans/:unit', forCycleUnit(planPage.post))
  .post('/:id/plans/:unit/transitions', forCycleUnit(planPage.transition))
  .get('/:id/plans/:unit/comments', forCycleUnit(commentsPage.get))
  .post('/:id/plans/:unit/comments/:commentId', forCycleUnit(commentsPage.moderate))
  .post('/:id/plans/:unit/opinions/:opinionId', forCycleUnit(commentsPage.reply))
  .get('/:id/progress/:unit', forCycleUnit(progressPage.get))
  .post('/:id/progress/:unit/:period', forCycleUnit(progressPage.post))
  .get('/:id/self-assessments/:unit', forCycleUnit(selfPage.get))
  .post('/:id/self-assessments/:unit', forCycleUnit(selfPage.post))
  .post('/:id/self-assessments/:unit/actions', forCycleUnit(selfPage.act))
  .get('/:id/values', forCycle(valuesPage.get))
  .post('/:id/values/supply', forCycle(valuesPage.supply))
  .post('/:id/values/:unit/:leaf', forCycle(valuesPage.verify));
