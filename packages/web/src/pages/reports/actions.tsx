import { CONTRACTS } from '@jixiao/api/contracts';
import { idPattern, mapLimit, REPORT_FORMATS, type ResultRow } from '@jixiao/core';
import { problemPage } from '../../components/message-page';
import { type Ctx, param } from '../../context';
import { t } from '../../i18n';
import { may, officeWide } from '../../policy';
import { loadCycle } from '../cycles/office/paths';
import { isCode, notFound } from '../cycles/unit/paths';
import { groupNames } from '../evaluation/load';
import { ReportsPage, type Sizes } from './page';
import { isReportFormat, isReportKind } from './paths';

const R = CONTRACTS.reports;

/** `?run=` when it names a run (anything else is ignored: the released run is shown). */
const runOf = (c: Ctx) => {
  const run = c.req.query('run');
  return run && idPattern('run').test(run) ? run : undefined;
};

/**
 * The sizes of the office's and the Congress reports. The batch renders them when the run is
 * ready, so asking for their links costs a look-up each, not a render (a run finished before the
 * report step existed renders them here, once).
 */
async function summarySizes(c: Ctx, cycleId: string, run: string): Promise<Sizes> {
  const pairs = (['office', 'congress'] as const).flatMap((kind) =>
    REPORT_FORMATS.map((format) => ({ kind, format })),
  );
  const files = await mapLimit(pairs, 3, (p) =>
    c.get('api').call(R.file, { params: { cycleId, kind: p.kind, format: p.format }, query: { run } }),
  );
  const sizes: Sizes = {};
  files.forEach((f, i) => {
    const p = pairs[i]!;
    if (f.ok) sizes[p.kind] = { ...sizes[p.kind], [p.format]: f.data.bytes };
  });
  return sizes;
}

/** `GET /console/cycles/:id/reports[?run=]`. */
export async function reportsPage(c: Ctx, cycleId: string) {
  const api = c.get('api');
  const me = c.get('me');
  const run = runOf(c);
  const [cycle, index, names] = await Promise.all([
    loadCycle(c, cycleId),
    api.call(R.index, { params: { cycleId }, query: { run } }),
    groupNames(c),
  ]);
  if (!cycle.ok) return problemPage(c, cycle.problem);
  if (!index.ok) return problemPage(c, index.problem);
  const runId = index.data.run.id;
  const [results, sizes] = await Promise.all([
    may(me, CONTRACTS.evaluation.results)
      ? api.call(CONTRACTS.evaluation.results, { params: { cycleId, runId } })
      : undefined,
    officeWide(me) ? summarySizes(c, cycleId, runId) : {},
  ]);
  const rows = new Map<string, ResultRow>(results?.ok ? results.data.rows.map((r) => [r.unit, r]) : []);
  return c.render(
    <ReportsPage view={{ cycle: cycle.data, index: index.data, rows, groupNames: names, sizes, run }} />,
    { title: t(c.get('lang'), 'rpTitle') },
  );
}

/**
 * `GET /console/cycles/:id/reports/:kind/:format[?unit=&run=]`: the API renders the file if its
 * data changed and hands out a short-lived link; the browser is sent there (303), so the file comes
 * from the object store, never through the console.
 */
export async function downloadReport(c: Ctx, cycleId: string) {
  const kind = param(c, 'kind');
  const format = param(c, 'format');
  const unit = c.req.query('unit');
  if (!isReportKind(kind) || !isReportFormat(format) || (unit !== undefined && !isCode(unit)))
    return notFound(c);
  const r = await c
    .get('api')
    .call(R.file, { params: { cycleId, kind, format }, query: { unit, run: runOf(c) } });
  if (!r.ok) return problemPage(c, r.problem);
  return c.redirect(r.data.url, 303);
}
