import { CONTRACTS } from '@jixiao/api/contracts';
import {
  ANSWER_CHANNEL_LABELS,
  type CycleView,
  INTEGRITY_DECISION_LABELS,
  INTEGRITY_DECISIONS,
  INTEGRITY_SIGNAL_LABELS,
  LIKERT_LEVELS,
  labelOf,
} from '@jixiao/core';
import type { SuccessOf } from '../../client/api-client';
import { ErrorSummary } from '../../components/feedback';
import { Hidden } from '../../components/fields';
import { useView } from '../../context';
import type { FormErrors } from '../../forms';
import { formatDateTime, t } from '../../i18n';
import { useMay } from '../../policy';
import { CycleHeading } from '../cycles/office/paths';
import { surveyHref } from './paths';

/**
 * `GET …/surveys/:surveyId/results`: the integrity flags with their counts (never silently
 * dropped) and the office's decision on each, then per unit and leaf the counts of all, verified
 * and as-decided answers per group, the minimum sample, and the rule's preview.
 */
type Results = SuccessOf<typeof CONTRACTS.surveys.results>;
type Flag = Results['flags'][number];

function DecisionForm(props: { action: string; flag: Flag; failed?: FormErrors }) {
  const { lang } = useView();
  const { flag } = props;
  return (
    <form method="post" action={props.action} class="inline" data-flag={`${flag.signal}:${flag.key}`}>
      <ErrorSummary errors={props.failed} />
      <Hidden name="signal" value={flag.signal} />
      <Hidden name="key" value={flag.key} />
      {flag.decision ? <Hidden name="version" value={flag.decision.version} /> : null}
      <select name="decision" aria-label={t(lang, 'svDecision')}>
        {INTEGRITY_DECISIONS.map((d) => (
          <option value={d} selected={(flag.decision?.decision ?? 'exclude') === d}>
            {INTEGRITY_DECISION_LABELS[d][lang]}
          </option>
        ))}
      </select>{' '}
      <input
        type="text"
        name="reason"
        aria-label={t(lang, 'svReason')}
        placeholder={t(lang, 'svReason')}
        maxlength={500}
      />{' '}
      <button class="secondary" type="submit">
        {t(lang, 'svDecide')}
      </button>
    </form>
  );
}

const Counts = (props: { n: { all: number; verified: number; decided: number } }) => (
  <>
    {props.n.all} / {props.n.verified} / {props.n.decided}
  </>
);

export function ResultsPage(props: {
  cycle: CycleView;
  title: string;
  surveyId: string;
  results: Results;
  names: Map<string, string>;
  failed?: { flag: string; errors: FormErrors };
}) {
  const { lang } = useView();
  const may = useMay();
  const { results: r, cycle } = props;
  const action = `${surveyHref(cycle.id, props.surveyId)}/decisions`;
  return (
    <>
      <CycleHeading cycle={cycle} title={`${t(lang, 'svResults')} · ${props.title}`} />
      <p>
        <a href={surveyHref(cycle.id, props.surveyId)}>← {props.title}</a>
      </p>
      <section class="card" id="summary">
        <p>
          {t(lang, 'svSummary', {
            answers: r.summary.answers,
            verified: r.summary.verified,
            openLink: r.summary.openLink,
            excluded: r.summary.excluded,
          })}
        </p>
        <p class="muted">
          {ANSWER_CHANNEL_LABELS.invitation[lang]} {r.summary.verified} ·{' '}
          {ANSWER_CHANNEL_LABELS.open_link[lang]} {r.summary.openLink} ·{' '}
          {t(lang, 'svStraightLined', { n: r.summary.straightLined })}
        </p>
      </section>
      <h2 id="flags">{t(lang, 'svFlags', { n: r.flags.length })}</h2>
      {r.flags.length === 0 ? <p class="card muted">{t(lang, 'svNoFlags')}</p> : null}
      {r.flags.length ? (
        <table id="flag-table">
          <thead>
            <tr>
              <th>{t(lang, 'svSignal')}</th>
              <th class="num">{t(lang, 'svFlagCount')}</th>
              <th>{t(lang, 'svFlagWords')}</th>
              <th>{t(lang, 'svDecision')}</th>
            </tr>
          </thead>
          <tbody>
            {r.flags.map((f) => (
              <tr data-signal={f.signal}>
                <td>{INTEGRITY_SIGNAL_LABELS[f.signal][lang]}</td>
                <td class="num">{f.count}</td>
                <td>{f.words[lang]}</td>
                <td>
                  {f.decision ? (
                    <p data-decision={f.decision.decision}>
                      <strong>{INTEGRITY_DECISION_LABELS[f.decision.decision][lang]}</strong>：
                      {f.decision.reason}
                      <span class="muted">
                        {' '}
                        （{f.decision.by}，{formatDateTime(f.decision.at, lang)}）
                      </span>
                      {f.decision.stale ? <span class="badge">{t(lang, 'svStale')}</span> : null}
                    </p>
                  ) : null}
                  {may(CONTRACTS.surveys.decide) ? (
                    <DecisionForm
                      action={action}
                      flag={f}
                      {...(props.failed?.flag === `${f.signal}:${f.key}`
                        ? { failed: props.failed.errors }
                        : {})}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h2>{t(lang, 'svLeafResults')}</h2>
      <p class="hint">{t(lang, 'svCountsLegend')}</p>
      <div class="scroll">
        <table id="leaf-table">
          <thead>
            <tr>
              <th>{t(lang, 'svUnit')}</th>
              <th>{t(lang, 'svLeaf')}</th>
              {(r.leaves[0]?.groups ?? []).map((g) => (
                <th class="num">
                  {g.label}（{g.weight}）
                </th>
              ))}
              <th>{t(lang, 'svPreview')}</th>
            </tr>
          </thead>
          <tbody>
            {r.leaves.map((l) => (
              <tr data-unit={l.unit} data-leaf={l.leaf}>
                <td>{props.names.get(l.unit) ?? l.unit}</td>
                <td>
                  {l.leaf} {l.leafName}
                </td>
                {l.groups.map((g) => (
                  <td class="num" data-group={g.key} data-below={g.belowMinSample ? 'true' : 'false'}>
                    <Counts n={g.n} />
                    {g.belowMinSample ? (
                      <span class="badge off">{t(lang, 'svBelowMin', { n: l.minSample })}</span>
                    ) : null}
                    <br />
                    <span class="muted">
                      {LIKERT_LEVELS.map(
                        (lv) => `${labelOf('likert', lv, lang)} ${g.counts.decided[lv]}`,
                      ).join(' · ')}
                    </span>
                  </td>
                ))}
                <td data-status={l.preview.status}>
                  <strong>{l.preview.value ?? '—'}</strong>
                  <br />
                  <span class="note">{l.preview.reason[lang]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
