import { CONTRACTS } from '@jixiao/api/contracts';
import { consoleProblem, problemPage, statusOf } from '../../components/message-page';
import { type Ctx, PAGE_SIZE, redirectOk } from '../../context';
import {
  type FormValues,
  idempotencyKeyFrom,
  newIdempotencyKey,
  noErrors,
  numberFrom,
  problemToFormErrors,
  readForm,
  str,
} from '../../forms';
import { t } from '../../i18n';
import { CycleHeading, loadCycle } from '../cycles/office/paths';
import { formChoices, tenantOf } from './context';
import { type DetailState, SurveyDetailPage } from './detail';
import { SurveyForm } from './form';
import { exampleValues, formFieldNames, surveyBody, surveyValues } from './form-values';
import { SurveyListPage } from './list';
import { isSurveyId, publicSurveyUrl, surveyHref, surveyIdOf, surveysHref } from './paths';
import { qrDataUri } from './qr';

/** The office's survey pages: list, new, detail (edit while a draft, open/close, invitations). */

const notFound = (c: Ctx) =>
  problemPage(c, consoleProblem(404, 'not_found', { zh: '问卷不存在。', en: 'Survey not found.' }));

export async function listPage(c: Ctx, id: string) {
  const cursor = c.req.query('cursor');
  const [cycle, page] = await Promise.all([
    loadCycle(c, id),
    c
      .get('api')
      .call(CONTRACTS.surveys.list, { params: { cycleId: id }, query: { limit: PAGE_SIZE, cursor } }),
  ]);
  if (!cycle.ok) return problemPage(c, cycle.problem);
  if (!page.ok) return problemPage(c, page.problem);
  return c.render(<SurveyListPage cycle={cycle.data} page={page.data} hasPrev={!!cursor} />, {
    title: t(c.get('lang'), 'svTitle'),
  });
}

async function showNew(c: Ctx, id: string, values: FormValues | undefined, errors = noErrors()) {
  const cycle = await loadCycle(c, id);
  if (!cycle.ok) return problemPage(c, cycle.problem);
  const { units, leaves } = await formChoices(c, cycle.data);
  const lang = c.get('lang');
  const v = values ?? {
    ...exampleValues(
      leaves,
      units.map((u) => u.code),
      lang,
    ),
    _idem: newIdempotencyKey(),
  };
  return c.render(
    <>
      <CycleHeading cycle={cycle.data} title={t(lang, 'svNew')} />
      <SurveyForm
        action={`${surveysHref(id)}/new`}
        back={surveysHref(id)}
        units={units}
        leaves={leaves}
        submit={t(lang, 'create')}
        values={v}
        errors={errors}
      />
    </>,
    { title: t(lang, 'svNew') },
  );
}

export const newPage = (c: Ctx, id: string) => showNew(c, id, undefined);

export async function createPost(c: Ctx, id: string) {
  const form = await readForm(c);
  const idem = idempotencyKeyFrom(form);
  const body = surveyBody(form);
  const r = await c
    .get('api')
    .call(CONTRACTS.surveys.create, { params: { cycleId: id }, body, idempotencyKey: idem });
  if (r.ok) return redirectOk(c, surveyHref(id, r.data.id), 'created');
  c.status(statusOf(r.status));
  // Rows are compacted in the body: the form shows them so, and the API's paths match its rows.
  return showNew(
    c,
    id,
    { ...surveyValues(body), _idem: idem },
    problemToFormErrors(r.problem, c.get('lang'), formFieldNames()),
  );
}

async function showDetail(c: Ctx, id: string, surveyId: string, state: Partial<DetailState> = {}) {
  const [cycle, survey] = await Promise.all([
    loadCycle(c, id),
    c.get('api').call(CONTRACTS.surveys.get, { params: { cycleId: id, surveyId } }),
  ]);
  if (!cycle.ok) return problemPage(c, cycle.problem);
  if (!survey.ok) return problemPage(c, survey.problem);
  const s = survey.data;
  const { units, leaves } = await formChoices(c, cycle.data);
  const url = publicSurveyUrl(c, tenantOf(c), id, surveyId);
  const openLink = s.openLink.enabled && s.status === 'open' ? { url, qr: await qrDataUri(url) } : undefined;
  return c.render(
    <SurveyDetailPage
      cycle={cycle.data}
      survey={s}
      units={units}
      leaves={leaves}
      {...(openLink ? { openLink } : {})}
      state={{
        invite: state.invite ?? {
          values: { _idem: newIdempotencyKey(), group: s.groups[0]?.key ?? '' },
          errors: noErrors(),
        },
        edit: state.edit ?? { values: surveyValues(s), errors: noErrors() },
        ...(state.transition ? { transition: state.transition } : {}),
      }}
    />,
    { title: s.title },
  );
}

const withSurvey =
  (handler: (c: Ctx, id: string, surveyId: string) => Promise<Response>) => (c: Ctx, id: string) => {
    const surveyId = surveyIdOf(c);
    return isSurveyId(surveyId) ? handler(c, id, surveyId) : notFound(c);
  };

export const detailPage = withSurvey((c, id, surveyId) => showDetail(c, id, surveyId));

export const savePost = withSurvey(async (c, id, surveyId) => {
  const form = await readForm(c);
  const body = { ...surveyBody(form), version: numberFrom(str(form.version)) as number };
  const r = await c.get('api').call(CONTRACTS.surveys.put, { params: { cycleId: id, surveyId }, body });
  if (r.ok) return redirectOk(c, surveyHref(id, surveyId), 'updated');
  c.status(statusOf(r.status));
  return showDetail(c, id, surveyId, {
    edit: {
      values: surveyValues(body),
      errors: problemToFormErrors(r.problem, c.get('lang'), formFieldNames()),
    },
  });
});

export const transitionPost = withSurvey(async (c, id, surveyId) => {
  const form = await readForm(c);
  const body = {
    version: numberFrom(str(form.version)) as number,
    action: str(form.action) as 'open' | 'close',
  };
  const r = await c
    .get('api')
    .call(CONTRACTS.surveys.transition, { params: { cycleId: id, surveyId }, body });
  if (r.ok) return redirectOk(c, surveyHref(id, surveyId), 'updated');
  c.status(statusOf(r.status));
  return showDetail(c, id, surveyId, { transition: problemToFormErrors(r.problem, c.get('lang'), []) });
});

export const invitePost = withSurvey(async (c, id, surveyId) => {
  const form = await readForm(c);
  const idem = idempotencyKeyFrom(form);
  const body = {
    group: str(form.group),
    count: numberFrom(str(form.count)) as number,
    ...(str(form.unit) ? { unit: str(form.unit) } : {}),
    ...(str(form.note).trim() ? { note: str(form.note) } : {}),
  };
  const r = await c
    .get('api')
    .call(CONTRACTS.surveys.invite, { params: { cycleId: id, surveyId }, body, idempotencyKey: idem });
  if (r.ok) return c.redirect(`${surveyHref(id, surveyId)}/slips?batch=${r.data.batch}`, 303);
  c.status(statusOf(r.status));
  return showDetail(c, id, surveyId, {
    invite: {
      values: { ...form, _idem: idem },
      errors: problemToFormErrors(r.problem, c.get('lang'), ['group', 'unit', 'count', 'note']),
    },
  });
});
