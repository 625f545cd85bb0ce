import { idPattern } from '@jixiao/core';
import { consoleProblem, problemPage } from '../../components/message-page';
import { type Ctx, param, seg, withQuery } from '../../context';
import { cycleHref } from '../cycles/office/paths';
import { forCycle, forCycleUnit } from '../cycles/unit/paths';

/**
 * Where the year-end evaluation's pages live, under their cycle: the runs (`…/evaluation`), one run's
 * results, a unit's breakdown in it, the comparison with another run, the progress the page's
 * script polls; the office's determinations; a unit's released result; the appeals page (#10, H5).
 */
export const evaluationHref = (cycleId: string) => `${cycleHref(cycleId)}/evaluation`;
export const startHref = (cycleId: string) => `${evaluationHref(cycleId)}/runs`;
export const runHref = (cycleId: string, run: string) => `${startHref(cycleId)}/${seg(run)}`;
export const runUnitHref = (cycleId: string, run: string, unit: string) =>
  `${runHref(cycleId, run)}/units/${seg(unit)}`;
export const compareHref = (cycleId: string, run: string, against?: string) =>
  withQuery(`${runHref(cycleId, run)}/compare`, { with: against });
export const progressHref = (cycleId: string, run: string) => `${runHref(cycleId, run)}/progress`;
export const resumeHref = (cycleId: string, run: string) => `${runHref(cycleId, run)}/resume`;
export const releaseHref = (cycleId: string, run: string) => `${runHref(cycleId, run)}/release`;
export const determinationsHref = (cycleId: string) => `${cycleHref(cycleId)}/determinations`;
export const determinationHref = (cycleId: string, unit: string) =>
  `${determinationsHref(cycleId)}/${seg(unit)}`;
export const releasedHref = (cycleId: string, unit: string) => `${cycleHref(cycleId)}/results/${seg(unit)}`;
export const appealsHref = (cycleId: string) => `${cycleHref(cycleId)}/appeals`;

export const isRunId = (s: string) => idPattern('run').test(s);

const runNotFound = (c: Ctx) =>
  problemPage(c, consoleProblem(404, 'not_found', { zh: '计算记录不存在。', en: 'Run not found.' }));

/** A handler of a `/:id/evaluation/runs/:run…` page, given a well-formed cycle and run id (else 404). */
export const forRun = (handler: (c: Ctx, cycleId: string, run: string) => Response | Promise<Response>) =>
  forCycle((c, id) => {
    const run = param(c, 'run');
    return isRunId(run) ? handler(c, id, run) : runNotFound(c);
  });

/** A handler of `/:id/evaluation/runs/:run/units/:unit`, given well-formed ids and unit code (else 404). */
export const forRunUnit = (
  handler: (c: Ctx, cycleId: string, run: string, unit: string) => Response | Promise<Response>,
) =>
  forCycleUnit((c, id, unit) => {
    const run = param(c, 'run');
    return isRunId(run) ? handler(c, id, run, unit) : runNotFound(c);
  });
