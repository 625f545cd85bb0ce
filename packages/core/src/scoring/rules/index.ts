import type { LeafInput, ScoringRule } from '../../indicators/model';
import { bands } from './bands';
import { composite } from './composite';
import { deduction } from './deduction';
import { efficacy } from './efficacy';
import { expert } from './expert';
import { formula } from './formula';
import { qualitativeGrade } from './qualitative-grade';
import { rank } from './rank';
import { reverse } from './reverse';
import { satisfaction } from './satisfaction';
import { targetCompletion } from './target-completion';
import { targetGap } from './target-gap';
import type { RuleContext, RuleOutcome } from './types';

export type { Bilingual, CalculatorRegistry, FormulaCalculator, RuleContext, RuleOutcome } from './types';

/** One rule kind → one module; a switch (not a lookup table) so TypeScript checks every kind is handled. */
export function applyRule(rule: ScoringRule, input: LeafInput, ctx: RuleContext): RuleOutcome {
  switch (rule.kind) {
    case 'target_completion':
      return targetCompletion(rule, input, ctx);
    case 'reverse':
      return reverse(rule, input, ctx);
    case 'target_gap':
      return targetGap(rule, input, ctx);
    case 'bands':
      return bands(rule, input, ctx);
    case 'deduction':
      return deduction(rule, input, ctx);
    case 'efficacy':
      return efficacy(rule, input, ctx);
    case 'rank':
      return rank(rule, input, ctx);
    case 'qualitative_grade':
      return qualitativeGrade(rule, input, ctx);
    case 'expert':
      return expert(rule, input, ctx);
    case 'satisfaction':
      return satisfaction(rule, input, ctx);
    case 'composite':
      return composite(rule, input, ctx);
    case 'formula':
      return formula(rule, input, ctx);
    default: {
      const never: never = rule;
      throw new Error(`unknown rule kind ${JSON.stringify(never)}`);
    }
  }
}
