import type { SystemContent } from '../model';
import { D, formatNumber, type IssueList } from './issues';

/** Grade levels in order, each reachable, the lowest from 0; tie-breaks name real dimensions. */
export function checkGrading(issues: IssueList, content: SystemContent): void {
  const levels = content.grading.levels;
  const levelCodes = new Map<string, number>();
  const reachable = new D(content.total).plus(content.bonusCap);
  levels.forEach((lv, k) => {
    const path = `grading.levels.${k}`;
    const label = { zh: `等级 ${lv.code}「${lv.label.zh}」`, en: `Grade ${lv.code} "${lv.label.en}"` };
    const first = levelCodes.get(lv.code);
    if (first === undefined) levelCodes.set(lv.code, k);
    else
      issues.add(
        'grade_code',
        `${path}.code`,
        `${label.zh}的编码与第 ${first + 1} 个等级重复`,
        `${label.en} has the same code as grade ${first + 1}`,
      );
    const prev = levels[k - 1];
    if (prev && lv.min >= prev.min)
      issues.add(
        'grade_order',
        `${path}.min`,
        `${label.zh}的最低分 ${formatNumber(lv.min)} 应低于上一等级「${prev.label.zh}」的 ${formatNumber(prev.min)}：等级须按最低分从高到低排列`,
        `${label.en} starts at ${formatNumber(lv.min)}, which must be below ${formatNumber(prev.min)} of the grade above ("${prev.label.en}"): grades go from highest to lowest`,
      );
    if (k === levels.length - 1 && lv.min !== 0)
      issues.add(
        'grade_lowest',
        `${path}.min`,
        `最低等级 ${lv.code}「${lv.label.zh}」的最低分应为 0（现为 ${formatNumber(lv.min)}），否则低分单位没有等级`,
        `The lowest grade ${lv.code} "${lv.label.en}" must start at 0 (it starts at ${formatNumber(lv.min)}), or low totals would have no grade`,
      );
    if (lv.maxShare !== undefined && lv.maxShare <= 0)
      issues.add(
        'grade_share',
        `${path}.maxShare`,
        `${label.zh}的名额比例须大于 0 且不超过 1（现为 ${formatNumber(lv.maxShare)}）；不限名额请留空`,
        `${label.en}: the quota share must be above 0 and at most 1 (it is ${formatNumber(lv.maxShare)}); leave it empty for no quota`,
      );
    if (reachable.lessThan(lv.min))
      issues.add(
        'grade_unreachable',
        `${path}.min`,
        `${label.zh}的最低分 ${formatNumber(lv.min)} 高于可得的最高分 ${formatNumber(reachable)}（总分 ${formatNumber(content.total)} + 加分上限 ${formatNumber(content.bonusCap)}），没有单位能达到`,
        `${label.en} starts at ${formatNumber(lv.min)}, above the highest possible total ${formatNumber(reachable)} (total ${formatNumber(content.total)} + bonus cap ${formatNumber(content.bonusCap)}), so no unit can reach it`,
      );
  });
  const dimensionCodes = new Set(content.dimensions.map((d) => d.code));
  content.grading.tieBreak.forEach((key, k) => {
    if (!key.startsWith('dimension:')) return;
    const code = key.slice('dimension:'.length);
    if (!dimensionCodes.has(code))
      issues.add(
        'tie_break',
        `grading.tieBreak.${k}`,
        `并列排序依据 ${key} 引用的一级指标 ${code} 不存在`,
        `Tie-break ${key} names dimension ${code}, which does not exist`,
      );
  });
}
