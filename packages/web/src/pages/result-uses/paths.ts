import { idPattern } from '@jixiao/core';
import { type Ctx, param, seg } from '../../context';
import { cycleHref, forCycleUnit, notFound } from '../cycles/unit/paths';

/** Where the pages of the use of results live, under their cycle: the list, one record, its actions. */
export const usesHref = (cycleId: string) => `${cycleHref(cycleId)}/result-uses`;
export const useHref = (cycleId: string, unit: string, use: string) =>
  `${usesHref(cycleId)}/${seg(unit)}/${seg(use)}`;

/** A handler of a `/:id/result-uses/:unit/:useId…` page, given well-formed ids (else 404). */
export const forUse = (
  handler: (c: Ctx, cycleId: string, unit: string, use: string) => Response | Promise<Response>,
) =>
  forCycleUnit((c, id, unit) => {
    const use = param(c, 'useId');
    return idPattern('resultUse').test(use) ? handler(c, id, unit, use) : notFound(c);
  });
