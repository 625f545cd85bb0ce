import { type LeafInput, LIKERT_LEVELS, type ScoringRule } from '../../indicators/model';
import { clamp, Dec, fixed, ONE, ZERO } from '../decimal';
import { invalid, num, pct, wrongKind } from './format';
import type { RuleContext, RuleOutcome } from './types';

type SatisfactionRule = Extract<ScoringRule, { kind: 'satisfaction' }>;

/**
 * 满意度测评: for each respondent group, n = Σ answers (plain integer counting: counts are
 * integers, so no decimals are needed to tally them) and mean = Σ count·levelPoints / n.
 * A group with n < minSample is dropped and the kept groups' weights are renormalised:
 * score = Σ w·mean / Σ w (kept). fraction = score / (the highest level's points), so the default
 * 0..100 scale maps to 0..1 and an office's own scale works too.
 * All groups dropped (or the kept ones weigh nothing) → status `missing` with the sample sizes in
 * the reason: too few answers is "no data", handled by the missing-data policy, not a 0.
 * Answer groups the rule does not list are ignored (a survey may serve several indicators).
 */
export function satisfaction(rule: SatisfactionRule, input: LeafInput, ctx: RuleContext): RuleOutcome {
  if (input.kind !== 'survey') return wrongKind(input.kind, 'survey');
  const d = ctx.decimals;
  const lp = rule.levelPoints;
  let top = 0;
  let integerPoints = true;
  for (const level of LIKERT_LEVELS) {
    top = Math.max(top, lp[level]);
    if (!Number.isInteger(lp[level])) integerPoints = false;
  }
  if (top <= 0) {
    return invalid('各满意度等级的分值均为 0，无法计算满意度', 'Every Likert level is worth 0 points');
  }
  const zhParts: string[] = [];
  const enParts: string[] = [];
  const kept: { weight: Dec; mean: Dec; label: string }[] = [];
  const sizes: { zh: string[]; en: string[] } = { zh: [], en: [] };
  for (const g of rule.groups) {
    const counts: Partial<Record<(typeof LIKERT_LEVELS)[number], number>> = input.answers[g.key] ?? {};
    let n = 0;
    for (const level of LIKERT_LEVELS) n += counts[level] ?? 0;
    sizes.zh.push(`${g.label} ${n} 份`);
    sizes.en.push(`${g.label} ${n}`);
    if (n < rule.minSample) {
      zhParts.push(`${g.label} ${n} 份，不足最低样本 ${rule.minSample} 份，不计入`);
      enParts.push(`${g.label}: ${n} answers, below the minimum sample of ${rule.minSample}, not counted`);
      continue;
    }
    // Plain integer counting when the level points are whole numbers (the usual 100/80/60/30/0):
    // counts ≤ 10^7 × points ≤ 10^4 × 5 levels stays far below 2^53, so the sum is exact.
    let plain = 0;
    for (const level of LIKERT_LEVELS) plain += (counts[level] ?? 0) * lp[level];
    let sum: Dec;
    if (integerPoints && Number.isSafeInteger(plain)) sum = new Dec(plain);
    else {
      sum = ZERO;
      for (const level of LIKERT_LEVELS) {
        const c = counts[level] ?? 0;
        if (c > 0) sum = sum.plus(new Dec(lp[level]).times(c));
      }
    }
    const mean = sum.div(n);
    kept.push({ weight: new Dec(g.weight), mean, label: g.label });
    zhParts.push(`${g.label} ${n} 份，平均 ${fixed(mean, d)} 分，权重 ${num(g.weight)}`);
    enParts.push(`${g.label}: ${n} answers, mean ${fixed(mean, d)}, weight ${num(g.weight)}`);
  }
  let wSum = ZERO;
  let weighted = ZERO;
  for (const k of kept) {
    wSum = wSum.plus(k.weight);
    weighted = weighted.plus(k.weight.times(k.mean));
  }
  if (kept.length === 0 || wSum.isZero()) {
    const why =
      kept.length === 0
        ? {
            zh: `各组有效样本均不足 ${rule.minSample} 份`,
            en: `every group has fewer than ${rule.minSample} answers`,
          }
        : { zh: '达到样本量的组权重均为 0', en: 'the groups with enough answers all weigh 0' };
    return {
      status: 'missing',
      fraction: ZERO,
      value: null,
      reason: {
        zh: `满意度样本不足：${sizes.zh.join('、')}（${why.zh}），按未提交数据处理`,
        en: `Too few survey answers: ${sizes.en.join(', ')} (${why.en}); treated as no data`,
      },
    };
  }
  const score = weighted.div(wSum);
  const fraction = clamp(score.div(top), ZERO, ONE);
  const dropped = kept.length < rule.groups.length;
  const terms = kept.map((k) => `${num(k.weight.toNumber())} × ${fixed(k.mean, d)}`).join(' + ');
  const formula = dropped
    ? {
        zh: `按剩余组权重重新归一：(${terms}) ÷ ${wSum.toString()}`,
        en: `weights renormalised over the groups kept: (${terms}) ÷ ${wSum.toString()}`,
      }
    : { zh: `加权：${terms}`, en: `weighted: ${terms}` };
  const s = fixed(score, d);
  return {
    status: 'scored',
    fraction,
    value: s,
    reason: {
      zh: `满意度：${zhParts.join('；')}；${formula.zh} = ${s} 分（满分 ${num(top)} 分），得分比例 ${pct(fraction, d)}`,
      en: `Satisfaction: ${enParts.join('; ')}; ${formula.en} = ${s} of ${num(top)}: ${pct(fraction, d)} of the points`,
    },
  };
}
