import { AppError, type Cycle, hasRole, type Identity, type Unit } from '@jixiao/core';
import { changedFields as diffFields } from '../cycles/context';

export { pageInMemory } from '../cycles/context';

/**
 * Small rules the monitoring, self-assessment and value resources share: deadlines, who counts as
 * the unit's own user, the references a view carries, and paging a list read whole (a cycle holds
 * at most thousands of records of a kind). State gating is ../cycles/gate.ts.
 */

/** What a refusal says cannot be done any more. */
export interface StepWords {
  zh: string;
  en: string;
}

/** 409 `deadline_passed`: the last day was `deadline` and today is after it. */
export const deadlinePassed = (deadline: string, what: StepWords, detail: Record<string, unknown> = {}) =>
  new AppError({
    status: 409,
    code: 'deadline_passed',
    zh: `截止日期 ${deadline} 已过，${what.zh}。`,
    en: `The deadline ${deadline} has passed, so ${what.en}.`,
    detail: { deadline, ...detail },
  });

/** The leaves a data provider's unit is assigned in this cycle (empty for anyone else). */
export const providerLeaves = (id: Identity, cycle: Cycle): Set<string> =>
  new Set(
    hasRole(id, 'data_provider') && id.unit
      ? cycle.providers.filter((p) => p.unit === id.unit).map((p) => p.leaf)
      : [],
  );

export const cycleRef = (c: Cycle) => ({ id: c.id, name: c.name, year: c.year, state: c.state });
export const unitRef = (u: Unit) => ({ code: u.code, name: u.name, group: u.group });

/** Only the top-level fields that changed, before and after (what the audit trail keeps). */
export function changedFields(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
  fields: readonly string[],
): { before?: Record<string, unknown>; after: Record<string, unknown> } {
  const picked = Object.fromEntries(
    fields.filter((f) => f in after || (before && f in before)).map((f) => [f, after[f]]),
  );
  const d = diffFields(before ?? {}, picked);
  return before ? { before: d.before, after: d.after } : { after: d.after };
}

/** Sorts by a string key (code order, as every list of the product). */
export const byKey =
  <T>(keyOf: (t: T) => string) =>
  (a: T, b: T): number => {
    const x = keyOf(a);
    const y = keyOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
