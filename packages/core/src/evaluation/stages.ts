import { type Leaf, leavesOf, type SystemContent } from '../indicators/model';
import { amount, type Dec, dec, shownAmount, ZERO } from '../scoring/decimal';
import type { LeafResult, NodeResult, UnitResult } from '../scoring/types';
import { stageOf } from './assemble';
import { RESULT_STAGES, type ResultStage, type StageResult } from './model';

const leafResults = (nodes: readonly NodeResult[]): LeafResult[] =>
  nodes.flatMap((n) => (n.type === 'leaf' ? [n] : leafResults(n.children)));

/**
 * A unit's points per stage (指标考核, 满意度测评, 专家评议): Σ of its leaves' SHOWN points, out of Σ of
 * their effective weights. The system's tree already weighs the stages against each other, so the
 * stages add up to the base sum the breakdown prints; only stages the system has are listed.
 */
export function stagesOf(content: SystemContent, result: UnitResult): StageResult[] {
  const d = content.decimals ?? 2;
  const byCode = new Map<string, Leaf>();
  for (const l of leavesOf(content.dimensions)) if (!byCode.has(l.code)) byCode.set(l.code, l);
  const present = new Set([...byCode.values()].map(stageOf));
  const points = new Map<ResultStage, Dec>();
  const max = new Map<ResultStage, Dec>();
  for (const l of leafResults(result.dimensions)) {
    const leaf = byCode.get(l.code);
    if (!leaf) continue;
    const s = stageOf(leaf);
    points.set(s, (points.get(s) ?? ZERO).plus(dec(l.points.shown)));
    max.set(s, (max.get(s) ?? ZERO).plus(dec(l.effectiveWeight.exact)));
  }
  return RESULT_STAGES.filter((s) => present.has(s)).map((stage) => ({
    stage,
    points: shownAmount(points.get(stage) ?? ZERO, d),
    max: amount(max.get(stage) ?? ZERO, d),
  }));
}
