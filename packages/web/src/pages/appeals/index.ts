import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { forCycle, forCycleUnit } from '../cycles/unit/paths';
import { appealPage, appealsPage, decideAppeal, submitAppeal, withdrawAppeal } from './actions';
import { forAppeal } from './paths';

/**
 * Appeals (申诉复核), mounted under `/console/cycles`: the office's queue or a unit's own page, one
 * appeal with its decision and outcome, and the unit's submit and withdraw and the office's decision.
 */
export const appealPages = new Hono<ConsoleEnv>()
  .get('/:id/appeals', forCycle(appealsPage))
  .post('/:id/appeals/:unit', forCycleUnit(submitAppeal))
  .get('/:id/appeals/:unit/:appealId', forAppeal(appealPage))
  .post('/:id/appeals/:unit/:appealId/withdraw', forAppeal(withdrawAppeal))
  .post('/:id/appeals/:unit/:appealId/decision', forAppeal(decideAppeal));
