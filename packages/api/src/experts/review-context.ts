import {
  type Assignment,
  type Cycle,
  contentOf,
  type Expert,
  type ExpertLeafView,
  type ExpertScore,
  errors,
  type IndicatorSystem,
  isExpertLeaf,
  type Leaf,
  leavesOf,
  type Round,
  scaleOf,
  sourcesOf,
  type Unit,
} from '@jixiao/core';
import { loadCycle, systemsByGroup, tenant, unitsInCycle } from '../cycles/context';
import type { Caller } from '../http/caller';

/**
 * Everything a use case of the expert review reads, loaded once: the cycle, the pool, the cycle's
 * assignments, rounds and scores (a cycle holds hundreds at most), and each unit of the cycle with
 * the leaves experts may score for it (rule 专家评分 or a 360° composite).
 */
export interface ReviewContext {
  t: string;
  cycle: Cycle;
  experts: Map<string, Expert>;
  assignments: Assignment[];
  rounds: Round[];
  scores: ExpertScore[];
  units: Map<string, Unit>;
  /** unit → leaf code → leaf (expert-scored leaves that apply to the unit). */
  leaves: Map<string, Map<string, Leaf>>;
}

export const ROUND_WHAT = { zh: '评分轮次', en: 'Scoring round' };
export const ASSIGNMENT_WHAT = { zh: '专家分配', en: 'Expert assignment' };
export const SCORE_WHAT = { zh: '专家的评分', en: 'Expert score' };

/** Round numbers in keys sort as text: two digits (a review has a handful of rounds). */
export const roundKey = (n: number) => String(n).padStart(2, '0');

export async function loadReview(caller: Caller, cycleId: string): Promise<ReviewContext> {
  const cycle = await loadCycle(caller, cycleId);
  const t = tenant(caller);
  const records = caller.deps.data.cycleRecords;
  const [pool, assignments, rounds, scores, units, systems] = await Promise.all([
    caller.deps.data.experts.pool.all(t),
    records.all<Assignment>(t, cycle.id, 'EXPASSIGN'),
    records.all<Round>(t, cycle.id, 'EXPROUND'),
    records.all<ExpertScore>(t, cycle.id, 'EXPSCORE'),
    unitsInCycle(caller, cycle),
    systemsByGroup(caller, cycle),
  ]);
  const leaves = new Map<string, Map<string, Leaf>>();
  for (const u of units) {
    const system = systems.get(u.group);
    if (system) leaves.set(u.code, expertLeavesOf(system, u.group));
  }
  return {
    t,
    cycle,
    experts: new Map(pool.map((e) => [e.id, e])),
    assignments: assignments.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)),
    rounds: rounds.sort((a, b) => a.number - b.number),
    scores,
    units: new Map(units.filter((u) => leaves.has(u.code)).map((u) => [u.code, u])),
    leaves,
  };
}

/** The leaves experts score for a unit of `group` under `system` (专家评分 or a 360° composite). */
export function expertLeavesOf(system: IndicatorSystem, group: string): Map<string, Leaf> {
  const own = leavesOf(contentOf(system).dimensions).filter(
    (l) => isExpertLeaf(l) && (!l.appliesTo?.length || l.appliesTo.includes(group)),
  );
  return new Map(own.map((l) => [l.code, l]));
}

export const cycleRefOf = (c: Cycle) => ({ id: c.id, name: c.name, state: c.state });

export const openRoundOf = (ctx: ReviewContext): Round | undefined =>
  ctx.rounds.find((r) => r.status === 'open');

/** Whether a round asks for (unit, leaf): round 1 covers everything assigned. */
export const roundCovers = (r: Round, unit: string, leaf: string) =>
  r.items.length === 0 || r.items.some((i) => i.unit === unit && i.leaf === leaf);

export function leafView(l: Leaf): ExpertLeafView {
  return {
    code: l.code,
    name: l.name,
    rule: l.rule.kind === 'composite' ? 'composite' : 'expert',
    scale: scaleOf(l),
    sources: sourcesOf(l).map((s) => ({ key: s.key, label: s.label, weight: s.weight })),
  };
}

export const unitName = (ctx: ReviewContext, code: string) => ctx.units.get(code)?.name ?? code;
export const expertName = (ctx: ReviewContext, id: string) => ctx.experts.get(id)?.name ?? id;
export const leafName = (ctx: ReviewContext, unit: string, leaf: string) =>
  ctx.leaves.get(unit)?.get(leaf)?.name ?? leaf;

/** Scores that count: those of assignments still active. */
export function countingScores(ctx: ReviewContext): ExpertScore[] {
  const active = new Set(ctx.assignments.filter((a) => a.status === 'active').map((a) => a.id));
  return ctx.scores.filter((s) => active.has(s.assignment));
}

export const notFoundExpertRecord = (what: { zh: string; en: string }) => errors.notFound(what.zh, what.en);
