import { cycleHref } from '../cycles/office/paths';

/** The office's publication page of a cycle, and its two forms' targets. */
export const publicationHref = (cycleId: string) => `${cycleHref(cycleId)}/publication`;
export const withdrawHref = (cycleId: string) => `${publicationHref(cycleId)}/withdraw`;
