import type { LeafInput, ScoringRule } from '../../indicators/model';
import { clamp, constant, Dec, fixed, HUNDRED, ONE, ZERO } from '../decimal';
import { num, pct, withUnit, wrongKind } from './format';
import type { RuleContext, RuleOutcome } from './types';

type EfficacyRule = Extract<ScoringRule, { kind: 'efficacy' }>;

/**
 * 功效系数法: coefficient = base + span · (x − min)/(max − min) across the unit's group (for
 * direction `lower`: (max − x)/(max − min)); fraction = coefficient / 100, clamped to [0, 1]
 * (base + span may be configured above 100). All peers equal (or a unit alone) → full marks: no
 * one did worse than anyone else. min and max come from the peer statistics computed once.
 */
export function efficacy(rule: EfficacyRule, input: LeafInput, ctx: RuleContext): RuleOutcome {
  if (input.kind !== 'value') return wrongKind(input.kind, 'value');
  const x = input.actual;
  const u = ctx.leaf.unitOfMeasure;
  const a = withUnit(num(x), u);
  const p = ctx.peers ?? { n: 1, min: x, max: x, sorted: [x] };
  const d = ctx.decimals;
  if (p.max === p.min) {
    return {
      status: 'scored',
      fraction: ONE,
      value: x,
      reason: {
        zh: `完成值 ${a.zh}，组内 ${p.n} 个单位数值相同，按满分计`,
        en: `Actual ${a.en}; all ${p.n} units of the group have the same value, so full marks`,
      },
    };
  }
  const lower = ctx.leaf.direction === 'lower';
  const span = new Dec(p.max).minus(p.min);
  const r = (lower ? new Dec(p.max).minus(x) : new Dec(x).minus(p.min)).div(span);
  const coefficient = constant(rule.base).plus(constant(rule.span).times(r));
  const fraction = clamp(coefficient.div(HUNDRED), ZERO, ONE);
  const mn = num(p.min);
  const mx = num(p.max);
  const formula = lower
    ? `${num(rule.base)} + ${num(rule.span)} × (${mx} − ${num(x)}) ÷ (${mx} − ${mn})`
    : `${num(rule.base)} + ${num(rule.span)} × (${num(x)} − ${mn}) ÷ (${mx} − ${mn})`;
  const c = fixed(coefficient, d);
  return {
    status: 'scored',
    fraction,
    value: x,
    reason: {
      zh: `完成值 ${a.zh}，组内 ${p.n} 个单位最小值 ${mn}、最大值 ${mx}${lower ? '（越低越好）' : ''}，功效系数 = ${formula} = ${c}，得分比例 ${pct(fraction, d)}`,
      en: `Actual ${a.en}; across ${p.n} units of the group min ${mn}, max ${mx}${lower ? ' (lower is better)' : ''}; efficacy coefficient = ${formula} = ${c}: ${pct(fraction, d)} of the points`,
    },
  };
}
