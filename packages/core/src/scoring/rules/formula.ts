import type { LeafInput, ScoringRule } from '../../indicators/model';
import { scoreBands } from './bands';
import { invalid, num, wrongKind } from './format';
import { scoreReverse } from './reverse';
import { scoreCompletion } from './target-completion';
import type { RuleContext, RuleOutcome } from './types';

type FormulaRule = Extract<ScoringRule, { kind: 'formula' }>;

/**
 * 公式指标: the named calculator computes the value from `args` (its own schema checks them),
 * then the nested `then` rule scores that value against `input.target`. The calculator registry
 * is injected (`ctx.calculators`), so scoring does not depend on which calculators exist.
 * Every failure (no registry, unknown calculator, bad arguments, a calculator error such as a
 * zero denominator, a non-numeric result) is `invalid` with the calculator's own bilingual text.
 */
export function formula(rule: FormulaRule, input: LeafInput, ctx: RuleContext): RuleOutcome {
  if (input.kind !== 'formula') return wrongKind(input.kind, 'formula');
  const name = rule.calculator;
  const calc = ctx.calculators && Object.hasOwn(ctx.calculators, name) ? ctx.calculators[name] : undefined;
  if (!calc) {
    return invalid(`未找到计算公式「${name}」`, `No calculator named "${name}" is available`);
  }
  const parsed = calc.args.safeParse(input.args);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (i) => `${i.path.map(String).join('.') || '(args)'}: ${i.message}`,
    );
    return invalid(
      `公式「${name}」的参数有误：${issues.join('；')}`,
      `The arguments of "${name}" are not valid: ${issues.join('; ')}`,
    );
  }
  const r = calc.compute(parsed.data as never);
  if (!r.ok) {
    return invalid(`公式「${name}」无法计算：${r.zh}`, `"${name}" could not be computed: ${r.en}`);
  }
  if (typeof r.value !== 'number' || !Number.isFinite(r.value)) {
    return invalid(`公式「${name}」的结果不是有限数值`, `"${name}" did not return a finite number`);
  }
  const value = r.value;
  const then = rule.then;
  const inner =
    then.kind === 'target_completion'
      ? scoreCompletion(then.cap, value, input.target, ctx)
      : then.kind === 'reverse'
        ? scoreReverse(then.cap, value, input.target, ctx)
        : scoreBands(then, value, ctx);
  return {
    ...inner,
    value,
    reason: {
      zh: `按公式「${name}」计算得 ${num(value)}；${inner.reason.zh}`,
      en: `Computed by "${name}": ${num(value)}; ${inner.reason.en}`,
    },
  };
}
