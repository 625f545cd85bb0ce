import { CODE_PATTERN, DIRECTION_LABELS, type StandardIndicator } from '@jixiao/core';
import { DeleteCard } from '../../components/delete-card';
import { Flash } from '../../components/feedback';
import { Facts } from '../../components/fields';
import { consoleProblem, problemPage, statusOf } from '../../components/message-page';
import { type Ctx, param, redirectOk, useView } from '../../context';
import {
  type FormErrors,
  type FormValues,
  fieldNames,
  formBody,
  formValues,
  noErrors,
  problemToFormErrors,
  readForm,
  str,
} from '../../forms';
import { formatDateTime, t } from '../../i18n';
import { fixed2 } from '../comparisons/format';
import { STANDARDS_HREF, standardHref } from '../comparisons/paths';
import { STANDARDS } from '../comparisons/routes';
import { isRecipient } from '../comparisons/scope';
import { ComparisonTabs } from '../comparisons/tabs';
import { StandardForm } from './form';
import { mayKeepLibrary } from './may';

/**
 * One standard indicator (`/console/standards/:code`): its facts for every reader; for the
 * provincial office its form and deleting it. `/console/standards/new` creates one.
 */

interface State {
  values?: FormValues;
  errors?: FormErrors;
  deleteErrors?: FormErrors;
}

function StandardPage(props: { s: StandardIndicator; state: State }) {
  const { lang, me } = useView();
  const { s, state } = props;
  const edit = mayKeepLibrary(me);
  const href = standardHref(s.code);
  return (
    <>
      <p>
        <a href={STANDARDS_HREF}>{t(lang, 'sdBack')}</a>
      </p>
      <h1>
        <span class="code">{s.code}</span> {s.name}
      </h1>
      {isRecipient(me) ? <ComparisonTabs current="standards" /> : null}
      <Flash />
      <Facts
        rows={[
          [t(lang, 'sdDimension'), s.dimension],
          [t(lang, 'sdDefinition'), <span class="note">{s.definition}</span>],
          [t(lang, 'sdUnit'), s.unit],
          [t(lang, 'sdDirection'), DIRECTION_LABELS[s.direction][lang]],
          [t(lang, 'sdFormula'), <span class="note">{s.formula || '—'}</span>],
          [t(lang, 'sdWeight'), fixed2(s.weight)],
          [t(lang, 'sdSource'), s.source || '—'],
          [t(lang, 'updatedAt'), formatDateTime(s.updatedAt, lang)],
        ]}
      />
      {edit ? (
        <>
          <h2>{t(lang, 'sdEdit')}</h2>
          <StandardForm
            mode="edit"
            action={href}
            values={state.values ?? formValues(STANDARDS.put, { ...s })}
            errors={state.errors ?? noErrors()}
            reloadHref={href}
          />
          <DeleteCard
            href={href}
            id="standard-delete"
            title={t(lang, 'sdDelete')}
            hint={t(lang, 'sdDeleteHint')}
            version={s.version}
            errors={state.deleteErrors}
          />
        </>
      ) : null}
    </>
  );
}

function NewPage(props: { values: FormValues; errors: FormErrors }) {
  const { lang } = useView();
  return (
    <>
      <p>
        <a href={STANDARDS_HREF}>{t(lang, 'sdBack')}</a>
      </p>
      <h1>{t(lang, 'sdNew')}</h1>
      <ComparisonTabs current="standards" />
      <StandardForm mode="new" action={`${STANDARDS_HREF}/new`} values={props.values} errors={props.errors} />
    </>
  );
}

const forbidden = (c: Ctx) =>
  problemPage(
    c,
    consoleProblem(403, 'forbidden', {
      zh: '只有省级绩效管理机构可以维护标准指标库。',
      en: 'Only the provincial office keeps the standard library.',
    }),
  );

async function show(c: Ctx, state: State = {}) {
  const code = param(c, 'code');
  const r = await c.get('api').call(STANDARDS.list, {});
  if (!r.ok) return problemPage(c, r.problem);
  const s = r.data.items.find((x) => x.code === code);
  if (!s)
    return problemPage(
      c,
      consoleProblem(404, 'not_found', {
        zh: `标准指标 ${code} 不存在。`,
        en: `Standard indicator ${code} not found.`,
      }),
    );
  return c.render(<StandardPage s={s} state={state} />, { title: s.name });
}

const refused = (c: Ctx, status: number) => c.status(statusOf(status));

/** `/console/standards/new` and `/console/standards/:code` (+ `/delete`). */
export const standardPages = {
  newGet: (c: Ctx) =>
    mayKeepLibrary(c.get('me'))
      ? c.render(<NewPage values={{ direction: 'higher', weight: '1' }} errors={noErrors()} />, {
          title: t(c.get('lang'), 'sdNew'),
        })
      : forbidden(c),
  newPost: async (c: Ctx) => {
    const lang = c.get('lang');
    const form = await readForm(c);
    const code = str(form.code).trim();
    const render = (errors: FormErrors) =>
      c.render(<NewPage values={form} errors={errors} />, { title: t(lang, 'sdNew') });
    if (!CODE_PATTERN.test(code)) {
      refused(c, 422);
      return render({
        ...noErrors(),
        message: t(lang, 'fixErrors'),
        fields: { code: t(lang, 'sdCodeInvalid') },
      });
    }
    const r = await c
      .get('api')
      .call(STANDARDS.put, { params: { code }, body: formBody(STANDARDS.put, form) });
    if (r.ok) return redirectOk(c, STANDARDS_HREF, 'created');
    if (r.status === 403) return problemPage(c, r.problem);
    refused(c, r.status);
    return render(problemToFormErrors(r.problem, lang, fieldNames(STANDARDS.put)));
  },
  get: (c: Ctx) => show(c),
  post: async (c: Ctx) => {
    const code = param(c, 'code');
    const form = await readForm(c);
    const r = await c
      .get('api')
      .call(STANDARDS.put, { params: { code }, body: formBody(STANDARDS.put, form) });
    if (r.ok) return redirectOk(c, standardHref(code), 'updated');
    if (r.status === 403 || r.status === 404) return problemPage(c, r.problem);
    refused(c, r.status);
    return show(c, {
      values: form,
      errors: problemToFormErrors(r.problem, c.get('lang'), fieldNames(STANDARDS.put)),
    });
  },
  delete: async (c: Ctx) => {
    const code = param(c, 'code');
    const form = await readForm(c);
    const r = await c
      .get('api')
      .call(STANDARDS.remove, { params: { code }, query: { version: str(form.version) } });
    if (r.ok) return redirectOk(c, STANDARDS_HREF, 'deleted');
    if (r.status === 403 || r.status === 404) return problemPage(c, r.problem);
    refused(c, r.status);
    return show(c, { deleteErrors: problemToFormErrors(r.problem, c.get('lang'), []) });
  },
};
