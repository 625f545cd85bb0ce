import { mayCall } from '@jixiao/api';
import { CONTRACTS } from '@jixiao/api/contracts';
import type { Unit, User } from '@jixiao/core';
import { CheckboxGroup, SelectField, TextField } from '../../components/fields';
import { ActiveField, bindFields, RecordForm, type RecordFormProps } from '../../components/record-form';
import { BASE, type Ctx, useView } from '../../context';
import { type FormValues, list, str } from '../../forms';
import { t } from '../../i18n';

/** The expert form (专家库): who they are, their own unit, declared conflicts and sign-in account. */

export const POOL = `${BASE}/experts`;

/** Specialties as an office types them: separated by commas (either width), 、 or ；. */
export const splitWords = (s: string): string[] =>
  s
    .split(/[,，、;；]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The submitted form with the specialties split into a list (the body's array). */
export const withSpecialties = (form: FormValues): FormValues => ({
  ...form,
  specialties: splitWords(str(form.specialties)),
  conflicts: list(form.conflicts),
});

/** What the form offers: the tenant's units, and its accounts with the expert role. */
export async function poolChoices(c: Ctx): Promise<{ units: Unit[]; accounts: User[] }> {
  const api = c.get('api');
  const tenant = c.get('me')?.identity.tenant;
  const [units, users] = await Promise.all([
    api.all(CONTRACTS.units.list, {}),
    api.all(CONTRACTS.users.list, {}),
  ]);
  return {
    units: units.ok ? units.data.items : [],
    // Accounts that may score as an expert, by the API's own policy (no role named here).
    accounts: users.ok
      ? users.data.items.filter((u) =>
          mayCall(
            { sub: u.id, name: u.name, roles: u.roles, ...(tenant ? { tenant } : {}) },
            CONTRACTS.experts.score,
          ),
        )
      : [],
  };
}

export function ExpertForm(props: RecordFormProps & { units: readonly Unit[]; accounts: readonly User[] }) {
  const { lang } = useView();
  const field = bindFields(props.values, props.errors);
  const units = props.units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }));
  const specialties = Array.isArray(props.values.specialties)
    ? props.values.specialties.join('、')
    : str(props.values.specialties);
  return (
    <RecordForm {...props} back={POOL}>
      <TextField {...field('name')} label={t(lang, 'exName')} required maxlength={60} />
      <TextField {...field('title')} label={t(lang, 'exJobTitle')} maxlength={60} />
      <TextField {...field('organisation')} label={t(lang, 'exOrganisation')} maxlength={100} />
      <TextField
        {...field('specialties')}
        value={specialties}
        label={t(lang, 'exSpecialties')}
        hint={t(lang, 'exSpecialtiesHint')}
        maxlength={400}
      />
      <SelectField
        {...field('userId')}
        label={t(lang, 'exAccount')}
        hint={t(lang, 'exAccountHint')}
        options={props.accounts.map((u) => ({ value: u.id, label: `${u.name}（${u.id}）` }))}
        empty={t(lang, 'none')}
      />
      <SelectField
        {...field('unit')}
        label={t(lang, 'exOwnUnit')}
        hint={t(lang, 'exOwnUnitHint')}
        options={units}
        empty={t(lang, 'none')}
      />
      <CheckboxGroup
        name="conflicts"
        legend={t(lang, 'exConflicts')}
        hint={t(lang, 'exConflictsHint')}
        options={units}
        values={list(props.values.conflicts)}
        error={props.errors.fields.conflicts}
      />
      <ActiveField values={props.values} errors={props.errors} />
    </RecordForm>
  );
}
