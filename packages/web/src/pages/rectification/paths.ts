import { idPattern } from '@jixiao/core';
import { type Ctx, param, seg } from '../../context';
import { cycleHref, forCycleUnit, notFound } from '../cycles/unit/paths';

/** Where the rectification pages live, under their cycle: the board, a task, its actions. */
export const rectHref = (cycleId: string) => `${cycleHref(cycleId)}/rectification`;
export const taskHref = (cycleId: string, unit: string, task: string) =>
  `${rectHref(cycleId)}/${seg(unit)}/${seg(task)}`;

/** A handler of a `/:id/rectification/:unit/:taskId…` page, given well-formed ids (else 404). */
export const forTask = (
  handler: (c: Ctx, cycleId: string, unit: string, task: string) => Response | Promise<Response>,
) =>
  forCycleUnit((c, id, unit) => {
    const task = param(c, 'taskId');
    return idPattern('rectification').test(task) ? handler(c, id, unit, task) : notFound(c);
  });
