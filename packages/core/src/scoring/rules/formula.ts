import { reservedArgs } from '../../indicators/inputs';
import type { LeafInput, ScoringRule } from '../../indicators/model';
import { scoreBands } from './bands';
import { computed, invalid, wrongKind } from './format';
import { isOutcome, resolveTarget } from './office-params';
import { scoreReverse } from './reverse';
import { scoreCompletion } from './target-completion';
import { scoreGap } from './target-gap';
import type { RuleContext, RuleOutcome } from './types';

type FormulaRule = Extract<ScoringRule, { kind: 'formula' }>;

/**
 * 公式指标: the named calculator computes the value from the unit's `args` plus the office's
 * (`leaf.officeParams.args`, e.g. the 基准折现率; a unit may not give those), with money in the
 * input's `moneyUnit`; then the nested `then` rule scores that value against the office's target
 * or, where the office fixed none, the input's. The calculator registry
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
  const reserved = reservedArgs(ctx.leaf, calc.officeArgs).filter((k) => Object.hasOwn(input.args, k));
  if (reserved.length) {
    return invalid(
      `参数 ${reserved.join('、')} 由考核办设定，被考核单位不能提交`,
      `${reserved.join(', ')} ${reserved.length > 1 ? 'are' : 'is'} set by the office; the evaluated unit cannot submit ${reserved.length > 1 ? 'them' : 'it'}`,
    );
  }
  const t = resolveTarget(input.target, ctx);
  if (isOutcome(t)) return t;
  const args: Record<string, unknown> = { ...input.args, ...(ctx.leaf.officeParams?.args ?? {}) };
  if (calc.money && input.moneyUnit) args.moneyUnit = input.moneyUnit;
  const parsed = calc.args.safeParse(args);
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
    const l = calc.label ?? { zh: name, en: name };
    return invalid(`公式「${l.zh}」无法计算：${r.zh}`, `${l.en} could not be computed: ${r.en}`);
  }
  if (typeof r.value !== 'number' || !Number.isFinite(r.value)) {
    return invalid(`公式「${name}」的结果不是有限数值`, `"${name}" did not return a finite number`);
  }
  const value = r.value;
  const then = rule.then;
  // Scored on the exact value; the value and reasons shown are rounded (never 16.459999999999997).
  const inner =
    then.kind === 'target_completion'
      ? scoreCompletion(then.cap, value, t.target, ctx)
      : then.kind === 'reverse'
        ? scoreReverse(then.cap, value, t.target, ctx)
        : then.kind === 'target_gap'
          ? scoreGap(then.tolerance, value, t.target, ctx)
          : scoreBands(then, value, ctx);
  const label = calc.label ?? { zh: name, en: name };
  return {
    ...inner,
    value: Number(computed(value, 6)),
    reason: {
      zh: `按公式「${label.zh}」计算得 ${computed(value)}；${inner.reason.zh}`,
      en: `Computed by ${label.en}: ${computed(value)}; ${inner.reason.en}`,
    },
  };
}
