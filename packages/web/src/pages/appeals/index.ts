import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';

export const appealPages = new Hono<ConsoleEnv>();
