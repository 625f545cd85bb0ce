import { invalid } from './format';
import type { RuleContext, RuleOutcome } from './types';

/**
 * The office's parameters win over nothing: a leaf whose target the office fixed takes that target,
 * and a unit's input that names a target or an office argument anyway is not scored (`invalid`,
 * with the reason). The API refuses such inputs before scoring (../../indicators/inputs); this is
 * the engine's own guard, so no path lets a unit choose its own 基准折现率 or target.
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

/** The arguments a unit may not give for a formula leaf: the calculator's office arguments and any the office fixed. */
export const officeArgNames = (ctx: RuleContext, calculatorOfficeArgs: readonly string[] = []): string[] => [
  ...new Set([...calculatorOfficeArgs, ...Object.keys(ctx.leaf.officeParams?.args ?? {})]),
];

export const isOutcome = (x: object): x is RuleOutcome => 'status' in x;
