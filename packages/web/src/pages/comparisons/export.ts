import { consoleProblem, problemPage } from '../../components/message-page';
import type { Ctx } from '../../context';
import { selectionOf } from './paths';
import { COMPARISONS } from './routes';
import { sharedYears } from './shared';

/**
 * `GET /console/comparisons/export.xlsx?year&group&method`: the API's workbook of the same
 * comparison, passed through with its file headers (its Chinese file name included); the console
 * keeps no copy.
 */
export async function exportComparison(c: Ctx) {
  const years = await sharedYears(c);
  if (!years.ok) return problemPage(c, years.problem);
  const sel = selectionOf((n) => c.req.query(n), years.years);
  if (!sel)
    return problemPage(
      c,
      consoleProblem(404, 'not_found', {
        zh: '尚无地区共享考核结果，没有可导出的比较。',
        en: 'Nothing has been shared: there is no comparison to export.',
      }),
    );
  const r = await c.get('api').file(COMPARISONS.export, {
    query: { year: sel.year, group: sel.group, method: sel.method },
  });
  if (!r.ok) return problemPage(c, r.problem);
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const h of ['content-type', 'content-disposition', 'content-length']) {
    const x = r.response.headers.get(h);
    if (x) headers.set(h, x);
  }
  return new Response(r.response.body, { status: 200, headers });
}
