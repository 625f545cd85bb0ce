import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';

export const rectificationPages = new Hono<ConsoleEnv>();
