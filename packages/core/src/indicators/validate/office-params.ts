import type { Bilingual } from '../../scoring/types';
import { RULE_LABELS } from '../../vocabulary/labels';
import type { Leaf, RuleKind } from '../model';
import { formatNumber, type IssueList } from './issues';

/** Value rules that compare with a target: the only ones an office target means anything to. */
export const TARGET_RULES: readonly RuleKind[] = ['target_completion', 'reverse', 'target_gap'];

/** The rule that scores a leaf's value: its own, or the one its formula hands the result to. */
const valueRuleOf = (leaf: Leaf): RuleKind =>
  leaf.rule.kind === 'formula' ? leaf.rule.then.kind : leaf.rule.kind;

/** Whether a leaf's score is measured against a target (directly or after its formula). */
export const usesTarget = (leaf: Leaf): boolean => TARGET_RULES.includes(valueRuleOf(leaf));

/**
 * The office's parameters of a leaf must be complete and meaningful: a formula's office arguments
 * (the 基准折现率) are all set, since the unit may not give them; no argument is fixed that the
 * calculator does not treat as the office's (a unit's own data is not the office's to fix); and a
 * fixed target sits on a rule that uses a target.
 */
export function checkOfficeParams(
  issues: IssueList,
  leaf: Leaf,
  path: string,
  label: Bilingual,
  officeArgsOf: ((calculator: string) => readonly string[] | undefined) | undefined,
): void {
  const at = `${path}.officeParams`;
  const params = leaf.officeParams;
  const given = Object.keys(params?.args ?? {});
  if (leaf.rule.kind === 'formula') {
    const office = officeArgsOf?.(leaf.rule.calculator);
    if (office) {
      const missing = office.filter((a) => !given.includes(a));
      if (missing.length)
        issues.add(
          'office_param',
          `${at}.args`,
          `${label.zh}的计算参数 ${missing.join('、')}（如基准折现率）由考核办设定，被考核单位不能填报；请在“考核办设定参数”中填写`,
          `${label.en}: ${missing.join(', ')} (such as the benchmark discount rate) must be set by the office, since the evaluated unit may not give ${missing.length > 1 ? 'them' : 'it'}; fill in the office parameters`,
        );
      const foreign = given.filter((a) => !office.includes(a));
      if (foreign.length)
        issues.add(
          'office_param',
          `${at}.args`,
          `${label.zh}的参数 ${foreign.join('、')} 是被考核单位填报的数据，不应由考核办固定；考核办只设定 ${office.join('、') || '（无）'}`,
          `${label.en}: ${foreign.join(', ')} ${foreign.length > 1 ? 'are' : 'is'} the evaluated unit's data, not the office's; the office sets only ${office.join(', ') || '(nothing)'}`,
        );
    }
  } else if (given.length)
    issues.add(
      'office_param',
      `${at}.args`,
      `${label.zh}不是${RULE_LABELS.formula.zh}，不需要计算参数`,
      `${label.en} is not a formula indicator and takes no calculator arguments`,
    );
  const valueRule = valueRuleOf(leaf);
  if (
    params?.target !== undefined &&
    params.target <= 0 &&
    (valueRule === 'target_completion' || valueRule === 'reverse')
  )
    issues.add(
      'office_param',
      `${at}.target`,
      `${label.zh}的目标值 ${formatNumber(params.target)} 不大于 0，「${RULE_LABELS[valueRule].zh}」无法计算完成率；目标可为零或负数（如增长率）时请改用「${RULE_LABELS.target_gap.zh}」`,
      `${label.en}: the target ${formatNumber(params.target)} is not above 0, so "${RULE_LABELS[valueRule].en}" cannot compute a completion rate; where a target may be zero or negative (a growth rate), use "${RULE_LABELS.target_gap.en}"`,
    );
  if (params?.target !== undefined && !usesTarget(leaf))
    issues.add(
      'office_param',
      `${at}.target`,
      `${label.zh}的评分办法不使用目标值，考核办设定的目标值 ${formatNumber(params.target)} 不起作用；请删除目标值或改用「${RULE_LABELS.target_completion.zh}」等按目标计分的办法`,
      `${label.en}: its rule does not use a target, so the office's target ${formatNumber(params.target)} has no effect; remove it or use a target-based rule such as "${RULE_LABELS.target_completion.en}"`,
    );
}
