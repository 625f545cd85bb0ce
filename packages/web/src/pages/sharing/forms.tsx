import type { SharedResult, ShareRecord } from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { FieldError, Hidden } from '../../components/fields';
import { useView } from '../../context';
import { type FormErrors, type FormValues, str } from '../../forms';
import { t } from '../../i18n';
import { cycleSharingHref, withdrawShareHref } from './paths';

/** A text area whose id names the recipient's kind: two recipients' forms share one page. */
function Text(props: {
  kind: string;
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
}) {
  const id = `${props.kind}-${props.name}`;
  return (
    <div class="field">
      <label for={`f-${id}`}>{props.label}</label>
      <textarea
        id={`f-${id}`}
        name={props.name}
        rows={3}
        maxlength={1000}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `f-${id}-error` : undefined}
      >
        {props.value}
      </textarea>
      <FieldError name={id} error={props.error} />
    </div>
  );
}

/** What a refused form shows again: which recipient's which form, what was typed and why. */
export interface ShareFormState {
  form: 'share' | 'withdraw';
  recipient: string;
  values: FormValues;
  errors: FormErrors;
}

/** Consent: the note, and the button naming the recipient and the run (after the preview above it). */
export function ShareForm(props: {
  cycleId: string;
  kind: string;
  recipient: { code: string; name: string };
  preview: SharedResult;
  current: ShareRecord | undefined;
  idem: string;
  state: ShareFormState | undefined;
}) {
  const { lang } = useView();
  const s =
    props.state?.form === 'share' && props.state.recipient === props.recipient.code ? props.state : undefined;
  const again = props.current?.status === 'shared';
  const n = props.preview.run.number;
  return (
    <form
      method="post"
      action={cycleSharingHref(props.cycleId)}
      class="stacked"
      id={`share-form-${props.kind}`}
      novalidate
    >
      <ErrorSummary
        errors={s?.errors}
        reloadHref={cycleSharingHref(props.cycleId)}
        id={`share-error-${props.kind}`}
      />
      <Hidden name="_idem" value={str(s?.values._idem) || props.idem} />
      <Hidden name="to" value={props.kind} />
      <Text
        kind={props.kind}
        name="note"
        label={t(lang, 'shNote')}
        value={str(s?.values.note)}
        error={s?.errors.fields.note}
      />
      <p>
        <button class="primary" type="submit">
          {again ? t(lang, 'shConsentAgain', { n }) : t(lang, 'shConsent', { name: props.recipient.name, n })}
        </button>
      </p>
    </form>
  );
}

/** Withdraw with the reason, by the record's version. */
export function WithdrawShareForm(props: {
  cycleId: string;
  kind: string;
  recipient: { code: string; name: string };
  current: ShareRecord;
  state: ShareFormState | undefined;
}) {
  const { lang } = useView();
  const s =
    props.state?.form === 'withdraw' && props.state.recipient === props.recipient.code
      ? props.state
      : undefined;
  return (
    <form
      method="post"
      action={withdrawShareHref(props.cycleId, props.recipient.code)}
      class="stacked"
      id={`withdraw-form-${props.kind}`}
      novalidate
    >
      <h3>{t(lang, 'shWithdraw')}</h3>
      <ErrorSummary
        errors={s?.errors}
        reloadHref={cycleSharingHref(props.cycleId)}
        id={`withdraw-error-${props.kind}`}
      />
      <p class="hint">{t(lang, 'shWithdrawHint')}</p>
      <Hidden name="version" value={props.current.version} />
      <Text
        kind={props.kind}
        name="reason"
        label={t(lang, 'shWithdrawReason')}
        value={str(s?.values.reason)}
        error={s?.errors.fields.reason}
      />
      <p>
        <button class="danger" type="submit">
          {t(lang, 'shWithdrawConfirm', { name: props.recipient.name })}
        </button>
      </p>
    </form>
  );
}
