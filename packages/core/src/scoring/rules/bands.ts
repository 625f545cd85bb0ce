import type { LeafInput, ScoringRule } from '../../indicators/model';
import { constant } from '../decimal';
import { invalid, num, pct, withUnit, wrongKind } from './format';
import type { RuleContext, RuleOutcome } from './types';

type BandsRule = Extract<ScoringRule, { kind: 'bands' }>;
type Band = BandsRule['bands'][number];

/** "[80, 90)", "(−∞, 60)", "[90, +∞)": the band as the office wrote it. */
export const interval = (b: Band): string =>
  `${b.min === null ? '(−∞' : `[${num(b.min)}`}, ${b.max === null ? '+∞)' : `${num(b.max)})`}`;

/**
 * 分档: the first band with min ≤ value < max (null = ±∞) gives the fraction. Bands are checked in
 * the order written; validate.ts rejects gaps and overlaps, and a value in a gap is `invalid`
 * here (never a silent 0 or full marks). Direction is expressed by the fractions themselves.
 */
export function scoreBands(rule: BandsRule, actual: number, ctx: RuleContext): RuleOutcome {
  const a = withUnit(num(actual), ctx.leaf.unitOfMeasure);
  const band = rule.bands.find(
    (b) => (b.min === null || actual >= b.min) && (b.max === null || actual < b.max),
  );
  if (!band) {
    return invalid(
      `完成值 ${a.zh} 不在任何分档内，请检查评分档次设置`,
      `Actual ${a.en} falls in no band; check the bands of this indicator`,
      actual,
    );
  }
  const fraction = constant(band.fraction);
  const zhLabel = band.label ? `「${band.label}」档 ` : '';
  const enLabel = band.label ? `band "${band.label}" ` : 'band ';
  return {
    status: 'scored',
    fraction,
    value: actual,
    reason: {
      zh: `完成值 ${a.zh}，落在${zhLabel}${interval(band)}，得分比例 ${pct(fraction, ctx.decimals)}`,
      en: `Actual ${a.en} falls in ${enLabel}${interval(band)}: ${pct(fraction, ctx.decimals)} of the points`,
    },
  };
}

export const bands = (rule: BandsRule, input: LeafInput, ctx: RuleContext): RuleOutcome =>
  input.kind === 'value' ? scoreBands(rule, input.actual, ctx) : wrongKind(input.kind, 'value');
