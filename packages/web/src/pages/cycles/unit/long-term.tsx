import { CONTRACTS } from '@jixiao/api/contracts';
import { LONG_TERM_PLAN_FORMS, type LongTermPlan, labelOf } from '@jixiao/core';
import { ErrorSummary, Flash } from '../../../components/feedback';
import { Hidden, TextArea, TextField } from '../../../components/fields';
import { problemPage, statusOf } from '../../../components/message-page';
import { type Ctx, param, useView, withQuery } from '../../../context';
import {
  type BodyOf,
  type FormErrors,
  type FormValues,
  fieldNames,
  formBody,
  formValues,
  noErrors,
  problemToFormErrors,
  readForm,
  str,
} from '../../../forms';
import { formatDateTime, t } from '../../../i18n';
import { useMay } from '../../../policy';
import { Back } from './parts';
import { CYCLES, isCode, longTermHref, notFound } from './paths';

/**
 * `/console/cycles/long-term/:unit`: the unit's 3–5-year plans (中长期绩效计划, art. 8) — its own,
 * in the regulation's four parts, or (a district or county, art. 7 ¶2) a link to the five-year
 * plan that holds them. `?start=` picks one to change; `POST` saves it with the version read.
 */

const put = CONTRACTS.plans.longTermPut;
const PARTS = ['functions', 'goals', 'keyFactors', 'measures'] as const;

interface State {
  values?: FormValues;
  errors?: FormErrors;
}

function LongTermForm(props: { unit: string; values: FormValues; errors: FormErrors }) {
  const { lang } = useView();
  const v = (k: string) => str(props.values[k]);
  const e = props.errors.fields;
  const href = longTermHref(props.unit);
  return (
    <form method="post" action={href} class="stacked card" id="long-term-form" novalidate>
      <ErrorSummary errors={props.errors} reloadHref={withQuery(href, { start: v('startYear') })} />
      <Hidden name="version" value={v('version')} />
      <div class="toolbar">
        <TextField
          name="startYear"
          label={t(lang, 'cuStartYear')}
          value={v('startYear')}
          error={e.startYear}
          inputmode="numeric"
          required
        />
        <TextField
          name="endYear"
          label={t(lang, 'cuEndYear')}
          value={v('endYear')}
          error={e.endYear}
          inputmode="numeric"
          required
        />
      </div>
      <fieldset class="field">
        <legend>{t(lang, 'cuLtForm')}</legend>
        {LONG_TERM_PLAN_FORMS.map((f) => (
          <label class="check">
            <input type="radio" name="form" value={f} checked={(v('form') || 'own') === f} />
            {labelOf('longTermPlanForm', f, lang)}
          </label>
        ))}
        {e.form ? <p class="error">{e.form}</p> : null}
      </fieldset>
      <h2>{labelOf('longTermPlanForm', 'own', lang)}</h2>
      {PARTS.map((p) => (
        <TextArea
          name={`parts.${p}`}
          label={t(lang, `cuLtPart_${p}`)}
          value={v(`parts.${p}`)}
          error={e[`parts.${p}`]}
          maxlength={8000}
        />
      ))}
      <h2>{labelOf('longTermPlanForm', 'five_year_plan', lang)}</h2>
      <p class="muted">{t(lang, 'cuLtLinkHint')}</p>
      <TextField
        name="link.title"
        label={t(lang, 'cuLtLinkTitle')}
        value={v('link.title')}
        error={e['link.title']}
      />
      <TextField name="link.url" label={t(lang, 'cuLtLinkUrl')} value={v('link.url')} error={e['link.url']} />
      <TextField
        name="link.where"
        label={t(lang, 'cuLtLinkWhere')}
        value={v('link.where')}
        error={e['link.where']}
      />
      <p>
        <button class="primary" type="submit">
          {t(lang, 'save')}
        </button>
      </p>
    </form>
  );
}

function LongTermPage(props: {
  unit: string;
  unitName: string;
  plans: LongTermPlan[];
  selected?: LongTermPlan;
  state: State;
}) {
  const { lang } = useView();
  const may = useMay();
  const { unit, plans, selected, state } = props;
  const href = longTermHref(unit);
  const blankYear = String(new Date().getFullYear());
  const values =
    state.values ??
    (selected
      ? formValues(put, selected)
      : { startYear: blankYear, endYear: String(Number(blankYear) + 4), form: 'own' });
  if (selected) values.version = String(selected.version);
  return (
    <>
      <Back href={CYCLES} label={t(lang, 'navCycles')} />
      <h1>{t(lang, 'cuLongTermTitle', { unit: props.unitName })}</h1>
      <Flash />
      <section class="card">
        <h2>{t(lang, 'cuLtExisting')}</h2>
        {plans.length === 0 ? (
          <p class="muted">{t(lang, 'noItems')}</p>
        ) : (
          <ul class="plain">
            {plans.map((p) => (
              <li data-start={p.startYear}>
                <a
                  href={withQuery(href, { start: String(p.startYear) })}
                  aria-current={selected?.startYear === p.startYear ? 'page' : undefined}
                >
                  {p.startYear}–{p.endYear}
                </a>{' '}
                <span class="badge">{labelOf('longTermPlanForm', p.form, lang)}</span>{' '}
                <span class="muted">{formatDateTime(p.updatedAt, lang)}</span>
              </li>
            ))}
          </ul>
        )}
        {selected && may(put) ? (
          <p>
            <a href={href}>{t(lang, 'cuLtNew')}</a>
          </p>
        ) : null}
      </section>
      {may(put) ? (
        <LongTermForm unit={unit} values={values} errors={state.errors ?? noErrors()} />
      ) : selected ? (
        <section class="card">
          {selected.parts
            ? PARTS.map((p) => (
                <>
                  <h3>{t(lang, `cuLtPart_${p}`)}</h3>
                  <p class="note">{selected.parts?.[p]}</p>
                </>
              ))
            : null}
          {selected.link ? (
            <p>
              {selected.link.url ? (
                <a href={selected.link.url}>{selected.link.title}</a>
              ) : (
                selected.link.title
              )}{' '}
              {selected.link.where ?? ''}
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

async function show(c: Ctx, unit: string, start: string | undefined, state: State = {}) {
  const api = c.get('api');
  const [r, u] = await Promise.all([
    api.call(CONTRACTS.plans.longTermList, { params: { unit } }),
    api.call(CONTRACTS.units.get, { params: { code: unit } }),
  ]);
  if (!r.ok) return problemPage(c, r.problem);
  const unitName = u.ok ? u.data.name : unit;
  const plans = [...r.data.items].sort((a, b) => b.startYear - a.startYear);
  const selected = plans.find((p) => String(p.startYear) === start);
  return c.render(
    <LongTermPage unit={unit} unitName={unitName} plans={plans} selected={selected} state={state} />,
    {
      title: t(c.get('lang'), 'cuLongTermTitle', { unit: unitName }),
    },
  );
}

export const longTermPage = {
  get: (c: Ctx) => {
    const unit = param(c, 'unit');
    return isCode(unit) ? show(c, unit, c.req.query('start')) : notFound(c);
  },
  post: async (c: Ctx) => {
    const unit = param(c, 'unit');
    if (!isCode(unit)) return notFound(c);
    const form = await readForm(c);
    const body = formBody(put, form) as Record<string, unknown>;
    // The form shows both ways of giving the plan; the one left empty is not sent.
    for (const k of ['parts', 'link'])
      if (Object.values((body[k] ?? {}) as Record<string, unknown>).every((x) => x === '')) delete body[k];
    const startYear = Number(str(form.startYear).trim());
    if (!Number.isInteger(startYear) || startYear < 2000 || startYear > 2100) {
      c.status(422);
      const errors = {
        ...noErrors(),
        message: t(c.get('lang'), 'fixErrors'),
        fields: { startYear: t(c.get('lang'), 'cuStartYearBad') },
      };
      return show(c, unit, undefined, { values: form, errors });
    }
    const r = await c.get('api').call(put, { params: { unit, startYear }, body: body as BodyOf<typeof put> });
    if (r.ok)
      return c.redirect(withQuery(longTermHref(unit), { start: String(startYear), ok: 'updated' }), 303);
    c.status(statusOf(r.status));
    return show(c, unit, String(startYear), {
      values: form,
      errors: problemToFormErrors(r.problem, c.get('lang'), fieldNames(put)),
    });
  },
};
