import type { LeafInput, ScoringRule } from '../../indicators/model';
import { Dec, ONE } from '../decimal';
import { countAbove, countBelow } from '../peers';
import { num, pct, withUnit, wrongKind } from './format';
import type { RuleContext, RuleOutcome } from './types';

type RankRule = Extract<ScoringRule, { kind: 'rank' }>;

/**
 * 排名法: competition ranking among the group's units with a usable value (ties share the better
 * rank: 1, 2, 2, 4); direction `lower` ranks ascending. fraction = 1 − (rank − 1)/(n − 1) · (1 − lastFraction):
 * first → 1, last of n → lastFraction, linear between; n = 1 → full marks.
 */
export function rank(rule: RankRule, input: LeafInput, ctx: RuleContext): RuleOutcome {
  if (input.kind !== 'value') return wrongKind(input.kind, 'value');
  const x = input.actual;
  const a = withUnit(num(x), ctx.leaf.unitOfMeasure);
  const p = ctx.peers ?? { n: 1, min: x, max: x, sorted: [x] };
  const lower = ctx.leaf.direction === 'lower';
  const r = 1 + (lower ? countBelow(p.sorted, x) : countAbove(p.sorted, x));
  const d = ctx.decimals;
  if (p.n <= 1) {
    return {
      status: 'scored',
      fraction: ONE,
      value: x,
      reason: {
        zh: `完成值 ${a.zh}，组内仅 1 个单位参与排名，按满分计`,
        en: `Actual ${a.en}; the only unit of its group to be ranked, so full marks`,
      },
    };
  }
  const fraction = ONE.minus(new Dec(r - 1).div(p.n - 1).times(ONE.minus(rule.lastFraction)));
  const dir = lower ? { zh: '（越低越好）', en: ' (lower is better)' } : { zh: '', en: '' };
  return {
    status: 'scored',
    fraction,
    value: x,
    reason: {
      zh: `完成值 ${a.zh}${dir.zh}，在组内 ${p.n} 个单位中排第 ${r} 名（并列取较好名次），得分比例 = 1 − (${r} − 1) ÷ (${p.n} − 1) × (1 − ${num(rule.lastFraction)}) = ${pct(fraction, d)}`,
      en: `Actual ${a.en}${dir.en} ranks ${r} of ${p.n} in its group (ties share the better rank): 1 − (${r} − 1) ÷ (${p.n} − 1) × (1 − ${num(rule.lastFraction)}) = ${pct(fraction, d)} of the points`,
    },
  };
}
