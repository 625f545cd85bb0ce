import type { LeafInput, ScoringRule } from '../../indicators/model';
import { RULE_LABELS } from '../../vocabulary/labels';
import { constant, Dec, ONE, ZERO } from '../decimal';
import { computed, invalid, num, pct, withUnit, wrongKind } from './format';
import { isOutcome, resolveTarget } from './office-params';
import type { RuleContext, RuleOutcome } from './types';

type TargetGapRule = Extract<ScoringRule, { kind: 'target_gap' }>;

/**
 * 差额计分: at or beyond the target (above it, or below it for a lower-is-better leaf) earns full
 * points; the shortfall costs points linearly, all of them at `tolerance` short. Any target works,
 * zero and negative ones included (a growth target of 0% or −2%), since nothing divides by it.
 */
export function scoreGap(
  tolerance: number,
  actual: number,
  target: number | undefined,
  ctx: RuleContext,
): RuleOutcome {
  const u = ctx.leaf.unitOfMeasure;
  if (target === undefined)
    return invalid('未设定目标值，无法计算差额', 'No target was set, so the gap cannot be computed');
  const lower = ctx.leaf.direction === 'lower';
  const a = withUnit(num(actual), u);
  const t = withUnit(num(target), u);
  const tol = withUnit(num(tolerance), u);
  const gap = lower ? new Dec(actual).minus(target) : new Dec(target).minus(actual);
  const shortfall = gap.isNegative() ? ZERO : gap;
  const lost = shortfall.div(constant(tolerance));
  const fraction = lost.gt(ONE) ? ZERO : ONE.minus(lost);
  const d = ctx.decimals;
  const name = RULE_LABELS.target_gap;
  const dir = lower ? { zh: '，越低越好', en: ', lower is better' } : { zh: '', en: '' };
  const head = {
    zh: `完成值 ${a.zh}，目标值 ${t.zh}（${name.zh}${dir.zh}，差 ${tol.zh} 不得分）`,
    en: `Actual ${a.en}, target ${t.en} (${name.en.toLowerCase()}${dir.en}; ${tol.en} short scores 0)`,
  };
  const tail = shortfall.isZero()
    ? { zh: '，达到目标，得满分', en: ': the target is met, full points' }
    : {
        zh: `，差 ${withUnit(computed(shortfall), u).zh}，得分比例 ${pct(fraction, d)}`,
        en: `: ${withUnit(computed(shortfall), u).en} short, ${pct(fraction, d)} of the points`,
      };
  return {
    status: 'scored',
    fraction,
    value: actual,
    reason: { zh: head.zh + tail.zh, en: head.en + tail.en },
  };
}

export const targetGap = (rule: TargetGapRule, input: LeafInput, ctx: RuleContext): RuleOutcome => {
  if (input.kind !== 'value') return wrongKind(input.kind, 'value');
  const t = resolveTarget(input.target, ctx);
  return isOutcome(t) ? t : scoreGap(rule.tolerance, input.actual, t.target, ctx);
};
