import { CONTRACTS } from '@jixiao/api/contracts';
import { type CycleView, SURVEY_ACTION_LABELS, SURVEY_STATUS_LABELS } from '@jixiao/core';
import type { SuccessOf } from '../../client/api-client';
import { ErrorSummary } from '../../components/feedback';
import { Facts, Hidden, SelectField, TextField } from '../../components/fields';
import { useView } from '../../context';
import { type FormErrors, type FormValues, noErrors, str } from '../../forms';
import { formatDateTime, t } from '../../i18n';
import { useMay } from '../../policy';
import { CycleHeading } from '../cycles/office/paths';
import { type SatisfactionLeaf, SurveyForm } from './form';
import { surveyHref } from './paths';

export type SurveyView = SuccessOf<typeof CONTRACTS.surveys.get>;

/** The invitation batch form: a group, how many, optionally the unit each is bound to (一次一评). */
function InviteForm(props: {
  survey: SurveyView;
  cycleId: string;
  names: Map<string, string>;
  values: FormValues;
  errors: FormErrors;
}) {
  const { lang } = useView();
  const { survey, values: v, errors: e } = props;
  return (
    <form
      method="post"
      action={`${surveyHref(props.cycleId, survey.id)}/invitations`}
      class="stacked card"
      id="invite-form"
      novalidate
    >
      <h2>{t(lang, 'svInviteTitle')}</h2>
      <p class="hint">{t(lang, 'svInviteHint')}</p>
      <ErrorSummary errors={e} />
      <Hidden name="_idem" value={str(v._idem)} />
      <SelectField
        name="group"
        label={t(lang, 'svGroup')}
        value={str(v.group)}
        error={e.fields.group}
        options={survey.groups.map((g) => ({ value: g.key, label: g.label }))}
      />
      <SelectField
        name="unit"
        label={t(lang, 'svBoundUnit')}
        value={str(v.unit)}
        error={e.fields.unit}
        empty={t(lang, 'svAnyUnit')}
        options={survey.units.map((u) => ({ value: u, label: `${props.names.get(u) ?? u}（${u}）` }))}
      />
      <TextField
        name="count"
        label={t(lang, 'svCount')}
        value={str(v.count) || '50'}
        error={e.fields.count}
        inputmode="numeric"
      />
      <TextField
        name="note"
        label={t(lang, 'svNote')}
        hint={t(lang, 'svNoteHint')}
        value={str(v.note)}
        error={e.fields.note}
        maxlength={200}
      />
      <p>
        <button class="primary" type="submit">
          {t(lang, 'svIssue')}
        </button>
      </p>
    </form>
  );
}

export interface DetailState {
  edit?: { values: FormValues; errors: FormErrors };
  invite: { values: FormValues; errors: FormErrors };
  transition?: FormErrors;
}

export function SurveyDetailPage(props: {
  cycle: CycleView;
  survey: SurveyView;
  units: { code: string; name: string }[];
  leaves: SatisfactionLeaf[];
  openLink?: { url: string; qr: string };
  state: DetailState;
}) {
  const { lang } = useView();
  const may = useMay();
  const { cycle, survey, state } = props;
  const names = new Map(props.units.map((u) => [u.code, u.name]));
  const href = surveyHref(cycle.id, survey.id);
  const action = survey.status === 'draft' ? 'open' : survey.status === 'open' ? 'close' : undefined;
  return (
    <>
      <CycleHeading cycle={cycle} title={survey.title} />
      <p>
        <span class="badge" id="survey-status" data-status={survey.status}>
          {SURVEY_STATUS_LABELS[survey.status][lang]}
        </span>{' '}
        <a href={`${href}/results`} id="survey-results-link">
          {t(lang, 'svResults')}
        </a>
        {may(CONTRACTS.surveys.invitations) ? (
          <>
            {' · '}
            <a href={`${href}/slips`} id="survey-slips-link">
              {t(lang, 'svSlips')}
            </a>
          </>
        ) : null}
      </p>
      <Facts
        rows={[
          [t(lang, 'svUnits'), survey.units.map((u) => names.get(u) ?? u).join(lang === 'zh' ? '、' : ', ')],
          [
            t(lang, 'svGroups'),
            survey.groups.map((g) => `${g.label} ${g.weight}`).join(lang === 'zh' ? '；' : '; '),
          ],
          [t(lang, 'svCounts'), t(lang, 'svCountsText', survey.counts)],
          [t(lang, 'svOpenedAt'), survey.openedAt ? formatDateTime(survey.openedAt, lang) : '—'],
          [t(lang, 'svClosedAt'), survey.closedAt ? formatDateTime(survey.closedAt, lang) : '—'],
        ]}
      />
      {props.openLink ? (
        <section class="card" id="open-link">
          <h2>{t(lang, 'svOpenLink')}</h2>
          <img src={props.openLink.qr} alt={t(lang, 'svQrAlt')} width="160" height="160" />
          <p class="note">
            <a href={props.openLink.url}>{props.openLink.url}</a>
          </p>
        </section>
      ) : null}
      {action && may(CONTRACTS.surveys.transition) ? (
        <form method="post" action={`${href}/transition`} class="card" id="survey-transition">
          <ErrorSummary errors={state.transition} reloadHref={href} />
          <Hidden name="version" value={survey.version} />
          <Hidden name="action" value={action} />
          <button class={action === 'open' ? 'primary' : 'secondary'} type="submit" data-action={action}>
            {SURVEY_ACTION_LABELS[action][lang]}
          </button>
        </form>
      ) : null}
      {survey.status !== 'closed' && may(CONTRACTS.surveys.invite) ? (
        <InviteForm survey={survey} cycleId={cycle.id} names={names} {...state.invite} />
      ) : null}
      {survey.status === 'draft' && state.edit && may(CONTRACTS.surveys.put) ? (
        <>
          <h2>{t(lang, 'svEdit')}</h2>
          <SurveyForm
            action={href}
            back={href}
            units={props.units}
            leaves={props.leaves}
            submit={t(lang, 'save')}
            values={state.edit.values}
            errors={state.edit.errors ?? noErrors()}
          />
        </>
      ) : null}
    </>
  );
}
