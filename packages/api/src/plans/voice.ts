import {
  AppError,
  COMMENT_STATUS_LABELS,
  type CommentModeration,
  type ConsultationComment,
  errors,
  hasRole,
  OPINION_STATUS_LABELS,
  type OpinionStatus,
  type OpinionStep,
  type PlanOpinion,
} from '@jixiao/core';
import type { PageRequest } from '@jixiao/data';
import {
  changedFields,
  isOffice,
  isOwnUnit,
  loadCycle,
  ownUnitInCycle,
  pageInMemory,
  recordAudit,
  tenant,
  unitInCycle,
} from '../cycles/context';
import { OPEN_STATES, requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';

/**
 * What the public said, as the unit and the office handle it: comments on the consultation draft
 * (moderated and answered by the unit, art. 11) and opinions on published plans (the office
 * forwards them to the unit, the unit replies, the office closes the exchange, art. 12 ¶2).
 */

const COMMENT = { zh: '公众意见', en: 'Comment' };
const OPINION = { zh: '公众意见', en: 'Opinion' };

/** A plan's comments, pending ones included (the unit's own, or any unit's for the office). */
export async function listComments(caller: Caller, cycleId: string, unit: string, q: PageRequest) {
  const cycle = await loadCycle(caller, cycleId);
  // Pending comments and writers' contacts: the office's and the unit's own user's only.
  if (!isOffice(caller) && !isOwnUnit(caller, unit)) throw errors.notFound(COMMENT.zh, COMMENT.en);
  await unitInCycle(caller, cycle, unit);
  return caller.deps.data.cycleRecords.page<ConsultationComment>(
    tenant(caller),
    cycleId,
    'COMMENT',
    [unit],
    q,
  );
}

/** The unit publishes or rejects a comment (with a note) and answers a published one. */
export async function moderateComment(
  caller: Caller,
  cycleId: string,
  unit: string,
  commentId: string,
  body: CommentModeration,
) {
  const t = tenant(caller);
  const cycle = await loadCycle(caller, cycleId);
  await ownUnitInCycle(caller, cycle, unit);
  requireState(cycle, OPEN_STATES, { zh: '处理公众意见', en: 'handle public comments' });
  const records = caller.deps.data.cycleRecords;
  const comment = await records.getOr404<ConsultationComment>(
    t,
    cycleId,
    'COMMENT',
    [unit, commentId],
    COMMENT,
  );
  // A comment is moderated once: publishing or rejecting it later would rewrite the record of
  // the consultation after the fact. Its answer may still be improved.
  if (body.status !== undefined && comment.status !== 'pending' && body.status !== comment.status)
    throw new AppError({
      status: 409,
      code: 'invalid_transition',
      zh: `该意见已审核为「${COMMENT_STATUS_LABELS[comment.status].zh}」，不能再改变。`,
      en: `The comment was already moderated (${COMMENT_STATUS_LABELS[comment.status].en.toLowerCase()}); that cannot change.`,
      detail: { status: comment.status },
    });
  const status = body.status ?? comment.status;
  const changes: Partial<ConsultationComment> = {};
  if (body.status !== undefined) changes.status = body.status;
  if (body.moderationNote !== undefined) changes.moderationNote = body.moderationNote;
  if (body.answer !== undefined) {
    // An answer is public: only to a comment the public can see.
    if (status !== 'published')
      throw new AppError({
        status: 409,
        code: 'invalid_transition',
        zh: '只能答复已公开的公众意见；请先公开该意见。',
        en: 'Only a published comment can be answered; publish it first.',
        detail: { status },
      });
    changes.answer = body.answer;
    changes.answeredAt = caller.deps.now().toISOString();
  }
  const diff = changedFields(comment, changes);
  const saved = await records.update<ConsultationComment>(
    t,
    cycleId,
    'COMMENT',
    [unit, commentId],
    body.version,
    changes,
    COMMENT,
  );
  await recordAudit(caller, {
    action: 'comment.moderate',
    target: { type: 'comment', id: `${cycleId}/${unit}/${commentId}` },
    before: diff.before,
    after: diff.after,
  });
  return saved;
}

/** An opinion reaches the unit once the office forwards it. */
const forwarded = (o: PlanOpinion) => o.forwardedAt !== undefined;

/** The office sees every opinion; a unit's user those forwarded to its unit. */
export async function listOpinions(caller: Caller, cycleId: string, q: PageRequest) {
  const t = tenant(caller);
  await loadCycle(caller, cycleId);
  const records = caller.deps.data.cycleRecords;
  if (isOffice(caller)) return records.page<PlanOpinion>(t, cycleId, 'OPINION', [], q);
  const own = hasRole(caller.identity, 'unit_user') ? caller.identity.unit : undefined;
  const rows = (await records.all<PlanOpinion>(t, cycleId, 'OPINION')).filter(
    (o) => o.unit === own && forwarded(o),
  );
  return pageInMemory(caller, `cycle:${cycleId}:opinions:${own}`, rows, (o) => o.id, q);
}

/** Each step: from which statuses, to which, by whom, and which fields it writes. */
const STEPS = {
  forward: { from: ['received'], to: 'forwarded', office: true },
  reply: { from: ['forwarded'], to: 'answered', office: false },
  close: { from: ['received', 'forwarded', 'answered'], to: 'closed', office: true },
} as const satisfies Record<
  OpinionStep['action'],
  { from: readonly OpinionStatus[]; to: OpinionStatus; office: boolean }
>;

const STEP_WORDS: Record<OpinionStep['action'], [string, string]> = {
  forward: ['将公众意见转交单位', 'forward opinions to units'],
  reply: ['答复转交的公众意见', 'reply to forwarded opinions'],
  close: ['办结公众意见', 'close opinions'],
};

export async function stepOpinion(caller: Caller, cycleId: string, opinionId: string, body: OpinionStep) {
  const t = tenant(caller);
  const cycle = await loadCycle(caller, cycleId);
  const step = STEPS[body.action];
  const office = isOffice(caller);
  if (step.office !== office || (!office && !hasRole(caller.identity, 'unit_user')))
    throw errors.forbidden(...STEP_WORDS[body.action]);
  const records = caller.deps.data.cycleRecords;
  const opinion = await records.get<PlanOpinion>(t, cycleId, 'OPINION', [opinionId]);
  // A unit sees only what was forwarded to it; anything else looks missing.
  if (!opinion || (!office && (!isOwnUnit(caller, opinion.unit) || !forwarded(opinion))))
    throw errors.notFound(OPINION.zh, OPINION.en);
  requireState(cycle, OPEN_STATES, { zh: STEP_WORDS[body.action][0], en: STEP_WORDS[body.action][1] });
  if (!(step.from as readonly OpinionStatus[]).includes(opinion.status))
    throw new AppError({
      status: 409,
      code: 'invalid_transition',
      zh: `该意见当前为「${OPINION_STATUS_LABELS[opinion.status].zh}」，不能${STEP_WORDS[body.action][0]}。`,
      en: `The opinion is ${OPINION_STATUS_LABELS[opinion.status].en.toLowerCase()}; you cannot ${STEP_WORDS[body.action][1]} now.`,
      detail: { status: opinion.status, action: body.action },
    });
  const now = caller.deps.now().toISOString();
  const changes: Partial<PlanOpinion> =
    body.action === 'forward'
      ? { status: step.to, forwardNote: body.text, forwardedAt: now }
      : body.action === 'reply'
        ? { status: step.to, reply: body.text, repliedAt: now }
        : { status: step.to, conclusion: body.text };
  const saved = await records.update<PlanOpinion>(
    t,
    cycleId,
    'OPINION',
    [opinionId],
    body.version,
    changes,
    OPINION,
  );
  await recordAudit(caller, {
    action: 'opinion.step',
    target: { type: 'opinion', id: `${cycleId}/${opinionId}` },
    before: { status: opinion.status },
    after: changes,
    note: body.action,
  });
  return saved;
}
