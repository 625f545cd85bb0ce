import {
  AppError,
  type Assignment,
  type AssignmentCreate,
  conflictError,
  conflictOf,
  errors,
  type FieldIssue,
  type Leaf,
} from '@jixiao/core';
import { loadCycle, recordAudit, tenant, unitInCycle } from '../cycles/context';
import { OPEN_STATES, requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';
import { newAssignmentId } from './ids';
import { ASSIGNMENT_WHAT, expertLeavesOf, loadReview } from './review-context';

/**
 * Assigning experts (分配专家): a unit of the cycle and leaves experts score for it; never the
 * expert's own unit or a unit they declared a conflict with (回避, 409 conflict_of_interest).
 */

const STEP = { zh: '分配评审专家', en: 'assign experts' };

function leafIssues(leaves: ReadonlyMap<string, Leaf>, input: AssignmentCreate): FieldIssue[] {
  const out: FieldIssue[] = [];
  const seen = new Set<string>();
  input.leaves.forEach((code, i) => {
    const leaf = leaves.get(code);
    if (seen.has(code))
      out.push({ path: `body.leaves.${i}`, zh: `指标 ${code} 重复`, en: `Indicator ${code} appears twice` });
    seen.add(code);
    if (!leaf) {
      out.push({
        path: `body.leaves.${i}`,
        zh: `指标 ${code} 不适用于该单位，或不是由专家评分的指标（专家评分或综合得分）`,
        en: `Indicator ${code} does not apply to the unit or is not scored by experts (expert or composite rule)`,
      });
      return;
    }
    if (leaf.rule.kind !== 'composite') return;
    const keys = leaf.rule.sources.map((s) => s.key);
    if (!input.group || !keys.includes(input.group))
      out.push({
        path: 'body.group',
        zh: `指标 ${code} 为综合得分（360 度评价），须指定评价人群组：${keys.join('、')}`,
        en: `Indicator ${code} is a composite (360° rating): give the rater group, one of ${keys.join(', ')}`,
      });
  });
  if (input.group && !input.leaves.some((c) => leaves.get(c)?.rule.kind === 'composite'))
    out.push({
      path: 'body.group',
      zh: '评价人群组只用于综合得分（360 度评价）指标',
      en: 'A rater group applies only to composite (360°) indicators',
    });
  return out;
}

export async function assign(caller: Caller, cycleId: string, input: AssignmentCreate): Promise<Assignment> {
  // Read only what one assignment needs (the demo and the office assign dozens in a row).
  const cycle = await loadCycle(caller, cycleId);
  requireState(cycle, OPEN_STATES, STEP);
  const t = tenant(caller);
  const [expert, u, existing] = await Promise.all([
    caller.deps.data.experts.pool.get(t, input.expertId),
    unitInCycle(caller, cycle, input.unit).catch((e: unknown) => {
      if (e instanceof AppError && e.status === 404) return undefined;
      throw e;
    }),
    caller.deps.data.cycleRecords.all<Assignment>(t, cycle.id, 'EXPASSIGN'),
  ]);
  if (!expert)
    throw errors.validation([
      { path: 'body.expertId', zh: '专家不在本租户的专家库中', en: 'No such expert in the pool' },
    ]);
  const leaves = u ? expertLeavesOf(u.system, u.group) : new Map<string, Leaf>();
  if (!u || leaves.size === 0)
    throw errors.validation([
      {
        path: 'body.unit',
        zh: `单位 ${input.unit} 不在该考核周期范围内，或没有由专家评分的指标`,
        en: `Unit ${input.unit} is not in this cycle or has no indicator scored by experts`,
      },
    ]);
  const unit = u.unit;
  if (!expert.active)
    throw new AppError({
      status: 409,
      code: 'expert_inactive',
      zh: `专家「${expert.name}」已停用，不能分配。`,
      en: `Expert "${expert.name}" is inactive and cannot be assigned.`,
    });
  const account = expert.userId
    ? await caller.deps.data.org.getUser(tenant(caller), expert.userId)
    : undefined;
  const conflict = conflictOf(expert, unit.code, account?.unit);
  if (conflict) throw conflictError(expert, unit, conflict);
  const issues = leafIssues(leaves, input);
  if (issues.length) throw errors.validation(issues);
  if (existing.some((a) => a.expert === expert.id && a.unit === unit.code && a.status === 'active'))
    throw errors.alreadyExists(
      `专家「${expert.name}」对「${unit.name}」的分配`,
      `The assignment of "${expert.name}" to ${unit.name}`,
    );
  const id = newAssignmentId();
  const saved = await caller.deps.data.cycleRecords.create(
    t,
    cycle.id,
    'EXPASSIGN',
    [id],
    {
      id,
      cycle: cycle.id,
      expert: expert.id,
      unit: unit.code,
      leaves: input.leaves,
      ...(input.group ? { group: input.group } : {}),
      status: 'active' as const,
    },
    ASSIGNMENT_WHAT,
  );
  await recordAudit(caller, {
    action: 'expert.assign',
    target: { type: 'expertAssignment', id: `${cycle.id}/${id}` },
    after: { expert: expert.id, unit: unit.code, leaves: input.leaves, group: input.group ?? null },
  });
  return saved;
}

/** Withdraws an assignment: deleted while it has no scores, otherwise recused (scores stop counting). */
export async function unassign(caller: Caller, cycleId: string, assignmentId: string, version: number) {
  const ctx = await loadReview(caller, cycleId);
  const a = ctx.assignments.find((x) => x.id === assignmentId);
  if (!a) throw errors.notFound(ASSIGNMENT_WHAT.zh, ASSIGNMENT_WHAT.en);
  requireState(ctx.cycle, OPEN_STATES, { zh: '撤销专家分配', en: 'withdraw an assignment' });
  const target = { type: 'expertAssignment', id: `${ctx.cycle.id}/${a.id}` };
  if (!ctx.scores.some((s) => s.assignment === a.id)) {
    await caller.deps.data.experts.removeAssignment(ctx.t, ctx.cycle.id, a.id, version);
    await recordAudit(caller, {
      action: 'expert.unassign',
      target,
      before: { expert: a.expert, unit: a.unit },
    });
    return { outcome: 'deleted' as const, assignment: a };
  }
  if (a.status === 'recused')
    throw new AppError({
      status: 409,
      code: 'assignment_recused',
      zh: '该分配已回避，其评分不再计入。',
      en: 'The assignment is already recused; its scores no longer count.',
    });
  const recusal = {
    reason: '考核办撤销分配（已有评分，不再计入）/ withdrawn by the office (its scores no longer count)',
    by: caller.identity.sub,
    at: caller.deps.now().toISOString(),
  };
  const saved = await caller.deps.data.cycleRecords.update<Assignment>(
    ctx.t,
    ctx.cycle.id,
    'EXPASSIGN',
    [a.id],
    version,
    { status: 'recused', recusal },
    ASSIGNMENT_WHAT,
  );
  await recordAudit(caller, {
    action: 'expert.recuse',
    target,
    before: { status: a.status },
    after: { status: 'recused' },
    note: recusal.reason,
  });
  return { outcome: 'recused' as const, assignment: saved };
}
