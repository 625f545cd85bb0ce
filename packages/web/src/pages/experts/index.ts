import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';

/** The expert pool (专家库), mounted at `/console/experts`. */
export const expertPoolPages = new Hono<ConsoleEnv>();

/** The expert review of a cycle (office and experts), mounted under `/console/cycles`. */
export const expertReviewPages = new Hono<ConsoleEnv>();
