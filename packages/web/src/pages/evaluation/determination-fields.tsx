import {
  type DeterminationView,
  FINANCE_CALCULATORS,
  INPUT_KIND_LABELS,
  INPUT_ORIGIN_LABELS,
  isFinanceCalculatorName,
  LEAF_STATUS_LABELS,
  type LeafInput,
  MONEY_UNIT_LABELS,
  MONEY_UNITS,
  QUALITATIVE_GRADE_LABELS,
  QUALITATIVE_GRADES,
} from '@jixiao/core';
import { CheckboxField, FieldError, SelectField, TextField } from '../../components/fields';
import { useView } from '../../context';
import { type FormErrors, type FormValues, str } from '../../forms';
import { type Lang, num, t } from '../../i18n';
import { ruleName } from '../indicator-systems/labels';
import { argRows, itemsOf, type Rules, VALUE_RULES } from './determination-form';

/**
 * One leaf of the determinations form: what the office states for it by its rule (a grade A–D,
 * incidents per deduction item, a value, a formula's arguments as name/value rows), or 免考 with a
 * reason; and, read-only, a stored input in words.
 */

type Leaf = DeterminationView['leaves'][number];

const grade = (lang: Lang, g: (typeof QUALITATIVE_GRADES)[number]) =>
  `${g}（${QUALITATIVE_GRADE_LABELS[g][lang]}）`;

/** A stored input in words (`B（良）`, `迟报×2`, `免考：…`). */
export function inputText(lang: Lang, input: LeafInput | undefined): string {
  if (!input) return '—';
  switch (input.kind) {
    case 'grade':
      return grade(lang, input.grade);
    case 'value':
      return num(input.actual);
    case 'incidents':
      return Object.entries(input.counts)
        .map(([item, n]) => `${item}×${n}`)
        .join('、');
    case 'formula':
      return Object.entries(input.args)
        .map(([k, v]) => `${k} = ${Array.isArray(v) ? v.join(', ') : v}`)
        .join('；');
    case 'exempt':
      return `${LEAF_STATUS_LABELS.exempt[lang]}${t(lang, 'colon')}${input.reason}`;
    default:
      return INPUT_KIND_LABELS[input.kind][lang];
  }
}

function Formula(props: {
  leaf: Leaf;
  rules: Rules;
  values: FormValues;
  errors: FormErrors;
  stored: number;
}) {
  const { lang } = useView();
  const { leaf, values, errors } = props;
  const rule = props.rules.get(leaf.code);
  const calc =
    rule?.kind === 'formula' && isFinanceCalculatorName(rule.calculator)
      ? FINANCE_CALCULATORS[rule.calculator]
      : undefined;
  const v = (f: string) => str(values[`leaf.${leaf.code}.${f}`]);
  const rows = argRows(values, leaf.code, props.stored);
  return (
    <>
      {calc ? (
        <p class="hint" data-calculator={rule?.kind === 'formula' ? rule.calculator : ''}>
          {calc.label[lang]}
          {t(lang, 'colon')}
          {calc.help[lang]}
        </p>
      ) : null}
      <p class="hint">{t(lang, 'erArgsHint')}</p>
      <table class="rows">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'erArgName')}</th>
            <th scope="col">{t(lang, 'erArgValue')}</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            <tr>
              {(['name', 'value'] as const).map((f) => {
                const name = `leaf.${leaf.code}.arg.${i}.${f}`;
                return (
                  <td>
                    <input
                      type="text"
                      id={`f-${name}`}
                      name={name}
                      value={v(`arg.${i}.${f}`)}
                      aria-label={`${t(lang, f === 'name' ? 'erArgName' : 'erArgValue')} ${i + 1}`}
                      maxlength={f === 'name' ? 40 : 4000}
                      autocomplete="off"
                    />
                    <FieldError name={name} error={errors.fields[name]} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {calc?.money ? (
        <SelectField
          name={`leaf.${leaf.code}.moneyUnit`}
          label={t(lang, 'erMoneyUnit')}
          options={MONEY_UNITS.map((u) => ({ value: u, label: MONEY_UNIT_LABELS[u][lang] }))}
          value={v('moneyUnit')}
          empty={t(lang, 'erMoneyDefault')}
          error={errors.fields[`leaf.${leaf.code}.moneyUnit`]}
        />
      ) : null}
    </>
  );
}

/** A leaf's fieldset: its rule's input, then 免考 with its reason. */
export function LeafFields(props: {
  leaf: Leaf;
  rules: Rules;
  values: FormValues;
  errors: FormErrors;
  stored: LeafInput | undefined;
}) {
  const { lang } = useView();
  const { leaf, values, errors } = props;
  const base = `leaf.${leaf.code}`;
  const v = (f: string) => str(values[`${base}.${f}`]);
  const e = (f: string) => errors.fields[`${base}.${f}`];
  return (
    <section class="card">
      <fieldset class="field determination" id={`f-${base}`} data-leaf={leaf.code}>
        <legend>
          <span class="code">{leaf.code}</span> {leaf.name} · {ruleName(lang, leaf.rule)}
        </legend>
        <p class="hint">
          {t(lang, 'erWithout')}
          {t(lang, 'colon')}
          {INPUT_ORIGIN_LABELS[leaf.origin][lang]}
        </p>
        <FieldError name={base} error={errors.fields[base]} />
        {leaf.rule === 'qualitative_grade' ? (
          <SelectField
            name={`${base}.grade`}
            label={t(lang, 'erGradeAD')}
            options={QUALITATIVE_GRADES.map((g) => ({ value: g, label: grade(lang, g) }))}
            value={v('grade')}
            empty={t(lang, 'erNotDetermined')}
            error={e('grade')}
          />
        ) : null}
        {leaf.rule === 'deduction'
          ? itemsOf(leaf, props.rules, props.stored).map((item) => (
              <TextField
                name={`${base}.count.${item.code}`}
                label={t(lang, 'erIncidents', { item: item.label })}
                value={v(`count.${item.code}`)}
                error={e(`count.${item.code}`)}
                inputmode="numeric"
                maxlength={6}
              />
            ))
          : null}
        {leaf.rule === 'formula' ? (
          <Formula
            leaf={leaf}
            rules={props.rules}
            values={values}
            errors={errors}
            stored={props.stored?.kind === 'formula' ? Object.keys(props.stored.args).length : 0}
          />
        ) : null}
        {VALUE_RULES.has(leaf.rule) ? (
          <TextField
            name={`${base}.actual`}
            label={t(lang, 'erActual')}
            hint={t(lang, 'erActualHint')}
            value={v('actual')}
            error={e('actual')}
            maxlength={30}
          />
        ) : null}
        <CheckboxField
          name={`${base}.exempt`}
          label={LEAF_STATUS_LABELS.exempt[lang]}
          checked={v('exempt') === 'true'}
        />
        <TextField
          name={`${base}.exemptReason`}
          label={t(lang, 'erExemptReason')}
          value={v('exemptReason')}
          error={e('exemptReason')}
          maxlength={200}
        />
      </fieldset>
    </section>
  );
}
