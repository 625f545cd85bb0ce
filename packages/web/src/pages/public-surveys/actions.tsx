import { CONTRACTS } from '@jixiao/api/contracts';
import { DIVISION_CODE_PATTERN, idPattern, type Problem } from '@jixiao/core';
import { statusOf } from '../../components/message-page';
import { BASE, type Ctx, param, seg } from '../../context';
import { type FormValues, problemToFormErrors, readForm, str } from '../../forms';
import { t } from '../../i18n';
import { QuestionnairePage, SurveyMessage, ThanksPage } from './page';

/**
 * `/console/public/:tenant/surveys/:cycleId/:surveyId?t=<token>` (no sign-in): the questionnaire
 * and its answer. The answer is sent to the API with the client's address as the gateway gave it
 * (`x-forwarded-for`), so the API's per-network limit and burst signal see the respondent's
 * network, not the console's.
 */

const ACTION = ['already_answered', 'survey_closed', 'rate_limited'] as const;

const ids = (c: Ctx) => {
  const tenant = param(c, 'tenant');
  const cycleId = param(c, 'cycleId');
  const surveyId = param(c, 'surveyId');
  const ok =
    DIVISION_CODE_PATTERN.test(tenant) &&
    idPattern('cycle').test(cycleId) &&
    idPattern('survey').test(surveyId);
  return ok ? { tenant, cycleId, surveyId } : undefined;
};
const tokenOf = (s: string) => (idPattern('invitation').test(s) ? s : undefined);
const pagePath = (p: { tenant: string; cycleId: string; surveyId: string }) =>
  `${BASE}/public/${seg(p.tenant)}/surveys/${seg(p.cycleId)}/${seg(p.surveyId)}`;

/** A refusal as a respondent reads it: a title for what happened and the API's own words. */
function message(c: Ctx, status: number, problem?: Problem) {
  const lang = c.get('lang');
  const known = problem && (ACTION as readonly string[]).includes(problem.code);
  const title = t(lang, known ? 'svPubSorry' : 'notFoundTitle');
  const body = known ? problem.message[lang] : t(lang, 'svPubUnknown');
  c.status(statusOf(known ? status : 404));
  return c.render(<SurveyMessage title={title} body={body} />, { title });
}

async function show(
  c: Ctx,
  state: { values?: FormValues; errors?: ReturnType<typeof problemToFormErrors> } = {},
) {
  const p = ids(c);
  if (!p) return message(c, 404);
  if (c.req.query('sent') === '1')
    return c.render(<ThanksPage />, { title: t(c.get('lang'), 'svPubThanksTitle') });
  const given = str(state.values?.t) || (c.req.query('t') ?? '');
  const token = tokenOf(given);
  if (given && !token) return message(c, 404);
  const r = await c
    .get('api')
    .call(CONTRACTS.publicSurveys.questionnaire, { params: p, query: token ? { token } : {} });
  if (!r.ok) return message(c, r.status, r.problem);
  const action = `${pagePath(p)}${token ? `?t=${seg(token)}` : ''}`;
  return c.render(<QuestionnairePage q={r.data} action={action} {...(token ? { token } : {})} {...state} />, {
    title: r.data.survey.title,
  });
}

/** The answer's body from the form: ratings `r.<unit>.<q>`, written answers `x.<q>`. */
function answerBody(form: FormValues) {
  const ratings: Record<string, Record<string, string>> = {};
  const texts: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) {
    const value = str(v);
    const r = /^r\.([^.]+)\.([^.]+)$/.exec(k);
    if (r && value) {
      ratings[r[1]!] ??= {};
      ratings[r[1]!]![r[2]!] = value;
    }
    const x = /^x\.([^.]+)$/.exec(k);
    if (x && value.trim()) texts[x[1]!] = value;
  }
  const token = tokenOf(str(form.t));
  return {
    start: str(form.start),
    ...(token ? { token } : {}),
    ...(str(form.group) ? { group: str(form.group) } : {}),
    ratings,
    texts,
    ...(/^[A-Za-z0-9_-]{8,64}$/.test(str(form.device)) ? { device: str(form.device) } : {}),
    ...(str(form.website) ? { website: str(form.website) } : {}),
  };
}

/** Calls the API's answer route with the client's forwarded address (the survey's rate limit and burst signal). */
async function sendAnswer(c: Ctx, p: { tenant: string; cycleId: string; surveyId: string }, body: unknown) {
  const xff = c.req.header('x-forwarded-for');
  const r = await c.get('api').call(CONTRACTS.publicSurveys.answer, {
    params: p,
    body: body as never,
    ...(xff ? { headers: { 'x-forwarded-for': xff } } : {}),
  });
  return r.ok ? { ok: true as const } : { ok: false as const, status: r.status, problem: r.problem };
}

export const publicSurveyPage = {
  get: (c: Ctx) => show(c),
  post: async (c: Ctx) => {
    const p = ids(c);
    if (!p) return message(c, 404);
    const form = await readForm(c);
    const r = await sendAnswer(c, p, answerBody(form));
    if (r.ok) return c.redirect(`${pagePath(p)}?sent=1#thanks`, 303);
    if (!r.problem?.message || r.status !== 422) return message(c, r.status, r.problem);
    c.status(422);
    const fields = ['group', 'ratings', ...Object.keys(answerBody(form).ratings).map((u) => `ratings.${u}`)];
    return show(c, { values: form, errors: problemToFormErrors(r.problem, c.get('lang'), fields) });
  },
};
