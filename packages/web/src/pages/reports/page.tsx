import {
  type CycleView,
  isEnumValue,
  labelOf,
  type ReportFormat,
  type ReportIndex,
  type ResultRow,
} from '@jixiao/core';
import { Facts } from '../../components/fields';
import { useView } from '../../context';
import { t } from '../../i18n';
import { officeWide } from '../../policy';
import { EvalHeading, runName } from '../evaluation/parts';
import { FormatLinks } from './downloads';

/**
 * 评估报告 (`/console/cycles/:id/reports`): the reports of a run (the released one unless `?run=`)
 * as the API lists them for the caller — the office's overall report and the annual report to the
 * People's Congress (office and observers), then every unit's report by group with its standing
 * (where the caller may read the results), each in PDF, Excel and as a web page; and how far the
 * run's report step has come. A unit's user sees its own unit's line only (the API says which).
 */

export type Sizes = Partial<Record<'office' | 'congress', Partial<Record<ReportFormat, number>>>>;

export interface ReportsView {
  cycle: CycleView;
  index: ReportIndex;
  /** The run's result rows by unit, when the caller may read the run's results. */
  rows: Map<string, ResultRow>;
  groupNames: Map<string, string>;
  sizes: Sizes;
  /** The run the page was asked for (`?run=`), kept on its links; undefined for the released run. */
  run: string | undefined;
}

function Progress(props: { index: ReportIndex }) {
  const { lang } = useView();
  const { rendered, total } = props.index;
  const done = total > 0 && rendered >= total;
  return (
    <span id="report-progress" data-rendered={rendered} data-total={total}>
      <progress
        value={Math.min(rendered, total)}
        max={Math.max(total, 1)}
        aria-labelledby="report-progress-text"
      />{' '}
      <span id="report-progress-text">
        {t(lang, done ? 'rpProgressDone' : 'rpProgress', { rendered, total })}
      </span>
    </span>
  );
}

function SummaryReports(props: { view: ReportsView }) {
  const { lang } = useView();
  const { view } = props;
  return (
    <section class="card" aria-labelledby="h-summary-reports" id="summary-reports">
      <h2 id="h-summary-reports">{t(lang, 'rpSummaryReports')}</h2>
      {(['office', 'congress'] as const).map((kind) => (
        <div class="report-kind" id={`report-${kind}`}>
          <h3>{labelOf('reportKind', kind, lang)}</h3>
          <FormatLinks cycleId={view.cycle.id} kind={kind} run={view.run} sizes={view.sizes[kind]} />
        </div>
      ))}
    </section>
  );
}

function UnitTable(props: { view: ReportsView; group: string }) {
  const { lang } = useView();
  const { view } = props;
  const units = view.index.units
    .filter((u) => u.group === props.group)
    .map((u) => ({ ...u, row: view.rows.get(u.code) }))
    .sort((a, b) => (a.row?.rank ?? 0) - (b.row?.rank ?? 0) || a.code.localeCompare(b.code));
  const withRows = view.rows.size > 0;
  const name = view.groupNames.get(props.group) ?? props.group;
  return (
    <section aria-labelledby={`h-rg-${props.group}`} id={`reports-group-${props.group}`}>
      <h3 id={`h-rg-${props.group}`}>
        {name} <span class="muted">{t(lang, 'rpUnitCount', { n: units.length })}</span>
      </h3>
      <div class="scroll">
        <table class="report-units">
          <thead>
            <tr>
              {withRows ? <th scope="col">{t(lang, 'ocRank')}</th> : null}
              <th scope="col">{t(lang, 'ocUnit')}</th>
              {withRows ? <th scope="col">{t(lang, 'ocTotal')}</th> : null}
              {withRows ? <th scope="col">{t(lang, 'ocGrade')}</th> : null}
              <th scope="col">{t(lang, 'rpDownloads')}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr id={`report-unit-${u.code}`} data-unit={u.code}>
                {withRows ? <td class="num">{u.row ? `${u.row.rank} / ${u.row.of}` : '—'}</td> : null}
                <th scope="row">{u.name}</th>
                {withRows ? <td class="num">{u.row?.total.shown ?? '—'}</td> : null}
                {withRows ? (
                  <td>
                    {u.row ? (
                      <span class="grade" data-grade={u.row.grade}>
                        {u.row.gradeLabel[lang]}
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                ) : null}
                <td>
                  <FormatLinks cycleId={view.cycle.id} kind="unit" unit={u.code} run={view.run} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ReportsPage(props: { view: ReportsView }) {
  const { lang, me } = useView();
  const { view } = props;
  const { index } = view;
  const groups = [...new Set(index.units.map((u) => u.group))];
  const status = isEnumValue('runStatus', index.run.status)
    ? labelOf('runStatus', index.run.status, lang)
    : index.run.status;
  return (
    <>
      <EvalHeading cycle={view.cycle} title={t(lang, 'rpTitle')} />
      <Facts
        rows={[
          [t(lang, 'rpRun'), <span id="report-run">{`${runName(lang, index.run)} · ${status}`}</span>],
          [t(lang, 'rpStep'), <Progress index={index} />],
        ]}
      />
      <p class="hint">{t(lang, 'rpIntro')}</p>
      {officeWide(me) ? <SummaryReports view={view} /> : null}
      <section class="card" aria-labelledby="h-unit-reports" id="unit-reports">
        <h2 id="h-unit-reports">{t(lang, 'rpUnitReports')}</h2>
        {groups.length === 0 ? <p class="muted">{t(lang, 'rpNoUnits')}</p> : null}
        {groups.map((g) => (
          <UnitTable view={view} group={g} />
        ))}
      </section>
    </>
  );
}
