import { Hono } from 'hono';
import type { ConsoleEnv } from '../../../context';

/** The unit's workspace and the data provider's table (owned by the unit-console work). */
export const unitCyclePages = new Hono<ConsoleEnv>();
