import type { LeafInput, ScoringRule } from '../../indicators/model';
import { RULE_LABELS } from '../../vocabulary/labels';
import { constant, Dec, ONE } from '../decimal';
import { num, pct, withUnit, wrongKind } from './format';
import { isOutcome, resolveTarget } from './office-params';
import { checkTarget } from './target-completion';
import type { RuleContext, RuleOutcome } from './types';

type ReverseRule = Extract<ScoringRule, { kind: 'reverse' }>;

/**
 * 逆向指标 (lower is better): ratio = target/actual, capped at `cap`; at most 1 goes to the leaf,
 * the rest (cap > 1) is excess reported as bonus, exactly like target completion.
 * Decision: actual ≤ 0 is the best possible result (nothing of the bad thing happened), so it
 * takes the cap (full marks; the full excess when cap > 1), rather than dividing by zero.
 * This keeps the points non-increasing in the actual value.
 */
export function scoreReverse(
  cap: number,
  actual: number,
  target: number | undefined,
  ctx: RuleContext,
): RuleOutcome {
  const u = ctx.leaf.unitOfMeasure;
  const badTarget = checkTarget(target, u);
  if (badTarget) return badTarget;
  const a = withUnit(num(actual), u);
  const t = withUnit(num(target!), u);
  const capD = constant(cap);
  const d = ctx.decimals;
  let ratio: Dec;
  let zh: string;
  let en: string;
  if (actual <= 0) {
    ratio = capD;
    zh = `完成值 ${a.zh}，目标值 ${t.zh}（${RULE_LABELS.reverse.zh}，越低越好），完成值不大于 0，按满分计`;
    en = `Actual ${a.en}, target ${t.en} (lower is better): an actual of 0 or less earns full marks`;
  } else {
    ratio = new Dec(target!).div(actual);
    zh = `完成值 ${a.zh}，目标值 ${t.zh}（${RULE_LABELS.reverse.zh}，越低越好），完成率 = 目标值 ÷ 完成值 = ${pct(ratio, d)}`;
    en = `Actual ${a.en}, target ${t.en} (lower is better), completion = target ÷ actual = ${pct(ratio, d)}`;
    if (ratio.gt(capD)) {
      zh += `，按上限 ${pct(capD, 0)} 计`;
      en += ` (counted at the cap of ${pct(capD, 0)})`;
    }
  }
  const capped = ratio.gt(capD) ? capD : ratio;
  const fraction = capped.gt(ONE) ? ONE : capped;
  const excess = capped.gt(ONE) ? capped.minus(ONE) : undefined;
  return { status: 'scored', fraction, ...(excess ? { excess } : {}), value: actual, reason: { zh, en } };
}

export const reverse = (rule: ReverseRule, input: LeafInput, ctx: RuleContext): RuleOutcome => {
  if (input.kind !== 'value') return wrongKind(input.kind, 'value');
  const t = resolveTarget(input.target, ctx);
  return isOutcome(t) ? t : scoreReverse(rule.cap, input.actual, t.target, ctx);
};
