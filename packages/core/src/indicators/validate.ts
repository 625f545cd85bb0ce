import Decimal from 'decimal.js';
import type { z } from 'zod';
import type { FieldIssue } from '../errors/app-error';
import { errors } from '../errors/catalogue';
import type { Bilingual } from '../scoring/types';
import {
  DATA_SOURCE_LABELS,
  DIRECTION_LABELS,
  INDICATOR_TYPE_LABELS,
  LIKERT_LABELS,
  RULE_LABELS,
} from '../vocabulary/labels';
import {
  type Branch,
  type IndicatorNode,
  isBranch,
  type Leaf,
  LIKERT_LEVELS,
  QUALITATIVE_GRADES,
  type RuleKind,
  type ScoringRule,
  type SystemContent,
} from './model';
import type { SYSTEM_CHECKS, systemIssueSchema, weightSumSchema } from './views';

/**
 * Structural checks of an indicator system that zod cannot express: they need the whole tree
 * (sums, unique codes, depth), several fields of one leaf at once (rule vs direction, type and
 * source), or facts outside the content (the tenant's unit groups, the known calculators).
 *
 * Every issue is a FieldIssue whose `path` is a JSON path into the content (`dimensions.2.children.0`)
 * and whose messages name the node by code and name, in Chinese and English. Issues come in tree
 * order: the dimension sum, then each dimension depth-first (a node before its children), then bonus
 * items, bonus cap, veto items and grading. An empty array means the system is valid.
 *
 * Decisions (see the report to the lead):
 * - a dimension (一级指标) must be a branch: leaves are indicators (二级) or sub-indicators (三级);
 * - a branch's weight-sum issue is reported at the path of its `children` list (`dimensions` for the
 *   dimensions against `total`), the same path `weightSummary` gives, so the console can match them;
 * - rule/leaf contradictions are reported at the leaf's `rule` path (the office fixes one or the
 *   other, and the message says which to change);
 * - codes are compared exactly (case-sensitive), across the tree, bonus items and veto items.
 */

/** Which check produced an issue (the list lives with the view schemas, `views.ts`). */
export type SystemCheck = (typeof SYSTEM_CHECKS)[number];

export type SystemIssue = z.infer<typeof systemIssueSchema>;

export interface ValidateContext {
  /** Codes of the tenant's unit groups; `appliesTo` entries must be among them. */
  unitGroups: readonly string[];
  /** Names of the formula calculators the scoring engine knows; checked only when given. */
  knownCalculators?: readonly string[];
}

/** Sums are compared with this absolute tolerance. */
export const WEIGHT_TOLERANCE = 1e-9;

// Decimal sums: 0.1 + 0.2 is 0.3, so sums are exact for the decimals an office types.
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -50, toExpPos: 50 });
type D = Decimal;

const sum = (xs: readonly number[]): D => xs.reduce<D>((acc, x) => acc.plus(x), new D(0));

/** A number as people read it: at most 6 decimals, no exponent, no floating noise, no "-0". */
export const formatNumber = (x: number | D): string => {
  const d = new D(x).toDecimalPlaces(6);
  return d.isZero() ? '0' : d.toFixed();
};
const signed = (x: D): string => (x.isPositive() && !x.isZero() ? `+${formatNumber(x)}` : formatNumber(x));

// ─── Weight sums ───────────────────────────────────────────────────────────────────────────────

export type WeightSum = z.infer<typeof weightSumSchema>;

function sumEntry(
  path: string,
  code: string | null,
  name: string | null,
  children: readonly IndicatorNode[],
  expected: number,
): WeightSum {
  const s = sum(children.map((c) => c.weight));
  const diff = s.minus(expected);
  return {
    path,
    code,
    name,
    sum: s.toNumber(),
    expected,
    diff: diff.toDecimalPlaces(6).toNumber(),
    ok: diff.abs().lessThanOrEqualTo(WEIGHT_TOLERANCE),
  };
}

/**
 * The weight sum of every branch, in tree order, starting with the dimensions against `total`.
 * The console shows these live while the office edits; the API returns them with a system.
 */
export function weightSummary(content: Pick<SystemContent, 'dimensions' | 'total'>): WeightSum[] {
  const out: WeightSum[] = [sumEntry('dimensions', null, null, content.dimensions, content.total)];
  const walk = (node: IndicatorNode, path: string) => {
    if (!isBranch(node)) return;
    out.push(sumEntry(`${path}.children`, node.code, node.name, node.children, node.weight));
    node.children.forEach((c, i) => {
      walk(c, `${path}.children.${i}`);
    });
  };
  content.dimensions.forEach((d, i) => {
    walk(d, `dimensions.${i}`);
  });
  return out;
}

// ─── Naming things in messages ─────────────────────────────────────────────────────────────────

const LEVEL_NAMES: readonly Bilingual[] = [
  { zh: '一级指标', en: 'Dimension' },
  { zh: '二级指标', en: 'Indicator' },
  { zh: '三级指标', en: 'Sub-indicator' },
];
const levelName = (level: number): Bilingual =>
  LEVEL_NAMES[level - 1] ?? { zh: `第${level}级指标`, en: `Level-${level} node` };

const nodeLabel = (level: number, node: { code: string; name: string }): Bilingual => {
  const l = levelName(level);
  return { zh: `${l.zh} ${node.code}「${node.name}」`, en: `${l.en} ${node.code} "${node.name}"` };
};

// Rule, direction, type and source names come from the vocabulary (RULE_LABELS …): one wording.
const RULE = RULE_LABELS;
const DIRECTION = DIRECTION_LABELS;
const TYPE = INDICATOR_TYPE_LABELS;

/** Rules that need a measured number (a value against a target or against peers). */
const QUANTITATIVE_ONLY: readonly RuleKind[] = [
  'target_completion',
  'reverse',
  'efficacy',
  'rank',
  'formula',
];

type Band = Extract<ScoringRule, { kind: 'bands' }>['bands'][number];
const bandText = (b: Band): string =>
  `${b.min === null ? '(-∞' : `[${formatNumber(b.min)}`}, ${b.max === null ? '+∞' : formatNumber(b.max)})`;

// ─── The validator ─────────────────────────────────────────────────────────────────────────────

/**
 * All structural problems of `content`, in tree order; [] when it is valid. Never throws on
 * content that `systemContentSchema` accepted.
 */
export function validateSystem(content: SystemContent, ctx: ValidateContext): SystemIssue[] {
  const issues: SystemIssue[] = [];
  const add = (check: SystemCheck, path: string, zh: string, en: string) => {
    issues.push({ check, path, zh, en });
  };
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
    add(
      'duplicate_code',
      `${path}.code`,
      `${label.zh}的编码 ${code} 与 ${first} 重复，编码在整个指标体系（含加分项、否决项）中必须唯一`,
      `${label.en}: code ${code} is already used at ${first}; codes must be unique across the system, bonus and veto items included`,
    );
  };

  const checkSum = (entry: WeightSum, label: Bilingual | null) => {
    if (entry.ok) return;
    const s = formatNumber(entry.sum);
    const t = formatNumber(entry.expected);
    const d = signed(new D(entry.sum).minus(entry.expected));
    if (label === null)
      add(
        'weight_sum',
        entry.path,
        `一级指标权重合计为 ${s}，应为 ${t}（相差 ${d}）`,
        `Dimension weights add up to ${s}; they must add up to ${t} (off by ${d})`,
      );
    else
      add(
        'weight_sum',
        entry.path,
        `${label.zh}的下级指标权重合计为 ${s}，应等于其权重 ${t}（相差 ${d}）`,
        `Weights under ${label.en} add up to ${s}; they must add up to its weight ${t} (off by ${d})`,
      );
  };

  /** Weights of groups or sources that must add up to 1. */
  const checkUnitSum = (
    check: 'group_weights' | 'source_weights',
    path: string,
    items: readonly { key: string; weight: number }[],
    label: Bilingual,
    what: Bilingual,
  ) => {
    const s = sum(items.map((i) => i.weight));
    const d = s.minus(1);
    if (d.abs().lessThanOrEqualTo(WEIGHT_TOLERANCE)) return;
    add(
      check,
      path,
      `${label.zh}：${what.zh}权重合计为 ${formatNumber(s)}，应为 1（相差 ${signed(d)}）`,
      `${label.en}: the ${what.en} weights add up to ${formatNumber(s)}; they must add up to 1 (off by ${signed(d)})`,
    );
  };

  const checkUniqueKeys = (
    path: string,
    items: readonly { key: string }[],
    label: Bilingual,
    what: Bilingual,
  ) => {
    const seen = new Map<string, number>();
    items.forEach((item, k) => {
      const first = seen.get(item.key);
      if (first === undefined) seen.set(item.key, k);
      else
        add(
          'duplicate_key',
          `${path}.${k}.key`,
          `${label.zh}：${what.zh} ${item.key} 重复（第 ${first + 1} 项与第 ${k + 1} 项）`,
          `${label.en}: ${what.en} ${item.key} appears twice (items ${first + 1} and ${k + 1})`,
        );
    });
  };

  const checkBands = (path: string, bands: readonly Band[], label: Bilingual) => {
    const usable: { band: Band; index: number }[] = [];
    bands.forEach((band, index) => {
      if (band.min !== null && band.max !== null && band.min >= band.max)
        add(
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
        add(
          'band_overlap',
          at,
          `${label.zh}：${pair.zh} 重叠，各档区间不能重叠`,
          `${label.en}: bands ${pair.en} overlap; bands must not overlap`,
        );
      else if (a.band.max !== null && b.band.min !== null && a.band.max < b.band.min)
        add(
          'band_gap',
          at,
          `${label.zh}：${pair.zh} 之间有空档，上一档的上限应等于下一档的下限`,
          `${label.en}: there is a gap between bands ${pair.en}; each band must end where the next begins`,
        );
    }
  };

  /** Checks of a rule that depend on the leaf (direction, type, source) and of its parameters. */
  const checkRule = (leaf: Leaf, path: string, label: Bilingual) => {
    const rule = leaf.rule;
    const rulePath = `${path}.rule`;
    const ruleName = RULE[rule.kind];

    if (leaf.type === 'qualitative' && QUANTITATIVE_ONLY.includes(rule.kind))
      add(
        'rule_type',
        rulePath,
        `${label.zh}为${TYPE.qualitative.zh}指标，不能使用需要实际数值的评分办法「${ruleName.zh}」；请改用「${RULE.qualitative_grade.zh}」或「${RULE.expert.zh}」，或把指标类型改为“${TYPE.quantitative.zh}”`,
        `${label.en} is of type "${TYPE.qualitative.en}" but its rule "${ruleName.en}" needs a measured value; use "${RULE.qualitative_grade.en}" or "${RULE.expert.en}", or set its type to "${TYPE.quantitative.en}"`,
      );

    // Direction: the rule itself, or the value rule a formula hands its result to.
    const valueRule = rule.kind === 'formula' ? rule.then : rule;
    const valuePath = rule.kind === 'formula' ? `${rulePath}.then` : rulePath;
    if (valueRule.kind === 'target_completion' && leaf.direction === 'lower')
      add(
        'rule_direction',
        valuePath,
        `${label.zh}的方向为“${DIRECTION.lower.zh}”（越低越好），不能按「${RULE.target_completion.zh}」（实际值/目标值）计分；请改用「${RULE.reverse.zh}」，或把方向改为“${DIRECTION.higher.zh}”`,
        `${label.en} has the direction "${DIRECTION.lower.en}", which contradicts "${RULE.target_completion.en}" (actual/target); use "${RULE.reverse.en}", or set the direction to "${DIRECTION.higher.en}"`,
      );
    if (valueRule.kind === 'reverse' && leaf.direction === 'higher')
      add(
        'rule_direction',
        valuePath,
        `${label.zh}的方向为“${DIRECTION.higher.zh}”（越高越好），不能按「${RULE.reverse.zh}」（目标值/实际值）计分；请改用「${RULE.target_completion.zh}」，或把方向改为“${DIRECTION.lower.zh}”`,
        `${label.en} has the direction "${DIRECTION.higher.en}", which contradicts "${RULE.reverse.en}" (target/actual); use "${RULE.target_completion.en}", or set the direction to "${DIRECTION.lower.en}"`,
      );

    const requireSource = (source: Leaf['source']) => {
      if (leaf.source === source) return;
      const want = DATA_SOURCE_LABELS[source];
      const have = DATA_SOURCE_LABELS[leaf.source];
      add(
        'rule_source',
        rulePath,
        `${label.zh}使用「${ruleName.zh}」评分，数据来源应为“${want.zh}”，现为“${have.zh}”`,
        `${label.en} uses "${ruleName.en}", so its data source must be "${want.en}", not "${have.en}"`,
      );
    };

    switch (rule.kind) {
      case 'bands':
        checkBands(`${rulePath}.bands`, rule.bands, label);
        break;
      case 'formula':
        if (calculators && !calculators.has(rule.calculator))
          add(
            'unknown_calculator',
            `${rulePath}.calculator`,
            `${label.zh}的计算公式 ${rule.calculator} 不存在；可用的公式：${[...calculators].join('、') || '（无）'}`,
            `${label.en}: there is no calculator named ${rule.calculator}; known calculators: ${[...calculators].join(', ') || '(none)'}`,
          );
        if (rule.then.kind === 'bands') checkBands(`${rulePath}.then.bands`, rule.then.bands, label);
        break;
      case 'deduction': {
        const seen = new Map<string, number>();
        rule.items.forEach((item, k) => {
          const first = seen.get(item.code);
          if (first === undefined) seen.set(item.code, k);
          else
            add(
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
            add(
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
            add(
              'likert_points',
              `${rulePath}.levelPoints.${lo}`,
              `${label.zh}：“${LIKERT_LABELS[lo].zh}”的分值 ${formatNumber(pl)} 高于“${LIKERT_LABELS[hi].zh}”的 ${formatNumber(ph)}`,
              `${label.en}: "${LIKERT_LABELS[lo].en}" scores ${formatNumber(pl)}, more than "${LIKERT_LABELS[hi].en}" (${formatNumber(ph)})`,
            );
        }
        checkUnitSum('group_weights', `${rulePath}.groups`, rule.groups, label, {
          zh: '各测评群体',
          en: 'respondent group',
        });
        checkUniqueKeys(`${rulePath}.groups`, rule.groups, label, { zh: '测评群体', en: 'respondent group' });
        break;
      case 'composite':
        checkUnitSum('source_weights', `${rulePath}.sources`, rule.sources, label, {
          zh: '各得分来源',
          en: 'source',
        });
        checkUniqueKeys(`${rulePath}.sources`, rule.sources, label, { zh: '得分来源', en: 'source' });
        break;
      // base + span above 100 is allowed: the scoring engine clamps, so the top of the range gets full marks.
      case 'efficacy':
      case 'target_completion':
      case 'reverse':
      case 'rank':
        break;
    }
  };

  const checkAppliesTo = (leaf: Leaf, path: string, label: Bilingual) => {
    const applies = leaf.appliesTo;
    if (!applies || applies.length === 0) return;
    if (!applies.some((g) => groups.has(g)))
      add(
        'no_group',
        `${path}.appliesTo`,
        `${label.zh}不适用于任何现有的单位分组，没有单位会被考核该指标；清空“适用分组”表示适用于全部分组`,
        `${label.en} applies to no existing unit group, so no unit would be assessed on it; leave "applies to" empty for all groups`,
      );
    applies.forEach((g, k) => {
      if (!groups.has(g))
        add(
          'unknown_group',
          `${path}.appliesTo.${k}`,
          `${label.zh}适用的单位分组 ${g} 不存在`,
          `${label.en} applies to unit group ${g}, which does not exist`,
        );
    });
  };

  const walk = (node: IndicatorNode, path: string, level: number, tooDeep: boolean) => {
    const label = nodeLabel(level, node);
    claim(node.code, path, label);
    if (!isBranch(node)) {
      if (level === 1)
        add(
          'dimension_leaf',
          path,
          `${label.zh}没有下级指标；一级指标须包含至少一个二级指标，评分办法设在二级或三级指标上`,
          `${label.en} has no indicators under it; a dimension must contain at least one indicator, and rules sit on indicators or sub-indicators`,
        );
      checkRule(node, path, label);
      checkAppliesTo(node, path, label);
      return;
    }
    const branch: Branch = node;
    let deeper = tooDeep;
    if (level >= 3 && !tooDeep) {
      add(
        'depth',
        path,
        `${label.zh}下不能再设下级指标：指标体系最多三级（一级指标 → 二级指标 → 三级指标）`,
        `${label.en} cannot have nodes under it: a system has at most three levels (dimension → indicator → sub-indicator)`,
      );
      deeper = true;
    }
    checkSum(sumEntry(`${path}.children`, branch.code, branch.name, branch.children, branch.weight), label);
    branch.children.forEach((c, i) => {
      walk(c, `${path}.children.${i}`, level + 1, deeper);
    });
  };

  checkSum(sumEntry('dimensions', null, null, content.dimensions, content.total), null);
  content.dimensions.forEach((d, i) => {
    walk(d, `dimensions.${i}`, 1, false);
  });

  // ─── Bonus and veto items ───
  content.bonusItems.forEach((item, k) => {
    const path = `bonusItems.${k}`;
    const label = { zh: `加分项 ${item.code}「${item.name}」`, en: `Bonus item ${item.code} "${item.name}"` };
    claim(item.code, path, label);
    if (content.bonusCap > 0 && item.maxPoints > content.bonusCap)
      add(
        'bonus_item_cap',
        `${path}.maxPoints`,
        `${label.zh}的最高分 ${formatNumber(item.maxPoints)} 超过加分上限 ${formatNumber(content.bonusCap)}`,
        `${label.en} allows up to ${formatNumber(item.maxPoints)} points, more than the bonus cap of ${formatNumber(content.bonusCap)}`,
      );
  });
  if (content.bonusItems.length > 0 && content.bonusCap === 0)
    add(
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

  // ─── Grading ───
  const levels = content.grading.levels;
  const levelCodes = new Map<string, number>();
  const reachable = new D(content.total).plus(content.bonusCap);
  levels.forEach((lv, k) => {
    const path = `grading.levels.${k}`;
    const label = { zh: `等级 ${lv.code}「${lv.label.zh}」`, en: `Grade ${lv.code} "${lv.label.en}"` };
    const first = levelCodes.get(lv.code);
    if (first === undefined) levelCodes.set(lv.code, k);
    else
      add(
        'grade_code',
        `${path}.code`,
        `${label.zh}的编码与第 ${first + 1} 个等级重复`,
        `${label.en} has the same code as grade ${first + 1}`,
      );
    const prev = levels[k - 1];
    if (prev && lv.min >= prev.min)
      add(
        'grade_order',
        `${path}.min`,
        `${label.zh}的最低分 ${formatNumber(lv.min)} 应低于上一等级「${prev.label.zh}」的 ${formatNumber(prev.min)}：等级须按最低分从高到低排列`,
        `${label.en} starts at ${formatNumber(lv.min)}, which must be below ${formatNumber(prev.min)} of the grade above ("${prev.label.en}"): grades go from highest to lowest`,
      );
    if (k === levels.length - 1 && lv.min !== 0)
      add(
        'grade_lowest',
        `${path}.min`,
        `最低等级 ${lv.code}「${lv.label.zh}」的最低分应为 0（现为 ${formatNumber(lv.min)}），否则低分单位没有等级`,
        `The lowest grade ${lv.code} "${lv.label.en}" must start at 0 (it starts at ${formatNumber(lv.min)}), or low totals would have no grade`,
      );
    if (lv.maxShare !== undefined && lv.maxShare <= 0)
      add(
        'grade_share',
        `${path}.maxShare`,
        `${label.zh}的名额比例须大于 0 且不超过 1（现为 ${formatNumber(lv.maxShare)}）；不限名额请留空`,
        `${label.en}: the quota share must be above 0 and at most 1 (it is ${formatNumber(lv.maxShare)}); leave it empty for no quota`,
      );
    if (reachable.lessThan(lv.min))
      add(
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
      add(
        'tie_break',
        `grading.tieBreak.${k}`,
        `并列排序依据 ${key} 引用的一级指标 ${code} 不存在`,
        `Tie-break ${key} names dimension ${code}, which does not exist`,
      );
  });

  return issues;
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
