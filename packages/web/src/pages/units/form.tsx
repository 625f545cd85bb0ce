import { UNIT_TYPE_LABELS, UNIT_TYPES, type UnitGroup } from '@jixiao/core';
import { type Option, SelectField, TextField } from '../../components/fields';
import { ActiveField, bindFields, RecordForm, type RecordFormProps } from '../../components/record-form';
import { BASE, useView } from '../../context';
import { t } from '../../i18n';

/** The tenant's groups as options, in their sort order. */
export const groupOptions = (groups: readonly UnitGroup[]): Option[] =>
  [...groups]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
    .map((g) => ({ value: g.code, label: g.name }));

/** A unit's form: create (with its code and an idempotency key) or edit (with its version). */
export function UnitForm(props: RecordFormProps & { groups: readonly UnitGroup[] }) {
  const { lang } = useView();
  const field = bindFields(props.values, props.errors);
  return (
    <RecordForm {...props} back={`${BASE}/units`}>
      {props.mode === 'new' ? (
        <TextField {...field('code')} label={t(lang, 'unitCode')} required maxlength={32} />
      ) : null}
      <TextField {...field('name')} label={t(lang, 'name')} required maxlength={100} />
      <TextField {...field('shortName')} label={t(lang, 'shortName')} maxlength={20} />
      <SelectField
        {...field('type')}
        label={t(lang, 'unitType')}
        options={UNIT_TYPES.map((x) => ({ value: x, label: UNIT_TYPE_LABELS[x][lang] }))}
        required
        empty={t(lang, 'chooseOne')}
      />
      <SelectField
        {...field('group')}
        label={t(lang, 'group')}
        options={groupOptions(props.groups)}
        required
        empty={t(lang, 'chooseOne')}
      />
      <TextField {...field('uscc')} label={t(lang, 'uscc')} hint={t(lang, 'usccHint')} maxlength={18} />
      <TextField
        {...field('divisionCode')}
        label={t(lang, 'divisionCode')}
        hint={t(lang, 'divisionCodeHint')}
        inputmode="numeric"
        maxlength={6}
      />
      <ActiveField values={props.values} errors={props.errors} />
    </RecordForm>
  );
}
