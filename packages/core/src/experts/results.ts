import type { Leaf, LeafInput } from '../indicators/model';
import { applyRule } from '../scoring/rules';
import type { Words } from './calibration';
import { round4, sourcesOf, trimmedMean } from './stats';

/**
 * What the expert review gives the scoring engine: per (unit, leaf) the experts' final scores as
 * the leaf's input — the scores themselves for an expert rule (专家评分), or for a 360° composite
 * the (trimmed) mean of each rater group as that source's score — and a preview of the leaf by its
 * own rule. The year-end batch (#10) calls this; nothing here re-implements a rule.
 */

/** An expert's final score on an item: from the latest (closed) round they scored it in. */
export interface FinalScore {
  expert: string;
  group?: string | undefined;
  score: number;
  round: number;
}

/** Every score of one item across rounds → each expert's latest. */
export function finalScores<T extends { expert: string; round: number }>(scores: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const s of scores) {
    const cur = latest.get(s.expert);
    if (!cur || s.round > cur.round) latest.set(s.expert, s);
  }
  return [...latest.values()].sort((a, b) => (a.expert < b.expert ? -1 : a.expert > b.expert ? 1 : 0));
}

export interface LeafFeed {
  input?: LeafInput;
  /** Per rater group of a composite leaf: how many scores and the mean taken. */
  groups?: { key: string; n: number; mean: number | null }[];
  preview?: { status: string; fraction: number; value: number | string | null; reason: Words };
}

/**
 * The leaf input from the final scores, and the leaf scored by its rule (fraction of its weight).
 * No scores at all: no input (the leaf's missing-data policy applies later).
 */
export function expertLeafFeed(leaf: Leaf, scores: readonly FinalScore[], decimals = 2): LeafFeed {
  let input: LeafInput | undefined;
  let groups: LeafFeed['groups'];
  if (leaf.rule.kind === 'composite') {
    groups = sourcesOf(leaf).map((s) => {
      const xs = scores.filter((x) => x.group === s.key).map((x) => x.score);
      return { key: s.key, n: xs.length, mean: xs.length ? round4(trimmedMean(xs, leaf)) : null };
    });
    const given = groups.filter((g) => g.mean !== null);
    if (given.length)
      input = {
        kind: 'sources',
        scores: Object.fromEntries(given.map((g) => [g.key, Math.min(100, Math.max(0, g.mean!))])),
      };
  } else if (scores.length) {
    input = { kind: 'expert_scores', scores: scores.map((s) => s.score) };
  }
  if (!input) return groups ? { groups } : {};
  const out = applyRule(leaf.rule, input, { leaf, decimals });
  return {
    input,
    ...(groups ? { groups } : {}),
    preview: {
      status: out.status,
      fraction: round4(out.fraction.toNumber()),
      value: out.value,
      reason: out.reason,
    },
  };
}
