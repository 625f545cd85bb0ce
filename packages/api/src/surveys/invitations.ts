import { randomBytes } from 'node:crypto';
import {
  AppError,
  errors,
  type FieldIssue,
  ID_ALPHABET,
  type InvitationBatch,
  type InvitationStatus,
} from '@jixiao/core';
import { newId } from '@jixiao/data';
import { pageInMemory, recordAudit, tenant } from '../cycles/context';
import type { Caller } from '../http/caller';
import { allInvitations, INVITATION, loadSurvey } from './load';

/**
 * Invitation tokens (一次一评): the office issues them in batches for a respondent group, each
 * optionally bound to the unit the respondent was served by; the token is the invitation's id
 * (128 bits, unguessable) and the QR code's link; each is answered at most once.
 */

/** Writes at a time: a batch of 2,000 is 2,000 conditional puts, in parallel groups. */
const PARALLEL = 25;

const batchId = () => Array.from(randomBytes(12), (b) => ID_ALPHABET[b % 32]).join('');

export async function invite(caller: Caller, cycleId: string, surveyId: string, input: InvitationBatch) {
  const { cycle, survey } = await loadSurvey(caller, cycleId, surveyId);
  if (survey.status === 'closed')
    throw new AppError({
      status: 409,
      code: 'survey_closed',
      zh: '问卷已截止，不能再发放邀请码。',
      en: 'The survey is closed; no more invitations can be issued.',
    });
  const issues: FieldIssue[] = [];
  if (!survey.groups.some((g) => g.key === input.group))
    issues.push({
      path: 'body.group',
      zh: `问卷没有答卷人群体 ${input.group}`,
      en: `The survey has no group ${input.group}`,
    });
  if (input.unit !== undefined && !survey.units.includes(input.unit))
    issues.push({
      path: 'body.unit',
      zh: `单位 ${input.unit} 不在问卷的测评范围内`,
      en: `Unit ${input.unit} is not rated by this survey`,
    });
  if (issues.length) throw errors.validation(issues);

  const t = tenant(caller);
  const batch = batchId();
  const fields = {
    survey: survey.id,
    group: input.group,
    ...(input.unit ? { unit: input.unit } : {}),
    ...(input.note ? { note: input.note } : {}),
    batch,
    status: 'unused' as const,
  };
  const ids = Array.from({ length: input.count }, () => newId('invitation'));
  for (let i = 0; i < ids.length; i += PARALLEL)
    await Promise.all(
      ids
        .slice(i, i + PARALLEL)
        .map((id) =>
          caller.deps.data.cycleRecords.create(
            t,
            cycle.id,
            'INVITE',
            [survey.id, id],
            { id, ...fields },
            INVITATION,
          ),
        ),
    );
  await recordAudit(caller, {
    action: 'survey.invite',
    target: { type: 'survey', id: `${cycle.id}/${survey.id}` },
    after: { batch, group: input.group, count: input.count, ...(input.unit ? { unit: input.unit } : {}) },
    ...(input.note ? { note: input.note } : {}),
  });
  return { batch, count: ids.length, group: input.group, ...(input.unit ? { unit: input.unit } : {}) };
}

export async function invitations(
  caller: Caller,
  cycleId: string,
  surveyId: string,
  q: { status?: InvitationStatus; batch?: string; limit?: number; cursor?: string },
) {
  const { cycle, survey } = await loadSurvey(caller, cycleId, surveyId);
  const all = (await allInvitations(caller, cycle, survey.id))
    .filter((i) => (q.status ? i.status === q.status : true) && (q.batch ? i.batch === q.batch : true))
    .sort((a, b) => (a.createdAt + a.id < b.createdAt + b.id ? -1 : 1));
  return pageInMemory(
    caller,
    `invitations:${survey.id}:${q.status ?? ''}:${q.batch ?? ''}`,
    all,
    (i) => i.createdAt + i.id,
    q,
  );
}
