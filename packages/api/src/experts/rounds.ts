import { AppError, calibrate, errors, flaggedItems, type Round, type RoundOpen } from '@jixiao/core';
import { recordAudit } from '../cycles/context';
import { requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';
import {
  countingScores,
  loadReview,
  openRoundOf,
  type ReviewContext,
  ROUND_WHAT,
  roundKey,
} from './review-context';

/**
 * Scoring rounds (评分轮次): the office opens round 1 for everything assigned, closes it (the scores
 * then count and experts see the others' anonymised), and may open a further round for the items
 * calibration flags, or for items it names. Scoring happens in 指标考核 and 综合评议 only.
 */

export const SCORING_STATES = ['verification', 'review'] as const;

/** The calibration of a round's counting scores (used for the flags a next round re-scores). */
export function calibrationOf(ctx: ReviewContext, round: number, nameOf?: (id: string) => string) {
  const scores = countingScores(ctx)
    .filter((s) => s.round === round)
    .map((s) => ({ expert: s.expert, unit: s.unit, leaf: s.leaf, group: s.group, score: s.score }));
  return calibrate(scores, (unit, leaf) => ctx.leaves.get(unit)?.get(leaf), {}, nameOf);
}

export async function openRound(caller: Caller, cycleId: string, input: RoundOpen): Promise<Round> {
  const ctx = await loadReview(caller, cycleId);
  requireState(ctx.cycle, SCORING_STATES, { zh: '开启专家评分轮次', en: 'open a scoring round' });
  const open = openRoundOf(ctx);
  if (open)
    throw new AppError({
      status: 409,
      code: 'round_open',
      zh: `第 ${open.number} 轮评分尚未截止，须先截止再开启下一轮。`,
      en: `Round ${open.number} is still open; close it before opening the next.`,
    });
  const number = (ctx.rounds.at(-1)?.number ?? 0) + 1;
  let items: { unit: string; leaf: string }[] = [];
  if (number === 1 && input.items?.length)
    throw errors.validation([
      {
        path: 'body.items',
        zh: '第一轮评分覆盖全部分配的单位和指标，不指定项目',
        en: 'Round 1 covers everything assigned; give no items',
      },
    ]);
  if (number > 1) {
    items = input.items ?? flaggedItems(calibrationOf(ctx, number - 1));
    const active = ctx.assignments.filter((a) => a.status === 'active');
    const issues = items.flatMap((it, i) =>
      active.some((a) => a.unit === it.unit && a.leaves.includes(it.leaf))
        ? []
        : [
            {
              path: `body.items.${i}`,
              zh: `${it.unit} 的指标 ${it.leaf} 没有分配专家`,
              en: `No expert is assigned to ${it.unit}'s indicator ${it.leaf}`,
            },
          ],
    );
    if (issues.length) throw errors.validation(issues);
    if (!items.length)
      throw new AppError({
        status: 409,
        code: 'nothing_to_rescore',
        zh: `第 ${number - 1} 轮评分校准没有需要复评的项目；如需复评，请指定单位和指标。`,
        en: `Calibration of round ${number - 1} flags nothing to re-score; name the items to re-score.`,
      });
  }
  const seen = new Set<string>();
  items = items.filter((i) => !seen.has(`${i.unit}#${i.leaf}`) && seen.add(`${i.unit}#${i.leaf}`));
  const saved = await caller.deps.data.cycleRecords.create(
    ctx.t,
    ctx.cycle.id,
    'EXPROUND',
    [roundKey(number)],
    {
      number,
      status: 'open' as const,
      items,
      ...(input.note ? { note: input.note } : {}),
      openedAt: caller.deps.now().toISOString(),
    },
    ROUND_WHAT,
  );
  await recordAudit(caller, {
    action: 'expert.round',
    target: { type: 'expertRound', id: `${ctx.cycle.id}/${number}` },
    after: { number, status: 'open', items: items.length },
    ...(input.note ? { note: input.note } : {}),
  });
  return saved;
}

export async function closeRound(caller: Caller, cycleId: string, number: number, version: number) {
  const ctx = await loadReview(caller, cycleId);
  const round = ctx.rounds.find((r) => r.number === number);
  if (!round) throw errors.notFound(ROUND_WHAT.zh, ROUND_WHAT.en);
  requireState(ctx.cycle, SCORING_STATES, { zh: '截止专家评分轮次', en: 'close a scoring round' });
  if (round.status === 'closed')
    throw new AppError({
      status: 409,
      code: 'round_closed',
      zh: `第 ${number} 轮评分已截止。`,
      en: `Round ${number} is already closed.`,
    });
  const saved = await caller.deps.data.cycleRecords.update<Round>(
    ctx.t,
    ctx.cycle.id,
    'EXPROUND',
    [roundKey(number)],
    version,
    { status: 'closed', closedAt: caller.deps.now().toISOString() },
    ROUND_WHAT,
  );
  await recordAudit(caller, {
    action: 'expert.round',
    target: { type: 'expertRound', id: `${ctx.cycle.id}/${number}` },
    before: { status: 'open' },
    after: { status: 'closed' },
  });
  return saved;
}
