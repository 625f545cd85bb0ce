import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';

/** Evidence pages of a cycle, mounted under `/console/cycles`. */
export const evidencePages = new Hono<ConsoleEnv>();

/** The tenant's storage use and evidence settings, mounted at `/console/storage`. */
export const storagePages = new Hono<ConsoleEnv>();
