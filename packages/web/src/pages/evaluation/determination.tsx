import { type DeterminationView, VETO_EFFECT_LABELS } from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { CheckboxField, FieldError, Hidden, TextArea, TextField } from '../../components/fields';
import { useView } from '../../context';
import { type FormErrors, type FormValues, str } from '../../forms';
import { formatDateTime, num, t } from '../../i18n';
import { ruleName } from '../indicator-systems/labels';
import { inputText, LeafFields } from './determination-fields';
import type { Rules } from './determination-form';
import { EvalHeading } from './parts';
import { determinationHref, determinationsHref } from './paths';

/**
 * The office's year-end determinations of one unit (`/console/cycles/:id/determinations/:unit`):
 * inputs only the office gives (a qualitative grade, incidents against a deduction rule, a
 * formula's arguments), a value in place of the unit's, 免考 with a reason, bonus points per bonus
 * item, veto items with a note, and a note. The leaves the office must determine come first; the
 * others (to override or exempt) are folded. Read-only for observers and outside the states where
 * determinations may change.
 */

/** Leaves whose input only the office gives: the batch has nothing else for them. */
const OFFICE_RULES = new Set(['qualitative_grade', 'deduction', 'formula']);

function ReadOnly(props: { view: DeterminationView }) {
  const { lang } = useView();
  const { view } = props;
  const d = view.determination;
  return (
    <section class="card" id="determination-read">
      {view.leaves.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'erIndicator')}</th>
              <th scope="col">{t(lang, 'erRule')}</th>
              <th scope="col">{t(lang, 'erDetermined')}</th>
            </tr>
          </thead>
          <tbody>
            {view.leaves.map((l) => (
              <tr data-leaf={l.code}>
                <td>
                  <span class="code">{l.code}</span> {l.name}
                </td>
                <td>{ruleName(lang, l.rule)}</td>
                <td>{inputText(lang, d?.leaves[l.code])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <dl class="facts">
        <dt>{t(lang, 'erBonus')}</dt>
        <dd>
          {Object.entries(d?.bonus ?? {})
            .map(([k, p]) => `${k} +${num(p)}`)
            .join('、') || '—'}
        </dd>
        <dt>{t(lang, 'erVetoes')}</dt>
        <dd>
          {Object.entries(d?.vetoes ?? {})
            .map(([k, n]) => (n ? `${k}（${n}）` : k))
            .join('、') || '—'}
        </dd>
        <dt>{t(lang, 'erNote')}</dt>
        <dd class="note">{d?.note || '—'}</dd>
      </dl>
    </section>
  );
}

function Beside(props: { view: DeterminationView; values: FormValues; errors: FormErrors }) {
  const { lang } = useView();
  const { view, values, errors } = props;
  const v = (name: string) => str(values[name]);
  return (
    <>
      {view.bonusItems.length ? (
        <section class="card">
          <fieldset class="field" id="f-bonus">
            <legend>{t(lang, 'erBonusItems')}</legend>
            <FieldError name="bonus" error={errors.fields.bonus} />
            {view.bonusItems.map((b) => (
              <TextField
                name={`bonus.${b.code}`}
                label={t(lang, 'erBonusItem', { code: b.code, name: b.name, max: num(b.maxPoints) })}
                value={v(`bonus.${b.code}`)}
                error={errors.fields[`bonus.${b.code}`]}
                maxlength={12}
              />
            ))}
          </fieldset>
        </section>
      ) : null}
      {view.vetoItems.length ? (
        <section class="card">
          <fieldset class="field" id="f-vetoes">
            <legend>{t(lang, 'erVetoItems')}</legend>
            <FieldError name="vetoes" error={errors.fields.vetoes} />
            {view.vetoItems.map((x) => (
              <>
                <CheckboxField
                  name={`veto.${x.code}`}
                  label={`${x.code} ${x.name}（${VETO_EFFECT_LABELS[x.effect][lang]}）`}
                  checked={v(`veto.${x.code}`) === 'true'}
                />
                <TextField
                  name={`veto.${x.code}.note`}
                  label={t(lang, 'erVetoNote', { code: x.code })}
                  value={v(`veto.${x.code}.note`)}
                  error={errors.fields[`veto.${x.code}.note`]}
                  maxlength={500}
                />
              </>
            ))}
          </fieldset>
        </section>
      ) : null}
    </>
  );
}

export function DeterminationPage(props: {
  view: DeterminationView;
  rules: Rules;
  values: FormValues;
  errors: FormErrors;
}) {
  const { lang } = useView();
  const { view, values, errors, rules } = props;
  const d = view.determination;
  const stored = d?.leaves ?? {};
  const office = view.leaves.filter((l) => OFFICE_RULES.has(l.rule));
  const others = view.leaves.filter((l) => !OFFICE_RULES.has(l.rule));
  const typedOther = others.some((l) =>
    Object.keys(errors.fields).some((f) => f.startsWith(`leaf.${l.code}`)),
  );
  const fields = (l: DeterminationView['leaves'][number]) => (
    <LeafFields leaf={l} rules={rules} values={values} errors={errors} stored={stored[l.code]} />
  );
  return (
    <>
      <EvalHeading
        cycle={view.cycle}
        title={`${t(lang, 'erDetermination')} · ${view.unit.name}`}
        back={{ href: determinationsHref(view.cycle.id), label: t(lang, 'erDeterminations') }}
      />
      <p class="hint">{t(lang, 'erDeterminationIntro')}</p>
      <p class="muted" id="determination-state">
        {d
          ? t(lang, 'erDeterminedAt', { n: d.version, at: formatDateTime(d.updatedAt, lang) })
          : t(lang, 'erNoDetermination')}
      </p>
      {!view.editable ? (
        <>
          <p class="notice" id="determination-locked">
            {t(lang, 'erDeterminationReadOnly')}
          </p>
          <ReadOnly view={view} />
        </>
      ) : (
        <form
          method="post"
          action={determinationHref(view.cycle.id, view.unit.code)}
          class="stacked"
          id="determination-form"
          novalidate
        >
          <ErrorSummary errors={errors} reloadHref={determinationHref(view.cycle.id, view.unit.code)} />
          {str(values.version) ? <Hidden name="version" value={str(values.version)} /> : null}
          <FieldError name="leaves" error={errors.fields.leaves} />
          <h2>{t(lang, 'erOfficeLeaves')}</h2>
          {office.length ? office.map(fields) : <p class="muted">{t(lang, 'erNoOfficeLeaves')}</p>}
          {others.length ? (
            <details open={typedOther} id="determination-others" class="card">
              <summary>{t(lang, 'erOtherLeaves', { n: others.length })}</summary>
              {others.map(fields)}
            </details>
          ) : null}
          <Beside view={view} values={values} errors={errors} />
          <TextArea
            name="note"
            label={t(lang, 'erNote')}
            value={str(values.note)}
            error={errors.fields.note}
            maxlength={2000}
          />
          <p>
            <button class="primary" type="submit">
              {t(lang, 'save')}
            </button>
          </p>
        </form>
      )}
    </>
  );
}
