import { describe, expect, it } from 'vitest';
import { FINANCE_CALCULATOR_NAMES } from '../../finance/registry';
import { CODE_PATTERN } from '../../org/schemas';
import { type IndicatorNode, isBranch, type Leaf, RULE_KINDS, systemContentSchema } from '../model';
import { validateSystem, weightSummary } from '../validate';
import { TEMPLATE_CALCULATORS, TEMPLATES, templateById, templateContent } from './index';

const leavesOf = (nodes: readonly IndicatorNode[]): Leaf[] =>
  nodes.flatMap((n) => (isBranch(n) ? leavesOf(n.children) : [n]));

/** Groups a template's leaves name; templates prefer none. */
const groupsOf = (nodes: readonly IndicatorNode[]) => [
  ...new Set(leavesOf(nodes).flatMap((l) => l.appliesTo ?? [])),
];

/** The dimensions each template must have, in the seed's words and order. */
const DIMENSIONS: Record<string, string[]> = {
  district_county: ['政治建设', '经济建设', '社会建设', '文化建设', '自身建设'],
  department: ['投入', '产出', '效果'],
  local_annual: ['经济绩效', '社会绩效', '环境绩效', '创新绩效', '政府管理绩效'],
  fiscal: ['收入评价', '支出评价', '债务评价'],
  purchased_service: ['输入指标', '过程指标', '输出指标'],
  service_window: ['服务质量', '服务效果', '服务数据'],
  kpi: [
    '工作目标完成情况',
    '绩效评估结果',
    '资源利用情况',
    '决策与执行能力',
    '制度建设与创新',
    '公众满意度调查',
    '团队建设与人才培养',
  ],
  investment_project: ['社会效益', '资源利用', '环境影响', '财务效益'],
};

describe('templates', () => {
  it('are the eight from the seed, with unique ids', () => {
    const ids = TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(Object.keys(DIMENSIONS).sort());
  });

  for (const t of TEMPLATES) {
    describe(t.id, () => {
      it('parses with systemContentSchema, unchanged (all defaults already filled)', () => {
        const parsed = systemContentSchema.parse(JSON.parse(JSON.stringify(t.content)));
        expect(parsed).toEqual(JSON.parse(JSON.stringify(t.content)));
      });

      it('validates clean', () => {
        const issues = validateSystem(t.content, {
          unitGroups: groupsOf(t.content.dimensions),
          knownCalculators: FINANCE_CALCULATOR_NAMES,
        });
        expect(issues).toEqual([]);
        expect(groupsOf(t.content.dimensions)).toEqual([]);
        expect(weightSummary(t.content).every((s) => s.ok)).toBe(true);
        expect(t.content.total).toBe(100);
      });

      it('has the seed’s dimensions, each with 2–5 leaves', () => {
        expect(t.content.dimensions.map((d) => d.name)).toEqual(DIMENSIONS[t.id]);
        for (const d of t.content.dimensions) {
          expect(isBranch(d)).toBe(true);
          const n = leavesOf([d]).length;
          expect(n, `${t.id} ${d.name}`).toBeGreaterThanOrEqual(2);
          expect(n, `${t.id} ${d.name}`).toBeLessThanOrEqual(5);
        }
      });

      it('every leaf has criteria with its data source, and an evidence requirement', () => {
        for (const l of leavesOf(t.content.dimensions)) {
          expect(l.criteria, l.code).toMatch(/数据来源：.+。$/);
          expect(l.evidence.required, l.code).toBe(true);
          expect(l.evidence.description?.length, l.code).toBeGreaterThan(1);
          expect(l.code).toMatch(CODE_PATTERN);
          if (l.rule.kind === 'satisfaction') expect(l.rule.minSample).toBe(30);
        }
      });

      it('describes itself in both languages and names its seed document', () => {
        for (const f of [t.name, t.description, t.appliesTo]) {
          expect(f.zh).toMatch(/[\u4e00-\u9fff]/);
          expect(f.en).toMatch(/[A-Za-z]/);
        }
        expect(t.source).toMatch(/[\u4e00-\u9fff]/);
      });

      it('is frozen; templateContent gives a mutable deep copy', () => {
        expect(Object.isFrozen(t.content.dimensions[0])).toBe(true);
        const copy = templateContent(t.id)!;
        expect(copy).toEqual(t.content);
        copy.dimensions[0]!.weight = 1;
        expect(t.content.dimensions[0]!.weight).not.toBe(1);
      });
    });
  }

  it('use every rule kind somewhere (formula value rules included)', () => {
    const kinds = new Set<string>();
    for (const t of TEMPLATES)
      for (const l of leavesOf(t.content.dimensions)) {
        kinds.add(l.rule.kind);
        if (l.rule.kind === 'formula') kinds.add(`formula→${l.rule.then.kind}`);
      }
    for (const k of RULE_KINDS) expect(kinds, k).toContain(k);
    for (const k of ['target_completion', 'reverse', 'bands']) expect(kinds).toContain(`formula→${k}`);
  });

  it('the KPI template corrects 110 to 100 and says how', () => {
    const kpi = templateById('kpi')!;
    const weights = kpi.content.dimensions.map((d) => d.weight);
    expect(weights).toEqual([30, 20, 15, 10, 10, 10, 5]);
    expect(weights.reduce((a, b) => a + b, 0)).toBe(100);
    expect(kpi.description.zh).toContain('110%');
    expect(kpi.description.zh).toContain('决策与执行能力 15 → 10');
    expect(kpi.description.zh).toContain('团队建设与人才培养 10 → 5');
  });

  it('the investment template uses the seed’s formulas', () => {
    const inv = templateById('investment_project')!;
    const calcs = leavesOf(inv.content.dimensions).flatMap((l) =>
      l.rule.kind === 'formula' ? [l.rule.calculator] : [],
    );
    expect(calcs.sort()).toEqual(
      [
        'employment_per_investment',
        'energy_per_net_output',
        'land_per_investment',
        'water_per_product',
        'eqi',
        'fnpv',
        'npvr',
        'irr',
        'static_payback',
      ].sort(),
    );
  });

  it('TEMPLATE_CALCULATORS lists every calculator named', () => {
    expect(TEMPLATE_CALCULATORS).toEqual([
      'debt_ratio',
      'debt_service_ratio',
      'employment_per_investment',
      'energy_per_net_output',
      'eqi',
      'fnpv',
      'irr',
      'land_per_investment',
      'npvr',
      'revenue_growth_rate',
      'static_payback',
      'structure_share',
      'water_per_product',
    ]);
  });

  it('every calculator named is in the finance registry', () => {
    for (const c of TEMPLATE_CALCULATORS) expect(FINANCE_CALCULATOR_NAMES).toContain(c);
  });

  it('bonus items stay within the cap and vetoes are typical', () => {
    for (const t of TEMPLATES) {
      const sum = t.content.bonusItems.reduce((a, b) => a + b.maxPoints, 0);
      if (t.content.bonusItems.length) expect(t.content.bonusCap).toBeGreaterThan(0);
      expect(sum).toBeGreaterThanOrEqual(t.content.bonusCap);
      expect(t.content.vetoItems.length).toBeGreaterThan(0);
    }
    expect(templateById('district_county')!.content.vetoItems.map((v) => [v.name, v.effect])).toContainEqual([
      '发生重大安全生产责任事故',
      'fail',
    ]);
  });

  it('unknown ids give undefined', () => {
    expect(templateById('nope')).toBeUndefined();
    expect(templateContent('nope')).toBeUndefined();
  });
});
