import { RULE_KINDS, RULE_LABELS, type RuleKind } from '../model';
import { squash } from '../text';

/**
 * Other names of the rules that the import accepts (earlier wordings such as 目标完成率 and 分档,
 * and the variants offices type); never written: the written name is RULE_LABELS.
 */
const RULE_ALIASES: Readonly<Record<string, RuleKind>> = {
  目标完成率: 'target_completion',
  完成率法: 'target_completion',
  完成率: 'target_completion',
  目标值法: 'target_completion',
  逆向指标法: 'reverse',
  逆向: 'reverse',
  逆向法: 'reverse',
  反向指标: 'reverse',
  差额: 'target_gap',
  差额法: 'target_gap',
  差额计分法: 'target_gap',
  差距计分: 'target_gap',
  分档: 'bands',
  分档法: 'bands',
  分档计分法: 'bands',
  区间计分: 'bands',
  分段计分: 'bands',
  扣分: 'deduction',
  扣分制: 'deduction',
  功效系数: 'efficacy',
  排名: 'rank',
  排名计分: 'rank',
  排序法: 'rank',
  定性: 'qualitative_grade',
  定性评价: 'qualitative_grade',
  等级评定: 'qualitative_grade',
  等级评价: 'qualitative_grade',
  专家评审: 'expert',
  专家打分: 'expert',
  专家评议: 'expert',
  满意度: 'satisfaction',
  满意度调查: 'satisfaction',
  满意度评价: 'satisfaction',
  综合: 'composite',
  综合评分: 'composite',
  加权综合: 'composite',
  公式: 'formula',
  计算公式: 'formula',
};

const KIND_BY_NAME = new Map<string, RuleKind>();
for (const kind of RULE_KINDS) {
  KIND_BY_NAME.set(squash(RULE_LABELS[kind].zh), kind);
  KIND_BY_NAME.set(squash(RULE_LABELS[kind].en), kind);
  KIND_BY_NAME.set(squash(kind), kind);
}
for (const [alias, kind] of Object.entries(RULE_ALIASES)) KIND_BY_NAME.set(squash(alias), kind);

/** 评分方法 cell → rule kind (Chinese names, common variants, the English label or key). */
export const ruleKindFromName = (text: string): RuleKind | undefined => KIND_BY_NAME.get(squash(text));

/** The written rule names (RULE_LABELS), for messages and the drop-down list. */
export const ruleNames = (): string[] => RULE_KINDS.map((kind) => RULE_LABELS[kind].zh);
export const ruleNameList = (): string => ruleNames().join('、');
