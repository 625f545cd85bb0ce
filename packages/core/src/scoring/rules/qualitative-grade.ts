import type { LeafInput, ScoringRule } from '../../indicators/model';
import { QUALITATIVE_GRADE_LABELS } from '../../vocabulary/labels';
import { constant } from '../decimal';
import { pct, wrongKind } from './format';
import type { RuleContext, RuleOutcome } from './types';

type QualitativeGradeRule = Extract<ScoringRule, { kind: 'qualitative_grade' }>;

/** 定性等级: the grade's fraction as configured (default A 1, B 0.8, C 0.6, D 0.4). */
export function qualitativeGrade(
  rule: QualitativeGradeRule,
  input: LeafInput,
  ctx: RuleContext,
): RuleOutcome {
  if (input.kind !== 'grade') return wrongKind(input.kind, 'grade');
  const fraction = constant(rule.fractions[input.grade]);
  const l = QUALITATIVE_GRADE_LABELS[input.grade];
  return {
    status: 'scored',
    fraction,
    value: input.grade,
    reason: {
      zh: `评定等级 ${input.grade}（${l.zh}），得分比例 ${pct(fraction, ctx.decimals)}`,
      en: `Graded ${input.grade} (${l.en}): ${pct(fraction, ctx.decimals)} of the points`,
    },
  };
}
