import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import {
  type Branch,
  DEFAULT_GRADING,
  type IndicatorNode,
  isBranch,
  type Leaf,
  RULE_KINDS,
  type ScoringRule,
  type SystemContent,
  systemContentSchema,
} from './model';
import { assertValidSystem, formatNumber, type SystemIssue, validateSystem, weightSummary } from './validate';

// ─── Builders ─────────────────────────────────────────────────────────────────────────────────

const leaf = (code: string, weight: number, extra: Partial<Leaf> = {}): Leaf => ({
  code,
  name: `指标${code}`,
  weight,
  direction: 'higher',
  type: 'quantitative',
  source: 'data_provider',
  rule: { kind: 'target_completion', cap: 1 },
  evidence: { required: false },
  ...extra,
});
const branch = (code: string, weight: number, children: IndicatorNode[], name = `维度${code}`): Branch => ({
  code,
  name,
  weight,
  children,
});

/**
 * Parsed through the schema, so every test input is schema-valid with defaults applied. A system
 * whose total is below the default grading's 90 gets a two-level grading it can reach.
 */
const sys = (dimensions: IndicatorNode[], extra: Record<string, unknown> = {}): SystemContent => {
  const total = typeof extra.total === 'number' ? extra.total : 100;
  const low =
    total >= 90 || 'grading' in extra
      ? {}
      : {
          bonusCap: total > 0 ? 0 : 1,
          grading: {
            levels: [
              { code: 'pass', label: { zh: '合格', en: 'Pass' }, min: total > 0 ? total / 2 : 1 },
              { code: 'fail', label: { zh: '不合格', en: 'Fail' }, min: 0 },
            ],
          },
        };
  return systemContentSchema.parse({ name: '测试体系', dimensions, ...low, ...extra });
};

/** A valid 100-point system: D1 (60) = L1 40 + L2 20, D2 (40) = I1 (40) = S1 25 + S2 15. */
const valid = (): SystemContent =>
  sys([
    branch('D1', 60, [leaf('L1', 40), leaf('L2', 20)]),
    branch('D2', 40, [branch('I1', 40, [leaf('S1', 25), leaf('S2', 15)], '二级I1')]),
  ]);

/** One leaf with `rule` (and leaf overrides) inside an otherwise valid system; the leaf is at dimensions.0.children.0. */
const withLeaf = (extra: Partial<Leaf>, ctxExtra: Record<string, unknown> = {}): SystemContent =>
  sys([branch('D1', 100, [leaf('X1', 100, extra)])], ctxExtra);
const LEAF = 'dimensions.0.children.0';

const CTX = { unitGroups: ['econ', 'social'] };
const run = (c: SystemContent, ctx: Parameters<typeof validateSystem>[1] = CTX) => validateSystem(c, ctx);
const only = (c: SystemContent, ctx: Parameters<typeof validateSystem>[1] = CTX): SystemIssue => {
  const issues = run(c, ctx);
  expect(issues, JSON.stringify(issues, null, 2)).toHaveLength(1);
  return issues[0]!;
};

describe('validateSystem — a valid system', () => {
  it('yields no issues', () => {
    expect(run(valid())).toEqual([]);
  });
});

describe('weights', () => {
  it('rejects the seed KPI plan (30+20+15+15+10+10+10 = 110) at path `dimensions`', () => {
    const weights = [30, 20, 15, 15, 10, 10, 10];
    const names = [
      '工作目标完成情况',
      '绩效评估结果',
      '资源利用情况',
      '决策与执行能力',
      '制度建设与创新',
      '公众满意度调查',
      '团队建设与人才培养',
    ];
    const c = sys(
      weights.map((w, i) =>
        branch(`D${i + 1}`, w, [leaf(`D${i + 1}-1`, w / 2), leaf(`D${i + 1}-2`, w / 2)], names[i]),
      ),
    );
    expect(run(c)).toEqual([
      {
        check: 'weight_sum',
        path: 'dimensions',
        zh: '一级指标权重合计为 110，应为 100（相差 +10）；可「调整权重」：按比例缩放至 100，或指定需要降低的权重',
        en: 'Dimension weights add up to 110; they must add up to 100 (off by +10); "Correct weights" scales them to 100 or lowers the weights you name',
      },
    ]);
  });

  it('adds decimals without floating noise (0.1 + 0.2 is 0.3)', () => {
    expect(
      run(sys([branch('A', 0.1, [leaf('a', 0.1)]), branch('B', 0.2, [leaf('b', 0.2)])], { total: 0.3 })),
    ).toEqual([]);
    const i = only(
      sys([branch('A', 0.1, [leaf('a', 0.1)]), branch('B', 0.2, [leaf('b', 0.2)])], { total: 0.4 }),
    );
    expect(i.zh).toBe('一级指标权重合计为 0.3，应为 0.4（相差 -0.1）；可「调整权重」：按比例缩放至 0.4');
    expect(i.en).toBe(
      'Dimension weights add up to 0.3; they must add up to 0.4 (off by -0.1); "Correct weights" scales them to 0.4',
    );
  });

  it('tolerates differences up to 1e-9 only', () => {
    expect(run(sys([branch('A', 100, [leaf('a', 100 - 1e-10)])]))).toEqual([]);
    expect(run(sys([branch('A', 100, [leaf('a', 100 - 1e-6)])]))).toHaveLength(1);
  });

  it('checks a branch against its own weight, at the path of its children, naming it', () => {
    const c = sys([
      branch('D1', 60, [leaf('L1', 40), leaf('L2', 20)]),
      branch('D2', 40, [branch('I1', 40, [leaf('S1', 25), leaf('S2', 14)], '二级I1')]),
    ]);
    expect(run(c)).toEqual([
      {
        check: 'weight_sum',
        path: 'dimensions.1.children.0.children',
        zh: '二级指标 I1「二级I1」的下级指标权重合计为 39，应等于其权重 40（相差 -1）；可「调整权重」：按比例缩放至 40',
        en: 'Weights under Indicator I1 "二级I1" add up to 39; they must add up to its weight 40 (off by -1); "Correct weights" scales them to 40',
      },
    ]);
  });

  it('weightSummary lists every branch in tree order', () => {
    const s = weightSummary(valid());
    expect(s.map((e) => [e.path, e.code, e.sum, e.expected, e.ok])).toEqual([
      ['dimensions', null, 100, 100, true],
      ['dimensions.0.children', 'D1', 60, 60, true],
      ['dimensions.1.children', 'D2', 40, 40, true],
      ['dimensions.1.children.0.children', 'I1', 40, 40, true],
    ]);
    const bad = weightSummary(sys([branch('A', 0.1, [leaf('a', 0.1)]), branch('B', 0.2, [leaf('b', 0.25)])]));
    expect(bad[0]).toMatchObject({ sum: 0.3, expected: 100, ok: false, diff: -99.7 });
    expect(bad[2]).toMatchObject({
      path: 'dimensions.1.children',
      code: 'B',
      sum: 0.25,
      diff: 0.05,
      ok: false,
    });
  });

  it('formats numbers for people', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1e-7)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect(formatNumber(1e-6)).toBe('0.000001');
  });
});

describe('structure', () => {
  it('a dimension must be a branch', () => {
    const i = only(sys([branch('D1', 60, [leaf('L1', 60)]), leaf('D2', 40)]));
    expect(i).toMatchObject({ check: 'dimension_leaf', path: 'dimensions.1' });
    expect(i.zh).toContain('一级指标 D2「指标D2」没有下级指标');
    expect(i.en).toContain('Dimension D2 "指标D2" has no indicators under it');
  });

  // The schema itself refuses a fourth level; validate.ts still explains depth for content that
  // did not come through the schema (e.g. built in code), so both are checked here.
  const unparsed = (dimensions: IndicatorNode[]) =>
    ({
      name: '层级过深',
      total: 10,
      dimensions,
      bonusItems: [],
      bonusCap: 0,
      vetoItems: [],
      statistics: [],
      grading: {
        ...DEFAULT_GRADING,
        levels: DEFAULT_GRADING.levels.map((l) => ({ ...l, min: Math.min(l.min, 10) / 10 })),
      },
      missingData: 'zero',
      exemption: 'redistribute',
      decimals: 2,
    }) as SystemContent;

  it('at most three levels', () => {
    const c = unparsed([
      branch('D1', 10, [branch('I1', 10, [branch('S1', 10, [leaf('X1', 10)], '三级S1')], '二级I1')]),
    ]);
    expect(systemContentSchema.safeParse(c).success).toBe(false);
    const depth = run(c).filter((i) => i.check === 'depth');
    expect(depth).toHaveLength(1);
    expect(depth[0]).toMatchObject({ check: 'depth', path: 'dimensions.0.children.0.children.0' });
    expect(depth[0]!.zh).toContain('三级指标 S1「三级S1」下不能再设下级指标');
    expect(depth[0]!.en).toContain('Sub-indicator S1 "三级S1" cannot have nodes under it');
  });

  it('reports depth once per too-deep branch, not for every level below it', () => {
    const deep = branch('S1', 10, [branch('Q1', 10, [leaf('X1', 10)])]);
    const c = unparsed([branch('D1', 10, [branch('I1', 10, [deep])])]);
    expect(run(c).filter((i) => i.check === 'depth')).toHaveLength(1);
  });

  it('codes are unique across the tree, naming both paths', () => {
    const c = sys([branch('D1', 60, [leaf('L1', 40), leaf('L2', 20)]), branch('D2', 40, [leaf('L1', 40)])]);
    const i = only(c);
    expect(i).toMatchObject({ check: 'duplicate_code', path: 'dimensions.1.children.0.code' });
    expect(i.zh).toBe(
      '二级指标 L1「指标L1」的编码 L1 与 dimensions.0.children.0 重复，编码在整个指标体系（含加分项、否决项、统计数据指标）中必须唯一',
    );
    expect(i.en).toContain('Indicator L1 "指标L1": code L1 is already used at dimensions.0.children.0');
  });

  it('codes are unique across the tree, bonus and veto items', () => {
    const c = sys(valid().dimensions, {
      bonusItems: [{ code: 'L2', name: '获国家级表彰', maxPoints: 2 }],
      bonusCap: 5,
      vetoItems: [{ code: 'D1', name: '重大事故', effect: 'fail' }],
    });
    const issues = run(c);
    expect(issues.map((i) => [i.check, i.path])).toEqual([
      ['duplicate_code', 'bonusItems.0.code'],
      ['duplicate_code', 'vetoItems.0.code'],
    ]);
    expect(issues[0]!.zh).toContain('加分项 L2「获国家级表彰」的编码 L2 与 dimensions.0.children.1 重复');
    expect(issues[1]!.en).toContain('Veto item D1 "重大事故": code D1 is already used at dimensions.0');
  });
});

/** A formula rule (built with shorthand: the contract's field is called `then`). */
const formula = (
  calculator: string,
  then: Extract<ScoringRule, { kind: 'formula' }>['then'],
): ScoringRule => ({
  kind: 'formula',
  calculator,
  then,
});

describe('rules', () => {
  const bands = (bs: [number | null, number | null, number][]): ScoringRule => ({
    kind: 'bands',
    bands: bs.map(([min, max, fraction]) => ({ min, max, fraction })),
  });

  it('accepts contiguous bands in any order, open at both ends', () => {
    expect(
      run(
        withLeaf({
          rule: bands([
            [90, null, 1],
            [null, 60, 0],
            [60, 75, 0.6],
            [75, 90, 0.8],
          ]),
        }),
      ),
    ).toEqual([]);
  });

  it('names a gap between bands', () => {
    const i = only(
      withLeaf({
        rule: bands([
          [60, 70, 0.6],
          [75, 90, 0.8],
        ]),
      }),
    );
    expect(i).toMatchObject({ check: 'band_gap', path: `${LEAF}.rule.bands.1` });
    expect(i.zh).toBe(
      '二级指标 X1「指标X1」：区间 [60, 70) 与 [75, 90) 之间有空档，上一档的上限应等于下一档的下限',
    );
    expect(i.en).toBe(
      'Indicator X1 "指标X1": there is a gap between bands [60, 70) and [75, 90); each band must end where the next begins',
    );
  });

  it('names overlapping bands, with the original index of the later band', () => {
    const i = only(
      withLeaf({
        rule: bands([
          [80, 100, 1],
          [60, 85, 0.6],
        ]),
      }),
    );
    expect(i).toMatchObject({ check: 'band_overlap', path: `${LEAF}.rule.bands.0` });
    expect(i.zh).toContain('区间 [60, 85) 与 [80, 100) 重叠');
    expect(i.en).toContain('bands [60, 85) and [80, 100) overlap');
  });

  it('open-ended bands overlap anything beyond them', () => {
    const i = only(
      withLeaf({
        rule: bands([
          [60, null, 1],
          [80, 90, 0.6],
        ]),
      }),
    );
    expect(i).toMatchObject({ check: 'band_overlap', path: `${LEAF}.rule.bands.1` });
    expect(i.zh).toContain('区间 [60, +∞) 与 [80, 90) 重叠');
    const j = only(
      withLeaf({
        rule: bands([
          [null, 60, 0],
          [null, 50, 0.5],
        ]),
      }),
    );
    expect(j.check).toBe('band_overlap');
    expect(j.en).toContain('bands (-∞, 60) and (-∞, 50) overlap');
  });

  it('an empty band (min ≥ max)', () => {
    const i = only(withLeaf({ rule: bands([[70, 60, 0.5]]) }));
    expect(i).toMatchObject({ check: 'band_empty', path: `${LEAF}.rule.bands.0` });
    expect(i.zh).toContain('第 1 档区间 [70, 60) 的下限应小于上限');
    expect(i.en).toContain('band 1 [70, 60) must have its lower bound below its upper bound');
  });

  it('checks the bands of a formula rule', () => {
    const i = only(
      withLeaf({
        rule: formula('eqi', {
          kind: 'bands',
          bands: [
            { min: 0, max: 0.5, fraction: 1 },
            { min: 0.6, max: 1, fraction: 0.5 },
          ],
        }),
      }),
    );
    expect(i).toMatchObject({ check: 'band_gap', path: `${LEAF}.rule.then.bands.1` });
    expect(i.zh).toContain('区间 [0, 0.5) 与 [0.6, 1) 之间有空档');
  });

  const survey = (weights: number[], keys = weights.map((_, k) => `g${k}`)): ScoringRule => ({
    kind: 'satisfaction',
    levelPoints: { very_satisfied: 100, satisfied: 80, fair: 60, dissatisfied: 30, very_dissatisfied: 0 },
    groups: weights.map((weight, k) => ({ key: keys[k]!, label: `群体${k}`, weight })),
    minSample: 30,
  });

  it('satisfaction group weights add up to 1', () => {
    expect(run(withLeaf({ source: 'survey', rule: survey([0.5, 0.2, 0.3]) }))).toEqual([]);
    const i = only(withLeaf({ source: 'survey', rule: survey([0.5, 0.2, 0.2]) }));
    expect(i).toMatchObject({ check: 'group_weights', path: `${LEAF}.rule.groups` });
    expect(i.zh).toBe('二级指标 X1「指标X1」：各测评群体权重合计为 0.9，应为 1（相差 -0.1）');
    expect(i.en).toBe(
      'Indicator X1 "指标X1": the respondent group weights add up to 0.9; they must add up to 1 (off by -0.1)',
    );
  });

  it('satisfaction group keys are unique', () => {
    const i = only(withLeaf({ source: 'survey', rule: survey([0.5, 0.5], ['a', 'a']) }));
    expect(i).toMatchObject({ check: 'duplicate_key', path: `${LEAF}.rule.groups.1.key` });
    expect(i.zh).toContain('测评群体 a 重复');
    expect(i.en).toContain('respondent group a appears twice');
  });

  it('satisfaction only on survey leaves', () => {
    const i = only(withLeaf({ source: 'self_report', rule: survey([1]) }));
    expect(i).toMatchObject({ check: 'rule_source', path: `${LEAF}.rule` });
    expect(i.zh).toBe('二级指标 X1「指标X1」使用「满意度测评」评分，数据来源应为“问卷调查”，现为“单位自报”');
    expect(i.en).toBe(
      'Indicator X1 "指标X1" uses "Satisfaction survey", so its data source must be "Survey", not "Self-reported"',
    );
  });

  it('Likert points must not rise as satisfaction falls', () => {
    const r = survey([1]);
    if (r.kind !== 'satisfaction') throw new Error('unreachable');
    r.levelPoints.fair = 90;
    const i = only(withLeaf({ source: 'survey', rule: r }));
    expect(i).toMatchObject({ check: 'likert_points', path: `${LEAF}.rule.levelPoints.fair` });
    expect(i.zh).toContain('“基本满意”的分值 90 高于“满意”的 80');
    expect(i.en).toContain('"Fairly satisfied" scores 90, more than "Satisfied" (80)');
  });

  it('expert rule only on expert leaves', () => {
    const i = only(
      withLeaf({ type: 'qualitative', source: 'survey', rule: { kind: 'expert', scale: 100, trimFrom: 5 } }),
    );
    expect(i).toMatchObject({ check: 'rule_source', path: `${LEAF}.rule` });
    expect(i.zh).toContain('数据来源应为“专家评审”，现为“问卷调查”');
    expect(i.en).toContain('uses "Expert scoring", so its data source must be "Expert review", not "Survey"');
  });

  it('composite source weights add up to 1, keys unique', () => {
    const rule = (ws: number[], keys: string[]): ScoringRule => ({
      kind: 'composite',
      sources: ws.map((weight, k) => ({ key: keys[k]!, label: `来源${k}`, weight })),
    });
    expect(run(withLeaf({ rule: rule([0.6, 0.2, 0.2], ['a', 'b', 'c']) }))).toEqual([]);
    const i = only(withLeaf({ rule: rule([0.6, 0.2, 0.3], ['a', 'b', 'c']) }));
    expect(i).toMatchObject({ check: 'source_weights', path: `${LEAF}.rule.sources` });
    expect(i.zh).toContain('各得分来源权重合计为 1.1，应为 1（相差 +0.1）');
    expect(i.en).toContain('the source weights add up to 1.1; they must add up to 1 (off by +0.1)');
    const j = only(withLeaf({ rule: rule([0.5, 0.5], ['a', 'a']) }));
    expect(j).toMatchObject({ check: 'duplicate_key', path: `${LEAF}.rule.sources.1.key` });
  });

  it('deduction item codes are unique', () => {
    const i = only(
      withLeaf({
        rule: {
          kind: 'deduction',
          items: [
            { code: 'AQ', label: '一般安全生产事故', pointsEach: 2 },
            { code: 'AQ', label: '较大安全生产事故', pointsEach: 6 },
          ],
        },
      }),
    );
    expect(i).toMatchObject({ check: 'duplicate_key', path: `${LEAF}.rule.items.1.code` });
    expect(i.zh).toContain('扣分事项编码 AQ 重复（第 1 项与第 2 项）');
    expect(i.en).toContain('deduction item code AQ appears twice (items 1 and 2)');
  });

  it('qualitative grade fractions are non-increasing A ≥ B ≥ C ≥ D', () => {
    const grade = (A: number, B: number, C: number, D: number): Partial<Leaf> => ({
      type: 'qualitative',
      rule: { kind: 'qualitative_grade', fractions: { A, B, C, D } },
    });
    expect(run(withLeaf(grade(1, 1, 0.6, 0.6)))).toEqual([]);
    const i = only(withLeaf(grade(0.8, 0.9, 0.6, 0.4)));
    expect(i).toMatchObject({ check: 'grade_fractions', path: `${LEAF}.rule.fractions.B` });
    expect(i.zh).toContain('A ≥ B ≥ C ≥ D，但 B（0.9）高于 A（0.8）');
    expect(i.en).toContain('but B (0.9) is above A (0.8)');
  });

  it('lower-is-better with target completion is a contradiction (suggests reverse)', () => {
    const i = only(withLeaf({ direction: 'lower' }));
    expect(i).toMatchObject({ check: 'rule_direction', path: `${LEAF}.rule` });
    expect(i.zh).toContain('方向为“逆向”（越低越好），不能按「目标完成率法」（实际值/目标值）计分');
    expect(i.zh).toContain('请改用「逆向指标」，或把方向改为“正向”');
    expect(i.en).toContain('use "Reverse indicator", or set the direction to "Higher is better"');
  });

  it('reverse with higher-is-better is a contradiction', () => {
    const i = only(withLeaf({ rule: { kind: 'reverse', cap: 1 } }));
    expect(i).toMatchObject({ check: 'rule_direction', path: `${LEAF}.rule` });
    expect(i.zh).toContain('方向为“正向”（越高越好），不能按「逆向指标」');
    expect(i.en).toContain('contradicts "Reverse indicator" (target/actual)');
    expect(run(withLeaf({ direction: 'lower', rule: { kind: 'reverse', cap: 1 } }))).toEqual([]);
  });

  it('checks the direction of a formula’s value rule', () => {
    const i = only(
      withLeaf({
        direction: 'lower',
        rule: formula('irr', { kind: 'target_completion', cap: 1 }),
      }),
    );
    expect(i).toMatchObject({ check: 'rule_direction', path: `${LEAF}.rule.then` });
  });

  it('a qualitative leaf cannot use a rule that needs a measured value', () => {
    for (const rule of [
      { kind: 'target_completion', cap: 1 },
      { kind: 'efficacy', base: 60, span: 40 },
      { kind: 'rank', lastFraction: 0.6 },
    ] as ScoringRule[]) {
      const i = only(withLeaf({ type: 'qualitative', rule }));
      expect(i).toMatchObject({ check: 'rule_type', path: `${LEAF}.rule` });
      expect(i.zh).toContain('为定性指标，不能使用需要实际数值的评分办法');
      expect(i.en).toContain('is of type "Qualitative" but its rule');
    }
    const r = run(withLeaf({ type: 'qualitative', direction: 'lower', rule: { kind: 'reverse', cap: 1 } }));
    expect(r.map((i) => i.check)).toEqual(['rule_type']);
  });

  it('efficacy base + span above 100 is allowed (the engine clamps)', () => {
    expect(run(withLeaf({ rule: { kind: 'efficacy', base: 70, span: 40 } }))).toEqual([]);
  });

  it('formula calculators are checked only when the known list is given', () => {
    const c = withLeaf({
      rule: formula('fnvp', { kind: 'target_completion', cap: 1 }),
    });
    expect(run(c)).toEqual([]);
    expect(run(c, { ...CTX, knownCalculators: ['fnpv', 'irr'] })).toEqual([
      {
        check: 'unknown_calculator',
        path: `${LEAF}.rule.calculator`,
        zh: '二级指标 X1「指标X1」的计算公式 fnvp 不存在；可用的公式：fnpv、irr',
        en: 'Indicator X1 "指标X1": there is no calculator named fnvp; known calculators: fnpv, irr',
      },
    ]);
    expect(run(c, { ...CTX, knownCalculators: ['fnvp'] })).toEqual([]);
  });
});

describe('unit groups', () => {
  it('appliesTo groups must exist', () => {
    expect(run(withLeaf({ appliesTo: ['econ'] }))).toEqual([]);
    expect(run(withLeaf({ appliesTo: [] }))).toEqual([]);
    const i = only(withLeaf({ appliesTo: ['econ', 'culture'] }));
    expect(i).toMatchObject({ check: 'unknown_group', path: `${LEAF}.appliesTo.1` });
    expect(i.zh).toBe('二级指标 X1「指标X1」适用的单位分组 culture 不存在；请先新建该分组，或修改“适用分组”');
    expect(i.en).toBe(
      'Indicator X1 "指标X1" applies to unit group culture, which does not exist; create the group first, or change "applies to"',
    );
  });

  it('a leaf that applies to no existing group is flagged, before its unknown groups', () => {
    const issues = run(withLeaf({ appliesTo: ['culture'] }));
    expect(issues.map((i) => [i.check, i.path])).toEqual([
      ['no_group', `${LEAF}.appliesTo`],
      ['unknown_group', `${LEAF}.appliesTo.0`],
    ]);
    expect(issues[0]!.zh).toContain('不适用于任何现有的单位分组');
    expect(issues[0]!.en).toContain('applies to no existing unit group');
  });
});

describe('bonus items', () => {
  const bonusItems = [
    { code: 'B1', name: '获国家级表彰', maxPoints: 2 },
    { code: 'B2', name: '经验推广', maxPoints: 6 },
  ];
  it('each item at most the cap', () => {
    expect(run(sys(valid().dimensions, { bonusItems: bonusItems.slice(0, 1), bonusCap: 5 }))).toEqual([]);
    const i = only(sys(valid().dimensions, { bonusItems, bonusCap: 5 }));
    expect(i).toMatchObject({ check: 'bonus_item_cap', path: 'bonusItems.1.maxPoints' });
    expect(i.zh).toBe('加分项 B2「经验推广」的最高分 6 超过加分上限 5');
    expect(i.en).toBe('Bonus item B2 "经验推广" allows up to 6 points, more than the bonus cap of 5');
  });
  it('bonus items need a cap above 0', () => {
    const i = only(sys(valid().dimensions, { bonusItems }));
    expect(i).toMatchObject({ check: 'bonus_cap', path: 'bonusCap' });
    expect(i.zh).toContain('设置了 2 个加分项，但加分上限为 0');
    expect(i.en).toContain('There are 2 bonus items but the bonus cap is 0');
  });
});

describe('grading', () => {
  const level = (code: string, min: number, maxShare?: number) => ({
    code,
    label: { zh: `等级${code}`, en: `Grade ${code}` },
    min,
    ...(maxShare === undefined ? {} : { maxShare }),
  });
  const graded = (levels: ReturnType<typeof level>[], tieBreak: string[] = []) =>
    sys(valid().dimensions, { grading: { levels, tieBreak } });

  it('levels strictly descending by min', () => {
    const i = only(graded([level('a', 80), level('b', 90), level('c', 0)]));
    expect(i).toMatchObject({ check: 'grade_order', path: 'grading.levels.1.min' });
    expect(i.zh).toContain('等级 b「等级b」的最低分 90 应低于上一等级「等级a」的 80');
    expect(i.en).toContain('Grade b "Grade b" starts at 90, which must be below 80');
    expect(only(graded([level('a', 80), level('b', 80), level('c', 0)])).check).toBe('grade_order');
  });
  it('the last level starts at 0', () => {
    const i = only(graded([level('a', 90), level('b', 60)]));
    expect(i).toMatchObject({ check: 'grade_lowest', path: 'grading.levels.1.min' });
    expect(i.zh).toContain('最低等级 b「等级b」的最低分应为 0（现为 60）');
    expect(i.en).toContain('The lowest grade b "Grade b" must start at 0 (it starts at 60)');
  });
  it('level codes unique', () => {
    const i = only(graded([level('a', 90), level('a', 0)]));
    expect(i).toMatchObject({ check: 'grade_code', path: 'grading.levels.1.code' });
    expect(i.zh).toContain('编码与第 1 个等级重复');
    expect(i.en).toContain('has the same code as grade 1');
  });
  it('maxShare in (0, 1]', () => {
    expect(run(graded([level('a', 90, 1), level('b', 0)]))).toEqual([]);
    const i = only(graded([level('a', 90, 0), level('b', 0)]));
    expect(i).toMatchObject({ check: 'grade_share', path: 'grading.levels.0.maxShare' });
    expect(i.zh).toContain('名额比例须大于 0 且不超过 1');
    expect(i.en).toContain('the quota share must be above 0 and at most 1');
  });
  it('a level above total + bonus cap is unreachable', () => {
    const i = only(graded([level('a', 101), level('b', 0)]));
    expect(i).toMatchObject({ check: 'grade_unreachable', path: 'grading.levels.0.min' });
    expect(i.zh).toContain('高于可得的最高分 100（总分 100 + 加分上限 0）');
    expect(i.en).toContain('above the highest possible total 100');
  });
  it('tie-break dimension must exist', () => {
    expect(run(graded([level('a', 90), level('b', 0)], ['fewer_deductions', 'dimension:D2']))).toEqual([]);
    const i = only(graded([level('a', 90), level('b', 0)], ['dimension:I1']));
    expect(i).toMatchObject({ check: 'tie_break', path: 'grading.tieBreak.0' });
    expect(i.zh).toBe('并列排序依据 dimension:I1 引用的一级指标 I1 不存在');
    expect(i.en).toBe('Tie-break dimension:I1 names dimension I1, which does not exist');
  });
});

describe('order and assertion', () => {
  it('reports issues in tree order', () => {
    const c = sys(
      [
        branch('D1', 50, [leaf('L1', 30, { direction: 'lower' }), leaf('L2', 30)]),
        branch('D2', 40, [leaf('L1', 40, { appliesTo: ['nope'] })]),
      ],
      {
        bonusItems: [{ code: 'B1', name: '表彰', maxPoints: 1 }],
        grading: {
          levels: [
            { code: 'x', label: { zh: '甲', en: 'A' }, min: 50 },
            { code: 'y', label: { zh: '乙', en: 'B' }, min: 10 },
          ],
        },
      },
    );
    expect(run(c).map((i) => i.path)).toEqual([
      'dimensions',
      'dimensions.0.children',
      'dimensions.0.children.0.rule',
      'dimensions.1.children.0.code',
      'dimensions.1.children.0.appliesTo',
      'dimensions.1.children.0.appliesTo.0',
      'bonusCap',
      'grading.levels.1.min',
    ]);
  });

  it('assertValidSystem throws validation_failed with the issues as fields', () => {
    expect(() => assertValidSystem(valid(), CTX)).not.toThrow();
    const c = sys([branch('D1', 90, [leaf('L1', 90)])]);
    try {
      assertValidSystem(c, CTX, 'body');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.status).toBe(422);
      expect(err.code).toBe('validation_failed');
      expect(err.fields).toEqual([
        {
          path: 'body.dimensions',
          zh: '一级指标权重合计为 90，应为 100（相差 -10）；可「调整权重」：按比例缩放至 100',
          en: 'Dimension weights add up to 90; they must add up to 100 (off by -10); "Correct weights" scales them to 100',
        },
      ]);
    }
  });
});

// ─── Properties ───────────────────────────────────────────────────────────────────────────────

/** A tree shape whose leaf weights are hundredths; branch weights are the exact sums. */
type Shape = number | Shape[];
const leafWeight = fc.integer({ min: 0, max: 5000 }).map((x) => x / 100);
const indicatorShape: fc.Arbitrary<Shape> = fc.oneof(
  { weight: 2, arbitrary: leafWeight },
  { weight: 1, arbitrary: fc.array(leafWeight, { minLength: 1, maxLength: 4 }) },
);
const treeShape = fc.array(fc.array(indicatorShape, { minLength: 1, maxLength: 4 }), {
  minLength: 1,
  maxLength: 5,
});

function build(shape: Shape[][]): {
  content: SystemContent;
  leaves: { path: string; parentChildren: string }[];
} {
  let n = 0;
  const leaves: { path: string; parentChildren: string }[] = [];
  const weightOf = (s: Shape): Decimal =>
    typeof s === 'number' ? new Decimal(s) : s.reduce<Decimal>((a, c) => a.plus(weightOf(c)), new Decimal(0));
  const node = (s: Shape, path: string, parent: string): IndicatorNode => {
    n += 1;
    if (typeof s === 'number') {
      leaves.push({ path, parentChildren: `${parent}.children` });
      return leaf(`N${n}`, s);
    }
    return branch(
      `N${n}`,
      weightOf(s).toNumber(),
      s.map((c, i) => node(c, `${path}.children.${i}`, path)),
    );
  };
  const dims = shape.map((children, i) => {
    n += 1;
    const path = `dimensions.${i}`;
    return branch(
      `N${n}`,
      weightOf(children).toNumber(),
      children.map((c, j) => node(c, `${path}.children.${j}`, path)),
    );
  });
  const total = shape.reduce<Decimal>((a, d) => a.plus(weightOf(d)), new Decimal(0)).toNumber();
  return { content: sys(dims, { total }), leaves };
}

const nodeAt = (c: SystemContent, path: string): IndicatorNode => {
  const parts = path.split('.');
  let cur: unknown = c;
  for (const p of parts) cur = (cur as Record<string, unknown>)[p];
  return cur as IndicatorNode;
};

describe('properties', () => {
  it('trees whose weights add up have no weight issue (and no issue at all)', () => {
    fc.assert(
      fc.property(treeShape, (shape) => {
        const { content } = build(shape);
        expect(validateSystem(content, CTX)).toEqual([]);
        expect(weightSummary(content).every((s) => s.ok)).toBe(true);
      }),
    );
  });

  it('perturbing one leaf weight yields exactly the weight issue of its siblings’ list', () => {
    fc.assert(
      fc.property(
        treeShape,
        fc.nat(),
        fc.integer({ min: 1, max: 100000 }).map((x) => x / 1000),
        fc.boolean(),
        (shape, pick, delta, down) => {
          const { content, leaves } = build(shape);
          const target = leaves[pick % leaves.length]!;
          const l = nodeAt(content, target.path) as Leaf;
          const next = new Decimal(l.weight).plus(down && l.weight >= delta ? -delta : delta).toNumber();
          l.weight = next;
          const issues = validateSystem(content, CTX);
          expect(issues.map((i) => [i.check, i.path])).toEqual([['weight_sum', target.parentChildren]]);
          const parent = nodeAt(content, target.parentChildren.replace(/\.children$/, '')) as Branch;
          expect(issues[0]!.zh).toContain(`${parent.code}「${parent.name}」`);
          expect(issues[0]!.en).toContain(`${parent.code} "${parent.name}"`);
        },
      ),
    );
  });

  // Arbitrary schema-valid content, including the nonsense zod allows.
  const code = fc.constantFrom('A', 'B', 'C', 'a-1', 'X_2', 'D1', 'g');
  const num = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const frac = fc.double({ min: 0, max: 1, noNaN: true });
  const pts = fc.double({ min: 0, max: 10000, noNaN: true });
  const weighted = (min: number) =>
    fc.array(fc.record({ key: code, label: fc.string({ maxLength: 5 }), weight: frac }), {
      minLength: min,
      maxLength: 4,
    });
  const bandsArb = fc.record({
    kind: fc.constant('bands' as const),
    bands: fc.array(
      fc.record({ min: fc.option(num, { nil: null }), max: fc.option(num, { nil: null }), fraction: frac }),
      { minLength: 1, maxLength: 6 },
    ),
  });
  const valueRules = [
    fc.record({
      kind: fc.constant('target_completion' as const),
      cap: fc.double({ min: 0.01, max: 3, noNaN: true }),
    }),
    fc.record({ kind: fc.constant('reverse' as const), cap: fc.double({ min: 0.01, max: 3, noNaN: true }) }),
    fc.record({
      kind: fc.constant('target_gap' as const),
      tolerance: fc.double({ min: 0.001, max: 100, noNaN: true }),
    }),
    bandsArb,
  ];
  const ruleArb: fc.Arbitrary<unknown> = fc.oneof(
    ...valueRules,
    fc.record({
      kind: fc.constant('deduction' as const),
      items: fc.array(fc.record({ code, label: fc.string({ maxLength: 5 }), pointsEach: pts }), {
        minLength: 1,
        maxLength: 4,
      }),
      maxDeduction: fc.option(pts, { nil: undefined }),
    }),
    fc.record({
      kind: fc.constant('efficacy' as const),
      base: fc.double({ min: 0, max: 100, noNaN: true }),
      span: fc.double({ min: 0, max: 100, noNaN: true }),
    }),
    fc.record({ kind: fc.constant('rank' as const), lastFraction: frac }),
    fc.record({
      kind: fc.constant('qualitative_grade' as const),
      fractions: fc.record({ A: frac, B: frac, C: frac, D: frac }),
    }),
    fc.record({
      kind: fc.constant('expert' as const),
      scale: fc.double({ min: 1, max: 1000, noNaN: true }),
      trimFrom: fc.integer({ min: 3, max: 100 }),
    }),
    fc.record({
      kind: fc.constant('satisfaction' as const),
      levelPoints: fc.record({
        very_satisfied: pts,
        satisfied: pts,
        fair: pts,
        dissatisfied: pts,
        very_dissatisfied: pts,
      }),
      groups: weighted(1),
      minSample: fc.integer({ min: 1, max: 100000 }),
    }),
    fc.record({ kind: fc.constant('composite' as const), sources: weighted(2) }),
    fc
      .tuple(fc.constantFrom('fnpv', 'irr', 'xx'), fc.oneof(...valueRules))
      .map(([calculator, then]) => ({ kind: 'formula' as const, calculator, then })),
  );
  const leafArb = fc.record(
    {
      code,
      name: fc.constantFrom('指标', 'x'),
      weight: pts,
      direction: fc.constantFrom('higher', 'lower'),
      type: fc.constantFrom('quantitative', 'qualitative'),
      source: fc.constantFrom('self_report', 'data_provider', 'expert', 'survey'),
      rule: ruleArb,
      appliesTo: fc.array(fc.constantFrom('econ', 'social', 'other'), { maxLength: 3 }),
      officeParams: fc.record(
        {
          target: fc.double({ min: -100, max: 100, noNaN: true }),
          args: fc.dictionary(
            fc.constantFrom('ratePercent', 'netFlows', 'x'),
            fc.double({ min: -10, max: 10, noNaN: true }),
            {
              maxKeys: 2,
            },
          ),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['code', 'name', 'weight', 'type', 'source', 'rule'] },
  );
  const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leafArb,
      fc.record({
        code,
        name: fc.constant('分支'),
        weight: pts,
        children: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }),
      }),
    ),
  }));
  const contentArb = fc.record(
    {
      name: fc.constant('体系'),
      total: pts,
      dimensions: fc.array(tree, { minLength: 1, maxLength: 4 }),
      bonusItems: fc.array(fc.record({ code, name: fc.constant('加分'), maxPoints: pts }), { maxLength: 3 }),
      bonusCap: pts,
      vetoItems: fc.array(
        fc.record({ code, name: fc.constant('否决'), effect: fc.constantFrom('fail', 'bar_excellent') }),
        { maxLength: 2 },
      ),
      grading: fc.record({
        levels: fc.array(
          fc.record({
            code,
            label: fc.constant({ zh: '级', en: 'L' }),
            min: fc.double({ min: 0, max: 10000, noNaN: true }),
            maxShare: fc.option(frac, { nil: undefined }),
          }),
          { minLength: 2, maxLength: 5 },
        ),
        tieBreak: fc.array(fc.constantFrom('fewer_deductions', 'more_bonus', 'dimension:A', 'dimension:Z'), {
          maxLength: 3,
        }),
      }),
    },
    { requiredKeys: ['name', 'dimensions'] },
  );

  it('never throws on schema-valid content, and every issue is bilingual with a path', () => {
    let checked = 0;
    fc.assert(
      fc.property(contentArb, fc.boolean(), (raw, withCalculators) => {
        const parsed = systemContentSchema.safeParse(JSON.parse(JSON.stringify(raw)));
        if (!parsed.success) return;
        checked += 1;
        const issues = validateSystem(parsed.data, {
          unitGroups: ['econ', 'social'],
          ...(withCalculators
            ? {
                knownCalculators: ['fnpv', 'irr'],
                officeArgsOf: (c: string) => (c === 'fnpv' ? ['ratePercent'] : c === 'irr' ? [] : undefined),
              }
            : {}),
        });
        for (const i of issues) {
          expect(i.path).toMatch(/^(dimensions|bonusItems|bonusCap|vetoItems|grading)/);
          expect(i.zh.length).toBeGreaterThan(0);
          expect(i.en.length).toBeGreaterThan(0);
          expect(i.en).not.toMatch(/NaN|undefined|e[+-]\d/);
          expect(i.zh).not.toMatch(/NaN|undefined/);
        }
        expect(validateSystem(parsed.data, { unitGroups: ['econ', 'social'] })).toEqual(
          validateSystem(parsed.data, { unitGroups: ['econ', 'social'] }),
        );
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(100);
  });

  it('the arbitrary covers every rule kind', () => {
    const kinds = new Set<string>();
    fc.sample(ruleArb, 500).forEach((r) => {
      kinds.add((r as { kind: string }).kind);
    });
    expect([...kinds].sort()).toEqual([...RULE_KINDS].sort());
  });
});

it('isBranch is what the validator walks by', () => {
  expect(isBranch(valid().dimensions[0]!)).toBe(true);
});
