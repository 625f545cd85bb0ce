import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';

export const resultUsePages = new Hono<ConsoleEnv>();
