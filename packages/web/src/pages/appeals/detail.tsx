import {
  APPEAL_STATUS_LABELS,
  type AppealApplied,
  type AppealableLeaf,
  type AppealView,
  INPUT_KIND_LABELS,
} from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { Hidden } from '../../components/fields';
import { useView } from '../../context';
import { type FormErrors, type FormValues, noErrors } from '../../forms';
import { type Lang, t } from '../../i18n';
import { DecideForm } from './decide-form';
import {
  AppealStatusBadge,
  OutcomeHeading,
  rankChangeText,
  stampText,
  standingText,
  targetText,
} from './parts';
import { appealHref, appealsHref } from './paths';

/** One appeal: what was appealed, the decision and the correction, the outcome after a new run, and the forms. */

export interface AppealState {
  form: 'decide' | 'withdraw';
  values: FormValues;
  errors: FormErrors;
}

const inputText = (lang: Lang, v: unknown): string => {
  if (v === null || v === undefined) return t(lang, 'ocEmpty');
  if (typeof v === 'number') return String(v);
  const i = v as { kind: string; grade?: string; counts?: Record<string, number>; reason?: string };
  const what = INPUT_KIND_LABELS[i.kind as keyof typeof INPUT_KIND_LABELS]?.[lang] ?? i.kind;
  if (i.kind === 'grade') return `${what} ${i.grade}`;
  if (i.kind === 'incidents')
    return `${what} ${Object.entries(i.counts ?? {})
      .map(([k, n]) => `${k}×${n}`)
      .join(lang === 'zh' ? '、' : ', ')}`;
  if (i.kind === 'exempt') return `${what}：${i.reason ?? ''}`;
  return what;
};

function Applied(props: { applied: AppealApplied | undefined }) {
  const { lang } = useView();
  const a = props.applied;
  const change = a?.value ?? a?.input;
  if (!change) return <>{t(lang, 'ocCorrectionNone')}</>;
  return (
    <span id="appeal-applied">
      {t(lang, 'ocBeforeAfter', {
        before: inputText(lang, change.before),
        after: inputText(lang, change.after),
      })}
    </span>
  );
}

function Record(props: { view: AppealView }) {
  const { lang } = useView();
  const a = props.view;
  return (
    <section class="card" aria-labelledby="h-appeal-facts" id="appeal-facts">
      <h2 id="h-appeal-facts">{t(lang, 'ocAppealFacts')}</h2>
      <dl class="facts">
        <dt>{t(lang, 'ocStatus')}</dt>
        <dd>
          <AppealStatusBadge status={a.status} />
        </dd>
        <dt>{t(lang, 'ocTarget')}</dt>
        <dd>{targetText(lang, a)}</dd>
        <dt>{t(lang, 'ocReasons')}</dt>
        <dd class="note">{a.reasons}</dd>
        <dt>{t(lang, 'ocEvidence')}</dt>
        <dd>
          {a.evidence.length === 0 ? (
            <span class="muted">{t(lang, 'none')}</span>
          ) : (
            <ul class="plain">
              {a.evidence.map((e) => (
                <li>{e.title}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t(lang, 'ocSubmittedBy')}</dt>
        <dd>{stampText(lang, a.submitted)}</dd>
        <dt>{t(lang, 'ocAppealed')}</dt>
        <dd id="appeal-appealed">
          {t(lang, 'ocRunN', { n: a.appealed.number })} · {standingText(lang, a.appealed)}
        </dd>
        {a.withdrawn ? (
          <>
            <dt>{t(lang, 'ocWithdrawnBy')}</dt>
            <dd>{stampText(lang, a.withdrawn)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function Decision(props: { view: AppealView }) {
  const { lang } = useView();
  const a = props.view;
  const d = a.decision;
  if (!d) return null;
  return (
    <section class="card" aria-labelledby="h-appeal-decision" id="appeal-decision">
      <h2 id="h-appeal-decision">{t(lang, 'ocDecision')}</h2>
      <dl class="facts">
        <dt>{t(lang, 'ocDecision')}</dt>
        <dd>{APPEAL_STATUS_LABELS[d.status][lang]}</dd>
        <dt>{t(lang, 'ocDecisionReason')}</dt>
        <dd class="note">{d.reason}</dd>
        <dt>{t(lang, 'ocDecidedBy')}</dt>
        <dd>{stampText(lang, d)}</dd>
        {d.status === 'accepted' ? (
          <>
            <dt>{t(lang, 'ocCorrection')}</dt>
            <dd>
              <Applied applied={d.applied} />
            </dd>
          </>
        ) : null}
      </dl>
      {d.status === 'accepted' ? (
        <p id="appeal-included">
          {a.includedIn
            ? t(lang, 'ocIncludedIn', { run: t(lang, 'ocRunN', { n: a.includedIn.number }) })
            : t(lang, 'ocNotYetIncluded')}
        </p>
      ) : null}
    </section>
  );
}

function Outcome(props: { view: AppealView }) {
  const { lang } = useView();
  const o = props.view.outcome;
  if (props.view.status === 'submitted' || props.view.status === 'withdrawn') return null;
  return (
    <section class="card" aria-labelledby="h-appeal-outcome" id="appeal-outcome">
      <h2 id="h-appeal-outcome">{t(lang, 'ocOutcome')}</h2>
      {o ? (
        <dl class="facts">
          <dt>{t(lang, 'ocBefore', { run: t(lang, 'ocRunN', { n: o.before.number }) })}</dt>
          <dd>{standingText(lang, o.before)}</dd>
          <dt>{t(lang, 'ocAfter', { run: t(lang, 'ocRunN', { n: o.after.number }) })}</dt>
          <dd>{standingText(lang, o.after)}</dd>
          <dt>{t(lang, 'ocTotalChange')}</dt>
          <dd id="appeal-total-change">{o.totalChange}</dd>
          <dt>{t(lang, 'ocRankChange')}</dt>
          <dd id="appeal-rank-change">{rankChangeText(lang, o.rankChange)}</dd>
        </dl>
      ) : (
        <p class="muted">{t(lang, 'ocOutcomePending')}</p>
      )}
    </section>
  );
}

function WithdrawForm(props: { view: AppealView; errors: FormErrors | undefined }) {
  const { lang } = useView();
  const a = props.view;
  return (
    <section class="card" aria-labelledby="h-appeal-withdraw">
      <h2 id="h-appeal-withdraw">{t(lang, 'ocWithdraw')}</h2>
      <form method="post" action={`${appealHref(a.cycle, a.unit, a.id)}/withdraw`} id="appeal-withdraw-form">
        <ErrorSummary errors={props.errors} reloadHref={appealHref(a.cycle, a.unit, a.id)} />
        <Hidden name="version" value={a.version} />
        <p class="hint">{t(lang, 'ocWithdrawHint')}</p>
        <button type="submit">{t(lang, 'ocWithdraw')}</button>
      </form>
    </section>
  );
}

export function AppealPage(props: {
  view: AppealView;
  cycle: { id: string; name: string };
  leaf: AppealableLeaf | undefined;
  state?: AppealState | undefined;
}) {
  const { lang } = useView();
  const { view, cycle, leaf, state } = props;
  const failed = (form: AppealState['form']) => (state?.form === form ? state : undefined);
  // A refusal whose form the page no longer offers (decided or withdrawn meanwhile): said on top.
  const orphan =
    state && !(state.form === 'decide' ? view.allowed.decide : view.allowed.withdraw)
      ? state.errors
      : undefined;
  return (
    <>
      <OutcomeHeading
        cycle={cycle}
        title={t(lang, 'ocAppealTitle', { unit: view.unitName })}
        back={appealsHref(cycle.id)}
      />
      <ErrorSummary errors={orphan} id="appeal-error" />
      <Record view={view} />
      <Decision view={view} />
      <Outcome view={view} />
      {view.allowed.withdraw ? <WithdrawForm view={view} errors={failed('withdraw')?.errors} /> : null}
      {view.allowed.decide ? (
        <DecideForm
          view={view}
          leaf={leaf}
          values={failed('decide')?.values ?? {}}
          errors={failed('decide')?.errors ?? noErrors()}
        />
      ) : null}
    </>
  );
}
