import { ACTIVE_STATE_LABELS, UNIT_TYPE_LABELS, UNIT_TYPES, type UnitGroup } from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import {
  CheckboxField,
  FormActions,
  Hidden,
  type Option,
  SelectField,
  TextField,
} from '../../components/fields';
import { BASE, useView } from '../../context';
import { type FormErrors, type FormValues, str } from '../../forms';
import { t } from '../../i18n';

/** The tenant's groups as options, in their sort order. */
export const groupOptions = (groups: readonly UnitGroup[]): Option[] =>
  [...groups]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
    .map((g) => ({ value: g.code, label: g.name }));

/** A unit's form: create (with its code and an idempotency key) or edit (with its version). */
export function UnitForm(props: {
  mode: 'new' | 'edit';
  action: string;
  values: FormValues;
  errors: FormErrors;
  groups: readonly UnitGroup[];
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
            label={t(lang, 'unitCode')}
            value={str(val.code)}
            error={e.fields.code}
            required
            maxlength={32}
          />
        </>
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
        name="shortName"
        label={t(lang, 'shortName')}
        value={str(val.shortName)}
        error={e.fields.shortName}
        maxlength={20}
      />
      <SelectField
        name="type"
        label={t(lang, 'unitType')}
        options={UNIT_TYPES.map((x) => ({ value: x, label: UNIT_TYPE_LABELS[x][lang] }))}
        value={str(val.type)}
        error={e.fields.type}
        required
        empty={t(lang, 'chooseOne')}
      />
      <SelectField
        name="group"
        label={t(lang, 'group')}
        options={groupOptions(props.groups)}
        value={str(val.group)}
        error={e.fields.group}
        required
        empty={t(lang, 'chooseOne')}
      />
      <TextField
        name="uscc"
        label={t(lang, 'uscc')}
        hint={t(lang, 'usccHint')}
        value={str(val.uscc)}
        error={e.fields.uscc}
        maxlength={18}
      />
      <TextField
        name="divisionCode"
        label={t(lang, 'divisionCode')}
        hint={t(lang, 'divisionCodeHint')}
        value={str(val.divisionCode)}
        error={e.fields.divisionCode}
        inputmode="numeric"
        maxlength={6}
      />
      <CheckboxField
        name="active"
        label={ACTIVE_STATE_LABELS.active[lang]}
        checked={str(val.active) === 'true'}
        error={e.fields.active}
      />
      <FormActions label={t(lang, props.mode === 'new' ? 'create' : 'save')} back={`${BASE}/units`} />
    </form>
  );
}
