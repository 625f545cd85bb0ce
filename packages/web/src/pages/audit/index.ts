import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';

/** The audit trail: browse, verify, export. */
export const auditPages = new Hono<ConsoleEnv>();
