import {
  AppError,
  type Assignment,
  conflictError,
  conflictOf,
  type Expert,
  type ExpertScore,
  errors,
  type FieldIssue,
  type MineView,
  median,
  type Recusal,
  type ScoresPut,
  scaleOf,
} from '@jixiao/core';
import { recordAudit } from '../cycles/context';
import { OPEN_STATES, requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';
import {
  ASSIGNMENT_WHAT,
  cycleRefOf,
  leafView,
  loadReview,
  openRoundOf,
  type ReviewContext,
  roundCovers,
  roundKey,
  SCORE_WHAT,
  unitName,
} from './review-context';
import { SCORING_STATES } from './rounds';

/**
 * The expert's own workspace (评审工作台): their assignments, their scores, and — blind while a round
 * is open — the others' scores of closed rounds without names (德尔菲法: an expert re-scoring in
 * round 2 sees round 1's distribution first). An expert is matched to the pool by their account.
 */

interface MineContext extends ReviewContext {
  me: Expert;
}

async function loadMine(caller: Caller, cycleId: string): Promise<MineContext> {
  const ctx = await loadReview(caller, cycleId);
  // By the caller's record id, which the directory reads from the token (Cognito's `sub` is not it).
  const userId = caller.deps.directory.userIdOf(caller.identity);
  const me = userId === undefined ? undefined : [...ctx.experts.values()].find((e) => e.userId === userId);
  if (!me)
    throw errors.notFound(
      '您的账号未关联本租户专家库中的专家，请联系考核办',
      'Your account is not linked to an expert in the pool; ask the office',
    );
  return { ...ctx, me };
}

function mineView(ctx: MineContext): MineView {
  const open = openRoundOf(ctx);
  const closed = new Set(ctx.rounds.filter((r) => r.status === 'closed').map((r) => r.number));
  const activeIds = new Set(ctx.assignments.filter((a) => a.status === 'active').map((a) => a.id));
  const canScore = !!open && (SCORING_STATES as readonly string[]).includes(ctx.cycle.state) && ctx.me.active;
  const assignments = ctx.assignments.filter((a) => a.expert === ctx.me.id);
  return {
    cycle: cycleRefOf(ctx.cycle),
    expert: { id: ctx.me.id, name: ctx.me.name, conflicts: ctx.me.conflicts },
    rounds: ctx.rounds.map((r) => ({ number: r.number, status: r.status })),
    openRound: open?.number ?? null,
    canScore,
    assignments: assignments.map((a) => ({
      id: a.id,
      unit: a.unit,
      unitName: unitName(ctx, a.unit),
      ...(a.group ? { group: a.group } : {}),
      status: a.status,
      version: a.version,
      ...(a.recusal ? { recusal: a.recusal } : {}),
      leaves: a.leaves.flatMap((code) => {
        const leaf = ctx.leaves.get(a.unit)?.get(code);
        if (!leaf) return [];
        const own = ctx.scores
          .filter((s) => s.assignment === a.id && s.leaf === code)
          .sort((x, y) => x.round - y.round)
          .map((s) => ({ round: s.round, score: s.score, comment: s.comment, version: s.version }));
        // Others on the same item (and rater group) in closed rounds only; never names.
        const others = ctx.scores.filter(
          (s) =>
            s.unit === a.unit &&
            s.leaf === code &&
            s.expert !== ctx.me.id &&
            (s.group ?? '') === (leaf.rule.kind === 'composite' ? (a.group ?? '') : '') &&
            closed.has(s.round) &&
            activeIds.has(s.assignment),
        );
        const revealed = [...new Set(others.map((s) => s.round))].sort().map((round) => {
          const xs = others
            .filter((s) => s.round === round)
            .map((s) => s.score)
            .sort((x, y) => x - y);
          return { round, scores: xs, median: median(xs) };
        });
        return [
          {
            ...leafView(leaf),
            due: canScore && a.status === 'active' && roundCovers(open!, a.unit, code),
            own,
            revealed,
          },
        ];
      }),
    })),
  };
}

export async function getMine(caller: Caller, cycleId: string): Promise<MineView> {
  return mineView(await loadMine(caller, cycleId));
}

const notMine = () => errors.notFound(ASSIGNMENT_WHAT.zh, ASSIGNMENT_WHAT.en);

function recusedError(ctx: ReviewContext, a: Assignment) {
  return new AppError({
    status: 409,
    code: 'assignment_recused',
    zh: `您对「${unitName(ctx, a.unit)}」的评审已回避，不能评分。`,
    en: `You have recused from ${unitName(ctx, a.unit)}; you cannot score it.`,
  });
}

export async function putScores(caller: Caller, cycleId: string, input: ScoresPut): Promise<MineView> {
  const ctx = await loadMine(caller, cycleId);
  requireState(ctx.cycle, SCORING_STATES, { zh: '评分', en: 'score as an expert' });
  if (!ctx.me.active)
    throw new AppError({
      status: 409,
      code: 'expert_inactive',
      zh: '您在专家库中已停用，不能评分。',
      en: 'You are inactive in the expert pool and cannot score.',
    });
  const open = openRoundOf(ctx);
  if (!open)
    throw new AppError({
      status: 409,
      code: 'round_closed',
      zh: '当前没有进行中的评分轮次，不能评分。',
      en: 'No scoring round is open; you cannot score now.',
    });
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const writes: { a: Assignment; item: ScoresPut['scores'][number]; existing?: ExpertScore }[] = [];
  input.scores.forEach((item, i) => {
    const a = ctx.assignments.find((x) => x.id === item.assignment && x.expert === ctx.me.id);
    if (!a) throw notMine();
    if (a.status !== 'active') throw recusedError(ctx, a);
    const unit = ctx.units.get(a.unit);
    // The signed-in account's own unit too (an expert who is also a unit's user never scores it).
    const conflict = unit && conflictOf(ctx.me, unit.code, caller.identity.unit);
    if (unit && conflict) throw conflictError(ctx.me, unit, conflict);
    const leaf = ctx.leaves.get(a.unit)?.get(item.leaf);
    const at = `body.scores.${i}`;
    if (!leaf || !a.leaves.includes(item.leaf)) {
      issues.push({
        path: `${at}.leaf`,
        zh: `指标 ${item.leaf} 不在您对该单位的评审范围内`,
        en: `Indicator ${item.leaf} is not among those you score for this unit`,
      });
      return;
    }
    if (!roundCovers(open, a.unit, item.leaf))
      issues.push({
        path: `${at}.leaf`,
        zh: `第 ${open.number} 轮不复评该单位的指标 ${item.leaf}`,
        en: `Round ${open.number} does not re-score indicator ${item.leaf} of this unit`,
      });
    const scale = scaleOf(leaf);
    if (item.score > scale)
      issues.push({
        path: `${at}.score`,
        zh: `评分须在 0 到 ${scale} 分之间`,
        en: `The score must be between 0 and ${scale}`,
      });
    const k = `${a.id}#${item.leaf}`;
    if (seen.has(k)) issues.push({ path: at, zh: '同一指标只能评一次分', en: 'One score per indicator' });
    seen.add(k);
    const existing = ctx.scores.find(
      (s) => s.assignment === a.id && s.leaf === item.leaf && s.round === open.number,
    );
    writes.push({ a, item, ...(existing ? { existing } : {}) });
  });
  if (issues.length) throw errors.validation(issues);
  // Every replacement must name the version it replaces, checked before anything is written.
  for (const w of writes)
    if (w.existing && w.item.version !== w.existing.version) throw errors.versionConflict(w.existing.version);
    else if (!w.existing && w.item.version !== undefined) throw errors.versionConflict();
  const records = caller.deps.data.cycleRecords;
  for (const { a, item, existing } of writes) {
    const path = [roundKey(open.number), a.unit, item.leaf, a.id];
    if (existing)
      await records.update<ExpertScore>(
        ctx.t,
        ctx.cycle.id,
        'EXPSCORE',
        path,
        existing.version,
        {
          score: item.score,
          comment: item.comment,
        },
        SCORE_WHAT,
      );
    else
      await records.create(
        ctx.t,
        ctx.cycle.id,
        'EXPSCORE',
        path,
        {
          cycle: ctx.cycle.id,
          round: open.number,
          assignment: a.id,
          expert: ctx.me.id,
          unit: a.unit,
          leaf: item.leaf,
          // A rater group matters only on a 360° (composite) leaf: an expert-rule leaf is one item.
          ...(a.group && ctx.leaves.get(a.unit)?.get(item.leaf)?.rule.kind === 'composite'
            ? { group: a.group }
            : {}),
          score: item.score,
          comment: item.comment,
        },
        SCORE_WHAT,
      );
  }
  await recordAudit(caller, {
    action: 'expert.score',
    target: { type: 'expertRound', id: `${ctx.cycle.id}/${open.number}` },
    after: writes.map((w) => ({ unit: w.a.unit, leaf: w.item.leaf, score: w.item.score })),
  });
  return getMine(caller, cycleId);
}

/**
 * The expert declares a conflict with an assigned unit (申请回避): the assignment is recused, its
 * scores stop counting, and the unit joins the expert's declared conflicts for later assignments.
 */
export async function recuse(caller: Caller, cycleId: string, assignmentId: string, input: Recusal) {
  const ctx = await loadMine(caller, cycleId);
  const a = ctx.assignments.find((x) => x.id === assignmentId && x.expert === ctx.me.id);
  if (!a) throw notMine();
  requireState(ctx.cycle, OPEN_STATES, { zh: '申请回避', en: 'recuse' });
  if (a.status !== 'active') throw recusedError(ctx, a);
  const recusal = { reason: input.reason, by: caller.identity.sub, at: caller.deps.now().toISOString() };
  // The declared conflict first (re-read on a concurrent edit of the expert), so a failure leaves
  // the assignment active and the call can be repeated; then the assignment (its own version).
  await declareConflict(caller, ctx.t, ctx.me.id, a.unit);
  await caller.deps.data.cycleRecords.update<Assignment>(
    ctx.t,
    ctx.cycle.id,
    'EXPASSIGN',
    [a.id],
    a.version,
    { status: 'recused', recusal },
    ASSIGNMENT_WHAT,
  );
  await recordAudit(caller, {
    action: 'expert.recuse',
    target: { type: 'expertAssignment', id: `${ctx.cycle.id}/${a.id}` },
    before: { status: 'active' },
    after: { status: 'recused', conflict: a.unit },
    note: input.reason,
  });
  return getMine(caller, cycleId);
}

/** Adds a unit to the expert's declared conflicts, retrying on a concurrent edit of the record. */
async function declareConflict(caller: Caller, t: string, expertId: string, unit: string): Promise<void> {
  const pool = caller.deps.data.experts.pool;
  for (let attempt = 0; attempt < 5; attempt++) {
    const me = await pool.get(t, expertId);
    if (!me || me.conflicts.includes(unit)) return;
    try {
      await pool.update(t, expertId, me.version, { conflicts: [...me.conflicts, unit] });
      return;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'version_conflict')) throw e;
    }
  }
  throw errors.versionConflict();
}
