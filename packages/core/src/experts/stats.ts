import type { Leaf } from '../indicators/model';
import { applyRule } from '../scoring/rules';

/**
 * The numbers of the expert review: the scale and trimming a leaf's rule sets, the trimmed mean
 * (by the rule itself, never re-implemented) and plain descriptive statistics.
 */

/** The scale experts score on: the expert rule's, or 0..100 for a composite leaf's sources. */
export const scaleOf = (leaf: Pick<Leaf, 'rule'>): number =>
  leaf.rule.kind === 'expert' ? leaf.rule.scale : 100;

/** From how many scores one highest and one lowest are dropped (composite sources: 5, as the expert rule's default). */
export const trimFromOf = (leaf: Pick<Leaf, 'rule'>): number =>
  leaf.rule.kind === 'expert' ? leaf.rule.trimFrom : 5;

/** Leaves experts score: qualitative rules scored by experts (专家评分) or a 360° composite. */
export const isExpertLeaf = (leaf: Pick<Leaf, 'rule'>): boolean =>
  leaf.rule.kind === 'expert' || leaf.rule.kind === 'composite';

/** The sources (rater groups) of a composite leaf, empty for other rules. */
export const sourcesOf = (leaf: Pick<Leaf, 'rule'>): { key: string; label: string; weight: number }[] =>
  leaf.rule.kind === 'composite' ? leaf.rule.sources : [];

/** Rounded for showing and comparing in tests (4 places); the figures are computed unrounded. */
export const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Sample variance (n − 1); 0 for fewer than two scores. */
export function sampleVariance(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
}

/**
 * The agreement coefficient r_wg (James, Demaree & Wolf): 1 − s² / σ²_EU, where σ²_EU = scale² / 12
 * is the variance of scores spread uniformly over 0..scale (no agreement at all); clamped to [0, 1].
 * Undefined (null) for fewer than two scores.
 */
export function rwg(xs: readonly number[], scale: number): number | null {
  if (xs.length < 2) return null;
  const expected = (scale * scale) / 12;
  return Math.min(1, Math.max(0, 1 - sampleVariance(xs) / expected));
}

/**
 * The mean the leaf's rule takes (去掉一个最高分和一个最低分 from `trimFrom` scores, else the plain
 * mean), computed by the expert rule itself with the leaf's scale and trimming.
 */
export function trimmedMean(xs: readonly number[], leaf: Leaf): number {
  const rule = { kind: 'expert' as const, scale: scaleOf(leaf), trimFrom: trimFromOf(leaf) };
  const out = applyRule(rule, { kind: 'expert_scores', scores: [...xs] }, { leaf, decimals: 6 });
  return Number(out.value);
}
