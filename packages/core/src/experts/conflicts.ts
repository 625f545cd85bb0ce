import { AppError } from '../errors/app-error';
import type { Expert } from './model';

/**
 * Conflict of interest (回避): an expert never scores their own unit, nor a unit they declared a
 * conflict with. Checked by the API on every assignment and every score.
 */

export type ConflictKind = 'own_unit' | 'declared';

/**
 * `accountUnit`: the unit of the account the expert signs in with, if any — an own unit counts
 * whether the office wrote it in the pool or it comes with the account.
 */
export function conflictOf(
  expert: Pick<Expert, 'unit' | 'conflicts'>,
  unit: string,
  accountUnit?: string,
): ConflictKind | undefined {
  if (expert.unit === unit || accountUnit === unit) return 'own_unit';
  if (expert.conflicts.includes(unit)) return 'declared';
  return undefined;
}

/** 409 `conflict_of_interest`, naming the expert and the unit and why. */
export function conflictError(
  expert: Pick<Expert, 'name'>,
  unit: { code: string; name: string },
  kind: ConflictKind,
): AppError {
  const why =
    kind === 'own_unit'
      ? { zh: '该单位是专家本人所在单位', en: "it is the expert's own unit" }
      : { zh: '专家已声明与该单位存在利益冲突', en: 'the expert declared a conflict of interest with it' };
  return new AppError({
    status: 409,
    code: 'conflict_of_interest',
    zh: `专家「${expert.name}」须回避「${unit.name}」（${unit.code}）：${why.zh}，不能分配其评审该单位。`,
    en: `Expert "${expert.name}" must recuse from ${unit.name} (${unit.code}): ${why.en}, so they cannot be assigned to score it.`,
    detail: { unit: unit.code, kind },
  });
}
