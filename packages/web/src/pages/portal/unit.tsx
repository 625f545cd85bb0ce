import { labelOf, type PublicUnitResult } from '@jixiao/core';
import { useView } from '../../context';
import { t } from '../../i18n';
import { PublicFrame } from '../public/parts';
import { publicResultsHref } from '../public/paths';
import { Figure, type UnitCharts } from './charts';
import { GradeBadge, ReportLinks } from './parts';
import { Appeals, Dimensions, Rectification } from './unit-parts';

/**
 * `/console/public/:tenant/results/:cycleId/units/:unit`: one unit's published result — total,
 * grade and rank in its group; its dimensions against the group's (radar) and its totals over the
 * years (trend, where earlier years exist); the breakdown by dimension and indicator; the appeal
 * outcome and the rectification tasks; its report to download.
 */

function Headline(props: { v: PublicUnitResult }) {
  const { lang } = useView();
  const r = props.v.report;
  return (
    <section class="card headline" aria-labelledby="h-headline" id="headline">
      <h2 id="h-headline">{t(lang, 'ptHeadline')}</h2>
      <dl class="facts">
        <dt>{t(lang, 'ocTotal')}</dt>
        <dd>
          <strong class="big" id="unit-total">
            {r.total}
          </strong>
        </dd>
        <dt>{t(lang, 'ocGrade')}</dt>
        <dd>
          <GradeBadge grade={r.grade} />
        </dd>
        <dt>{t(lang, 'ocRank')}</dt>
        <dd id="unit-rank">
          {t(lang, 'ptRankOfGroup', { rank: r.rank, of: r.of, group: r.unit.group.name })}
        </dd>
        <dt>{t(lang, 'ptComposition')}</dt>
        <dd>{t(lang, 'ptCompositionText', { base: r.base, bonus: r.bonus, deductions: r.deductions })}</dd>
        {r.adjustment ? (
          <>
            <dt>{t(lang, 'ptAdjustment')}</dt>
            <dd>
              {r.adjustment.points}（{r.adjustment.reason}）
            </dd>
          </>
        ) : null}
        {r.vetoes.length > 0 ? (
          <>
            <dt>{t(lang, 'ptVetoes')}</dt>
            <dd>{r.vetoes.map((v) => `${v.name}（${labelOf('vetoEffect', v.effect, lang)}）`).join('；')}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

export function PortalUnit(props: { v: PublicUnitResult; tenant: string; charts: UnitCharts }) {
  const { lang } = useView();
  const { v } = props;
  const r = v.report;
  return (
    <PublicFrame>
      <p>
        <a href={publicResultsHref(props.tenant, r.header.cycle.id)}>← {r.header.cycle.name}</a>
      </p>
      <h1>{r.unit.name}</h1>
      <p class="muted">
        {r.header.cycle.name} · {r.unit.group.name}
      </p>
      <Headline v={v} />
      <section aria-labelledby="h-charts" id="charts">
        <h2 id="h-charts">{t(lang, 'ptCharts')}</h2>
        <div class="charts">
          <Figure id="chart-radar" caption={t(lang, 'ptChartRadar')} svg={props.charts.radar} />
          {props.charts.trend ? (
            <Figure id="chart-trend" caption={t(lang, 'ptChartTrend')} svg={props.charts.trend} />
          ) : null}
        </div>
        {r.trend.length > 1 ? (
          <ul class="plain trend-list" id="trend-list">
            {r.trend.map((p) => (
              <li data-year={p.year}>
                {t(lang, 'ptTrendPoint', {
                  year: p.year,
                  total: p.total,
                  grade: p.grade.label[lang],
                  rank: p.rank,
                  of: p.of,
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t(lang, 'ptNoTrend')}</p>
        )}
      </section>
      <Dimensions report={r} />
      <Appeals report={r} />
      <Rectification report={r} />
      <section class="card" aria-labelledby="h-unit-downloads" id="downloads">
        <h2 id="h-unit-downloads">{t(lang, 'ptDownloads')}</h2>
        <ReportLinks
          links={v.reports}
          kind="unit"
          unit={r.unit.code}
          title={labelOf('reportKind', 'unit', lang)}
        />
      </section>
    </PublicFrame>
  );
}
