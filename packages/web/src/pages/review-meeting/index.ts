import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';

/** The review meeting (评议会) of a cycle, mounted under `/console/cycles`. */
export const meetingPages = new Hono<ConsoleEnv>();
