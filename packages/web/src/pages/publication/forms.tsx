import type { PublicationView } from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { Hidden, TextArea } from '../../components/fields';
import { useView } from '../../context';
import { type FormErrors, type FormValues, str } from '../../forms';
import { t } from '../../i18n';
import { publicationHref, withdrawHref } from './paths';

/**
 * The office's two forms: publish (with a note, after reading what becomes public) and withdraw
 * (with the reason). Each posts to the console, which calls the API and comes back to the page
 * (303), or shows the API's refusal in the form that was sent.
 */

/** What a refused form shows again: which form, what was typed and why it was refused. */
export interface PublicationFormState {
  form: 'publish' | 'withdraw';
  values: FormValues;
  errors: FormErrors;
}

/** What publishing puts on the public portal, in words, before the button that does it. */
function WhatBecomesPublic(props: { view: PublicationView }) {
  const { lang } = useView();
  const rel = props.view.released;
  return (
    <div class="notice" id="publish-what">
      <p>
        <strong>{t(lang, 'pbWhatTitle', { n: rel?.number ?? 0 })}</strong>
      </p>
      <ul>
        <li>{t(lang, 'pbWhatRows')}</li>
        <li>{t(lang, 'pbWhatCharts')}</li>
        <li>{t(lang, 'pbWhatReports')}</li>
        <li>{t(lang, 'pbWhatUnits')}</li>
      </ul>
      <p>{t(lang, 'pbWhatFrozen')}</p>
    </div>
  );
}

export function PublishForm(props: { view: PublicationView; state: PublicationFormState | undefined }) {
  const { lang } = useView();
  const { view } = props;
  const s = props.state?.form === 'publish' ? props.state : undefined;
  const again = view.publication !== undefined;
  return (
    <form method="post" action={publicationHref(view.cycle.id)} class="stacked" id="publish-form" novalidate>
      <h3>{t(lang, again ? 'pbPublishAgain' : 'pbPublish')}</h3>
      <ErrorSummary errors={s?.errors} reloadHref={publicationHref(view.cycle.id)} id="publish-error" />
      <WhatBecomesPublic view={view} />
      {view.publication ? <Hidden name="version" value={view.publication.version} /> : null}
      <TextArea
        name="note"
        label={t(lang, 'pbNote')}
        value={str(s?.values.note)}
        error={s?.errors.fields.note}
        maxlength={1000}
      />
      <p>
        <button class="primary" type="submit">
          {t(lang, 'pbPublishConfirm', { n: view.released?.number ?? 0 })}
        </button>
      </p>
    </form>
  );
}

export function WithdrawForm(props: { view: PublicationView; state: PublicationFormState | undefined }) {
  const { lang } = useView();
  const { view } = props;
  const p = view.publication;
  if (!p) return null;
  const s = props.state?.form === 'withdraw' ? props.state : undefined;
  return (
    <form method="post" action={withdrawHref(view.cycle.id)} class="stacked" id="withdraw-form" novalidate>
      <h3>{t(lang, 'pbWithdraw')}</h3>
      <ErrorSummary errors={s?.errors} reloadHref={publicationHref(view.cycle.id)} id="withdraw-error" />
      <p class="hint">{t(lang, 'pbWithdrawHint')}</p>
      <Hidden name="version" value={p.version} />
      <TextArea
        name="reason"
        label={t(lang, 'pbWithdrawReason')}
        value={str(s?.values.reason)}
        error={s?.errors.fields.reason}
        maxlength={1000}
      />
      <p>
        <button class="danger" type="submit">
          {t(lang, 'pbWithdrawConfirm', { n: p.number })}
        </button>
      </p>
    </form>
  );
}
