import type { Comparison, ComparisonIndicator, PeerGroup, WhatIfResult } from '@jixiao/core';
import { assetUrl } from '../../assets';
import { ErrorSummary } from '../../components/feedback';
import { WeightInput } from '../../components/weight-input';
import { useView } from '../../context';
import type { FormErrors, FormValues } from '../../forms';
import { t } from '../../i18n';
import { queryOf } from './compare';
import { ComparisonGradeBadge, dp2, fixed2 } from './format';
import { type Selection, whatIfHref } from './paths';
import { Selectors } from './selectors';
import { ComparisonTabs } from './tabs';

/**
 * 权重模拟 (`/console/comparisons/what-if`): the group's weights as number inputs; posting them
 * shows the ranks with those weights beside the ranks with the group's own (↑2 / ↓1), and the
 * server's time to recompute. Progressive: without script the form posts and the page returns;
 * with `what-if.js` every change posts in the background and the result is swapped in at once.
 */

export const weightField = (code: string) => `weights.${code}`;

function Movement(props: { moved: number | null }) {
  const { lang } = useView();
  const m = props.moved;
  if (m === null) return <span class="muted">—</span>;
  if (m === 0)
    return (
      <span class="move same" data-moved="0">
        {t(lang, 'wiSame')}
      </span>
    );
  return (
    <span class={m > 0 ? 'move up' : 'move down'} data-moved={m}>
      {t(lang, m > 0 ? 'wiUp' : 'wiDown', { n: Math.abs(m) })}
    </span>
  );
}

function WeightRow(props: { ind: ComparisonIndicator; values: FormValues; errors: FormErrors }) {
  const { lang } = useView();
  const { ind } = props;
  const name = weightField(ind.code);
  const error = props.errors.fields[name];
  return (
    <tr data-standard={ind.code}>
      <th scope="row" id={`wi-${ind.code}`}>
        {ind.name} <span class="code">{ind.code}</span>
      </th>
      <td>{ind.unit}</td>
      <td class="num">{fixed2(ind.weight)}</td>
      <td>
        <WeightInput
          name={name}
          values={props.values}
          error={error}
          label={`${ind.name} ${t(lang, 'wiWeights')}`}
          placeholder={fixed2(ind.weight)}
        />
      </td>
    </tr>
  );
}

export function WhatIfResultTable(props: { result: WhatIfResult | undefined }) {
  const { lang } = useView();
  const r = props.result;
  if (!r) return null;
  return (
    <>
      <p id="whatif-elapsed" data-ms={r.elapsedMs}>
        {t(lang, 'wiElapsed', { ms: fixed2(r.elapsedMs) })}
      </p>
      <div class="scroll">
        <table id="whatif-table" class="results">
          <caption>{t(lang, 'wiCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t(lang, 'wiNewRank')}
              </th>
              <th scope="col">{t(lang, 'cmTenant')}</th>
              <th scope="col" class="num">
                {t(lang, 'wiBaseRank')}
              </th>
              <th scope="col">{t(lang, 'wiMoved')}</th>
              <th scope="col" class="num">
                {t(lang, 'cmComposite')}
              </th>
              <th scope="col">{t(lang, 'cmGrade')}</th>
            </tr>
          </thead>
          <tbody>
            {r.rows.map((row) => (
              <tr id={`wi-row-${row.tenant}`} data-tenant={row.tenant} data-rank={row.rank ?? ''}>
                <td class="num">{row.rank ?? '—'}</td>
                <th scope="row">{row.name}</th>
                <td class="num">{row.baseRank ?? '—'}</td>
                <td>
                  <Movement moved={row.moved} />
                </td>
                <td class="num">{dp2(row.composite)}</td>
                <td>
                  <ComparisonGradeBadge grade={row.grade} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export interface WhatIfView {
  years: number[];
  groups: PeerGroup[];
  sel: Selection;
  cmp: Comparison;
  result: WhatIfResult | undefined;
  values: FormValues;
  errors: FormErrors;
}

export function WhatIfPage(props: WhatIfView) {
  const { lang } = useView();
  const { sel, cmp } = props;
  const action = whatIfHref(sel);
  return (
    <>
      <h1>{t(lang, 'wiTitle')}</h1>
      <ComparisonTabs current="whatIf" query={queryOf(sel)} />
      <p class="hint">{t(lang, 'wiIntro')}</p>
      <Selectors action={action.split('?')[0]!} years={props.years} groups={props.groups} sel={sel} />
      <form method="post" action={action} class="card" id="whatif-form" novalidate>
        <div id="whatif-errors">
          <ErrorSummary errors={props.errors} reloadHref={action} />
        </div>
        <div class="scroll">
          <table id="whatif-weights">
            <caption>
              {t(lang, 'wiWeights')} · {cmp.group.name}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'cmDistIndicator')}</th>
                <th scope="col">{t(lang, 'sdUnit')}</th>
                <th scope="col" class="num">
                  {t(lang, 'wiGroupWeights')}
                </th>
                <th scope="col">{t(lang, 'wiWeights')}</th>
              </tr>
            </thead>
            <tbody>
              {cmp.indicators.map((ind) => (
                <WeightRow ind={ind} values={props.values} errors={props.errors} />
              ))}
            </tbody>
          </table>
        </div>
        <p class="hint">
          {t(lang, 'wiWeightsHint')} {t(lang, 'wiLive')}
        </p>
        <p>
          <button class="primary" type="submit">
            {t(lang, 'wiRun')}
          </button>{' '}
          <a href={action}>{t(lang, 'wiReset')}</a>
        </p>
      </form>
      <section class="card" aria-labelledby="h-whatif-result" id="whatif-section">
        <h2 id="h-whatif-result">{t(lang, 'wiResult')}</h2>
        <div id="whatif-result" aria-live="polite">
          <WhatIfResultTable result={props.result} />
        </div>
      </section>
      <script src={assetUrl('what-if.js')} defer />
    </>
  );
}
