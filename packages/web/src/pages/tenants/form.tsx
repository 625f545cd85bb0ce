import { PLAN_STATUS_LABELS, PLAN_STATUSES } from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { FormActions, Hidden, SelectField, TextField } from '../../components/fields';
import { BASE, useView } from '../../context';
import { type FormErrors, type FormValues, str } from '../../forms';
import { t } from '../../i18n';

/** A tenant's form: onboarding (`new`, with its division code) or its edit. */
export function TenantForm(props: {
  mode: 'new' | 'edit';
  action: string;
  values: FormValues;
  errors: FormErrors;
  reloadHref?: string;
}) {
  const { lang } = useView();
  const { values: val, errors: e } = props;
  return (
    <form method="post" action={props.action} class="stacked card" novalidate>
      <ErrorSummary errors={e} reloadHref={props.reloadHref} />
      {props.mode === 'new' ? (
        <>
          <Hidden name="_idem" value={str(val._idem)} />
          <TextField
            name="code"
            label={t(lang, 'tenantCode')}
            hint={t(lang, 'tenantCodeHint')}
            value={str(val.code)}
            error={e.fields.code}
            required
            inputmode="numeric"
            maxlength={6}
          />
        </>
      ) : (
        <Hidden name="version" value={str(val.version)} />
      )}
      <TextField
        name="name"
        label={t(lang, 'tenantName')}
        hint={props.mode === 'new' ? t(lang, 'tenantNameHint') : undefined}
        value={str(val.name)}
        error={e.fields.name}
        required={props.mode === 'edit'}
        maxlength={100}
      />
      <SelectField
        name="planStatus"
        label={t(lang, 'planStatus')}
        options={PLAN_STATUSES.map((s) => ({ value: s, label: PLAN_STATUS_LABELS[s][lang] }))}
        value={str(val.planStatus) || 'trial'}
        error={e.fields.planStatus}
      />
      <TextField
        name="contactName"
        label={t(lang, 'contactName')}
        value={str(val.contactName)}
        error={e.fields.contactName}
        maxlength={50}
      />
      <TextField
        name="contactPhone"
        label={t(lang, 'contactPhone')}
        type="tel"
        value={str(val.contactPhone)}
        error={e.fields.contactPhone}
        maxlength={20}
      />
      <FormActions label={t(lang, props.mode === 'new' ? 'create' : 'save')} back={`${BASE}/tenants`} />
    </form>
  );
}
