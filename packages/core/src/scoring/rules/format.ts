import { isEnumValue } from '../../vocabulary/by-name';
import { INPUT_KIND_LABELS } from '../../vocabulary/labels';
import { Dec, fixed, HUNDRED, trim, ZERO } from '../decimal';
import type { Bilingual, RuleOutcome } from './types';

/** Helpers for reasons: the same wording in every rule. */

/**
 * A number in a reason: as typed for inputs (up to 6 decimals), and rounded half up to 6 decimals
 * for anything computed, so float noise (0.30000000000000004) is never shown.
 */
export const num = (x: number): string => (Number.isFinite(x) ? trim(new Dec(x), 6) : String(x));

/**
 * A computed number (a formula's result, a gap) rounded half up to at most `places` decimals, trailing
 * zeros dropped: 16.459999999999997 → "16.46" with 2, → "16.46" with 4.
 */
export const computed = (x: number | Dec, places = 4): string => trim(new Dec(x), places);

/** "95%", "12万元", "3 件": the value with its unit of measure. */
export const withUnit = (x: string, unit: string | undefined): Bilingual => {
  if (!unit) return { zh: x, en: x };
  return { zh: `${x}${unit}`, en: unit === '%' ? `${x}%` : `${x} ${unit}` };
};

/** A fraction as a percentage with `decimals` places: 0.95 → "95.00%". */
export const pct = (f: Dec, decimals: number): string => `${fixed(f.times(HUNDRED), decimals)}%`;

/** Zero points with a reason (bad input for this rule: never a throw). */
export const invalid = (zh: string, en: string, value: number | string | null = null): RuleOutcome => ({
  status: 'invalid',
  fraction: ZERO,
  value,
  reason: { zh, en },
});

/** An input kind's label (INPUT_KIND_LABELS); an unknown kind as it is. */
const kindLabel = (kind: string): Bilingual =>
  isEnumValue('inputKind', kind) ? INPUT_KIND_LABELS[kind] : { zh: kind, en: kind };

/** The input is of a kind this rule cannot score. */
export const wrongKind = (got: string, want: string): RuleOutcome => {
  const g = kindLabel(got);
  const w = kindLabel(want);
  return invalid(
    `数据类型不符：本指标需要${w.zh}，提交的是${g.zh}`,
    `Wrong kind of data: this indicator needs ${w.en.toLowerCase()}, but ${g.en.toLowerCase()} was submitted`,
  );
};
