import { CYCLE_KINDS, labelOf, SPECIAL_SUBJECTS } from '@jixiao/core';
import { ErrorSummary } from '../../../components/feedback';
import {
  CheckboxGroup,
  FieldError,
  FormActions,
  Hidden,
  SelectField,
  TextArea,
  TextField,
} from '../../../components/fields';
import { bindFields } from '../../../components/record-form';
import { BASE, useView } from '../../../context';
import { type FormErrors, type FormValues, list, str } from '../../../forms';
import { t } from '../../../i18n';
import { CalendarFields } from './calendar-fields';
import { bindName, bindVersionName, PERIOD_ROWS, rowNumbers } from './cycle-form';
import { CYCLES } from './paths';

/** An approved indicator-system version the office may bind, and the unit groups to bind it to. */
export interface BindChoices {
  systems: { id: string; name: string; version: number }[];
  groups: { code: string; name: string }[];
}

/**
 * A new cycle's blank form: the year now, and a calendar an office can start from (plans by the
 * end of March, quarterly progress, year-end work in the next January to March).
 */
export function blankCycle(year: number): FormValues {
  const y = String(year);
  const n = String(year + 1);
  const periods = [
    ['Q1', '第一季度', `${y}-03-31`, `${y}-04-10`],
    ['H1', '上半年', `${y}-06-30`, `${y}-07-10`],
    ['Q3', '前三季度', `${y}-09-30`, `${y}-10-10`],
  ];
  const out: FormValues = {
    year: y,
    kind: 'annual',
    'calendar.planDeadline': `${y}-03-31`,
    'calendar.consultationDays': '7',
    'calendar.selfAssessment.opens': `${n}-01-05`,
    'calendar.selfAssessment.closes': `${n}-01-20`,
    'calendar.verification.opens': `${n}-01-21`,
    'calendar.verification.closes': `${n}-02-10`,
    'calendar.review.opens': `${n}-02-11`,
    'calendar.review.closes': `${n}-02-28`,
    'calendar.appeal.opens': `${n}-03-01`,
    'calendar.appeal.closes': `${n}-03-10`,
    'warningRule.greenAtLeast': '0.95',
    'warningRule.yellowAtLeast': '0.8',
  };
  periods.forEach(([code, name, ends, due], i) => {
    Object.assign(out, {
      [`calendar.progressPeriods.${i}.code`]: code,
      [`calendar.progressPeriods.${i}.name`]: name,
      [`calendar.progressPeriods.${i}.ends`]: ends,
      [`calendar.progressPeriods.${i}.due`]: due,
    });
  });
  return out;
}

function Bindings(props: { choices: BindChoices; values: FormValues; errors: FormErrors }) {
  const { lang } = useView();
  const { systems, groups } = props.choices;
  const options = groups.map((g) => ({ value: g.code, label: `${g.name}（${g.code}）` }));
  return (
    <fieldset class="field plain" id="f-bindings">
      <legend>{t(lang, 'cyBindings')}</legend>
      <p class="hint">{t(lang, 'cyBindingsHint')}</p>
      {systems.length === 0 ? (
        <p class="muted" data-hint="no-approved-system">
          {t(lang, 'cyNoApprovedSystem')} <a href={`${BASE}/indicator-systems`}>{t(lang, 'isTitle')}</a>
        </p>
      ) : null}
      {systems.map((s) => (
        <>
          <Hidden name={bindVersionName(s.id)} value={s.version} />
          <CheckboxGroup
            name={bindName(s.id)}
            legend={`${s.name}（${t(lang, 'versionN', { n: s.version })}）`}
            options={options}
            values={list(props.values[bindName(s.id)])}
            error={props.errors.fields[bindName(s.id)]}
          />
        </>
      ))}
      <FieldError name="bindings" error={props.errors.fields.bindings} />
    </fieldset>
  );
}

/** 开启考核周期: name, year, kind (and a special one's subject and scope), bindings, calendar, warning rule. */
export function CycleCreateForm(props: { values: FormValues; errors: FormErrors; choices: BindChoices }) {
  const { lang } = useView();
  const { values, errors } = props;
  const field = bindFields(values, errors);
  const periods = Math.max(PERIOD_ROWS, ...rowNumbers(values, 'calendar.progressPeriods').map((n) => n + 1));
  return (
    <form method="post" action={CYCLES} class="stacked card" id="cycle-create" novalidate>
      <ErrorSummary errors={errors} />
      <Hidden name="_idem" value={str(values._idem)} />
      <TextField
        {...field('name')}
        label={t(lang, 'cyName')}
        hint={t(lang, 'cyNameHint')}
        required
        maxlength={100}
      />
      <TextField {...field('year')} label={t(lang, 'cyYear')} type="number" inputmode="numeric" required />
      <SelectField
        {...field('kind')}
        label={t(lang, 'cyKind')}
        options={CYCLE_KINDS.map((k) => ({ value: k, label: labelOf('cycleKind', k, lang) }))}
      />
      <SelectField
        {...field('subject')}
        label={t(lang, 'cySubject')}
        hint={t(lang, 'cySubjectHint')}
        empty={t(lang, 'chooseOne')}
        options={SPECIAL_SUBJECTS.map((s) => ({ value: s, label: labelOf('specialSubject', s, lang) }))}
      />
      <TextArea {...field('scope')} label={t(lang, 'cyScope')} maxlength={1000} />
      <Bindings choices={props.choices} values={values} errors={errors} />
      <CalendarFields values={values} errors={errors} periods={periods} />
      <fieldset class="field plain">
        <legend>{t(lang, 'cyWarningRule')}</legend>
        <p class="hint">{t(lang, 'cyWarningRuleHint')}</p>
        <TextField
          {...field('warningRule.greenAtLeast')}
          label={t(lang, 'cyGreenAtLeast')}
          inputmode="text"
        />
        <TextField
          {...field('warningRule.yellowAtLeast')}
          label={t(lang, 'cyYellowAtLeast')}
          inputmode="text"
        />
      </fieldset>
      <FormActions label={t(lang, 'cyOpenCycle')} back={CYCLES} />
    </form>
  );
}
