import { AppError, can, errors, hasRole } from '@jixiao/core';
import type { Caller } from '../http/caller';

/**
 * Whose appeals, rectification tasks and uses of results a caller sees: the office and observers
 * (who oversee the cycle) every unit's; a unit's own user its unit's; nobody else any. Another
 * unit's record answers 404, exactly like a missing one.
 */
export type OutcomeScope = { all: true } | { unit: string } | { none: true };

export function outcomeScope(caller: Caller): OutcomeScope {
  if (can(caller.identity, 'cycles:oversee')) return { all: true };
  if (hasRole(caller.identity, 'unit_user') && caller.identity.unit) return { unit: caller.identity.unit };
  return { none: true };
}

export const seesUnit = (scope: OutcomeScope, unit: string): boolean =>
  'all' in scope || ('unit' in scope && scope.unit === unit);

/** The unit whose records a list shows: the caller's own, or the filter (403 for who sees none; 404 for another unit). */
export function listedUnit(caller: Caller, filter: string | undefined): string | undefined {
  const scope = outcomeScope(caller);
  if ('none' in scope)
    throw errors.forbidden('查看申诉、整改和结果运用', 'see appeals, rectification or the use of results');
  if ('unit' in scope) {
    if (filter !== undefined && filter !== scope.unit) throw errors.notFound('单位', 'Unit');
    return scope.unit;
  }
  return filter;
}

/** 404 unless the caller may see the unit's records. */
export function requireSeesUnit(caller: Caller, unit: string, what: { zh: string; en: string }): void {
  if (!seesUnit(outcomeScope(caller), unit)) throw errors.notFound(what.zh, what.en);
}

/** 409 `precondition_failed`: what cannot be done now, and why, in both languages. */
export const preconditionFailed = (zh: string, en: string, detail: Record<string, unknown> = {}) =>
  new AppError({ status: 409, code: 'precondition_failed', zh, en, detail });

/** Who acted, as the records keep it. */
export const stampOf = (caller: Caller) => ({
  by: caller.identity.sub,
  ...(caller.identity.name ? { name: caller.identity.name } : {}),
  at: caller.deps.now().toISOString(),
});
