import { useView } from '../context';
import type { FormErrors } from '../forms';
import { type MessageKey, t } from '../i18n';

const FLASH_KEYS: Record<string, MessageKey> = {
  created: 'flashCreated',
  updated: 'flashUpdated',
  deleted: 'flashDeleted',
  submitted: 'flashSubmitted',
  approved: 'flashApproved',
  returned: 'flashReturned',
  retired: 'flashRetired',
  // the office's plan review (words in i18n/cycles/office-*.ts)
  reviewed: 'cyFlashReviewed',
  published: 'cyFlashPublished',
  reopened: 'cyFlashReopened',
};

/** The `?ok=` flash after a redirect. */
export function Flash() {
  const { lang, url } = useView();
  const key: MessageKey | undefined = FLASH_KEYS[url.searchParams.get('ok') ?? ''];
  if (!key) return null;
  return (
    <p class="flash" role="status">
      {t(lang, key)}
    </p>
  );
}

/** The form-level error box: the problem's message, issues not tied to a field, a reload link on conflicts. */
export function ErrorSummary(props: { errors: FormErrors | undefined; reloadHref?: string; id?: string }) {
  const { lang } = useView();
  const { errors } = props;
  if (!errors || (!errors.message && errors.other.length === 0)) return null;
  return (
    <div class="alert" role="alert" id={props.id}>
      <strong>{errors.message ?? t(lang, 'fixErrors')}</strong>
      {errors.other.length ? (
        <ul>
          {errors.other.map((o) => (
            <li>{o}</li>
          ))}
        </ul>
      ) : null}
      {errors.code === 'version_conflict' && props.reloadHref ? (
        <p>
          <a href={props.reloadHref}>{t(lang, 'reload')}</a>
        </p>
      ) : null}
      {errors.requestId ? (
        <p class="muted">
          {t(lang, 'requestId')}
          {t(lang, 'colon')}
          {errors.requestId}
        </p>
      ) : null}
    </div>
  );
}
