import { DIRECTION_LABELS, DIRECTIONS } from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { FormActions, Hidden, SelectField, TextArea, TextField } from '../../components/fields';
import { bindFields } from '../../components/record-form';
import { useView } from '../../context';
import type { FormErrors, FormValues } from '../../forms';
import { str } from '../../forms';
import { t } from '../../i18n';
import { STANDARDS_HREF } from '../comparisons/paths';

/**
 * A standard indicator's form (the fields of `StandardIndicatorPut`): a new one names its code,
 * an existing one carries the version read. Posts to the console, which PUTs it to the API.
 */
export function StandardForm(props: {
  mode: 'new' | 'edit';
  action: string;
  values: FormValues;
  errors: FormErrors;
  reloadHref?: string;
}) {
  const { lang } = useView();
  const field = bindFields(props.values, props.errors);
  return (
    <form method="post" action={props.action} class="stacked card" id="standard-form" novalidate>
      <ErrorSummary errors={props.errors} reloadHref={props.reloadHref} />
      {props.mode === 'new' ? (
        <TextField {...field('code')} label={t(lang, 'sdCode')} required maxlength={32} />
      ) : (
        <Hidden name="version" value={str(props.values.version)} />
      )}
      <TextField {...field('name')} label={t(lang, 'sdName')} required maxlength={100} />
      <TextField {...field('dimension')} label={t(lang, 'sdDimension')} required maxlength={50} />
      <TextArea {...field('definition')} label={t(lang, 'sdDefinition')} maxlength={2000} />
      <TextField {...field('unit')} label={t(lang, 'sdUnit')} required maxlength={20} />
      <SelectField
        {...field('direction')}
        label={t(lang, 'sdDirection')}
        options={DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d][lang] }))}
      />
      <TextArea {...field('formula')} label={t(lang, 'sdFormula')} maxlength={2000} />
      <TextField
        {...field('weight')}
        label={t(lang, 'sdWeight')}
        hint={t(lang, 'sdWeightHint')}
        type="number"
        inputmode="numeric"
      />
      <TextField
        {...field('source')}
        label={t(lang, 'sdSource')}
        hint={t(lang, 'sdSourceHint')}
        maxlength={200}
      />
      <FormActions label={t(lang, props.mode === 'new' ? 'create' : 'save')} back={STANDARDS_HREF} />
    </form>
  );
}
