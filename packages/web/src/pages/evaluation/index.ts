import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';

export const evaluationPages = new Hono<ConsoleEnv>();
