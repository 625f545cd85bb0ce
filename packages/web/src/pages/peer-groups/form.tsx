import {
  COMPARISON_GRADE_LABELS,
  STANDARDISATION_METHOD_LABELS,
  STANDARDISATION_METHODS,
  type StandardIndicator,
} from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { FieldError, FormActions, Hidden, SelectField, TextArea, TextField } from '../../components/fields';
import { bindFields } from '../../components/record-form';
import { WeightInput } from '../../components/weight-input';
import { useView } from '../../context';
import { type FormErrors, type FormValues, list, str } from '../../forms';
import { t } from '../../i18n';
import { fixed2 } from '../comparisons/format';
import { groupsHref } from '../comparisons/paths';
import type { MemberBlock } from './members';

/**
 * A peer group's form (the fields of `PeerGroupPut`): name and description, members chosen from
 * the divisions under the office (a block per city), a weight per standard indicator (empty: not
 * used), the method and the grade quotas.
 */

export const weightName = (code: string) => `weights.${code}`;

function Members(props: { blocks: readonly MemberBlock[]; values: FormValues; errors: FormErrors }) {
  const { lang } = useView();
  const chosen = new Set(list(props.values.members));
  const error = props.errors.fields.members;
  return (
    <fieldset
      class="field"
      id="f-members"
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={['f-members-hint', error ? 'f-members-error' : ''].filter(Boolean).join(' ')}
    >
      <legend>{t(lang, 'pgMembers')}</legend>
      <span class="hint" id="f-members-hint">
        {t(lang, 'pgMembersHint')}
      </span>
      {props.blocks.length === 0 ? <p class="muted">{t(lang, 'pgMembersNone')}</p> : null}
      {props.blocks.map((b) => (
        <fieldset class="plain member-block" id={`members-${b.code}`}>
          <legend>{b.name}</legend>
          <div class="checks">
            {b.options.map((o) => (
              <label class="check">
                <input type="checkbox" name="members" value={o.code} checked={chosen.has(o.code)} />
                {o.name}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <FieldError name="members" error={error} />
    </fieldset>
  );
}

function Weights(props: { library: readonly StandardIndicator[]; values: FormValues; errors: FormErrors }) {
  const { lang } = useView();
  const error = props.errors.fields.weights;
  return (
    <div class="field" id="f-weights">
      <div class="scroll">
        <table id="weights-table">
          <caption>{t(lang, 'pgWeights')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'sdCode')}</th>
              <th scope="col">{t(lang, 'sdName')}</th>
              <th scope="col">{t(lang, 'sdUnit')}</th>
              <th scope="col" class="num">
                {t(lang, 'pgLibraryWeight')}
              </th>
              <th scope="col">{t(lang, 'pgGroupWeight')}</th>
            </tr>
          </thead>
          <tbody>
            {props.library.map((s) => {
              const name = weightName(s.code);
              const e = props.errors.fields[name];
              return (
                <tr data-standard={s.code}>
                  <td class="code">{s.code}</td>
                  <th scope="row">{s.name}</th>
                  <td>{s.unit}</td>
                  <td class="num">{fixed2(s.weight)}</td>
                  <td>
                    <WeightInput
                      name={name}
                      values={props.values}
                      error={e}
                      label={`${s.name} ${t(lang, 'pgGroupWeight')}`}
                      hint="f-weights-hint"
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <span class="hint" id="f-weights-hint">
        {t(lang, 'pgWeightsHint')}
      </span>
      <FieldError name="weights" error={error} />
    </div>
  );
}

export function GroupForm(props: {
  mode: 'new' | 'edit';
  action: string;
  values: FormValues;
  errors: FormErrors;
  blocks: readonly MemberBlock[];
  library: readonly StandardIndicator[];
  reloadHref?: string;
}) {
  const { lang } = useView();
  const field = bindFields(props.values, props.errors);
  return (
    <form method="post" action={props.action} class="stacked card" id="group-form" novalidate>
      <ErrorSummary errors={props.errors} reloadHref={props.reloadHref} />
      {props.mode === 'new' ? (
        <TextField {...field('code')} label={t(lang, 'pgCode')} required maxlength={32} />
      ) : (
        <Hidden name="version" value={str(props.values.version)} />
      )}
      <TextField {...field('name')} label={t(lang, 'pgName')} required maxlength={100} />
      <TextArea {...field('description')} label={t(lang, 'pgDescription')} maxlength={1000} />
      <Members blocks={props.blocks} values={props.values} errors={props.errors} />
      <Weights library={props.library} values={props.values} errors={props.errors} />
      <SelectField
        {...field('method')}
        label={t(lang, 'pgMethod')}
        options={STANDARDISATION_METHODS.map((m) => ({
          value: m,
          label: STANDARDISATION_METHOD_LABELS[m][lang],
        }))}
      />
      <fieldset class="field" id="f-grades">
        <legend>{t(lang, 'pgGrades')}</legend>
        <span class="hint">{t(lang, 'pgGradesHint')}</span>
        <div class="sides">
          {(['excellent', 'good', 'fair'] as const).map((g) => (
            <TextField
              {...field(`grades.${g}`)}
              label={COMPARISON_GRADE_LABELS[g][lang]}
              type="number"
              inputmode="numeric"
            />
          ))}
        </div>
        <FieldError name="grades" error={props.errors.fields.grades} />
      </fieldset>
      <FormActions label={t(lang, props.mode === 'new' ? 'create' : 'save')} back={groupsHref} />
    </form>
  );
}
