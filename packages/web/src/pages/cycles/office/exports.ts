import type { RouteConfig } from '@hono/zod-openapi';
import { CONTRACTS } from '@jixiao/api/contracts';
import { consoleProblem, problemPage } from '../../../components/message-page';
import { type Ctx, param } from '../../../context';
import { CYCLE_TABLES, type CycleTable } from './paths';

/** A workbook route's answer passed through with its file headers (the console keeps no copy). */
export async function passThrough(c: Ctx, route: RouteConfig, params?: Record<string, unknown>) {
  const r = await c.get('api').file(route, { params });
  if (!r.ok) return problemPage(c, r.problem);
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const h of ['content-type', 'content-disposition', 'content-length']) {
    const x = r.response.headers.get(h);
    if (x) headers.set(h, x);
  }
  return new Response(r.response.body, { status: 200, headers });
}

/** `GET /console/cycles/:id/exports/:table`: a table of the cycle as .xlsx (overview, plans, values, checks, burden). */
export function exportTable(c: Ctx, id: string) {
  const table = param(c, 'table');
  if (!(CYCLE_TABLES as readonly string[]).includes(table))
    return problemPage(c, consoleProblem(404, 'not_found', { zh: '没有这张表。', en: 'No such table.' }));
  return passThrough(c, CONTRACTS.cycleFiles.table, { cycleId: id, table: table as CycleTable });
}
