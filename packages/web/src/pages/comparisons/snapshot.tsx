import type { SharedResult, StandardIndicator } from '@jixiao/core';
import type { Child } from 'hono/jsx';
import { Facts } from '../../components/fields';
import { consoleProblem, problemPage } from '../../components/message-page';
import { type Ctx, param, useView } from '../../context';
import { formatDateTime, type Lang, pick, t } from '../../i18n';
import { runName, stampText } from '../evaluation/parts';
import { coverageText, fixed2, levelText } from './format';
import { sharedHref } from './paths';
import { SHARED, STANDARDS } from './routes';
import { ComparisonTabs } from './tabs';

/**
 * 共享快照 (`/console/comparisons/shared/:year/:tenant`): one region's snapshot as the recipient
 * holds it — the facts, the summary of results, and every mapped standard indicator's value in
 * the standard's unit, with the leaves it came from. Nothing else of the region is there to show.
 */

/** 优秀 3 个、良好 5 个 … */
export const gradesText = (lang: Lang, s: SharedResult['summary']) =>
  s.grades
    .map((g) => t(lang, 'srGradeCount', { grade: pick(lang, g.label), n: g.count }))
    .join(lang === 'zh' ? '、' : ', ');

/** A shared snapshot's standard indicators, named from the library (a code no longer there as is). */
export function SharedIndicators(props: {
  indicators: SharedResult['indicators'];
  library: readonly StandardIndicator[];
  caption: string;
  id: string;
}) {
  const { lang } = useView();
  const byCode = new Map(props.library.map((s) => [s.code, s]));
  return (
    <div class="scroll">
      <table id={props.id}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'srStandard')}</th>
            <th scope="col" class="num">
              {t(lang, 'srValue')}
            </th>
            <th scope="col">{t(lang, 'srLeaves')}</th>
            <th scope="col" class="num">
              {t(lang, 'srUnitsCounted')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.indicators.map((i) => {
            const std = byCode.get(i.standard);
            return (
              <tr data-standard={i.standard}>
                <th scope="row">
                  <span class="code">{i.standard}</span> {std?.name ?? ''}
                </th>
                <td class="num">
                  {fixed2(i.value)} {std?.unit ?? ''}
                </td>
                <td class="code">{i.leaves.join(lang === 'zh' ? '、' : ', ')}</td>
                <td class="num">{i.units}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function SnapshotPage(props: { s: SharedResult; library: readonly StandardIndicator[] }) {
  const { lang } = useView();
  const { s } = props;
  return (
    <>
      <p>
        <a href={sharedHref(s.year)}>{t(lang, 'srBack')}</a>
      </p>
      <h1>
        {s.tenantName} · {t(lang, 'srYear', { year: s.year })}
      </h1>
      <ComparisonTabs current="shared" />
      <Facts
        rows={[
          [t(lang, 'srLevel'), levelText(lang, s.level)],
          [t(lang, 'srCycle'), s.cycle.name],
          [t(lang, 'srRun'), runName(lang, s.run)],
          [t(lang, 'srReleased'), formatDateTime(s.run.released, lang)],
          [t(lang, 'srPublished'), t(lang, s.published ? 'srPublishedYes' : 'srPublishedNo')],
          [t(lang, 'srSharedAt'), stampText(lang, s.shared)],
          [t(lang, 'srCoverage'), coverageText(lang, s.coverage)],
          ...(s.note ? [[t(lang, 'srNote'), <span class="note">{s.note}</span>] as [string, Child]] : []),
        ]}
      />
      <section class="card" aria-labelledby="h-summary" id="snapshot-summary">
        <h2 id="h-summary">{t(lang, 'srSummary')}</h2>
        <p>
          {t(lang, 'srSummaryText', { units: s.summary.units, mean: s.summary.meanTotal })}{' '}
          {gradesText(lang, s.summary)}
        </p>
      </section>
      <SharedIndicators
        indicators={s.indicators}
        library={props.library}
        caption={t(lang, 'srIndicatorCaption')}
        id="snapshot-indicators"
      />
    </>
  );
}

/** `GET /console/comparisons/shared/:year/:tenant`. */
export async function snapshotPage(c: Ctx) {
  const year = Number(param(c, 'year'));
  const tenant = param(c, 'tenant');
  if (!Number.isInteger(year) || !/^\d{6}$/.test(tenant))
    return problemPage(
      c,
      consoleProblem(404, 'not_found', { zh: '没有这份共享快照。', en: 'No such snapshot.' }),
    );
  const [r, lib] = await Promise.all([
    c.get('api').call(SHARED.get, { params: { year, tenant } }),
    c.get('api').call(STANDARDS.list, {}),
  ]);
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<SnapshotPage s={r.data} library={lib.ok ? lib.data.items : []} />, {
    title: `${r.data.tenantName} · ${t(c.get('lang'), 'srDetail')}`,
  });
}
