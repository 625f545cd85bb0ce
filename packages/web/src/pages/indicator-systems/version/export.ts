import { CONTRACTS } from '@jixiao/api/contracts';
import { problemPage } from '../../../components/message-page';
import type { Ctx } from '../../../context';

/**
 * `GET …/versions/:v/export.xlsx[?layout=print]`: the API's workbook, passed through with its file
 * headers (an unknown layout gets the API's problem page).
 */
export async function exportXlsx(c: Ctx, id: string, v: number) {
  const layout = c.req.query('layout');
  const r = await c.get('api').file(CONTRACTS.indicatorFiles.export, {
    params: { id, v },
    ...(layout === undefined ? {} : { query: { layout } }),
  });
  if (!r.ok) return problemPage(c, r.problem);
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const h of ['content-type', 'content-disposition', 'content-length']) {
    const x = r.response.headers.get(h);
    if (x) headers.set(h, x);
  }
  return new Response(r.response.body, { status: 200, headers });
}
