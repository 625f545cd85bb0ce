import { CONTRACTS } from '@jixiao/api/contracts';
import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { passThrough } from '../cycles/office/exports';
import { auditPage } from './list';

/** The audit trail: browse (newest first), verify the hash chain, export to Excel. */
export const auditPages = new Hono<ConsoleEnv>()
  .get('/', auditPage)
  .get('/export.xlsx', (c) => passThrough(c, CONTRACTS.cycleFiles.audit));
