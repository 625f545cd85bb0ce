import type { LeafInput, ScoringRule } from '../../indicators/model';
import { clamp, Dec, fixed, ONE, ZERO } from '../decimal';
import { invalid, num, pct, wrongKind } from './format';
import type { RuleContext, RuleOutcome } from './types';

type ExpertRule = Extract<ScoringRule, { kind: 'expert' }>;

/**
 * 专家评分: with n ≥ trimFrom experts (default 5) drop ONE highest and ONE lowest score
 * (去掉一个最高分和一个最低分) and average the rest; fewer experts: the plain mean.
 * fraction = mean / scale, clamped to [0, 1] (a score above the scale cannot earn more than full marks).
 */
export function expert(rule: ExpertRule, input: LeafInput, ctx: RuleContext): RuleOutcome {
  if (input.kind !== 'expert_scores') return wrongKind(input.kind, 'expert_scores');
  const scores = input.scores;
  if (scores.length === 0) return invalid('没有专家评分', 'No expert scores');
  const d = ctx.decimals;
  const trimmed = scores.length >= rule.trimFrom;
  let kept: readonly number[] = scores;
  let lo = 0;
  let hi = 0;
  if (trimmed) {
    const sorted = [...scores].sort((x, y) => x - y);
    lo = sorted[0]!;
    hi = sorted[sorted.length - 1]!;
    kept = sorted.slice(1, -1);
  }
  // Whole-number scores (the usual case) add up exactly as plain numbers; only the mean needs decimals.
  let plain = 0;
  let integral = true;
  for (const s of kept) {
    plain += s;
    if (!Number.isInteger(s)) integral = false;
  }
  let sum = new Dec(plain);
  if (!integral || !Number.isSafeInteger(plain)) {
    sum = ZERO;
    for (const s of kept) sum = sum.plus(s);
  }
  const mean = sum.div(kept.length);
  const fraction = clamp(mean.div(rule.scale), ZERO, ONE);
  const m = fixed(mean, d);
  const scale = num(rule.scale);
  const reason = trimmed
    ? {
        zh: `专家评分 ${scores.length} 份，去掉一个最高分 ${num(hi)} 和一个最低分 ${num(lo)}，其余 ${kept.length} 份平均 ${m} 分（满分 ${scale} 分），得分比例 ${pct(fraction, d)}`,
        en: `${scores.length} expert scores; dropping the highest (${num(hi)}) and the lowest (${num(lo)}), the other ${kept.length} average ${m} of ${scale}: ${pct(fraction, d)} of the points`,
      }
    : {
        zh: `专家评分 ${scores.length} 份（不足 ${rule.trimFrom} 份，不去掉最高分和最低分），平均 ${m} 分（满分 ${scale} 分），得分比例 ${pct(fraction, d)}`,
        en: `${scores.length} expert scores (fewer than ${rule.trimFrom}, so none dropped) average ${m} of ${scale}: ${pct(fraction, d)} of the points`,
      };
  return { status: 'scored', fraction, value: m, reason };
}
