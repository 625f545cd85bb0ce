import { describe, expect, it } from 'vitest';
import { RULE_KINDS, RULE_LABELS, type ScoringRule, systemContentSchema } from './model';
import { formatRuleParams, PARAM_EXAMPLES, parseRuleParams, ruleKindFromName } from './rule-params';
import { ParseError } from './text';

const ruleSchema = systemContentSchema.shape.dimensions.element;
const parseRule = (kind: ScoringRule['kind'], text: string) => parseRuleParams(kind, text).rule;

describe('评分方法 names', () => {
  it('reads the canonical names, common variants and English keys', () => {
    for (const kind of RULE_KINDS) expect(ruleKindFromName(RULE_LABELS[kind].zh)).toBe(kind);
    // Earlier wordings (validate.ts and the formula grammar wrote these) stay accepted.
    expect(ruleKindFromName(' 目标完成率 ')).toBe('target_completion');
    expect(ruleKindFromName('分档')).toBe('bands');
    expect(ruleKindFromName('满意度调查')).toBe('satisfaction');
    expect(ruleKindFromName('Composite')).toBe('composite');
    expect(ruleKindFromName('打分法')).toBeUndefined();
  });
});

describe('评分参数 grammar', () => {
  it('parses every canonical example into a schema-valid rule that formats back to the same text', () => {
    for (const [kind, example] of Object.entries(PARAM_EXAMPLES) as [ScoringRule['kind'], string][]) {
      const leaf = ruleSchema.parse({
        code: 'X',
        name: 'x',
        weight: 1,
        type: 'quantitative',
        source: 'self_report',
        rule: parseRule(kind, example),
      });
      if (!('rule' in leaf)) throw new Error('leaf');
      expect(formatRuleParams(leaf.rule)).toBe(example);
    }
  });

  it('accepts full-width punctuation and digits, 分 and % where people type them', () => {
    expect(parseRule('target_completion', '封顶：１２０％')).toEqual({ kind: 'target_completion', cap: 1.2 });
    expect(parseRule('bands', '【0，60）：0\n［60，+∞）：100%  达标')).toEqual({
      kind: 'bands',
      bands: [
        { min: 0, max: 60, fraction: 0 },
        { min: 60, max: null, fraction: 1, label: '达标' },
      ],
    });
    expect(parseRule('deduction', 'ＡＱ１ 迟报 每起扣０.５分；最多扣５分')).toEqual({
      kind: 'deduction',
      items: [{ code: 'AQ1', label: '迟报', pointsEach: 0.5 }],
      maxDeduction: 5,
    });
    expect(parseRule('qualitative_grade', '优 100% 良 80% 中 60% 差 40%')).toEqual({
      kind: 'qualitative_grade',
      fractions: { A: 1, B: 0.8, C: 0.6, D: 0.4 },
    });
    expect(parseRule('expert', '满分 10；满7人去掉最高最低分')).toEqual({
      kind: 'expert',
      scale: 10,
      trimFrom: 7,
    });
    const then = { kind: 'reverse', cap: 1 };
    expect(parseRule('formula', 'debt_ratio -> 逆向指标 封顶 1')).toEqual({
      kind: 'formula',
      calculator: 'debt_ratio',
      then,
    });
  });

  it('reads 差额计分 in its canonical form, the engine’s wording and percentage points, also after a formula’s arrow', () => {
    const gap = { kind: 'target_gap', tolerance: 5 };
    for (const text of [
      '容差 5',
      '容差：５',
      '容差 5个百分点',
      '差 5 不得分',
      '差5个百分点不得分',
      'tolerance=5',
      '容差 5%',
    ])
      expect(parseRule('target_gap', text), text).toEqual(gap);
    expect(formatRuleParams({ kind: 'target_gap', tolerance: 0.25 })).toBe('容差 0.25');
    // Shorthand `then`: the model names the inner rule so (not a thenable).
    const formula = (calculator: string, tolerance: number): ScoringRule => {
      const then = { kind: 'target_gap', tolerance } as const;
      return { kind: 'formula', calculator, then };
    };
    expect(parseRule('formula', 'revenue_growth_rate → 差额计分 容差 2')).toEqual(
      formula('revenue_growth_rate', 2),
    );
    const rule = formula('irr', 1.5);
    expect(formatRuleParams(rule)).toBe('irr → 差额 容差 1.5');
    expect(parseRule('formula', formatRuleParams(rule))).toEqual(rule);
    expect(ruleKindFromName('差额计分')).toBe('target_gap');
    expect(ruleKindFromName('Gap to target')).toBe('target_gap');
  });

  it('reads the brief satisfaction form, numbering groups without codes', () => {
    const r = parseRuleParams(
      'satisfaction',
      '很满意100 满意80 基本满意60 不满意30 很不满意0; 服务对象 0.5, 人大代表政协委员 0.2, 社会公众 0.3; 最少样本 30',
    );
    expect(r.rule).toEqual({
      kind: 'satisfaction',
      levelPoints: { very_satisfied: 100, satisfied: 80, fair: 60, dissatisfied: 30, very_dissatisfied: 0 },
      groups: [
        { key: 'G1', label: '服务对象', weight: 0.5 },
        { key: 'G2', label: '人大代表政协委员', weight: 0.2 },
        { key: 'G3', label: '社会公众', weight: 0.3 },
      ],
      minSample: 30,
    });
    expect(r.warnings).toHaveLength(3);
  });

  it('leaves defaults to the schema when the cell is blank', () => {
    expect(parseRule('target_completion', '')).toEqual({ kind: 'target_completion' });
    expect(parseRule('efficacy', '')).toEqual({ kind: 'efficacy' });
    expect(parseRule('qualitative_grade', ' ')).toEqual({ kind: 'qualitative_grade' });
  });

  it('says what was expected when it cannot read the text', () => {
    const cases: [ScoringRule['kind'], string, string][] = [
      ['bands', '60分以上得满分', '[下限,上限):得分比例'],
      ['bands', '', '至少需要一档'],
      ['deduction', '每次扣2分', '编码 事项 每次扣N'],
      ['satisfaction', '很满意100 满意80', '缺少 基本满意、不满意、很不满意 的分值'],
      ['qualitative_grade', 'A 1; B 0.8', '缺少等级 C、D'],
      ['composite', '', '缺少得分来源'],
      ['formula', 'gdp 目标完成率', '缺少“→”'],
      ['formula', 'gdp → 排名法', '目标完成率、逆向、差额 或 分档'],
      ['target_gap', '', '缺少容差'],
      ['target_gap', '容差 很多', '容差“很多”不是数字'],
      ['target_gap', '容差 5; 差 3 不得分', '容差重复'],
      ['target_completion', '封顶 很高', '封顶“很高”不是数字'],
      ['rank', '第一名满分', '无法理解“第一名满分”'],
    ];
    for (const [kind, text, detail] of cases) {
      let error: unknown;
      try {
        parseRuleParams(kind, text);
      } catch (e) {
        error = e;
      }
      expect(error, `${kind}: ${text}`).toBeInstanceOf(ParseError);
      const e = error as ParseError;
      expect(e.zh).toContain(detail);
      expect(e.zh).toContain(`${RULE_LABELS[kind].zh}的参数应写作：${PARAM_EXAMPLES[kind]}`);
      expect(e.en).toContain(`expects e.g. ${PARAM_EXAMPLES[kind]}`);
    }
  });
});
