import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { forCycle } from '../cycles/unit/paths';
import { publicationPage, publish, withdraw } from './actions';

/** The publication of a cycle's results, mounted under `/console/cycles`. */
export const publicationPages = new Hono<ConsoleEnv>()
  .get('/:id/publication', forCycle(publicationPage))
  .post('/:id/publication', forCycle(publish))
  .post('/:id/publication/withdraw', forCycle(withdraw));
