import { ACTIVE_STATE_LABELS, grantableRoles, ROLE_LABELS, type Unit } from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import {
  CheckboxField,
  CheckboxGroup,
  FormActions,
  Hidden,
  type Option,
  SelectField,
  TextField,
} from '../../components/fields';
import { BASE, useView } from '../../context';
import { type FormErrors, type FormValues, list, str } from '../../forms';
import { t } from '../../i18n';

/** The tenant's units as options (`name（code）`). */
export const unitOptions = (units: readonly Unit[]): Option[] =>
  units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }));

/** A user's form: create (with an idempotency key) or edit (with its version). */
export function UserForm(props: {
  mode: 'new' | 'edit';
  action: string;
  values: FormValues;
  errors: FormErrors;
  units: readonly Unit[];
  reloadHref?: string;
}) {
  const { lang, me } = useView();
  const { values: val, errors: e } = props;
  return (
    <form method="post" action={props.action} class="stacked card" novalidate>
      <ErrorSummary errors={e} reloadHref={props.reloadHref} />
      {props.mode === 'new' ? (
        <Hidden name="_idem" value={str(val._idem)} />
      ) : (
        <Hidden name="version" value={str(val.version)} />
      )}
      <TextField
        name="name"
        label={t(lang, 'name')}
        value={str(val.name)}
        error={e.fields.name}
        required
        maxlength={100}
      />
      <TextField
        name="email"
        label={t(lang, 'email')}
        type="email"
        value={str(val.email)}
        error={e.fields.email}
        maxlength={200}
        autocomplete="off"
      />
      <TextField
        name="phone"
        label={t(lang, 'phone')}
        type="tel"
        inputmode="numeric"
        value={str(val.phone)}
        error={e.fields.phone}
        maxlength={11}
      />
      <CheckboxGroup
        name="roles"
        legend={t(lang, 'roles')}
        options={grantableRoles(me?.tenant?.level ?? 'city').map((r) => ({
          value: r,
          label: ROLE_LABELS[r][lang],
        }))}
        values={list(val.roles)}
        error={e.fields.roles}
      />
      <SelectField
        name="unit"
        label={t(lang, 'unit')}
        hint={t(lang, 'unitHint')}
        options={unitOptions(props.units)}
        value={str(val.unit)}
        error={e.fields.unit}
        empty={t(lang, 'none')}
      />
      <CheckboxField
        name="active"
        label={ACTIVE_STATE_LABELS.active[lang]}
        checked={str(val.active) === 'true'}
        error={e.fields.active}
      />
      <FormActions label={t(lang, props.mode === 'new' ? 'create' : 'save')} back={`${BASE}/users`} />
    </form>
  );
}
