import { CONTRACTS } from '@jixiao/api/contracts';
import { type Expert, expertIdSchema } from '@jixiao/core';
import type { SuccessOf } from '../../client/api-client';
import { ActiveBadge } from '../../components/badges';
import { ListPage } from '../../components/list-page';
import { consoleProblem, problemPage, statusOf } from '../../components/message-page';
import { RecordPage } from '../../components/record-page';
import { type Ctx, PAGE_SIZE, param, redirectOk, seg, useView } from '../../context';
import {
  type FormErrors,
  type FormValues,
  fieldNames,
  formBody,
  formValues,
  idempotencyKeyFrom,
  newIdempotencyKey,
  noErrors,
  problemToFormErrors,
  readForm,
} from '../../forms';
import { formatDateTime, t } from '../../i18n';
import { may, useMay } from '../../policy';
import { ExpertForm, POOL, poolChoices, withSpecialties } from './pool-form';

/** The expert pool (专家库): the list, a new expert, and an expert's page with its edit form. */

const create = CONTRACTS.experts.create;
const update = CONTRACTS.experts.update;
const expertHref = (id: string) => `${POOL}/${seg(id)}`;
const isExpertId = (id: string) => expertIdSchema.safeParse(id).success;

function PoolList(props: {
  page: SuccessOf<typeof CONTRACTS.experts.list>;
  hasPrev: boolean;
  names: Map<string, string>;
}) {
  const { lang } = useView();
  const may = useMay();
  const units = (codes: readonly string[]) =>
    codes.map((c) => props.names.get(c) ?? c).join(lang === 'zh' ? '、' : ', ');
  return (
    <ListPage
      title={t(lang, 'exPoolTitle')}
      actions={
        may(create) ? (
          <a class="button" href={`${POOL}/new`}>
            {t(lang, 'exNew')}
          </a>
        ) : undefined
      }
      items={props.page.items}
      rowAttrs={(e) => ({ 'data-id': e.id })}
      empty={t(lang, 'exNoPool')}
      columns={[
        { label: t(lang, 'exName'), cell: (e) => <a href={expertHref(e.id)}>{e.name}</a> },
        { label: t(lang, 'exJobTitle'), cell: (e) => e.title ?? '' },
        { label: t(lang, 'exOrganisation'), cell: (e) => e.organisation ?? '' },
        { label: t(lang, 'exSpecialties'), cell: (e) => e.specialties.join(lang === 'zh' ? '、' : ', ') },
        { label: t(lang, 'exOwnUnit'), cell: (e) => units(e.unit ? [e.unit] : []) },
        { label: t(lang, 'exConflicts'), cell: (e) => units(e.conflicts) },
        { label: t(lang, 'exAccount'), cell: (e) => e.userId ?? '' },
        { label: t(lang, 'status'), cell: (e) => <ActiveBadge active={e.active} /> },
      ]}
      nextCursor={props.page.nextCursor}
      hasPrev={props.hasPrev}
    />
  );
}

/** `GET /console/experts`: the pool, a page at a time. */
export async function poolList(c: Ctx) {
  const cursor = c.req.query('cursor');
  const [r, choices] = await Promise.all([
    c.get('api').call(CONTRACTS.experts.list, { query: { limit: PAGE_SIZE, cursor } }),
    poolChoices(c),
  ]);
  if (!r.ok) return problemPage(c, r.problem);
  const names = new Map(choices.units.map((u) => [u.code, u.name]));
  return c.render(<PoolList page={r.data} hasPrev={!!cursor} names={names} />, {
    title: t(c.get('lang'), 'exPoolTitle'),
  });
}

async function showNew(c: Ctx, values: FormValues, errors: FormErrors) {
  const { units, accounts } = await poolChoices(c);
  const title = t(c.get('lang'), 'exNew');
  return c.render(
    <>
      <h1>{title}</h1>
      <ExpertForm
        mode="new"
        action={`${POOL}/new`}
        values={values}
        errors={errors}
        units={units}
        accounts={accounts}
      />
    </>,
    { title },
  );
}

const forbidden = (c: Ctx) =>
  problemPage(
    c,
    consoleProblem(403, 'forbidden', { zh: '无权管理专家库。', en: 'You may not manage the expert pool.' }),
  );

/** `/console/experts/new`: add an expert (the form only for who may). */
export const newExpert = {
  get: (c: Ctx) =>
    may(c.get('me'), create)
      ? showNew(c, { _idem: newIdempotencyKey(), active: 'true' }, noErrors())
      : forbidden(c),
  post: async (c: Ctx) => {
    const form = await readForm(c);
    const idem = idempotencyKeyFrom(form);
    const r = await c
      .get('api')
      .call(create, { body: formBody(create, withSpecialties(form)), idempotencyKey: idem });
    if (r.ok) return redirectOk(c, expertHref(r.data.id), 'created');
    if (r.status === 403) return problemPage(c, r.problem);
    c.status(statusOf(r.status));
    return showNew(
      c,
      { ...form, _idem: idem },
      problemToFormErrors(r.problem, c.get('lang'), fieldNames(create)),
    );
  },
};

const notFound = (c: Ctx) =>
  problemPage(c, consoleProblem(404, 'not_found', { zh: '专家不存在。', en: 'Expert not found.' }));

async function showExpert(c: Ctx, values?: FormValues, errors?: FormErrors) {
  const id = param(c, 'id');
  if (!isExpertId(id)) return notFound(c);
  const lang = c.get('lang');
  const [r, choices] = await Promise.all([
    c.get('api').call(CONTRACTS.experts.get, { params: { expertId: id } }),
    poolChoices(c),
  ]);
  if (!r.ok && !values) return problemPage(c, r.problem);
  const expert: Expert | undefined = r.ok ? r.data : undefined;
  const href = expertHref(id);
  return c.render(
    <RecordPage
      update={update}
      editTitle="exEdit"
      title={expert?.name ?? id}
      facts={expert && [[t(lang, 'updatedAt'), formatDateTime(expert.updatedAt, lang)]]}
      form={
        <ExpertForm
          mode="edit"
          action={href}
          values={values ?? (expert ? formValues(update, expert) : {})}
          errors={errors ?? noErrors()}
          units={choices.units}
          accounts={choices.accounts}
          reloadHref={href}
        />
      }
    />,
    { title: expert?.name ?? id },
  );
}

/** `/console/experts/:id`: an expert and the edit form (a new conflict recuses their assignments). */
export const expertDetail = {
  get: (c: Ctx) => showExpert(c),
  post: async (c: Ctx) => {
    const id = param(c, 'id');
    if (!isExpertId(id)) return notFound(c);
    const form = await readForm(c);
    const r = await c
      .get('api')
      .call(update, { params: { expertId: id }, body: formBody(update, withSpecialties(form)) });
    if (r.ok) return redirectOk(c, expertHref(id), 'updated');
    if (r.status === 403 || r.status === 404) return problemPage(c, r.problem);
    c.status(statusOf(r.status));
    return showExpert(c, form, problemToFormErrors(r.problem, c.get('lang'), fieldNames(update)));
  },
};
