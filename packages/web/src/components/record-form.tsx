import { ACTIVE_STATE_LABELS } from '@jixiao/core';
import type { Child } from 'hono/jsx';
import { useView } from '../context';
import { type FormErrors, type FormValues, str } from '../forms';
import { t } from '../i18n';
import { ErrorSummary } from './feedback';
import { CheckboxField, FormActions, Hidden } from './fields';

/** What every record form (unit, user, group, tenant) is given by its page. */
export interface RecordFormProps {
  /** Create (with an Idempotency-Key) or edit (with the version read). */
  mode: 'new' | 'edit';
  action: string;
  values: FormValues;
  errors: FormErrors;
  /** The record's page, offered as "reload" on a version conflict. */
  reloadHref?: string;
}

/**
 * The frame of a record form: the error summary, the hidden `_idem` (new) or `version` (edit),
 * the fields, and 新建 / 保存 with the way back to the list.
 */
export function RecordForm(props: RecordFormProps & { back: string; children: Child }) {
  const { lang } = useView();
  const { values: val, errors: e } = props;
  return (
    <form method="post" action={props.action} class="stacked card" novalidate>
      <ErrorSummary errors={e} reloadHref={props.reloadHref} />
      {props.mode === 'new' ? (
        <Hidden name="_idem" value={str(val._idem)} />
      ) : (
        <Hidden name="version" value={str(val.version)} />
      )}
      {props.children}
      <FormActions label={t(lang, props.mode === 'new' ? 'create' : 'save')} back={props.back} />
    </form>
  );
}

/** A field's name, typed value and error, as the text and select fields take them: `{...field('name')}`. */
export const bindFields =
  (values: FormValues, errors: FormErrors) =>
  (name: string): { name: string; value: string; error: string | undefined } => ({
    name,
    value: str(values[name]),
    error: errors.fields[name],
  });

/** 启用: whether the record (a unit, a user) is active. */
export function ActiveField(props: { values: FormValues; errors: FormErrors }) {
  const { lang } = useView();
  return (
    <CheckboxField
      name="active"
      label={ACTIVE_STATE_LABELS.active[lang]}
      checked={str(props.values.active) === 'true'}
      error={props.errors.fields.active}
    />
  );
}
