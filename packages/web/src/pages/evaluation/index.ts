import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { forCycle, forCycleUnit } from '../cycles/unit/paths';
import { forRun, forRunUnit } from './paths';
import {
  comparePage,
  overviewPage,
  progressRoute,
  releaseRun,
  resumeRun,
  runPage,
  startRun,
  unitPage,
} from './run-actions';
import { determinationPage, determinationsPage, releasedPage, saveDetermination } from './unit-actions';

/**
 * The year-end evaluation's pages, mounted under `/console/cycles`: the runs of a cycle (start,
 * live progress, resume, release), a run's results by group, a unit's breakdown in it, the
 * comparison of two runs; the office's determinations per unit; a unit's released result.
 */
export const evaluationPages = new Hono<ConsoleEnv>()
  .get(
    '/:id/evaluation',
    forCycle((c, id) => overviewPage(c, id)),
  )
  .post('/:id/evaluation/runs', forCycle(startRun))
  .get(
    '/:id/evaluation/runs/:run',
    forRun((c, id, run) => runPage(c, id, run)),
  )
  .get('/:id/evaluation/runs/:run/progress', forRun(progressRoute))
  .post('/:id/evaluation/runs/:run/resume', forRun(resumeRun))
  .post('/:id/evaluation/runs/:run/release', forRun(releaseRun))
  .get('/:id/evaluation/runs/:run/compare', forRun(comparePage))
  .get('/:id/evaluation/runs/:run/units/:unit', forRunUnit(unitPage))
  .get('/:id/determinations', forCycle(determinationsPage))
  .get('/:id/determinations/:unit', forCycleUnit(determinationPage))
  .post('/:id/determinations/:unit', forCycleUnit(saveDetermination))
  .get('/:id/results/:unit', forCycleUnit(releasedPage));
