import {
  type AnswerInput,
  AppError,
  type Cycle,
  errors,
  type FieldIssue,
  type Invitation,
  networkOf,
  planAllowsUse,
  type StoredSurvey,
  type SurveyAnswer,
  UNKNOWN_NETWORK,
} from '@jixiao/core';
import { newId } from '@jixiao/data';
import type { Caller } from '../http/caller';
import { ANSWERING_STATES } from '../surveys/use-cases';
import { saltedHash, secondsSince, startToken } from './start-token';

/**
 * Answering a survey without signing in. The tenant is the path's; a tenant that may not be used,
 * another tenant's ids, a draft survey and an unknown token all look missing (404). A closed survey
 * says so (410), a used invitation too (409 `already_answered`), and the open link is limited per
 * network per hour (429 `rate_limited` with Retry-After). Nothing personal is kept: no name, no
 * address (a salted hash of its network), no user agent.
 */

const SURVEY = { zh: '满意度问卷', en: 'Survey' };
const INVITATION = { zh: '邀请码', en: 'Invitation' };
const ANSWER = { zh: '答卷', en: 'Answer' };

const closed = () =>
  new AppError({
    status: 410,
    code: 'survey_closed',
    zh: '本次满意度调查已经结束，感谢您的关注。',
    en: 'This survey has closed. Thank you for your interest.',
  });

const alreadyAnswered = () =>
  new AppError({
    status: 409,
    code: 'already_answered',
    zh: '此邀请码已经提交过答卷，每个邀请码只能作答一次。感谢您的参与！',
    en: 'This invitation has already been answered; each invitation counts once. Thank you!',
  });

interface Open {
  tenant: { code: string; name: string };
  cycle: Cycle;
  survey: StoredSurvey;
}

/** The open survey the path names, or 404 (any reason) / 410 (closed). */
async function openSurvey(
  caller: Caller,
  tenantCode: string,
  cycleId: string,
  surveyId: string,
): Promise<Open> {
  const { data } = caller.deps;
  const t = await data.tenants.get(tenantCode);
  if (!t || !planAllowsUse(t.planStatus)) throw errors.notFound(SURVEY.zh, SURVEY.en);
  const cycle = await data.cycles.get(t.code, cycleId);
  const survey = cycle
    ? await data.cycleRecords.get<StoredSurvey>(t.code, cycle.id, 'SURVEY', [surveyId])
    : undefined;
  // A draft is not published: nothing of it is shown.
  if (!cycle || !survey || survey.status === 'draft') throw errors.notFound(SURVEY.zh, SURVEY.en);
  if (survey.status === 'closed' || !ANSWERING_STATES.includes(cycle.state) || cycle.state === 'closed')
    throw closed();
  return { tenant: { code: t.code, name: t.name }, cycle, survey };
}

/** The invitation of a token, unused; 404 unknown, 409 answered. */
async function unusedInvitation(caller: Caller, o: Open, token: string): Promise<Invitation> {
  const records = caller.deps.data.cycleRecords;
  const inv = await records.get<Invitation>(o.tenant.code, o.cycle.id, 'INVITE', [o.survey.id, token]);
  if (!inv) throw errors.notFound(INVITATION.zh, INVITATION.en);
  // The answer, keyed by the token, is the truth (the invitation is marked used just after it).
  const answered =
    inv.status === 'used' ||
    (await records.get<SurveyAnswer>(o.tenant.code, o.cycle.id, 'ANSWER', [o.survey.id, token])) !==
      undefined;
  if (answered) throw alreadyAnswered();
  return inv;
}

const noOpenLink = () => errors.notFound('该问卷（需凭邀请码作答）', 'Survey (answered by invitation only)');

async function unitNames(caller: Caller, tenantCode: string, codes: readonly string[]) {
  const units = await Promise.all(codes.map((c) => caller.deps.data.org.getUnit(tenantCode, c)));
  return codes.map((code, i) => ({ code, name: units[i]?.name ?? code }));
}

export async function questionnaire(
  caller: Caller,
  tenantCode: string,
  cycleId: string,
  surveyId: string,
  token: string | undefined,
) {
  const o = await openSurvey(caller, tenantCode, cycleId, surveyId);
  const { survey } = o;
  const inv = token ? await unusedInvitation(caller, o, token) : undefined;
  if (!inv && !survey.openLink.enabled) throw noOpenLink();
  const group = inv ? survey.groups.find((g) => g.key === inv.group) : undefined;
  return {
    tenant: o.tenant,
    cycle: { id: o.cycle.id, name: o.cycle.name, year: o.cycle.year },
    survey: { id: survey.id, title: survey.title, intro: survey.intro },
    units: await unitNames(caller, o.tenant.code, inv?.unit ? [inv.unit] : survey.units),
    questions: survey.questions.map((q) => ({ code: q.code, text: q.text, kind: q.kind })),
    groups: inv ? [] : survey.groups.filter((g) => g.openLink).map((g) => ({ key: g.key, label: g.label })),
    ...(group ? { group: { key: group.key, label: group.label } } : {}),
    verified: !!inv,
    start: startToken(caller, o.tenant.code, survey.id, token),
  };
}

/** Ratings only of the units and Likert questions asked, texts only of text questions; at least one rating. */
function answerIssues(survey: StoredSurvey, units: readonly string[], input: AnswerInput): FieldIssue[] {
  const out: FieldIssue[] = [];
  const likert = new Set(survey.questions.filter((q) => q.kind === 'likert').map((q) => q.code));
  const texts = new Set(survey.questions.filter((q) => q.kind === 'text').map((q) => q.code));
  let rated = 0;
  for (const [unit, qs] of Object.entries(input.ratings)) {
    if (!units.includes(unit)) {
      out.push({
        path: `body.ratings.${unit}`,
        zh: `问卷不评价单位 ${unit}`,
        en: `The survey does not rate unit ${unit}`,
      });
      continue;
    }
    for (const q of Object.keys(qs)) {
      if (likert.has(q)) rated++;
      else
        out.push({
          path: `body.ratings.${unit}.${q}`,
          zh: `没有量表题 ${q}`,
          en: `There is no rating question ${q}`,
        });
    }
  }
  for (const q of Object.keys(input.texts))
    if (!texts.has(q))
      out.push({ path: `body.texts.${q}`, zh: `没有文字题 ${q}`, en: `There is no written question ${q}` });
  if (rated === 0 && out.length === 0)
    out.push({ path: 'body.ratings', zh: '请至少评价一项', en: 'Rate at least one item' });
  return out;
}

const RECEIVED = {
  received: true,
  message: {
    zh: '您的答卷已提交，感谢您参与满意度测评！',
    en: 'Your answers have been received. Thank you for taking part!',
  },
};

export async function answer(
  caller: Caller,
  tenantCode: string,
  cycleId: string,
  surveyId: string,
  input: AnswerInput,
  address: string | undefined,
) {
  const o = await openSurvey(caller, tenantCode, cycleId, surveyId);
  const { survey } = o;
  const t = o.tenant.code;
  const inv = input.token ? await unusedInvitation(caller, o, input.token) : undefined;
  if (!inv && !survey.openLink.enabled) throw noOpenLink();
  const durationSeconds = secondsSince(caller, t, survey.id, input.token, input.start);

  let group: string;
  if (inv) group = inv.group;
  else {
    const chosen = survey.groups.find((g) => g.key === input.group && g.openLink);
    if (!chosen)
      throw errors.validation([
        { path: 'body.group', zh: '请选择您的身份（答卷人群体）', en: 'Choose which group you answer as' },
      ]);
    group = chosen.key;
  }
  const issues = answerIssues(survey, inv?.unit ? [inv.unit] : survey.units, input);
  if (issues.length) throw errors.validation(issues);
  // A form-filling bot (the hidden field): answered alike, never kept.
  if ((input.website ?? '').trim()) return RECEIVED;

  const net = networkOf(address);
  const network = net === UNKNOWN_NETWORK ? UNKNOWN_NETWORK : saltedHash(survey.salt, 'net', net);
  if (!inv) {
    const hit = await caller.deps.data.surveys.rateLimits.hit(
      t,
      `SV.${survey.id}.${network}`,
      survey.openLink.perNetworkPerHour,
      3600,
    );
    if (!hit.allowed)
      throw new AppError({
        status: 429,
        code: 'rate_limited',
        zh: '来自同一网络的答卷过多，请稍后再试。',
        en: 'Too many answers from this network; please try again later.',
        retryAfterSeconds: hit.retryAfterSeconds,
      });
  }

  const id = newId('answer');
  const record: Omit<SurveyAnswer, 'at'> & { at: string } = {
    id,
    survey: survey.id,
    group,
    channel: inv ? 'invitation' : 'open_link',
    ...(inv?.unit ? { unit: inv.unit } : {}),
    ratings: input.ratings,
    texts: Object.fromEntries(Object.entries(input.texts).filter(([, v]) => v.trim() !== '')),
    ...(input.device ? { device: saltedHash(survey.salt, 'device', input.device) } : {}),
    network,
    durationSeconds,
    at: caller.deps.now().toISOString(),
  };
  const records = caller.deps.data.cycleRecords;
  try {
    // Keyed by the token: a second answer (even a simultaneous one) fails this conditional create.
    await records.create(t, o.cycle.id, 'ANSWER', [survey.id, inv ? inv.id : id], record, ANSWER);
  } catch (e) {
    if (inv && (e as { code?: string }).code === 'already_exists') throw alreadyAnswered();
    throw e;
  }
  if (inv)
    await records
      .update<Invitation>(
        t,
        o.cycle.id,
        'INVITE',
        [survey.id, inv.id],
        inv.version,
        {
          status: 'used',
          usedAt: record.at,
        },
        INVITATION,
      )
      // The answer already holds the token; a failed mark is repaired by reading the answer.
      .catch(() => undefined);
  return RECEIVED;
}
