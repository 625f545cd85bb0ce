import { CONTRACTS } from '@jixiao/api/contracts';
import { EVIDENCE_KIND_LABELS, EVIDENCE_KINDS, type StorageView } from '@jixiao/core';
import { ErrorSummary, Flash } from '../../components/feedback';
import { CheckboxGroup, FormActions, Hidden, TextField } from '../../components/fields';
import { problemPage, statusOf } from '../../components/message-page';
import { BASE, type Ctx, redirectOk, useView } from '../../context';
import {
  type BodyOf,
  type FormErrors,
  type FormValues,
  list,
  noErrors,
  numberFrom,
  problemToFormErrors,
  readForm,
  str,
} from '../../forms';
import { t } from '../../i18n';
import { useMay } from '../../policy';
import { bytesOf, formatBytes, MB, toMb } from './format';
import { storageHref } from './paths';
import { StorageUse } from './storage-parts';

/**
 * `/console/storage`: the tenant's storage use against its quota, and — for the office — the
 * evidence settings: the kinds of file accepted (checkboxes) and the per-file limit in MB, within
 * the platform's maximum. `POST` saves them (409 if someone saved meanwhile).
 */

const route = CONTRACTS.evidence.putSettings;

const valuesOf = (s: StorageView): FormValues => ({
  version: String(s.version),
  allowedKinds: [...s.settings.allowedKinds],
  maxFileMb: toMb(s.settings.maxFileBytes),
});

function SettingsForm(props: { s: StorageView; values: FormValues; errors: FormErrors }) {
  const { lang } = useView();
  const { values, errors } = props;
  return (
    <form method="post" action={storageHref} class="stacked card" id="storage-settings" novalidate>
      <ErrorSummary errors={errors} reloadHref={storageHref} />
      <Hidden name="version" value={str(values.version)} />
      <CheckboxGroup
        name="allowedKinds"
        legend={t(lang, 'evAllowedKinds')}
        hint={t(lang, 'evAllowedKindsHint')}
        options={EVIDENCE_KINDS.map((k) => ({ value: k, label: EVIDENCE_KIND_LABELS[k][lang] }))}
        values={list(values.allowedKinds)}
        error={errors.fields.allowedKinds}
      />
      <TextField
        name="maxFileMb"
        label={t(lang, 'evMaxFileMb')}
        hint={t(lang, 'evMaxFileHint', { max: formatBytes(props.s.platformMaxFileBytes, lang) })}
        value={str(values.maxFileMb)}
        error={errors.fields.maxFileMb}
        inputmode="numeric"
        maxlength={12}
      />
      <FormActions label={t(lang, 'save')} back={BASE} />
    </form>
  );
}

function StoragePage(props: { s: StorageView; values?: FormValues; errors?: FormErrors }) {
  const { lang } = useView();
  const may = useMay();
  return (
    <>
      <h1>{t(lang, 'evStorageTitle')}</h1>
      <Flash />
      <StorageUse s={props.s} />
      {may(route) ? (
        <>
          <h2 class="mt">{t(lang, 'evSettingsTitle')}</h2>
          <SettingsForm
            s={props.s}
            values={props.values ?? valuesOf(props.s)}
            errors={props.errors ?? noErrors()}
          />
        </>
      ) : null}
    </>
  );
}

async function show(c: Ctx, state: { values?: FormValues; errors?: FormErrors } = {}) {
  const r = await c.get('api').call(CONTRACTS.evidence.storage, {});
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<StoragePage s={r.data} {...state} />, { title: t(c.get('lang'), 'evStorageTitle') });
}

export const storagePage = {
  get: (c: Ctx) => show(c),
  post: async (c: Ctx) => {
    const form = await readForm(c);
    // Version 0: the tenant has never saved settings (the defaults), so the first save sends none.
    const version = str(form.version).trim();
    const body = {
      allowedKinds: list(form.allowedKinds),
      maxFileBytes: bytesOf(str(form.maxFileMb), MB),
      ...(version === '' || version === '0' ? {} : { version: numberFrom(version) }),
    } as BodyOf<typeof route>;
    const r = await c.get('api').call(route, { body });
    if (r.ok) return redirectOk(c, storageHref, 'updated');
    c.status(statusOf(r.status));
    const errors = problemToFormErrors(r.problem, c.get('lang'), ['allowedKinds', 'maxFileBytes', 'version']);
    if (errors.fields.maxFileBytes) errors.fields.maxFileMb = errors.fields.maxFileBytes;
    return show(c, { values: form, errors });
  },
};
