import { grantableRoles, ROLE_LABELS, type Unit } from '@jixiao/core';
import { CheckboxGroup, type Option, SelectField, TextField } from '../../components/fields';
import { ActiveField, bindFields, RecordForm, type RecordFormProps } from '../../components/record-form';
import { BASE, useView } from '../../context';
import { list } from '../../forms';
import { t } from '../../i18n';

/** The tenant's units as options (`name（code）`). */
export const unitOptions = (units: readonly Unit[]): Option[] =>
  units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }));

/** A user's form: create (with an idempotency key) or edit (with its version). */
export function UserForm(props: RecordFormProps & { units: readonly Unit[] }) {
  const { lang, me } = useView();
  const field = bindFields(props.values, props.errors);
  return (
    <RecordForm {...props} back={`${BASE}/users`}>
      <TextField {...field('name')} label={t(lang, 'name')} required maxlength={100} />
      <TextField
        {...field('email')}
        label={t(lang, 'email')}
        type="email"
        maxlength={200}
        autocomplete="off"
      />
      <TextField {...field('phone')} label={t(lang, 'phone')} type="tel" inputmode="numeric" maxlength={11} />
      <CheckboxGroup
        name="roles"
        legend={t(lang, 'roles')}
        options={grantableRoles(me?.tenant?.level ?? 'city').map((r) => ({
          value: r,
          label: ROLE_LABELS[r][lang],
        }))}
        values={list(props.values.roles)}
        error={props.errors.fields.roles}
      />
      <SelectField
        {...field('unit')}
        label={t(lang, 'unit')}
        hint={t(lang, 'unitHint')}
        options={unitOptions(props.units)}
        empty={t(lang, 'none')}
      />
      <ActiveField values={props.values} errors={props.errors} />
    </RecordForm>
  );
}
