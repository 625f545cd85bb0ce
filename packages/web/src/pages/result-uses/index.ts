import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { forCycle } from '../cycles/unit/paths';
import { createUse, editUse, revokeUse, usePage, usesPage } from './actions';
import { forUse } from './paths';

/**
 * The use of results (结果运用), mounted under `/console/cycles`: the list with its totals and the
 * office's form, one record with its edit and revoke forms.
 */
export const resultUsePages = new Hono<ConsoleEnv>()
  .get('/:id/result-uses', forCycle(usesPage))
  .post('/:id/result-uses', forCycle(createUse))
  .get('/:id/result-uses/:unit/:useId', forUse(usePage))
  .post('/:id/result-uses/:unit/:useId', forUse(editUse))
  .post('/:id/result-uses/:unit/:useId/revoke', forUse(revokeUse));
