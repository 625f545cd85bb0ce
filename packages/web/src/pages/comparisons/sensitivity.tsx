import type { PeerGroup, SensitivityResult } from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { TextField } from '../../components/fields';
import { bindFields } from '../../components/record-form';
import { useView } from '../../context';
import type { FormErrors, FormValues } from '../../forms';
import { t } from '../../i18n';
import { Figure } from '../portal/charts';
import { queryOf } from './compare';
import { ComparisonGradeBadge, fixed2, percent } from './format';
import { type Selection, sensitivityHref } from './paths';
import { Selectors } from './selectors';
import { ComparisonTabs } from './tabs';

/**
 * 排名稳定性 (`/console/comparisons/sensitivity`): the band, draws and seed; for each member its
 * rank, the interval of ranks it took, the ranks of 90% of the draws and how often it kept its
 * grade; the API's verdict in words; and the intervals as a chart.
 */

export interface SensitivityView {
  years: number[];
  groups: PeerGroup[];
  sel: Selection;
  result: SensitivityResult | undefined;
  chart: string | undefined;
  values: FormValues;
  errors: FormErrors;
}

function ResultTable(props: { r: SensitivityResult }) {
  const { lang } = useView();
  const { r } = props;
  return (
    <div class="scroll">
      <table id="sensitivity-table" class="results">
        <caption>
          {t(lang, 'rsCaption', { band: Math.round(r.band * 100), draws: r.draws, seed: r.seed })}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              {t(lang, 'rsRank')}
            </th>
            <th scope="col">{t(lang, 'cmTenant')}</th>
            <th scope="col">{t(lang, 'cmGrade')}</th>
            <th scope="col" class="num">
              {t(lang, 'rsInterval')}
            </th>
            <th scope="col" class="num">
              {t(lang, 'rsP90')}
            </th>
            <th scope="col" class="num">
              {t(lang, 'rsStay')}
            </th>
          </tr>
        </thead>
        <tbody>
          {r.rows.map((x) => (
            <tr id={`rs-row-${x.tenant}`} data-tenant={x.tenant}>
              <td class="num">{x.rank ?? '—'}</td>
              <th scope="row">{x.name}</th>
              <td>
                <ComparisonGradeBadge grade={x.grade} />
              </td>
              <td class="num" data-interval={`${x.minRank ?? ''}-${x.maxRank ?? ''}`}>
                {x.minRank === null ? '—' : `[${x.minRank}, ${x.maxRank}]`}
              </td>
              <td class="num">{x.p5 === null ? '—' : `${x.p5}–${x.p95}`}</td>
              <td class="num">{x.stayInGrade === null ? '—' : percent(x.stayInGrade)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SensitivityPage(props: SensitivityView) {
  const { lang } = useView();
  const { sel, result } = props;
  const action = sensitivityHref(sel);
  const field = bindFields(props.values, props.errors);
  return (
    <>
      <h1>{t(lang, 'rsTitle')}</h1>
      <ComparisonTabs current="sensitivity" query={queryOf(sel)} />
      <p class="hint">{t(lang, 'rsIntro')}</p>
      <Selectors action={action.split('?')[0]!} years={props.years} groups={props.groups} sel={sel} />
      <form method="post" action={action} class="card stacked" id="sensitivity-form" novalidate>
        <ErrorSummary errors={props.errors} reloadHref={action} id="sensitivity-errors" />
        <div class="sides">
          <TextField
            {...field('band')}
            label={t(lang, 'rsBand')}
            hint={t(lang, 'rsBandHint')}
            type="number"
            inputmode="numeric"
          />
          <TextField {...field('draws')} label={t(lang, 'rsDraws')} type="number" inputmode="numeric" />
          <TextField
            {...field('seed')}
            label={t(lang, 'rsSeed')}
            hint={t(lang, 'rsSeedHint')}
            type="number"
            inputmode="numeric"
          />
        </div>
        <p>
          <button class="primary" type="submit">
            {t(lang, 'rsRun')}
          </button>
        </p>
      </form>
      {result ? (
        <section class="card" aria-labelledby="h-rs-result" id="sensitivity-result">
          <h2 id="h-rs-result">{t(lang, 'rsResult')}</h2>
          <p id="sensitivity-summary">
            <strong>{result.summary[lang]}</strong>
          </p>
          <p class="muted" id="sensitivity-elapsed" data-ms={result.elapsedMs}>
            {t(lang, 'rsElapsed', { ms: fixed2(result.elapsedMs) })}
          </p>
          <ResultTable r={result} />
          {props.chart ? (
            <Figure id="chart-rank-intervals" caption={t(lang, 'rsChart')} svg={props.chart} />
          ) : null}
        </section>
      ) : null}
    </>
  );
}
