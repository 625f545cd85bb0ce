import type { LeafInput, ScoringRule } from '../../indicators/model';
import { constant, Dec, ONE, ZERO } from '../decimal';
import { invalid, num, pct, withUnit, wrongKind } from './format';
import { isOutcome, resolveTarget } from './office-params';
import type { RuleContext, RuleOutcome } from './types';

type TargetCompletionRule = Extract<ScoringRule, { kind: 'target_completion' }>;

/**
 * 目标完成率: fraction = min(max(actual/target, 0), cap), and of that at most 1 goes to the leaf
 * (leaf points never exceed the weight); with cap > 1 the part above 1 is `excess`, which the
 * engine reports as bonus (加分). A negative actual scores 0. A missing or non-positive target
 * cannot be a denominator: `invalid`, never a division by zero.
 */
export function scoreCompletion(
  cap: number,
  actual: number,
  target: number | undefined,
  ctx: RuleContext,
): RuleOutcome {
  const u = ctx.leaf.unitOfMeasure;
  const a = withUnit(num(actual), u);
  const badTarget = checkTarget(target, u);
  if (badTarget) return badTarget;
  const t = withUnit(num(target!), u);
  const ratio = new Dec(actual).div(target!);
  const capD = constant(cap);
  const clamped = ratio.isNegative() ? ZERO : ratio;
  const capped = clamped.gt(capD) ? capD : clamped;
  const fraction = capped.gt(ONE) ? ONE : capped;
  const excess = capped.gt(ONE) ? capped.minus(ONE) : undefined;
  const d = ctx.decimals;
  let zh = `完成值 ${a.zh}，目标值 ${t.zh}，完成率 ${pct(ratio, d)}`;
  let en = `Actual ${a.en}, target ${t.en}, completion ${pct(ratio, d)}`;
  if (clamped.gt(capD)) {
    zh += `，按上限 ${pct(capD, 0)} 计`;
    en += ` (counted at the cap of ${pct(capD, 0)})`;
  } else if (ratio.isNegative()) {
    zh += '，按 0 计';
    en += ' (counted as 0)';
  }
  return { status: 'scored', fraction, ...(excess ? { excess } : {}), value: actual, reason: { zh, en } };
}

/** A target must exist and be > 0 to divide by (or into). */
export function checkTarget(target: number | undefined, unit: string | undefined): RuleOutcome | undefined {
  if (target === undefined) {
    return invalid('未设定目标值，无法计算完成率', 'No target was set, so completion cannot be computed');
  }
  if (!(target > 0)) {
    const t = withUnit(num(target), unit);
    return invalid(
      `目标值须大于 0（提交的是 ${t.zh}），无法计算完成率`,
      `The target must be greater than 0 (got ${t.en}), so completion cannot be computed`,
    );
  }
  return undefined;
}

export const targetCompletion = (
  rule: TargetCompletionRule,
  input: LeafInput,
  ctx: RuleContext,
): RuleOutcome => {
  if (input.kind !== 'value') return wrongKind(input.kind, 'value');
  const t = resolveTarget(input.target, ctx);
  return isOutcome(t) ? t : scoreCompletion(rule.cap, input.actual, t.target, ctx);
};
