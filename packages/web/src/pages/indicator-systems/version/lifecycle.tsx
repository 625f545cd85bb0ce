import { CONTRACTS } from '@jixiao/api/contracts';
import { labelOf, SYSTEM_ACTION_LABELS, type SystemView } from '@jixiao/core';
import { ErrorSummary } from '../../../components/feedback';
import { Hidden } from '../../../components/fields';
import { useView } from '../../../context';
import { type FormErrors, newIdempotencyKey } from '../../../forms';
import { t } from '../../../i18n';
import { useMay } from '../../../policy';
import { versionHref } from '../paths';

export interface LifecycleState {
  actionErrors?: FormErrors;
  noteError?: string;
}

/**
 * Whether the caller may change the version in any way (else only reads it, and may export it):
 * the API says so per version (`allowed`: a unit may act on its own unit's drafts only).
 */
export const lifecycleOffered = (s: SystemView) =>
  s.allowed.edit || s.allowed.delete || s.allowed.newVersion || s.allowed.actions.length > 0;

/**
 * The Excel export of a version: the full workbook (edit and import back) and the print layout
 * (the columns a reader needs, on A4 landscape at a readable size).
 */
export function ExportLink(props: { href: string }) {
  const { lang } = useView();
  return (
    <>
      <a
        class="button secondary-link"
        href={`${props.href}/export.xlsx`}
        title={labelOf('workbookLayout', 'full', lang)}
        download
      >
        {t(lang, 'exportXlsx')}
      </a>{' '}
      <a class="button secondary-link" href={`${props.href}/export.xlsx?layout=print`} download>
        {`${t(lang, 'exportXlsx')}（${labelOf('workbookLayout', 'print', lang)}）`}
      </a>
    </>
  );
}

/**
 * What may be done with a version, each offered when the caller may call its route: edit the
 * draft, the filing transitions its status allows (退回 with a note), a new version of a filed one,
 * the Excel export, discarding a draft.
 */
export function Lifecycle(props: { s: SystemView; state: LifecycleState }) {
  const { lang } = useView();
  const may = useMay();
  const { s, state } = props;
  const href = versionHref(s.id, s.systemVersion);
  const actions = s.allowed.actions;
  return (
    <section class="card lifecycle" aria-labelledby="h-lifecycle">
      <h2 id="h-lifecycle">{t(lang, 'lifecycle')}</h2>
      <ErrorSummary errors={state.actionErrors} reloadHref={href} />
      <div class="actions">
        {s.allowed.edit ? (
          <a class="button" href={`${href}/edit`}>
            {t(lang, 'editDraft')}
          </a>
        ) : null}
        {actions
          .filter((a) => a !== 'return')
          .map((a) => (
            <form method="post" action={`${href}/transition`} class="inline">
              <Hidden name="action" value={a} />
              <Hidden name="version" value={s.version} />
              <button class={a === 'retire' ? 'danger' : 'primary'} type="submit" data-action={a}>
                {SYSTEM_ACTION_LABELS[a][lang]}
              </button>
            </form>
          ))}
        {s.allowed.newVersion ? (
          <form method="post" action={`${href}/new-version`} class="inline">
            <Hidden name="_idem" value={newIdempotencyKey()} />
            <button
              class="secondary"
              type="submit"
              title={t(lang, 'newVersionHint')}
              data-action="new-version"
            >
              {t(lang, 'newVersion')}
            </button>
          </form>
        ) : null}
        {may(CONTRACTS.indicatorFiles.export) ? <ExportLink href={href} /> : null}
        {s.allowed.delete ? (
          <form method="post" action={`${href}/delete`} class="inline">
            <Hidden name="version" value={s.version} />
            <button class="danger" type="submit" data-action="delete">
              {t(lang, 'deleteDraft')}
            </button>
          </form>
        ) : null}
      </div>
      {actions.includes('return') ? (
        <form method="post" action={`${href}/transition`} class="return-form">
          <Hidden name="action" value="return" />
          <Hidden name="version" value={s.version} />
          <div class="field">
            <label for="f-note">{t(lang, 'returnNote')}</label>
            <textarea
              id="f-note"
              name="note"
              rows={2}
              maxlength={1000}
              required
              aria-invalid={state.noteError ? 'true' : undefined}
              aria-describedby={state.noteError ? 'f-note-error' : undefined}
            />
            {state.noteError ? (
              <p class="error" id="f-note-error">
                {state.noteError}
              </p>
            ) : null}
          </div>
          <button class="secondary" type="submit" data-action="return">
            {SYSTEM_ACTION_LABELS.return[lang]}
          </button>
        </form>
      ) : null}
    </section>
  );
}
