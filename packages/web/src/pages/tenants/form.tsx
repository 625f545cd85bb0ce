import { PLAN_STATUS_LABELS, PLAN_STATUSES } from '@jixiao/core';
import { SelectField, TextField } from '../../components/fields';
import { bindFields, RecordForm, type RecordFormProps } from '../../components/record-form';
import { BASE, useView } from '../../context';
import { str } from '../../forms';
import { t } from '../../i18n';

/** A tenant's form: onboarding (`new`, with its division code) or its edit. */
export function TenantForm(props: RecordFormProps) {
  const { lang } = useView();
  const field = bindFields(props.values, props.errors);
  return (
    <RecordForm {...props} back={`${BASE}/tenants`}>
      {props.mode === 'new' ? (
        <TextField
          {...field('code')}
          label={t(lang, 'tenantCode')}
          hint={t(lang, 'tenantCodeHint')}
          required
          inputmode="numeric"
          maxlength={6}
        />
      ) : null}
      <TextField
        {...field('name')}
        label={t(lang, 'tenantName')}
        hint={props.mode === 'new' ? t(lang, 'tenantNameHint') : undefined}
        required={props.mode === 'edit'}
        maxlength={100}
      />
      <SelectField
        {...field('planStatus')}
        label={t(lang, 'planStatus')}
        options={PLAN_STATUSES.map((s) => ({ value: s, label: PLAN_STATUS_LABELS[s][lang] }))}
        value={str(props.values.planStatus) || 'trial'}
      />
      <TextField {...field('contactName')} label={t(lang, 'contactName')} maxlength={50} />
      <TextField {...field('contactPhone')} label={t(lang, 'contactPhone')} type="tel" maxlength={20} />
    </RecordForm>
  );
}
