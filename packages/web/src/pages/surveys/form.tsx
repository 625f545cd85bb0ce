import { LIKERT_LEVELS, labelOf, SURVEY_QUESTION_KIND_LABELS, SURVEY_QUESTION_KINDS } from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import {
  CheckboxField,
  CheckboxGroup,
  FormActions,
  Hidden,
  TextArea,
  TextField,
} from '../../components/fields';
import { useView } from '../../context';
import { type FormErrors, type FormValues, list, str } from '../../forms';
import { t } from '../../i18n';
import { GROUP_ROWS, QUESTION_ROWS, type SatisfactionLeaf } from './form-values';

export type { SatisfactionLeaf } from './form-values';

/**
 * The questionnaire's form: title and introduction, the rated units, respondent groups (key,
 * label, weight, whether the open link offers it) and questions (code, kind, the satisfaction leaf
 * it feeds, text) as rows named like the API's fields (`groups.0.weight`), so the API's field
 * issues land under the right input. Empty rows are left out.
 */

const Cell = (props: {
  name: string;
  label: string;
  value: string;
  error?: string;
  size?: number;
  inputmode?: 'decimal';
}) => (
  <td>
    <input
      type="text"
      name={props.name}
      id={`f-${props.name}`}
      aria-label={props.label}
      value={props.value}
      size={props.size}
      inputmode={props.inputmode}
      aria-invalid={props.error ? 'true' : undefined}
    />
    {props.error ? <p class="error">{props.error}</p> : null}
  </td>
);

export function SurveyForm(props: {
  action: string;
  back: string;
  values: FormValues;
  errors: FormErrors;
  units: { code: string; name: string }[];
  leaves: SatisfactionLeaf[];
  submit: string;
}) {
  const { lang } = useView();
  const { values: v, errors: e } = props;
  const val = (k: string) => str(v[k]);
  return (
    <form method="post" action={props.action} class="stacked card" id="survey-form" novalidate>
      <ErrorSummary errors={e} />
      {v.version ? <Hidden name="version" value={val('version')} /> : null}
      {v._idem ? <Hidden name="_idem" value={val('_idem')} /> : null}
      <TextField
        name="title"
        label={t(lang, 'svFormTitle')}
        value={val('title')}
        error={e.fields.title}
        maxlength={100}
      />
      <TextArea
        name="intro"
        label={t(lang, 'svIntro')}
        value={val('intro')}
        error={e.fields.intro}
        maxlength={2000}
      />
      <CheckboxGroup
        name="units"
        legend={t(lang, 'svUnits')}
        options={props.units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
        values={list(v.units)}
        error={e.fields.units}
      />
      <h3>{t(lang, 'svGroups')}</h3>
      <p class="hint">{t(lang, 'svGroupsHint')}</p>
      {e.fields.groups ? <p class="error">{e.fields.groups}</p> : null}
      <table class="rows" id="survey-groups">
        <thead>
          <tr>
            <th>{t(lang, 'svGroupKey')}</th>
            <th>{t(lang, 'svGroupLabel')}</th>
            <th>{t(lang, 'svGroupWeight')}</th>
            <th>{t(lang, 'svGroupOpen')}</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: GROUP_ROWS }, (_, i) => {
            const n = (f: string) => `groups.${i}.${f}`;
            return (
              <tr>
                <Cell
                  name={n('key')}
                  label={t(lang, 'svGroupKey')}
                  value={val(n('key'))}
                  error={e.fields[n('key')]}
                  size={10}
                />
                <Cell
                  name={n('label')}
                  label={t(lang, 'svGroupLabel')}
                  value={val(n('label'))}
                  error={e.fields[n('label')]}
                />
                <Cell
                  name={n('weight')}
                  label={t(lang, 'svGroupWeight')}
                  value={val(n('weight'))}
                  error={e.fields[n('weight')]}
                  size={5}
                  inputmode="decimal"
                />
                <td>
                  <input
                    type="checkbox"
                    name={n('openLink')}
                    value="true"
                    aria-label={t(lang, 'svGroupOpen')}
                    checked={val(n('openLink')) === 'true'}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{t(lang, 'svQuestions')}</h3>
      <p class="hint">
        {t(lang, 'svQuestionsHint', {
          levels: LIKERT_LEVELS.map((l) => labelOf('likert', l, lang)).join(' / '),
        })}
      </p>
      {e.fields.questions ? <p class="error">{e.fields.questions}</p> : null}
      <table class="rows" id="survey-questions">
        <thead>
          <tr>
            <th>{t(lang, 'svQuestionCode')}</th>
            <th>{t(lang, 'svQuestionKind')}</th>
            <th>{t(lang, 'svQuestionLeaf')}</th>
            <th>{t(lang, 'svQuestionText')}</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: QUESTION_ROWS }, (_, i) => {
            const n = (f: string) => `questions.${i}.${f}`;
            return (
              <tr>
                <Cell
                  name={n('code')}
                  label={t(lang, 'svQuestionCode')}
                  value={val(n('code'))}
                  error={e.fields[n('code')]}
                  size={6}
                />
                <td>
                  <select name={n('kind')} aria-label={t(lang, 'svQuestionKind')}>
                    {SURVEY_QUESTION_KINDS.map((k) => (
                      <option value={k} selected={(val(n('kind')) || 'likert') === k}>
                        {SURVEY_QUESTION_KIND_LABELS[k][lang]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    name={n('leaf')}
                    id={`f-${n('leaf')}`}
                    aria-label={t(lang, 'svQuestionLeaf')}
                    aria-invalid={e.fields[n('leaf')] ? 'true' : undefined}
                  >
                    <option value="">{t(lang, 'svNoLeaf')}</option>
                    {props.leaves.map((l) => (
                      <option value={l.code} selected={val(n('leaf')) === l.code}>
                        {l.code} {l.name}
                      </option>
                    ))}
                  </select>
                  {e.fields[n('leaf')] ? <p class="error">{e.fields[n('leaf')]}</p> : null}
                </td>
                <Cell
                  name={n('text')}
                  label={t(lang, 'svQuestionText')}
                  value={val(n('text'))}
                  error={e.fields[n('text')]}
                  size={40}
                />
              </tr>
            );
          })}
        </tbody>
      </table>
      <CheckboxField
        name="openLink.enabled"
        label={t(lang, 'svOpenLinkEnabled')}
        checked={val('openLink.enabled') === 'true'}
        error={e.fields['openLink.enabled']}
      />
      <TextField
        name="openLink.perNetworkPerHour"
        label={t(lang, 'svPerNetwork')}
        value={val('openLink.perNetworkPerHour')}
        error={e.fields['openLink.perNetworkPerHour']}
        inputmode="numeric"
      />
      <TextField
        name="fastSeconds"
        label={t(lang, 'svFastSeconds')}
        hint={t(lang, 'svFastSecondsHint')}
        value={val('fastSeconds')}
        error={e.fields.fastSeconds}
        inputmode="numeric"
      />
      <FormActions label={props.submit} back={props.back} />
    </form>
  );
}
