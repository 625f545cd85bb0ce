import {
  type DataSource,
  type Direction,
  type IndicatorType,
  leavesOf,
  type SystemContent,
} from '../indicators/model';
import { usesTarget } from '../indicators/validate/office-params';
import type { PlanItem } from './plans';

/**
 * What an annual plan must hold (Harbin draft art. 10): for every indicator that applies to the
 * unit, a target (a number where the indicator is scored against one, unless the office fixes it),
 * its basis, the evaluation standard, the methods and measures, an owner; milestones within the
 * year. The same checks gate submission (`planIssues` empty) and show the unit what is left to do.
 *
 * Paths are dotted into the plan body (`items.3.target`, `items.3.milestones.0.due`), like the
 * product's other field issues, so the API can prefix them with `body.`.
 */

/** One indicator as an annual plan sees it. */
export interface PlanLeaf {
  code: string;
  name: string;
  type: IndicatorType;
  direction: Direction;
  unitOfMeasure?: string;
  /** Points, as given on the leaf. */
  weight: number;
  /** Scored against a numeric target: the plan gives one (or the office fixed it). */
  needsNumber: boolean;
  /** The target the office fixed on the leaf; units may not set another. */
  officeTarget?: number;
  source: DataSource;
  evidenceRequired: boolean;
}

export interface PlanIssue {
  path: string;
  zh: string;
  en: string;
}

/** The leaves of a system that apply to a unit of `group` (absent or empty `appliesTo` = every group). */
export function applicableLeaves(content: SystemContent, group: string): PlanLeaf[] {
  return leavesOf(content.dimensions)
    .filter((l) => !l.appliesTo?.length || l.appliesTo.includes(group))
    .map((l) => {
      const leaf: PlanLeaf = {
        code: l.code,
        name: l.name,
        type: l.type,
        direction: l.direction,
        weight: l.weight,
        needsNumber: l.type === 'quantitative' && usesTarget(l),
        source: l.source,
        evidenceRequired: l.evidence.required,
      };
      if (l.unitOfMeasure !== undefined) leaf.unitOfMeasure = l.unitOfMeasure;
      if (l.officeParams?.target !== undefined) leaf.officeTarget = l.officeParams.target;
      return leaf;
    });
}

/** `C1「名称」` / `C1 "name"`: how messages name an indicator. */
/**
 * The leaves that apply to a group in a cycle: the system's, with the targets the office fixed for
 * this cycle in place of the system's own. The one way the cycle's resources see a unit's leaves.
 */
export function cycleLeaves(
  cycle: { targets?: readonly { leaf: string; target: number }[] },
  content: SystemContent,
  group: string,
): PlanLeaf[] {
  const fixed = new Map((cycle.targets ?? []).map((t) => [t.leaf, t.target]));
  return applicableLeaves(content, group).map((l) =>
    fixed.has(l.code) && l.needsNumber ? { ...l, officeTarget: fixed.get(l.code)! } : l,
  );
}

export const leafLabel = (l: { code: string; name: string }) => ({
  zh: `指标 ${l.code}「${l.name}」`,
  en: `Indicator ${l.code} "${l.name}"`,
});

const blank = (s: string | undefined): boolean => (s ?? '').trim().length === 0;

/** The four words of art. 10 every item gives, with what they are called. */
const ITEM_TEXTS = [
  { key: 'basis', zh: '目标依据', en: 'the basis of its target' },
  { key: 'standard', zh: '评估标准', en: 'the evaluation standard' },
  { key: 'measures', zh: '方法和措施', en: 'the methods and measures' },
  { key: 'owner', zh: '责任人或责任处室', en: 'an owner' },
] as const;

/**
 * Everything that keeps an annual plan from being complete for `leaves` (the unit's applicable
 * leaves) in `year`. Empty = complete.
 */
export function planIssues(
  plan: { basis: string; items: readonly PlanItem[] },
  leaves: readonly PlanLeaf[],
  year: number,
): PlanIssue[] {
  const out: PlanIssue[] = [];
  if (blank(plan.basis))
    out.push({
      path: 'basis',
      zh: '请填写设定年度绩效目标的主要依据',
      en: "Give the main basis of the year's targets",
    });

  const byCode = new Map(leaves.map((l) => [l.code, l]));
  const planned = new Set(plan.items.map((i) => i.leaf));
  for (const leaf of leaves)
    if (!planned.has(leaf.code)) {
      const l = leafLabel(leaf);
      out.push({ path: 'items', zh: `缺少${l.zh}的计划`, en: `${l.en} has no plan item` });
    }

  const seen = new Set<string>();
  plan.items.forEach((item, i) => {
    const at = `items.${i}`;
    const leaf = byCode.get(item.leaf);
    if (!leaf) {
      out.push({
        path: `${at}.leaf`,
        zh: `指标 ${item.leaf} 不适用于本单位（或不在本周期的指标体系中），请删除该项`,
        en: `Indicator ${item.leaf} does not apply to this unit (or is not in the cycle's system); remove the item`,
      });
      return;
    }
    const l = leafLabel(leaf);
    if (seen.has(item.leaf)) {
      out.push({
        path: `${at}.leaf`,
        zh: `${l.zh}重复，每个指标只填写一项计划`,
        en: `${l.en} appears more than once; give one item per indicator`,
      });
      return;
    }
    seen.add(item.leaf);
    out.push(...targetIssues(item, leaf, at));
    for (const t of ITEM_TEXTS)
      if (blank(item[t.key]))
        out.push({ path: `${at}.${t.key}`, zh: `${l.zh}：请填写${t.zh}`, en: `${l.en}: give ${t.en}` });
    item.milestones.forEach((m, j) => {
      const mAt = `${at}.milestones.${j}`;
      const ml = { zh: `${l.zh}的节点「${m.name}」`, en: `${l.en}, milestone "${m.name}"` };
      if (Number(m.due.slice(0, 4)) !== year)
        out.push({
          path: `${mAt}.due`,
          zh: `${ml.zh}的完成日期 ${m.due} 不在 ${year} 年内`,
          en: `${ml.en}: its due day ${m.due} is not in ${year}`,
        });
      if (blank(m.owner))
        out.push({ path: `${mAt}.owner`, zh: `${ml.zh}：请填写责任人`, en: `${ml.en}: name an owner` });
      if (blank(m.standard))
        out.push({
          path: `${mAt}.standard`,
          zh: `${ml.zh}：请填写完成标准`,
          en: `${ml.en}: say what counts as done`,
        });
    });
  });
  return out;
}

function targetIssues(item: PlanItem, leaf: PlanLeaf, at: string): PlanIssue[] {
  const l = leafLabel(leaf);
  const unit = leaf.unitOfMeasure ? ` ${leaf.unitOfMeasure}` : '';
  if (leaf.needsNumber) {
    if (leaf.officeTarget !== undefined)
      return item.target === undefined || item.target === leaf.officeTarget
        ? []
        : [
            {
              path: `${at}.target`,
              zh: `${l.zh}的目标值由考核办设定为 ${leaf.officeTarget}${unit}，单位不能另设（现为 ${item.target}）`,
              en: `${l.en}: the office fixes the target at ${leaf.officeTarget}${unit}; the unit cannot set another (${item.target} given)`,
            },
          ];
    return item.target === undefined
      ? [
          {
            path: `${at}.target`,
            zh: `${l.zh}按目标值计分，请填写数值目标${unit ? `（单位：${leaf.unitOfMeasure}）` : ''}`,
            en: `${l.en} is scored against a target; give a numeric target${unit ? ` (in ${leaf.unitOfMeasure})` : ''}`,
          },
        ]
      : [];
  }
  return item.target === undefined && blank(item.targetText)
    ? [
        {
          path: `${at}.targetText`,
          zh: `${l.zh}：请用文字或数值写明本年度目标`,
          en: `${l.en}: state this year's target in words or as a number`,
        },
      ]
    : [];
}

/** Whether the plan is complete (nothing for `planIssues` to say). */
export const isPlanComplete = (
  plan: { basis: string; items: readonly PlanItem[] },
  leaves: readonly PlanLeaf[],
  year: number,
): boolean => planIssues(plan, leaves, year).length === 0;
