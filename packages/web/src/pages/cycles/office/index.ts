import { Hono } from 'hono';
import type { ConsoleEnv } from '../../../context';

/** The office's cycle pages (owned by the office-console work). */
export const officeCyclePages = new Hono<ConsoleEnv>();
