import type { MeetingView, UnitDecisionView } from '@jixiao/core';
import { ErrorSummary, Flash } from '../../components/feedback';
import { CheckboxField, Hidden } from '../../components/fields';
import { useView } from '../../context';
import { type FormErrors, type FormValues, noErrors } from '../../forms';
import { t } from '../../i18n';
import { BackToCycle } from '../cycles/office/paths';
import { MeetingEditor } from './editor';
import { meetingValues } from './form';
import { meetingHref } from './paths';
import { Adjustment, MeetingRecord, StatusBadge } from './record';

/** The meeting's page: the record, the office's editor, and concluding with a confirmation. */

export interface MeetingState {
  form: 'save' | 'conclude';
  values: FormValues;
  errors: FormErrors;
}

function Heading(props: { cycle: { id: string; name: string } }) {
  const { lang } = useView();
  return (
    <>
      <BackToCycle cycle={props.cycle} />
      <h1>
        {t(lang, 'mtTitle')} · {props.cycle.name}
      </h1>
      <Flash />
    </>
  );
}

/** What concluding still needs, and the confirmation form when nothing does. */
function Conclude(props: { view: MeetingView; state: MeetingState | undefined }) {
  const { lang } = useView();
  const { view } = props;
  const m = view.meeting;
  if (!m || m.status === 'concluded' || !view.allowed.edit) return null;
  const failed = props.state?.form === 'conclude' ? props.state.errors : undefined;
  return (
    <section class="card" aria-labelledby="h-meeting-conclude" id="meeting-conclude">
      <h2 id="h-meeting-conclude">{t(lang, 'mtConclude')}</h2>
      <p class="hint">{t(lang, 'mtConcludeWhen')}</p>
      {view.unmet.length > 0 ? (
        <div id="meeting-unmet">
          <p>{t(lang, 'mtUnmet')}</p>
          <ul>
            {view.unmet.map((u) => (
              <li>{u[lang]}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {view.allowed.conclude || failed ? (
        <form
          method="post"
          action={`${meetingHref(view.cycle.id)}/conclude`}
          id="meeting-conclude-form"
          novalidate
        >
          <ErrorSummary errors={failed} reloadHref={meetingHref(view.cycle.id)} />
          <Hidden name="version" value={m.version} />
          <CheckboxField
            name="confirm"
            label={t(lang, 'mtConcludeConfirm')}
            checked={false}
            error={failed?.fields.confirm}
          />
          <button class="primary" type="submit">
            {t(lang, 'mtConclude')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function MeetingPage(props: { view: MeetingView; state?: MeetingState | undefined }) {
  const { lang } = useView();
  const { view, state } = props;
  const m = view.meeting;
  const names = new Map(view.units.map((u) => [u.code, u.name]));
  const saving = state?.form === 'save' ? state : undefined;
  const open = m?.status !== 'concluded' && view.allowed.edit;
  // A refusal whose form the page no longer shows (concluded meanwhile, or no longer allowed): said on top.
  const orphan = state && !open ? state.errors : undefined;
  return (
    <>
      <Heading cycle={view.cycle} />
      <ErrorSummary errors={orphan} id="meeting-error" />
      <p class="hint">{t(lang, 'mtIntro')}</p>
      {m?.status === 'concluded' ? (
        <p class="notice" id="meeting-locked">
          {t(lang, 'mtLocked')}
        </p>
      ) : !view.allowed.edit && m ? (
        <p class="muted">{t(lang, 'mtReadOnly')}</p>
      ) : null}
      {m ? (
        <MeetingRecord meeting={m} unitNames={names} />
      ) : (
        <p class="muted" id="meeting-none">
          {t(lang, 'mtNone')}
        </p>
      )}
      <Conclude view={view} state={state} />
      {view.allowed.edit ? (
        <MeetingEditor
          view={view}
          values={saving?.values ?? meetingValues(m)}
          errors={saving?.errors ?? noErrors()}
          open={!!saving || !m}
        />
      ) : null}
    </>
  );
}

/** A unit's own page: its decision once the meeting concluded, or that it is pending. */
export function UnitDecisionPage(props: { view: UnitDecisionView }) {
  const { lang } = useView();
  const { view } = props;
  const m = view.meeting;
  const d = view.decision;
  return (
    <>
      <Heading cycle={view.cycle} />
      <section class="card" aria-labelledby="h-meeting-unit" id="meeting-unit">
        <h2 id="h-meeting-unit">
          {t(lang, 'mtYourDecision')} · {view.unit.name}
        </h2>
        {!m ? (
          <p class="muted">{t(lang, 'mtNoMeetingYet')}</p>
        ) : (
          <>
            <p>
              {m.title} · {m.day} <StatusBadge status={m.status} />
            </p>
            {m.status !== 'concluded' ? (
              <p class="muted">{t(lang, 'mtNotYet')}</p>
            ) : d ? (
              <dl class="facts" id="meeting-decision">
                <dt>{t(lang, 'mtDecision')}</dt>
                <dd class="note">{d.decision}</dd>
                <dt>{t(lang, 'mtAdjustment')}</dt>
                <dd>
                  <Adjustment d={d} />
                </dd>
              </dl>
            ) : (
              <p class="muted">{t(lang, 'mtNoDecision')}</p>
            )}
          </>
        )}
      </section>
    </>
  );
}
