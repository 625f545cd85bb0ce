import { Hono } from 'hono';
import type { ConsoleEnv } from '../../../context';
import { burdenPage } from './burden';
import { checksPage, createCheck, updateCheck } from './checks-actions';
import { cyclePage } from './detail';
import {
  transitionCycle,
  updateCalendar,
  updateProviders,
  updateTargets,
  updateWorkPlan,
} from './detail-actions';
import { exportTable } from './exports';
import { cycleList } from './list';
import { opinionsPage, stepOpinion } from './opinions';
import { overviewPage } from './overview';
import { forCycle } from './paths';
import { publishPlan, reopenPlan, reviewPlan } from './plan-review-actions';
import { plansQueue } from './plans-queue';

/**
 * The office's cycle pages, mounted at `/console/cycles`: the list and opening a cycle; a cycle
 * with its steps, calendar, providers, targets and work plan; the plan review queue and the office's review
 * of a plan (the plan page itself is the unit workspace's); the overview of who is late or behind;
 * the reporting burden; spot checks and consultations; public opinions; Excel exports.
 */
export const officeCyclePages = new Hono<ConsoleEnv>()
  .get('/', cycleList.get)
  .post('/', cycleList.post)
  .get(
    '/:id',
    forCycle((c, id) => cyclePage(c, id)),
  )
  .post('/:id/transition', forCycle(transitionCycle))
  .post('/:id/calendar', forCycle(updateCalendar))
  .post('/:id/providers', forCycle(updateProviders))
  .post('/:id/targets', forCycle(updateTargets))
  .post('/:id/work-plan', forCycle(updateWorkPlan))
  .get('/:id/plans', forCycle(plansQueue))
  .post('/:id/plans/:unit/review', forCycle(reviewPlan))
  .post('/:id/plans/:unit/publish', forCycle(publishPlan))
  .post('/:id/plans/:unit/reopen', forCycle(reopenPlan))
  .get('/:id/overview', forCycle(overviewPage))
  .get('/:id/burden', forCycle(burdenPage))
  .get('/:id/checks', forCycle(checksPage))
  .post('/:id/checks', forCycle(createCheck))
  .post('/:id/checks/:checkId', forCycle(updateCheck))
  .get(
    '/:id/opinions',
    forCycle((c, id) => opinionsPage(c, id)),
  )
  .post('/:id/opinions/:opinionId', forCycle(stepOpinion))
  .get('/:id/exports/:table', forCycle(exportTable));
