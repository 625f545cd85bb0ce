import type { LeafInput, ScoringRule } from '../../indicators/model';
import { clamp, Dec, fixed, HUNDRED, ONE, ZERO } from '../decimal';
import { num, pct, wrongKind } from './format';
import type { RuleContext, RuleOutcome } from './types';

type CompositeRule = Extract<ScoringRule, { kind: 'composite' }>;

/**
 * 综合得分: score = Σ weight·sourceScore (each source 0..100), fraction = score / 100, clamped to
 * [0, 1]. A source with no score counts as 0 and the reason names it (an incomplete 360° review
 * must show, not be silently renormalised away). Weights are used as written (validate.ts checks
 * that they sum to 1).
 */
export function composite(rule: CompositeRule, input: LeafInput, ctx: RuleContext): RuleOutcome {
  if (input.kind !== 'sources') return wrongKind(input.kind, 'sources');
  const d = ctx.decimals;
  let score = ZERO;
  const zh: string[] = [];
  const en: string[] = [];
  for (const s of rule.sources) {
    const v = input.scores[s.key];
    const w = `${fixed(new Dec(s.weight).times(HUNDRED), 0)}%`;
    if (v === undefined) {
      zh.push(`${s.label}（未提供，按 0 计）× ${w}`);
      en.push(`${s.label} (not provided, 0) × ${w}`);
      continue;
    }
    score = score.plus(new Dec(s.weight).times(v));
    zh.push(`${s.label} ${num(v)} × ${w}`);
    en.push(`${s.label} ${num(v)} × ${w}`);
  }
  const fraction = clamp(score.div(HUNDRED), ZERO, ONE);
  const s = fixed(score, d);
  return {
    status: 'scored',
    fraction,
    value: s,
    reason: {
      zh: `综合得分：${zh.join(' + ')} = ${s}，得分比例 ${pct(fraction, d)}`,
      en: `Composite: ${en.join(' + ')} = ${s}: ${pct(fraction, d)} of the points`,
    },
  };
}
