import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { forCycle } from '../cycles/unit/paths';
import { downloadReport, reportsPage } from './actions';

/**
 * A cycle's reports, mounted under `/console/cycles`: the index of a run's reports and the
 * download route (303 to the file's short-lived link).
 */
export const reportPages = new Hono<ConsoleEnv>()
  .get('/:id/reports', forCycle(reportsPage))
  .get('/:id/reports/:kind/:format', forCycle(downloadReport));
