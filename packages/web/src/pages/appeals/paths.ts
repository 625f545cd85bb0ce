import { idPattern } from '@jixiao/core';
import { type Ctx, param, seg } from '../../context';
import { cycleHref, forCycleUnit, notFound } from '../cycles/unit/paths';

/** Where the appeal pages live, under their cycle: the queue (or the unit's page), one appeal, its actions. */
export const appealsHref = (cycleId: string) => `${cycleHref(cycleId)}/appeals`;
export const unitAppealsHref = (cycleId: string, unit: string) => `${appealsHref(cycleId)}/${seg(unit)}`;
export const appealHref = (cycleId: string, unit: string, appeal: string) =>
  `${unitAppealsHref(cycleId, unit)}/${seg(appeal)}`;

/** A handler of a `/:id/appeals/:unit/:appealId…` page, given well-formed ids (else 404). */
export const forAppeal = (
  handler: (c: Ctx, cycleId: string, unit: string, appeal: string) => Response | Promise<Response>,
) =>
  forCycleUnit((c, id, unit) => {
    const appeal = param(c, 'appealId');
    return idPattern('appeal').test(appeal) ? handler(c, id, unit, appeal) : notFound(c);
  });
