import type { RunView } from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { Hidden, TextArea } from '../../components/fields';
import { useView } from '../../context';
import { type FormErrors, type FormValues, str } from '../../forms';
import { t } from '../../i18n';
import { releaseHref, resumeHref, startHref } from './paths';

/**
 * The office's forms of the evaluation: start a run (with why), resume a stopped one, release a
 * ready official one (by its version, with a note). Each posts to the console, which calls the API
 * and comes back to the page (303) or shows the API's refusal in the form that was sent.
 */

/** What a refused form shows again: which form, for which run, what was typed and why it was refused. */
export interface RunFormState {
  form: 'start' | 'resume' | 'release';
  run?: string;
  values: FormValues;
  errors: FormErrors;
}

export function StartForm(props: { cycleId: string; state: RunFormState | undefined; idem: string }) {
  const { lang } = useView();
  const s = props.state?.form === 'start' ? props.state : undefined;
  return (
    <form method="post" action={startHref(props.cycleId)} class="stacked" id="run-start-form" novalidate>
      <ErrorSummary errors={s?.errors} id="run-start-error" />
      <Hidden name="_idem" value={props.idem} />
      <TextArea
        name="reason"
        label={t(lang, 'erReason')}
        value={str(s?.values.reason)}
        error={s?.errors.fields.reason}
        maxlength={500}
      />
      <p>
        <button class="primary" type="submit">
          {t(lang, 'erStart')}
        </button>
      </p>
    </form>
  );
}

/** Which page a form was sent from, to show a refusal there again. */
export type From = 'overview' | 'run';

export function ResumeForm(props: { cycleId: string; run: RunView; from: From }) {
  const { lang } = useView();
  return (
    <form
      method="post"
      action={resumeHref(props.cycleId, props.run.id)}
      class="inline"
      data-resume={props.run.id}
    >
      <Hidden name="from" value={props.from} />
      <button class="secondary" type="submit">
        {t(lang, 'erResume')}
      </button>
    </form>
  );
}

/** Release: the run's version (two offices cannot release different runs at once) and a note. */
export function ReleaseForm(props: {
  cycleId: string;
  run: RunView;
  state: RunFormState | undefined;
  from: From;
}) {
  const { lang } = useView();
  const { run } = props;
  const s = props.state?.form === 'release' && props.state.run === run.id ? props.state : undefined;
  const id = `release-${run.id}`;
  return (
    <details class="release" open={!!s}>
      <summary>{t(lang, 'erRelease')}</summary>
      <form method="post" action={releaseHref(props.cycleId, run.id)} class="stacked" id={id} novalidate>
        <ErrorSummary errors={s?.errors} />
        <p class="hint">{t(lang, 'erReleaseHint', { n: run.number })}</p>
        <Hidden name="from" value={props.from} />
        <Hidden name="version" value={run.version} />
        {/* One form per releasable run: the field's id names the run. */}
        <div class="field">
          <label for={`${id}-note`}>{t(lang, 'erReleaseNote')}</label>
          <input
            type="text"
            id={`${id}-note`}
            name="note"
            value={str(s?.values.note)}
            maxlength={1000}
            autocomplete="off"
            aria-invalid={s?.errors.fields.note ? 'true' : undefined}
            aria-describedby={s?.errors.fields.note ? `${id}-note-error` : undefined}
          />
          {s?.errors.fields.note ? (
            <p class="error" id={`${id}-note-error`}>
              {s.errors.fields.note}
            </p>
          ) : null}
        </div>
        <button class="primary" type="submit">
          {t(lang, 'erReleaseConfirm', { n: run.number })}
        </button>
      </form>
    </details>
  );
}
