import { leafLabel, type PlanIssue, type PlanLeaf } from './plan-checks';
import type { SelfItem } from './self-assessment';

/**
 * What a self-assessment (自我测评, art. 23 (三)) must hold before the unit submits it: for every
 * indicator that applies, the actual value (a number for quantitative indicators, words for
 * qualitative ones), a self-score within the indicator's points and a narrative; and the
 * self-evaluation report (绩效自评报告). A value a data provider supplies (一数一源) counts as it
 * is: the unit neither types nor retypes it. Paths are dotted (`items.2.selfScore`).
 */

/** The shortest self-evaluation report accepted, in characters. */
export const MIN_REPORT_CHARS = 50;

const blank = (s: string | undefined): boolean => (s ?? '').trim().length === 0;

/**
 * Everything that keeps a self-assessment from being complete. `supplied` holds the codes of the
 * leaves whose value a data provider supplies for this unit.
 */
export function selfAssessmentIssues(
  sa: { items: readonly SelfItem[]; report: string },
  leaves: readonly PlanLeaf[],
  supplied: ReadonlySet<string>,
): PlanIssue[] {
  const out: PlanIssue[] = [];
  const given = new Set(sa.items.map((i) => i.leaf));
  for (const leaf of leaves)
    if (!given.has(leaf.code)) {
      const l = leafLabel(leaf);
      out.push({ path: 'items', zh: `缺少${l.zh}的自评`, en: `${l.en} has no self-assessment` });
    }

  const byCode = new Map(leaves.map((l) => [l.code, l]));
  const seen = new Set<string>();
  sa.items.forEach((item, i) => {
    const at = `items.${i}`;
    const leaf = byCode.get(item.leaf);
    if (!leaf) {
      out.push({
        path: `${at}.leaf`,
        zh: `指标 ${item.leaf} 不适用于本单位，请删除该项`,
        en: `Indicator ${item.leaf} does not apply to this unit; remove the item`,
      });
      return;
    }
    const l = leafLabel(leaf);
    if (seen.has(item.leaf)) {
      out.push({
        path: `${at}.leaf`,
        zh: `${l.zh}重复，每个指标只填写一项`,
        en: `${l.en} appears more than once; give one item per indicator`,
      });
      return;
    }
    seen.add(item.leaf);

    if (leaf.type === 'quantitative') {
      if (supplied.has(leaf.code)) {
        if (item.actual !== undefined)
          out.push({
            path: `${at}.actual`,
            zh: `${l.zh}的实际值由数据提供部门提供（一数一源），单位不能填报，请删除所填数值`,
            en: `${l.en}: the value is supplied by the data provider (collected once); the unit cannot enter it, so remove it`,
          });
      } else if (item.actual === undefined)
        out.push({
          path: `${at}.actual`,
          zh: `${l.zh}：请填写实际完成值${leaf.unitOfMeasure ? `（单位：${leaf.unitOfMeasure}）` : ''}`,
          en: `${l.en}: give the actual value${leaf.unitOfMeasure ? ` (in ${leaf.unitOfMeasure})` : ''}`,
        });
    } else if (blank(item.actualText) && blank(item.narrative))
      out.push({
        path: `${at}.actualText`,
        zh: `${l.zh}是定性指标，请用文字说明完成情况`,
        en: `${l.en} is qualitative; describe what was achieved`,
      });

    if (item.selfScore === undefined)
      out.push({
        path: `${at}.selfScore`,
        zh: `${l.zh}：请填写自评分（0–${leaf.weight} 分）`,
        en: `${l.en}: give a self-score (0–${leaf.weight} points)`,
      });
    else if (item.selfScore < 0 || item.selfScore > leaf.weight)
      out.push({
        path: `${at}.selfScore`,
        zh: `${l.zh}的自评分 ${item.selfScore} 超出该指标的分值范围（0–${leaf.weight} 分）`,
        en: `${l.en}: the self-score ${item.selfScore} is outside the indicator's 0–${leaf.weight} points`,
      });
    if (blank(item.narrative))
      out.push({
        path: `${at}.narrative`,
        zh: `${l.zh}：请填写完成情况说明`,
        en: `${l.en}: give a narrative of how it went`,
      });
  });

  const chars = [...sa.report.trim()].length;
  if (chars === 0)
    out.push({ path: 'report', zh: '请撰写绩效自评报告', en: 'Write the self-evaluation report' });
  else if (chars < MIN_REPORT_CHARS)
    out.push({
      path: 'report',
      zh: `绩效自评报告至少 ${MIN_REPORT_CHARS} 个字（现有 ${chars} 个字）`,
      en: `The self-evaluation report needs at least ${MIN_REPORT_CHARS} characters (it has ${chars})`,
    });
  return out;
}
