import { CONTRACTS } from '@jixiao/api/contracts';
import { type CycleView, labelOf, type OverviewRow } from '@jixiao/core';
import type { SuccessOf } from '../../../client/api-client';
import { SelectField } from '../../../components/fields';
import { PagedTable } from '../../../components/list-page';
import { problemPage } from '../../../components/message-page';
import { type Ctx, PAGE_SIZE, seg, useView } from '../../../context';
import { formatNumber, t } from '../../../i18n';
import { CycleHeading, cycleHref, ExportLink, LateBadge, LightBadge, loadCycle } from './paths';
import { planStatusLabel } from './plans-queue';

/** 进展总览: who is late or behind — every unit in scope with its plan, progress, self-assessment and values. */

type Only = 'late' | 'behind' | undefined;

interface Counts {
  units: number;
  plansLate: number;
  progressLate: number;
  behind: number;
  complete: boolean;
}

const countsOf = (rows: readonly OverviewRow[], complete: boolean): Counts => ({
  units: rows.length,
  plansLate: rows.filter((r) => r.planLate).length,
  progressLate: rows.filter((r) => r.progress.some((p) => p.late)).length,
  behind: rows.filter((r) => r.light === 'yellow' || r.light === 'red').length,
  complete,
});

function ProgressCell(props: { p: OverviewRow['progress'][number] }) {
  const { lang } = useView();
  const { p } = props;
  return (
    <span data-period={p.period}>
      {p.submitted ? `✓ ${t(lang, 'cyReported')}` : <span class="muted">{t(lang, 'cyNotReported')}</span>}{' '}
      {p.late ? <LateBadge /> : null}
      {p.submitted && p.light !== 'none' ? <LightBadge light={p.light} /> : null}
    </span>
  );
}

function Stat(props: { label: string; n: number; complete: boolean; stat: string }) {
  return (
    <div>
      <div class="muted">{props.label}</div>
      <div class="stat" data-stat={props.stat}>
        {formatNumber(props.n)}
        {props.complete ? '' : '+'}
      </div>
    </div>
  );
}

function Overview(props: {
  cycle: CycleView;
  page: SuccessOf<typeof CONTRACTS.cycles.overview>;
  counts: Counts | undefined;
  only: Only;
  hasPrev: boolean;
}) {
  const { lang } = useView();
  const { cycle, counts } = props;
  const periods = cycle.calendar.progressPeriods;
  const periodName = (code: string) => periods.find((p) => p.code === code)?.name ?? code;
  const codes = periods.length
    ? periods.map((p) => p.code)
    : [...new Set(props.page.items.flatMap((r) => r.progress.map((p) => p.period)))];
  const href = `${cycleHref(cycle.id)}/overview`;
  return (
    <>
      <CycleHeading
        cycle={cycle}
        title={`${t(lang, 'cyOverview')} · ${cycle.name}`}
        actions={<ExportLink cycleId={cycle.id} table="overview.xlsx" />}
      />
      {counts ? (
        <div class="cards" id="overview-counts">
          <Stat label={t(lang, 'cyUnitsInScope')} n={counts.units} complete={counts.complete} stat="units" />
          <Stat
            label={t(lang, 'cyPlansLate')}
            n={counts.plansLate}
            complete={counts.complete}
            stat="plans-late"
          />
          <Stat
            label={t(lang, 'cyProgressLate')}
            n={counts.progressLate}
            complete={counts.complete}
            stat="progress-late"
          />
          <Stat label={t(lang, 'cyBehind')} n={counts.behind} complete={counts.complete} stat="behind" />
        </div>
      ) : null}
      <form method="get" action={href} class="toolbar" id="overview-filter">
        <SelectField
          name="only"
          label={t(lang, 'cyShow')}
          value={props.only ?? ''}
          options={[
            { value: '', label: t(lang, 'all') },
            { value: 'late', label: t(lang, 'cyOnlyLate') },
            { value: 'behind', label: t(lang, 'cyOnlyBehind') },
          ]}
        />
        <div class="field">
          <button class="secondary" type="submit">
            {t(lang, 'filter')}
          </button>
        </div>
      </form>
      <PagedTable
        scroll
        items={props.page.items}
        rowAttrs={(r) => ({ 'data-unit': r.unit, id: `unit-${r.unit}` })}
        empty={t(lang, props.only ? 'cyNoneLate' : 'noItems')}
        columns={[
          {
            label: t(lang, 'cyUnit'),
            cell: (r) => (
              <a href={`${cycleHref(cycle.id)}/units/${seg(r.unit)}`}>
                {r.unitName} <span class="code">{r.unit}</span>
              </a>
            ),
          },
          {
            label: t(lang, 'cyPlan'),
            cell: (r) => (
              <>
                {planStatusLabel(r.plan, lang)} {r.planLate ? <LateBadge /> : null}
              </>
            ),
          },
          ...codes.map((code) => ({
            label: periodName(code),
            cell: (r: OverviewRow) => {
              const p = r.progress.find((x) => x.period === code);
              return p ? <ProgressCell p={p} /> : '';
            },
          })),
          { label: t(lang, 'cyLight'), cell: (r) => <LightBadge light={r.light} /> },
          {
            label: t(lang, 'cySelf'),
            cell: (r) => (
              <>
                {r.self === 'missing' ? t(lang, 'cySelfMissing') : labelOf('selfStatus', r.self, lang)}{' '}
                {r.selfLate ? <LateBadge /> : null}
              </>
            ),
          },
          { label: t(lang, 'cyValuesPending'), num: true, cell: (r) => String(r.valuesPending) },
          { label: t(lang, 'cyValuesCorrected'), num: true, cell: (r) => String(r.valuesCorrected) },
          { label: t(lang, 'cyOpenFollowUps'), num: true, cell: (r) => String(r.openFollowUps) },
        ]}
        nextCursor={props.page.nextCursor}
        hasPrev={props.hasPrev}
      />
    </>
  );
}

/** `GET /console/cycles/:id/overview?only=late|behind`: the counts at the top, then the units page by page. */
export async function overviewPage(c: Ctx, id: string) {
  const asked = c.req.query('only');
  const only: Only = asked === 'late' || asked === 'behind' ? asked : undefined;
  const cursor = c.req.query('cursor');
  const api = c.get('api');
  const params = { cycleId: id };
  const [cycle, page, all] = await Promise.all([
    loadCycle(c, id),
    api.call(CONTRACTS.cycles.overview, {
      params,
      query: { limit: PAGE_SIZE, cursor, ...(only ? { only } : {}) },
    }),
    api.all(CONTRACTS.cycles.overview, { params }),
  ]);
  if (!cycle.ok) return problemPage(c, cycle.problem);
  if (!page.ok) return problemPage(c, page.problem);
  const counts = all.ok ? countsOf(all.data.items, all.data.complete) : undefined;
  return c.render(
    <Overview cycle={cycle.data} page={page.data} counts={counts} only={only} hasPrev={!!cursor} />,
    { title: t(c.get('lang'), 'cyOverview') },
  );
}
