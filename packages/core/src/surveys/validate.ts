import type { FieldIssue } from '../errors/app-error';
import type { Leaf } from '../indicators/model';
import { RULE_LABELS } from '../vocabulary/labels';
import type { SurveyInput } from './model';

/**
 * A survey's rules beyond its schema, with field paths: units in the cycle, group keys and question
 * codes unique, group weights summing to 1, and every linked leaf a satisfaction leaf that applies
 * to each rated unit with the survey's groups (same keys, same weights).
 */

/** A unit of the cycle as a survey needs it: its name and the leaves that apply to it. */
export interface SurveyUnit {
  name: string;
  leaves: readonly Leaf[];
}

const WEIGHT_EPSILON = 1e-6;
const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);

export function surveyIssues(s: SurveyInput, units: ReadonlyMap<string, SurveyUnit>): FieldIssue[] {
  const out: FieldIssue[] = [];
  const issue = (path: string, zh: string, en: string) => out.push({ path: `body.${path}`, zh, en });

  const seenUnits = new Set<string>();
  s.units.forEach((u, i) => {
    if (seenUnits.has(u)) issue(`units.${i}`, `单位 ${u} 重复`, `Unit ${u} is listed twice`);
    else if (!units.has(u))
      issue(`units.${i}`, `单位 ${u} 不在该考核周期范围内`, `Unit ${u} is not in this cycle`);
    seenUnits.add(u);
  });

  const seenGroups = new Set<string>();
  s.groups.forEach((g, i) => {
    if (seenGroups.has(g.key))
      issue(`groups.${i}.key`, `答卷人群体 ${g.key} 重复`, `Group ${g.key} is listed twice`);
    seenGroups.add(g.key);
  });
  const sum = s.groups.reduce((a, g) => a + g.weight, 0);
  if (Math.abs(sum - 1) > WEIGHT_EPSILON)
    issue(
      'groups',
      `各答卷人群体的权重之和须为 1（现为 ${fmt(sum)}）`,
      `Group weights must sum to 1 (they sum to ${fmt(sum)})`,
    );
  if (s.openLink.enabled && !s.groups.some((g) => g.openLink))
    issue(
      'openLink.enabled',
      '开放链接须至少允许选择一个答卷人群体',
      'The open link needs at least one group its respondents may choose',
    );

  const seenCodes = new Set<string>();
  const linked = new Map<string, number>();
  s.questions.forEach((q, i) => {
    if (seenCodes.has(q.code))
      issue(`questions.${i}.code`, `题目编号 ${q.code} 重复`, `Question ${q.code} is listed twice`);
    seenCodes.add(q.code);
    if (!q.leaf) return;
    const path = `questions.${i}.leaf`;
    if (q.kind !== 'likert') {
      issue(path, '只有量表题可以关联指标', 'Only a Likert question can feed an indicator');
      return;
    }
    if (linked.has(q.leaf)) {
      issue(
        path,
        `指标 ${q.leaf} 已由第 ${linked.get(q.leaf)! + 1} 题关联`,
        `Indicator ${q.leaf} is already fed by question ${linked.get(q.leaf)! + 1}`,
      );
      return;
    }
    linked.set(q.leaf, i);
    leafIssues(s, q.leaf, units, (zh, en) => issue(path, zh, en));
  });
  return out;
}

/** The linked leaf against each rated unit: applies, is a satisfaction leaf, has the survey's groups. */
function leafIssues(
  s: SurveyInput,
  code: string,
  units: ReadonlyMap<string, SurveyUnit>,
  issue: (zh: string, en: string) => void,
) {
  const notApplying: string[] = [];
  const reported = new Set<string>();
  const sat = RULE_LABELS.satisfaction;
  for (const u of new Set(s.units)) {
    const unit = units.get(u);
    if (!unit) continue;
    const leaf = unit.leaves.find((l) => l.code === code);
    if (!leaf) {
      notApplying.push(`${unit.name}（${u}）`);
      continue;
    }
    if (leaf.rule.kind !== 'satisfaction') {
      if (!reported.has('kind'))
        issue(
          `指标 ${code}「${leaf.name}」的评分办法不是${sat.zh}，不能由问卷提供数据`,
          `Indicator ${code} "${leaf.name}" is not scored by ${sat.en.toLowerCase()}; a survey cannot feed it`,
        );
      reported.add('kind');
      continue;
    }
    const diff = groupDifferences(s.groups, leaf.rule.groups);
    if (diff && !reported.has(diff.en)) {
      reported.add(diff.en);
      issue(
        `问卷的答卷人群体与指标 ${code}「${leaf.name}」的评分办法不一致：${diff.zh}`,
        `The survey's groups differ from those of indicator ${code} "${leaf.name}": ${diff.en}`,
      );
    }
  }
  if (notApplying.length)
    issue(
      `指标 ${code} 不适用于：${notApplying.join('、')}`,
      `Indicator ${code} does not apply to: ${notApplying.join(', ')}`,
    );
}

/** Which keys and weights differ between the survey's groups and the rule's; undefined when none. */
export function groupDifferences(
  survey: readonly { key: string; weight: number }[],
  rule: readonly { key: string; label: string; weight: number }[],
): { zh: string; en: string } | undefined {
  const zh: string[] = [];
  const en: string[] = [];
  const mine = new Map(survey.map((g) => [g.key, g.weight]));
  const theirs = new Map(rule.map((g) => [g.key, g]));
  for (const g of rule) {
    const w = mine.get(g.key);
    if (w === undefined) {
      zh.push(`缺少群体 ${g.key}（${g.label}，权重 ${fmt(g.weight)}）`);
      en.push(`group ${g.key} (${g.label}, weight ${fmt(g.weight)}) is missing`);
    } else if (Math.abs(w - g.weight) > WEIGHT_EPSILON) {
      zh.push(`群体 ${g.key} 的权重为 ${fmt(w)}，评分办法为 ${fmt(g.weight)}`);
      en.push(`group ${g.key} weighs ${fmt(w)}, the rule says ${fmt(g.weight)}`);
    }
  }
  for (const g of survey)
    if (!theirs.has(g.key)) {
      zh.push(`评分办法中没有群体 ${g.key}`);
      en.push(`the rule has no group ${g.key}`);
    }
  return zh.length ? { zh: zh.join('；'), en: en.join('; ') } : undefined;
}
