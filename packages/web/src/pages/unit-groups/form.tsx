import { TextArea, TextField } from '../../components/fields';
import { bindFields, RecordForm, type RecordFormProps } from '../../components/record-form';
import { BASE, useView } from '../../context';
import { t } from '../../i18n';

/** A unit group's form: create (with its code and an idempotency key) or edit (with its version). */
export function GroupForm(props: RecordFormProps) {
  const { lang } = useView();
  const field = bindFields(props.values, props.errors);
  return (
    <RecordForm {...props} back={`${BASE}/unit-groups`}>
      {props.mode === 'new' ? (
        <TextField {...field('code')} label={t(lang, 'code')} required maxlength={32} />
      ) : null}
      <TextField {...field('name')} label={t(lang, 'name')} required maxlength={100} />
      <TextArea {...field('description')} label={t(lang, 'description')} maxlength={500} />
      <TextField
        {...field('sortOrder')}
        label={t(lang, 'sortOrder')}
        hint={t(lang, 'sortOrderHint')}
        type="number"
        inputmode="numeric"
      />
    </RecordForm>
  );
}
