import { INPUT_KIND_LABELS, isEnumValue } from '../../vocabulary/labels';
import { type Dec, fixed, HUNDRED, ZERO } from '../decimal';
import type { Bilingual, RuleOutcome } from './types';

/** Helpers for reasons: the same wording in every rule. */

/** An input number as typed (no float noise: 0.1 + 0.2 is never shown, inputs are shown as given). */
export const num = (x: number): string => String(x);

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
