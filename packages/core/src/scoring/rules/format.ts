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

export const kindLabel: Record<string, Bilingual> = {
  value: { zh: '数值', en: 'a value' },
  incidents: { zh: '扣分事项', en: 'incident counts' },
  grade: { zh: '等级', en: 'a grade' },
  expert_scores: { zh: '专家评分', en: 'expert scores' },
  survey: { zh: '问卷结果', en: 'survey answers' },
  sources: { zh: '各来源得分', en: 'source scores' },
  formula: { zh: '公式参数', en: 'formula arguments' },
  exempt: { zh: '免考', en: 'an exemption' },
};

/** The input is of a kind this rule cannot score. */
export const wrongKind = (got: string, want: string): RuleOutcome => {
  const g = kindLabel[got] ?? { zh: got, en: got };
  const w = kindLabel[want] ?? { zh: want, en: want };
  return invalid(
    `数据类型不符：本指标需要${w.zh}，提交的是${g.zh}`,
    `Wrong kind of data: this indicator needs ${w.en}, but ${g.en} was submitted`,
  );
};
