import type { FieldIssue } from '../../errors/app-error';
import { errors } from '../../errors/catalogue';
import type { Bilingual } from '../../scoring/types';
import { type Branch, type IndicatorNode, isBranch, type Leaf, type SystemContent } from '../model';
import { checkGrading } from './grading';
import { formatNumber, IssueList, nodeLabel, type SystemIssue } from './issues';
import { checkOfficeParams } from './office-params';
import { checkRule } from './rules';
import { checkSum, sumEntry } from './weights';

/**
 * Structural checks of an indicator system that zod cannot express: they need the whole tree
 * (sums, unique codes, depth), several fields of one leaf at once (rule vs direction, type and
 * source, office parameters), or facts outside the content (the tenant's unit groups, the known
 * calculators and their office arguments). One module per family of checks; this one walks.
 *
 * Every issue is a FieldIssue whose `path` is a JSON path into the content (`dimensions.2.children.0`)
 * and whose messages name the node by code and name, in Chinese and English. Issues come in tree
 * order: the dimension sum, then each dimension depth-first (a node before its children), then bonus
 * items, bonus cap, veto items, statistics and grading. An empty array means the system is valid.
 *
 * Decisions:
 * - a dimension (一级指标) must be a branch: leaves are indicators (二级) or sub-indicators (三级);
 * - a branch's weight-sum issue is reported at the path of its `children` list (`dimensions` for the
 *   dimensions against `total`), the same path `weightSummary` gives, so the console can match them;
 * - rule/leaf contradictions are reported at the leaf's `rule` path (the office fixes one or the
 *   other, and the message says which to change);
 * - codes are compared exactly (case-sensitive), across the tree, bonus, veto and statistic items.
 */

export { formatNumber, type SystemCheck, type SystemIssue, WEIGHT_TOLERANCE } from './issues';
export { usesTarget } from './office-params';
export { type WeightSum, weightSummary } from './weights';

export interface ValidateContext {
  /** Codes of the tenant's unit groups; `appliesTo` entries must be among them. */
  unitGroups: readonly string[];
  /** Names of the formula calculators the scoring engine knows; checked only when given. */
  knownCalculators?: readonly string[];
  /** A calculator's office arguments (e.g. ['ratePercent']); office parameters are checked only when given. */
  officeArgsOf?: (calculator: string) => readonly string[] | undefined;
}

function checkAppliesTo(
  issues: IssueList,
  groups: ReadonlySet<string>,
  leaf: Leaf,
  path: string,
  label: Bilingual,
) {
  const applies = leaf.appliesTo;
  if (!applies || applies.length === 0) return;
  if (!applies.some((g) => groups.has(g)))
    issues.add(
      'no_group',
      `${path}.appliesTo`,
      `${label.zh}不适用于任何现有的单位分组，没有单位会被考核该指标；清空“适用分组”表示适用于全部分组`,
      `${label.en} applies to no existing unit group, so no unit would be assessed on it; leave "applies to" empty for all groups`,
    );
  applies.forEach((g, k) => {
    if (!groups.has(g))
      issues.add(
        'unknown_group',
        `${path}.appliesTo.${k}`,
        `${label.zh}适用的单位分组 ${g} 不存在；请先新建该分组，或修改“适用分组”`,
        `${label.en} applies to unit group ${g}, which does not exist; create the group first, or change "applies to"`,
      );
  });
}

/**
 * All structural problems of `content`, in tree order; [] when it is valid. Never throws on
 * content that `systemContentSchema` accepted.
 */
export function validateSystem(content: SystemContent, ctx: ValidateContext): SystemIssue[] {
  const issues = new IssueList();
  const groups = new Set(ctx.unitGroups);
  const calculators = ctx.knownCalculators ? new Set(ctx.knownCalculators) : undefined;

  /** Code → path of its first use. */
  const codes = new Map<string, string>();
  const claim = (code: string, path: string, label: Bilingual) => {
    const first = codes.get(code);
    if (first === undefined) {
      codes.set(code, path);
      return;
    }
    issues.add(
      'duplicate_code',
      `${path}.code`,
      `${label.zh}的编码 ${code} 与 ${first} 重复，编码在整个指标体系（含加分项、否决项、统计数据指标）中必须唯一`,
      `${label.en}: code ${code} is already used at ${first}; codes must be unique across the system, bonus, veto and statistic items included`,
    );
  };

  const walk = (node: IndicatorNode, path: string, level: number, tooDeep: boolean) => {
    const label = nodeLabel(level, node);
    claim(node.code, path, label);
    if (!isBranch(node)) {
      if (level === 1)
        issues.add(
          'dimension_leaf',
          path,
          `${label.zh}没有下级指标；一级指标须包含至少一个二级指标，评分办法设在二级或三级指标上`,
          `${label.en} has no indicators under it; a dimension must contain at least one indicator, and rules sit on indicators or sub-indicators`,
        );
      checkRule(issues, node, path, label, calculators);
      checkOfficeParams(issues, node, path, label, ctx.officeArgsOf);
      checkAppliesTo(issues, groups, node, path, label);
      return;
    }
    const branch: Branch = node;
    let deeper = tooDeep;
    if (level >= 3 && !tooDeep) {
      issues.add(
        'depth',
        path,
        `${label.zh}下不能再设下级指标：指标体系最多三级（一级指标 → 二级指标 → 三级指标）`,
        `${label.en} cannot have nodes under it: a system has at most three levels (dimension → indicator → sub-indicator)`,
      );
      deeper = true;
    }
    checkSum(
      issues,
      sumEntry(`${path}.children`, branch.code, branch.name, branch.children, branch.weight),
      label,
    );
    branch.children.forEach((c, i) => {
      walk(c, `${path}.children.${i}`, level + 1, deeper);
    });
  };

  checkSum(issues, sumEntry('dimensions', null, null, content.dimensions, content.total), null);
  content.dimensions.forEach((d, i) => {
    walk(d, `dimensions.${i}`, 1, false);
  });

  // ─── Beside the tree: bonus, veto and statistic items ───
  content.bonusItems.forEach((item, k) => {
    const path = `bonusItems.${k}`;
    const label = { zh: `加分项 ${item.code}「${item.name}」`, en: `Bonus item ${item.code} "${item.name}"` };
    claim(item.code, path, label);
    if (content.bonusCap > 0 && item.maxPoints > content.bonusCap)
      issues.add(
        'bonus_item_cap',
        `${path}.maxPoints`,
        `${label.zh}的最高分 ${formatNumber(item.maxPoints)} 超过加分上限 ${formatNumber(content.bonusCap)}`,
        `${label.en} allows up to ${formatNumber(item.maxPoints)} points, more than the bonus cap of ${formatNumber(content.bonusCap)}`,
      );
  });
  if (content.bonusItems.length > 0 && content.bonusCap === 0)
    issues.add(
      'bonus_cap',
      'bonusCap',
      `设置了 ${content.bonusItems.length} 个加分项，但加分上限为 0，任何加分都不会计入；请设置加分上限`,
      `There are ${content.bonusItems.length} bonus items but the bonus cap is 0, so no bonus would count; set a bonus cap`,
    );
  content.vetoItems.forEach((item, k) => {
    claim(item.code, `vetoItems.${k}`, {
      zh: `一票否决项 ${item.code}「${item.name}」`,
      en: `Veto item ${item.code} "${item.name}"`,
    });
  });
  (content.statistics ?? []).forEach((item, k) => {
    claim(item.code, `statistics.${k}`, {
      zh: `统计数据指标 ${item.code}「${item.name}」`,
      en: `Statistic ${item.code} "${item.name}"`,
    });
  });

  checkGrading(issues, content);
  return issues.items;
}

/**
 * Throws `validation_failed` (422) with every issue when `content` is not a valid system. Submitting
 * a system for filing (报备案) calls this; a draft may be saved with issues.
 */
export function assertValidSystem(content: SystemContent, ctx: ValidateContext, pathPrefix = ''): void {
  const issues = validateSystem(content, ctx);
  if (issues.length === 0) return;
  const fields: FieldIssue[] = issues.map((i) => ({
    path: pathPrefix ? `${pathPrefix}.${i.path}` : i.path,
    zh: i.zh,
    en: i.en,
  }));
  throw errors.validation(fields);
}
