import {
  APPEAL_DECISIONS,
  APPEAL_STATUS_LABELS,
  type AppealableLeaf,
  type AppealView,
  INPUT_KIND_LABELS,
  QUALITATIVE_GRADE_LABELS,
  QUALITATIVE_GRADES,
} from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { Hidden, SelectField, TextArea, TextField } from '../../components/fields';
import { useView } from '../../context';
import { type FormErrors, type FormValues, str } from '../../forms';
import { t } from '../../i18n';
import { correctionsFor } from './decision-form';
import { appealHref } from './paths';

/**
 * The office's decision form: accepted or rejected with the reasons, and for an indicator the
 * correction its leaf takes (a value, a grade, incident counts per item, or an exemption).
 */
export function DecideForm(props: {
  view: AppealView;
  leaf: AppealableLeaf | undefined;
  values: FormValues;
  errors: FormErrors;
}) {
  const { lang } = useView();
  const { view: a, leaf, values, errors } = props;
  const e = errors.fields;
  const kinds = correctionsFor(leaf);
  const v = (name: string) => str(values[name]);
  return (
    <section class="card" aria-labelledby="h-appeal-decide" id="appeal-decide">
      <h2 id="h-appeal-decide">{t(lang, 'ocDecide')}</h2>
      <form
        method="post"
        action={`${appealHref(a.cycle, a.unit, a.id)}/decision`}
        id="appeal-decide-form"
        novalidate
      >
        <ErrorSummary errors={errors} reloadHref={appealHref(a.cycle, a.unit, a.id)} />
        <Hidden name="version" value={a.version} />
        <SelectField
          name="status"
          label={t(lang, 'ocDecideStatus')}
          options={APPEAL_DECISIONS.map((s) => ({ value: s, label: APPEAL_STATUS_LABELS[s][lang] }))}
          value={v('status') || 'accepted'}
          error={e.status}
        />
        <TextArea
          name="reason"
          label={t(lang, 'ocDecisionReason')}
          value={v('reason')}
          maxlength={4000}
          error={e.reason}
        />
        {kinds.length > 0 ? (
          <fieldset class="field" id="appeal-correction">
            <legend>{t(lang, 'ocCorrection')}</legend>
            <p class="hint">{t(lang, 'ocCorrectionHint')}</p>
            <SelectField
              name="correction"
              label={t(lang, 'ocCorrectionKind')}
              options={[
                { value: '', label: t(lang, 'ocCorrectNone') },
                ...kinds.map((k) => ({ value: k, label: INPUT_KIND_LABELS[k][lang] })),
              ]}
              value={v('correction')}
              error={e.correction}
            />
            {kinds.includes('value') ? (
              <TextField
                name="correction.value"
                label={t(lang, 'ocCorrectValue')}
                inputmode="text"
                value={v('correction.value')}
                error={e['correction.value']}
              />
            ) : null}
            {kinds.includes('grade') ? (
              <SelectField
                name="correction.grade"
                label={t(lang, 'ocCorrectGrade')}
                empty=""
                options={QUALITATIVE_GRADES.map((g) => ({
                  value: g,
                  label: `${g} ${QUALITATIVE_GRADE_LABELS[g][lang]}`,
                }))}
                value={v('correction.grade')}
                error={e['correction.grade']}
              />
            ) : null}
            {kinds.includes('incidents')
              ? (leaf?.items ?? []).map((i) => (
                  <TextField
                    name={`count.${i.code}`}
                    label={t(lang, 'ocIncidentCount', { label: `${i.code} ${i.label}` })}
                    inputmode="numeric"
                    value={v(`count.${i.code}`)}
                    error={e[`count.${i.code}`]}
                  />
                ))
              : null}
            {kinds.includes('exempt') ? (
              <TextField
                name="correction.reason"
                label={t(lang, 'ocExemptReason')}
                value={v('correction.reason')}
                maxlength={200}
                error={e['correction.reason']}
              />
            ) : null}
          </fieldset>
        ) : null}
        <button class="primary" type="submit">
          {t(lang, 'ocSubmitDecision')}
        </button>
      </form>
    </section>
  );
}
