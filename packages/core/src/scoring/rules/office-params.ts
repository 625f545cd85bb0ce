import { invalid } from './format';
import type { RuleContext, RuleOutcome } from './types';

/**
 * The office's parameters win: a leaf whose target the office fixed takes that target, and a unit's
 * input with a different target, or naming an office argument at all, is not scored (`invalid`,
 * with the reason; an input repeating the office's own target changes nothing and is scored). The
 * API refuses any such input before scoring (../../indicators/inputs); this is the engine's own
 * guard, so no path lets a unit choose its own 基准折现率 or target.
 */
export function resolveTarget(
  inputTarget: number | undefined,
  ctx: RuleContext,
): { target: number | undefined } | RuleOutcome {
  const fixed = ctx.leaf.officeParams?.target;
  if (fixed === undefined) return { target: inputTarget };
  if (inputTarget !== undefined && inputTarget !== fixed)
    return invalid(
      `目标值由考核办设定（${fixed}），被考核单位不能提交目标值`,
      `The target is set by the office (${fixed}); the evaluated unit cannot submit one`,
    );
  return { target: fixed };
}

export const isOutcome = (x: object): x is RuleOutcome => 'status' in x;
