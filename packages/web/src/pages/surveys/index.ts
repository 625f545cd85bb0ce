import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';

/** Satisfaction surveys of a cycle (the office's pages), mounted under `/console/cycles`. */
export const surveyPages = new Hono<ConsoleEnv>();
