import { labelOf, type PublicCycleResults } from '@jixiao/core';
import { useView } from '../../context';
import { formatDateTime, t } from '../../i18n';
import { PublicFrame } from '../public/parts';
import { portalHref } from '../public/paths';
import { type CycleCharts, Figure } from './charts';
import { ReportLinks, ResultsTable } from './parts';

/**
 * `/console/public/:tenant/results/:cycleId`: one published cycle — when and how often it was
 * published, the grade distribution and the score bands (charts drawn on the server, with the
 * counts in words beside them), the overall and the Congress report to download, then the results
 * by unit group; the groups of contracted service providers in their own section.
 */

type Group = PublicCycleResults['groups'][number];

function Overview(props: { v: PublicCycleResults; charts: CycleCharts }) {
  const { lang } = useView();
  const { v } = props;
  const units = v.groups.reduce((n, g) => n + g.rows.length, 0);
  return (
    <section aria-labelledby="h-overview" id="overview">
      <h2 id="h-overview">{t(lang, 'ptOverview')}</h2>
      <p>{t(lang, 'ptOverviewText', { units, groups: v.groups.length })}</p>
      <div class="charts">
        <Figure id="chart-grades" caption={t(lang, 'ptChartGrades')} svg={props.charts.grades} />
        <Figure id="chart-bands" caption={t(lang, 'ptChartBands')} svg={props.charts.bands} />
      </div>
      <ul class="plain grade-counts" id="grade-counts">
        {v.grades.map((g) => (
          <li data-grade={g.code} data-count={g.count}>
            {t(lang, 'ptGradeCount', { grade: g.label[lang], n: g.count })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Downloads(props: { v: PublicCycleResults }) {
  const { lang } = useView();
  return (
    <section aria-labelledby="h-downloads" id="downloads" class="card">
      <h2 id="h-downloads">{t(lang, 'ptDownloads')}</h2>
      <ReportLinks links={props.v.reports} kind="office" title={labelOf('reportKind', 'office', lang)} />
      <ReportLinks links={props.v.reports} kind="congress" title={labelOf('reportKind', 'congress', lang)} />
    </section>
  );
}

function GroupSection(props: { v: PublicCycleResults; group: Group; level: 2 | 3 }) {
  const { lang } = useView();
  const { v, group } = props;
  const id = `h-group-${group.code}`;
  const heading = (
    <>
      {group.name} <span class="muted">{t(lang, 'ptUnitsN', { n: group.rows.length })}</span>
    </>
  );
  return (
    <section
      class="card"
      aria-labelledby={id}
      id={`group-${group.code}`}
      data-providers={String(group.providers)}
    >
      {props.level === 2 ? <h2 id={id}>{heading}</h2> : <h3 id={id}>{heading}</h3>}
      <ResultsTable
        tenant={v.tenant.code}
        cycle={v.cycle.id}
        rows={group.rows}
        caption={t(lang, 'ptGroupCaption', { group: group.name })}
        order={v.grades.map((g) => g.code)}
      />
    </section>
  );
}

export function PortalCycle(props: { v: PublicCycleResults; charts: CycleCharts }) {
  const { lang } = useView();
  const { v } = props;
  const ordinary = v.groups.filter((g) => !g.providers);
  const providers = v.groups.filter((g) => g.providers);
  return (
    <PublicFrame>
      <p>
        <a href={portalHref(v.tenant.code)}>← {t(lang, 'ptBackHome', { tenant: v.tenant.name })}</a>
      </p>
      <h1>{v.cycle.name}</h1>
      <p class="muted" id="published-at">
        {t(lang, 'ptPublishedNth', { n: v.number, at: formatDateTime(v.publishedAt, lang) })}
      </p>
      {v.note ? (
        <p class="note card" id="publication-note">
          {v.note}
        </p>
      ) : null}
      <Overview v={v} charts={props.charts} />
      <Downloads v={v} />
      {ordinary.map((g) => (
        <GroupSection v={v} group={g} level={2} />
      ))}
      {providers.length > 0 ? (
        <section aria-labelledby="h-providers" id="providers">
          <h2 id="h-providers">{t(lang, 'ptProviders')}</h2>
          {providers.map((g) => (
            <GroupSection v={v} group={g} level={3} />
          ))}
        </section>
      ) : null}
    </PublicFrame>
  );
}
