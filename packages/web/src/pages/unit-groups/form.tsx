import { ErrorSummary } from '../../components/feedback';
import { FormActions, Hidden, TextArea, TextField } from '../../components/fields';
import { BASE, useView } from '../../context';
import { type FormErrors, type FormValues, str } from '../../forms';
import { t } from '../../i18n';

/** A unit group's form: create (with its code and an idempotency key) or edit (with its version). */
export function GroupForm(props: {
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
            label={t(lang, 'code')}
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
      <TextArea
        name="description"
        label={t(lang, 'description')}
        value={str(val.description)}
        error={e.fields.description}
        maxlength={500}
      />
      <TextField
        name="sortOrder"
        label={t(lang, 'sortOrder')}
        hint={t(lang, 'sortOrderHint')}
        type="number"
        inputmode="numeric"
        value={str(val.sortOrder)}
        error={e.fields.sortOrder}
      />
      <FormActions label={t(lang, props.mode === 'new' ? 'create' : 'save')} back={`${BASE}/unit-groups`} />
    </form>
  );
}
