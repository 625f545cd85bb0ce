import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { officeCyclePages } from './office';
import { unitCyclePages } from './unit';

/** The evaluation cycle: the office's pages and the unit's (and data provider's) workspace. */
export const cyclePages = new Hono<ConsoleEnv>().route('/', officeCyclePages).route('/', unitCyclePages);
