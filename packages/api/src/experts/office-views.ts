import {
  type CalibrationView,
  expertLeafFeed,
  finalScores,
  flaggedItems,
  type ResultsView,
  type ReviewOverview,
} from '@jixiao/core';
import type { Caller } from '../http/caller';
import {
  countingScores,
  cycleRefOf,
  expertName,
  leafName,
  leafView,
  loadReview,
  openRoundOf,
  unitName,
} from './review-context';
import { calibrationOf, SCORING_STATES } from './rounds';

/** The office's reads of the expert review: the overview, the calibration and the results. */

export async function overview(caller: Caller, cycleId: string): Promise<ReviewOverview> {
  const ctx = await loadReview(caller, cycleId);
  const latest = ctx.rounds.at(-1);
  const active = ctx.assignments.filter((a) => a.status === 'active');
  const items = new Map<string, { unit: string; leaf: string; assigned: number; scored: number }>();
  for (const a of active)
    for (const leaf of a.leaves) {
      const k = `${a.unit}#${leaf}`;
      const it = items.get(k) ?? { unit: a.unit, leaf, assigned: 0, scored: 0 };
      it.assigned++;
      if (
        latest &&
        ctx.scores.some((s) => s.assignment === a.id && s.leaf === leaf && s.round === latest.number)
      )
        it.scored++;
      items.set(k, it);
    }
  const open = openRoundOf(ctx);
  return {
    cycle: cycleRefOf(ctx.cycle),
    scoringOpen: !!open && (SCORING_STATES as readonly string[]).includes(ctx.cycle.state),
    rounds: ctx.rounds,
    assignments: ctx.assignments.map((a) => ({
      ...a,
      expertName: expertName(ctx, a.expert),
      unitName: unitName(ctx, a.unit),
    })),
    progress: [...items.values()]
      .sort((a, b) => (a.unit === b.unit ? (a.leaf < b.leaf ? -1 : 1) : a.unit < b.unit ? -1 : 1))
      .map((i) => ({ ...i, round: latest?.number ?? null })),
    assignable: [...ctx.units.values()].map((u) => ({
      unit: u.code,
      name: u.name,
      group: u.group,
      leaves: [...(ctx.leaves.get(u.code)?.values() ?? [])].map(leafView),
    })),
    experts: [...ctx.experts.values()]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((e) => ({ id: e.id, name: e.name, active: e.active, ...(e.unit ? { unit: e.unit } : {}) })),
  };
}

export async function calibrationView(
  caller: Caller,
  cycleId: string,
  round?: number,
): Promise<CalibrationView> {
  const ctx = await loadReview(caller, cycleId);
  // By default the latest round that has scores: a round just opened shows nothing to calibrate yet.
  const scored = new Set(ctx.scores.map((x) => x.round));
  const n =
    round ??
    [...ctx.rounds].reverse().find((r) => scored.has(r.number))?.number ??
    ctx.rounds.at(-1)?.number ??
    null;
  const name = (id: string) => expertName(ctx, id);
  const c = n === null ? undefined : calibrationOf(ctx, n, name);
  return {
    cycle: cycleRefOf(ctx.cycle),
    round: n,
    options: c?.options ?? { minAgreement: 0.7, outlierShare: 0.2, biasShare: 0.1, biasMinItems: 3 },
    items: (c?.items ?? []).map((i) => ({
      ...i,
      unitName: unitName(ctx, i.unit),
      leafName: leafName(ctx, i.unit, i.leaf),
      outliers: i.outliers.map((o) => ({ ...o, expertName: name(o.expert) })),
    })),
    leaves: (c?.leaves ?? []).map((l) => ({
      ...l,
      leafName: [...ctx.leaves.values()].find((m) => m.has(l.leaf))?.get(l.leaf)?.name ?? l.leaf,
    })),
    experts: (c?.experts ?? []).map((e) => ({ ...e, expertName: name(e.expert) })),
    flagged: c ? flaggedItems(c) : [],
  };
}

/** Each item's final scores (latest closed round per expert, active assignments) and the leaf they feed. */
export async function resultsView(caller: Caller, cycleId: string): Promise<ResultsView> {
  const ctx = await loadReview(caller, cycleId);
  const closed = new Set(ctx.rounds.filter((r) => r.status === 'closed').map((r) => r.number));
  const counting = countingScores(ctx).filter((s) => closed.has(s.round));
  const keys = new Set<string>();
  for (const a of ctx.assignments.filter((x) => x.status === 'active'))
    for (const leaf of a.leaves) keys.add(`${a.unit}#${leaf}`);
  const items = [...keys].sort().flatMap((k) => {
    const [unit, leafCode] = k.split('#') as [string, string];
    const leaf = ctx.leaves.get(unit)?.get(leafCode);
    if (!leaf) return [];
    const finals = finalScores(counting.filter((s) => s.unit === unit && s.leaf === leafCode));
    const feed = expertLeafFeed(leaf, finals, 2);
    return [
      {
        unit,
        unitName: unitName(ctx, unit),
        leaf: leafCode,
        leafName: leaf.name,
        rule: leaf.rule.kind === 'composite' ? ('composite' as const) : ('expert' as const),
        scores: finals.map((s) => ({
          expert: s.expert,
          expertName: expertName(ctx, s.expert),
          ...(s.group ? { group: s.group } : {}),
          round: s.round,
          score: s.score,
          comment: s.comment,
        })),
        ...feed,
      },
    ];
  });
  return { cycle: cycleRefOf(ctx.cycle), openRound: openRoundOf(ctx)?.number ?? null, items };
}
