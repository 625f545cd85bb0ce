import { codeSchema, idPattern } from '@jixiao/core';
import { consoleProblem, problemPage } from '../../../components/message-page';
import { BASE, type Ctx, param, seg } from '../../../context';

/** Where the unit's pages of a cycle live (the office's pages share `/console/cycles`). */
export const CYCLES = `${BASE}/cycles`;

export const cycleHref = (id: string) => `${CYCLES}/${seg(id)}`;
export const workspaceHref = (id: string, unit: string) => `${cycleHref(id)}/units/${seg(unit)}`;
export const planHref = (id: string, unit: string) => `${cycleHref(id)}/plans/${seg(unit)}`;
export const commentsHref = (id: string, unit: string) => `${planHref(id, unit)}/comments`;
export const progressHref = (id: string, unit: string) => `${cycleHref(id)}/progress/${seg(unit)}`;
export const selfHref = (id: string, unit: string) => `${cycleHref(id)}/self-assessments/${seg(unit)}`;
export const valuesHref = (id: string) => `${cycleHref(id)}/values`;
export const longTermHref = (unit: string) => `${CYCLES}/long-term/${seg(unit)}`;
/** The office's pass-through of the API's workbook (a route of the office pages). */
export const valuesXlsxHref = (id: string) => `${cycleHref(id)}/exports/values.xlsx`;

const CYCLE_ID = idPattern('cycle');
export const isCycleId = (s: string) => CYCLE_ID.test(s);
export const isCode = (s: string) => codeSchema.safeParse(s).success;

/** The page for a URL whose cycle id or unit code cannot be one: not found, as the API would say. */
export const notFound = (c: Ctx) =>
  problemPage(c, consoleProblem(404, 'not_found', { zh: '页面不存在。', en: 'Page not found.' }));

/** A handler of a `/:id/…/:unit` page, given a well-formed cycle id and unit code (else 404). */
export const forCycleUnit =
  (handler: (c: Ctx, cycleId: string, unit: string) => Response | Promise<Response>) => (c: Ctx) => {
    const id = param(c, 'id');
    const unit = param(c, 'unit');
    return isCycleId(id) && isCode(unit) ? handler(c, id, unit) : notFound(c);
  };

/** A handler of a `/:id/…` page, given a well-formed cycle id (else 404). */
export const forCycle = (handler: (c: Ctx, cycleId: string) => Response | Promise<Response>) => (c: Ctx) => {
  const id = param(c, 'id');
  return isCycleId(id) ? handler(c, id) : notFound(c);
};
