import type { Bilingual } from '../../scoring/types';
import {
  DATA_SOURCE_LABELS,
  DIRECTION_LABELS,
  INDICATOR_TYPE_LABELS,
  LIKERT_LABELS,
  RULE_LABELS,
} from '../../vocabulary/labels';
import { type Leaf, LIKERT_LEVELS, QUALITATIVE_GRADES, type RuleKind, type ScoringRule } from '../model';
import { formatNumber, type IssueList, signed, sum, WEIGHT_TOLERANCE } from './issues';

// Rule, direction, type and source names come from the vocabulary (RULE_LABELS …): one wording.
const RULE = RULE_LABELS;
const DIRECTION = DIRECTION_LABELS;
const TYPE = INDICATOR_TYPE_LABELS;

/** Rules that need a measured number (a value against a target or against peers). */
const QUANTITATIVE_ONLY: readonly RuleKind[] = [
  'target_completion',
  'reverse',
  'target_gap',
  'efficacy',
  'rank',
  'formula',
];

type Band = Extract<ScoringRule, { kind: 'bands' }>['bands'][number];
const bandText = (b: Band): string =>
  `${b.min === null ? '(-∞' : `[${formatNumber(b.min)}`}, ${b.max === null ? '+∞' : formatNumber(b.max)})`;

/** Weights of groups or sources that must add up to 1. */
function checkUnitSum(
  issues: IssueList,
  check: 'group_weights' | 'source_weights',
  path: string,
  items: readonly { key: string; weight: number }[],
  label: Bilingual,
  what: Bilingual,
) {
  const s = sum(items.map((i) => i.weight));
  const d = s.minus(1);
  if (d.abs().lessThanOrEqualTo(WEIGHT_TOLERANCE)) return;
  issues.add(
    check,
    path,
    `${label.zh}：${what.zh}权重合计为 ${formatNumber(s)}，应为 1（相差 ${signed(d)}）`,
    `${label.en}: the ${what.en} weights add up to ${formatNumber(s)}; they must add up to 1 (off by ${signed(d)})`,
  );
}

function checkUniqueKeys(
  issues: IssueList,
  path: string,
  items: readonly { key: string }[],
  label: Bilingual,
  what: Bilingual,
) {
  const seen = new Map<string, number>();
  items.forEach((item, k) => {
    const first = seen.get(item.key);
    if (first === undefined) seen.set(item.key, k);
    else
      issues.add(
        'duplicate_key',
        `${path}.${k}.key`,
        `${label.zh}：${what.zh} ${item.key} 重复（第 ${first + 1} 项与第 ${k + 1} 项）`,
        `${label.en}: ${what.en} ${item.key} appears twice (items ${first + 1} and ${k + 1})`,
      );
  });
}

function checkBands(issues: IssueList, path: string, bands: readonly Band[], label: Bilingual) {
  const usable: { band: Band; index: number }[] = [];
  bands.forEach((band, index) => {
    if (band.min !== null && band.max !== null && band.min >= band.max)
      issues.add(
        'band_empty',
        `${path}.${index}`,
        `${label.zh}：第 ${index + 1} 档区间 ${bandText(band)} 的下限应小于上限`,
        `${label.en}: band ${index + 1} ${bandText(band)} must have its lower bound below its upper bound`,
      );
    else usable.push({ band, index });
  });
  const lo = (b: Band) => (b.min === null ? Number.NEGATIVE_INFINITY : b.min);
  usable.sort((a, b) => lo(a.band) - lo(b.band) || a.index - b.index);
  for (let k = 1; k < usable.length; k++) {
    const a = usable[k - 1]!;
    const b = usable[k]!;
    const at = `${path}.${b.index}`;
    const pair = {
      zh: `区间 ${bandText(a.band)} 与 ${bandText(b.band)}`,
      en: `${bandText(a.band)} and ${bandText(b.band)}`,
    };
    const overlap = a.band.max === null || b.band.min === null || a.band.max > b.band.min;
    if (overlap)
      issues.add(
        'band_overlap',
        at,
        `${label.zh}：${pair.zh} 重叠，各档区间不能重叠`,
        `${label.en}: bands ${pair.en} overlap; bands must not overlap`,
      );
    else if (a.band.max !== null && b.band.min !== null && a.band.max < b.band.min)
      issues.add(
        'band_gap',
        at,
        `${label.zh}：${pair.zh} 之间有空档，上一档的上限应等于下一档的下限`,
        `${label.en}: there is a gap between bands ${pair.en}; each band must end where the next begins`,
      );
  }
}

/** The value rule's direction must agree with the leaf's (a formula hands its result to `then`). */
function checkDirection(issues: IssueList, leaf: Leaf, rulePath: string, label: Bilingual) {
  const rule = leaf.rule;
  const valueRule = rule.kind === 'formula' ? rule.then : rule;
  const valuePath = rule.kind === 'formula' ? `${rulePath}.then` : rulePath;
  if (valueRule.kind === 'target_completion' && leaf.direction === 'lower')
    issues.add(
      'rule_direction',
      valuePath,
      `${label.zh}的方向为“${DIRECTION.lower.zh}”（越低越好），不能按「${RULE.target_completion.zh}」（实际值/目标值）计分；请改用「${RULE.reverse.zh}」，或把方向改为“${DIRECTION.higher.zh}”`,
      `${label.en} has the direction "${DIRECTION.lower.en}", which contradicts "${RULE.target_completion.en}" (actual/target); use "${RULE.reverse.en}", or set the direction to "${DIRECTION.higher.en}"`,
    );
  if (valueRule.kind === 'reverse' && leaf.direction === 'higher')
    issues.add(
      'rule_direction',
      valuePath,
      `${label.zh}的方向为“${DIRECTION.higher.zh}”（越高越好），不能按「${RULE.reverse.zh}」（目标值/实际值）计分；请改用「${RULE.target_completion.zh}」，或把方向改为“${DIRECTION.lower.zh}”`,
      `${label.en} has the direction "${DIRECTION.higher.en}", which contradicts "${RULE.reverse.en}" (target/actual); use "${RULE.target_completion.en}", or set the direction to "${DIRECTION.lower.en}"`,
    );
}

/** Checks of a rule that depend on the leaf (direction, type, source) and of its parameters. */
export function checkRule(
  issues: IssueList,
  leaf: Leaf,
  path: string,
  label: Bilingual,
  calculators: ReadonlySet<string> | undefined,
): void {
  const rule = leaf.rule;
  const rulePath = `${path}.rule`;
  const ruleName = RULE[rule.kind];

  if (leaf.type === 'qualitative' && QUANTITATIVE_ONLY.includes(rule.kind))
    issues.add(
      'rule_type',
      rulePath,
      `${label.zh}为${TYPE.qualitative.zh}指标，不能使用需要实际数值的评分办法「${ruleName.zh}」；请改用「${RULE.qualitative_grade.zh}」或「${RULE.expert.zh}」，或把指标类型改为“${TYPE.quantitative.zh}”`,
      `${label.en} is of type "${TYPE.qualitative.en}" but its rule "${ruleName.en}" needs a measured value; use "${RULE.qualitative_grade.en}" or "${RULE.expert.en}", or set its type to "${TYPE.quantitative.en}"`,
    );
  checkDirection(issues, leaf, rulePath, label);

  const requireSource = (source: Leaf['source']) => {
    if (leaf.source === source) return;
    const want = DATA_SOURCE_LABELS[source];
    const have = DATA_SOURCE_LABELS[leaf.source];
    issues.add(
      'rule_source',
      rulePath,
      `${label.zh}使用「${ruleName.zh}」评分，数据来源应为“${want.zh}”，现为“${have.zh}”`,
      `${label.en} uses "${ruleName.en}", so its data source must be "${want.en}", not "${have.en}"`,
    );
  };

  switch (rule.kind) {
    case 'bands':
      checkBands(issues, `${rulePath}.bands`, rule.bands, label);
      break;
    case 'formula':
      if (calculators && !calculators.has(rule.calculator))
        issues.add(
          'unknown_calculator',
          `${rulePath}.calculator`,
          `${label.zh}的计算公式 ${rule.calculator} 不存在；可用的公式：${[...calculators].join('、') || '（无）'}`,
          `${label.en}: there is no calculator named ${rule.calculator}; known calculators: ${[...calculators].join(', ') || '(none)'}`,
        );
      if (rule.then.kind === 'bands') checkBands(issues, `${rulePath}.then.bands`, rule.then.bands, label);
      break;
    case 'deduction': {
      const seen = new Map<string, number>();
      rule.items.forEach((item, k) => {
        const first = seen.get(item.code);
        if (first === undefined) seen.set(item.code, k);
        else
          issues.add(
            'duplicate_key',
            `${rulePath}.items.${k}.code`,
            `${label.zh}：扣分事项编码 ${item.code} 重复（第 ${first + 1} 项与第 ${k + 1} 项）`,
            `${label.en}: deduction item code ${item.code} appears twice (items ${first + 1} and ${k + 1})`,
          );
      });
      break;
    }
    case 'qualitative_grade':
      for (let k = 1; k < QUALITATIVE_GRADES.length; k++) {
        const hi = QUALITATIVE_GRADES[k - 1]!;
        const lo = QUALITATIVE_GRADES[k]!;
        const fh = rule.fractions[hi];
        const fl = rule.fractions[lo];
        if (fl > fh)
          issues.add(
            'grade_fractions',
            `${rulePath}.fractions.${lo}`,
            `${label.zh}：${RULE.qualitative_grade.zh}得分比例应满足 A ≥ B ≥ C ≥ D，但 ${lo}（${formatNumber(fl)}）高于 ${hi}（${formatNumber(fh)}）`,
            `${label.en}: grade fractions must satisfy A ≥ B ≥ C ≥ D, but ${lo} (${formatNumber(fl)}) is above ${hi} (${formatNumber(fh)})`,
          );
      }
      break;
    case 'expert':
      requireSource('expert');
      break;
    case 'satisfaction':
      requireSource('survey');
      for (let k = 1; k < LIKERT_LEVELS.length; k++) {
        const hi = LIKERT_LEVELS[k - 1]!;
        const lo = LIKERT_LEVELS[k]!;
        const ph = rule.levelPoints[hi];
        const pl = rule.levelPoints[lo];
        if (pl > ph)
          issues.add(
            'likert_points',
            `${rulePath}.levelPoints.${lo}`,
            `${label.zh}：“${LIKERT_LABELS[lo].zh}”的分值 ${formatNumber(pl)} 高于“${LIKERT_LABELS[hi].zh}”的 ${formatNumber(ph)}`,
            `${label.en}: "${LIKERT_LABELS[lo].en}" scores ${formatNumber(pl)}, more than "${LIKERT_LABELS[hi].en}" (${formatNumber(ph)})`,
          );
      }
      checkUnitSum(issues, 'group_weights', `${rulePath}.groups`, rule.groups, label, {
        zh: '各测评群体',
        en: 'respondent group',
      });
      checkUniqueKeys(issues, `${rulePath}.groups`, rule.groups, label, {
        zh: '测评群体',
        en: 'respondent group',
      });
      break;
    case 'composite':
      checkUnitSum(issues, 'source_weights', `${rulePath}.sources`, rule.sources, label, {
        zh: '各得分来源',
        en: 'source',
      });
      checkUniqueKeys(issues, `${rulePath}.sources`, rule.sources, label, { zh: '得分来源', en: 'source' });
      break;
    // base + span above 100 is allowed: the scoring engine clamps, so the top of the range gets full marks.
    case 'efficacy':
    case 'target_completion':
    case 'reverse':
    case 'target_gap':
    case 'rank':
      break;
  }
}
