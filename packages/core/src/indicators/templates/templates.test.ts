import { describe, expect, it } from 'vitest';
import {
  FINANCE_CALCULATOR_NAMES,
  FINANCE_CALCULATORS,
  type FinanceCalculator,
  isFinanceCalculatorName,
} from '../../finance/registry';
import { CODE_PATTERN } from '../../org/schemas';
import { isBranch, leavesOf, RULE_KINDS, systemContentSchema } from '../model';
import type { SourceProvenance } from '../provenance';
import { validateSystem, weightSummary } from '../validate';
import { TEMPLATE_CALCULATORS, TEMPLATES, type Template, templateById, templateContent } from './index';

/** A calculator's office arguments (the 基准折现率), as the registry declares them. */
const officeArgsOf = (name: string): readonly string[] | undefined =>
  isFinanceCalculatorName(name)
    ? ((FINANCE_CALCULATORS[name] as FinanceCalculator).officeArgs ?? [])
    : undefined;

/** The unit groups a template declares for its leaves' `appliesTo`. */
const declaredGroups = (t: Template) => (t.groups ?? []).map((g) => g.code);

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
  investment_project: ['社会效益', '财务效益', '实施效果'],
  department_projects: ['项目质量', '项目效率', '项目服务', '阶段考核'],
};

/** The KPI plan's own weights, which add up to 110: the template keeps them and validation says so. */
const KPI_SOURCE_WEIGHTS = [30, 20, 15, 15, 10, 10, 10];

describe('templates', () => {
  it('are the nine from the seed, with unique ids', () => {
    const ids = TEMPLATES.map((t) => t.id);
    expect(ids).toHaveLength(9);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.keys(DIMENSIONS).sort());
    expect(ids.indexOf('department_projects')).toBe(ids.indexOf('investment_project') + 1);
  });

  for (const t of TEMPLATES) {
    describe(t.id, () => {
      it('parses with systemContentSchema, unchanged (all defaults already filled)', () => {
        const parsed = systemContentSchema.parse(JSON.parse(JSON.stringify(t.content)));
        expect(parsed).toEqual(JSON.parse(JSON.stringify(t.content)));
      });

      it('validates clean against its declared groups (the KPI plan: only its 110 total)', () => {
        const issues = validateSystem(t.content, {
          unitGroups: declaredGroups(t),
          knownCalculators: FINANCE_CALCULATOR_NAMES,
          officeArgsOf,
        });
        const unbalanced = weightSummary(t.content).filter((s) => !s.ok);
        if (t.id === 'kpi') {
          expect(issues).toHaveLength(1);
          expect(issues[0]).toMatchObject({ check: 'weight_sum', path: 'dimensions' });
          expect(unbalanced.map((s) => s.path)).toEqual(['dimensions']);
        } else {
          expect(issues).toEqual([]);
          expect(unbalanced).toEqual([]);
        }
        for (const l of leavesOf(t.content.dimensions))
          for (const g of l.appliesTo ?? []) expect(declaredGroups(t), `${l.code} ${g}`).toContain(g);
        expect(t.content.total).toBe(100);
      });

      it('has the seed’s dimensions, each with 1–12 leaves', () => {
        expect(t.content.dimensions.map((d) => d.name)).toEqual(DIMENSIONS[t.id]);
        for (const d of t.content.dimensions) {
          expect(isBranch(d)).toBe(true);
          const n = leavesOf([d]).length;
          expect(n, `${t.id} ${d.name}`).toBeGreaterThanOrEqual(1);
          expect(n, `${t.id} ${d.name}`).toBeLessThanOrEqual(12);
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

      it('gives every statistic and grade level its provenance', () => {
        for (const s of t.content.statistics) {
          expect(s.code).toMatch(CODE_PATTERN);
          expect(s.provenance, `statistic ${s.code}`).toBeDefined();
        }
        for (const g of t.content.grading.levels) expect(g.provenance, `grade ${g.code}`).toBeDefined();
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
    expect(kinds).toContain('target_gap');
    for (const k of ['target_completion', 'reverse', 'bands']) expect(kinds).toContain(`formula→${k}`);
  });

  it('the KPI template keeps the source’s weights (110 in all), so validation reports the total', () => {
    const kpi = templateById('kpi')!;
    const weights = kpi.content.dimensions.map((d) => d.weight);
    expect(weights).toEqual(KPI_SOURCE_WEIGHTS);
    expect(weights.reduce((a, b) => a + b, 0)).toBe(110);
    for (const d of kpi.content.dimensions) {
      expect(d.provenance?.kind, d.code).toBe('source');
      expect((d.provenance as SourceProvenance).covers, d.code).toContain('weight');
    }
    expect(kpi.description.zh).toContain('110');
  });

  it('the department template declares the approval group its approval leaves apply to', () => {
    const dept = templateById('department')!;
    expect(declaredGroups(dept)).toContain('approval');
    expect(leavesOf(dept.content.dimensions).some((l) => l.appliesTo?.join() === 'approval')).toBe(true);
  });

  it('the investment template uses the seed’s formulas, and cites them where the seed gives them', () => {
    const inv = templateById('investment_project')!;
    const leaves = leavesOf(inv.content.dimensions);
    const calcs = leaves.flatMap((l) => (l.rule.kind === 'formula' ? [l.rule.calculator] : []));
    expect(calcs.sort()).toEqual(
      [
        'change_rate',
        'employment_per_investment',
        'energy_per_net_output',
        'eqi',
        'eqi_exceedances',
        'fnpv',
        'input_output_ratio',
        'irr',
        'land_per_investment',
        'npvr',
        'static_payback',
        'water_per_product',
      ].sort(),
    );
    const withFormula = leaves.filter(
      (l) => l.provenance?.kind === 'source' && l.provenance.covers?.includes('formula'),
    );
    expect(withFormula.map((l) => (l.rule.kind === 'formula' ? l.rule.calculator : l.code)).sort()).toEqual(
      [
        'employment_per_investment',
        'energy_per_net_output',
        'eqi',
        'fnpv',
        'land_per_investment',
        'npvr',
        'water_per_product',
      ].sort(),
    );
    // The two level-1 groups of the reference indicators, with (一)(二)(三) as level-2 branches.
    const social = inv.content.dimensions[0]!;
    expect(isBranch(social) && social.children.filter(isBranch).map((b) => b.name)).toEqual([
      '就业效益指标',
      '资源利用指标',
      '环境影响指标',
    ]);
    // The IRR is scored against the office's benchmark; the NPVR says it is not the profitability index.
    const irr = leaves.find((l) => l.rule.kind === 'formula' && l.rule.calculator === 'irr')!;
    expect(irr.officeParams?.target).toBe(8);
    const npvr = leaves.find((l) => l.rule.kind === 'formula' && l.rule.calculator === 'npvr')!;
    expect(npvr.criteria).toContain('(现值指数)');
    expect(npvr.criteria).toContain('PI = 1 + NPVR');
  });

  it('TEMPLATE_CALCULATORS lists every calculator named', () => {
    expect(TEMPLATE_CALCULATORS).toEqual([
      'change_rate',
      'debt_ratio',
      'debt_service_ratio',
      'employment_per_investment',
      'energy_per_net_output',
      'eqi',
      'eqi_exceedances',
      'fnpv',
      'input_output_ratio',
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

  it('every formula leaf carries its calculator’s office arguments, and only those', () => {
    let withOfficeArgs = 0;
    for (const t of TEMPLATES)
      for (const l of leavesOf(t.content.dimensions)) {
        if (l.rule.kind !== 'formula') {
          expect(l.officeParams?.args, `${t.id} ${l.code}`).toBeUndefined();
          continue;
        }
        const office = officeArgsOf(l.rule.calculator) ?? [];
        expect(Object.keys(l.officeParams?.args ?? {}).sort(), `${t.id} ${l.code}`).toEqual(
          [...office].sort(),
        );
        if (office.length) withOfficeArgs++;
      }
    // fnpv and npvr at least take the 基准折现率.
    expect(withOfficeArgs).toBeGreaterThanOrEqual(2);
  });

  it('the purchased-service template says whose performance each leaf measures', () => {
    const ps = templateById('purchased_service')!;
    const leaves = leavesOf(ps.content.dimensions);
    for (const l of leaves) expect(l.party, l.code).toBeDefined();
    expect(new Set(leaves.map((l) => l.party))).toEqual(new Set(['buyer', 'provider']));
    // 输入指标: what the government (the buyer) put in.
    const input = ps.content.dimensions[0]!;
    for (const l of leavesOf([input])) expect(l.party, l.code).toBe('buyer');
    for (const d of ps.content.dimensions.slice(1))
      for (const l of leavesOf([d])) expect(l.party, l.code).toBe('provider');
  });

  it('the service-window template records its statistics beside the scored tree', () => {
    const sw = templateById('service_window')!;
    const names = sw.content.statistics.map((s) => s.name);
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(names).toContain('服务时间');
    expect(names).toContain('办事量');
    const scored = leavesOf(sw.content.dimensions).map((l) => l.name);
    for (const n of names) expect(scored).not.toContain(n);
  });

  it('the department-projects template names the plan’s four grades from the source', () => {
    const dp = templateById('department_projects')!;
    const levels = dp.content.grading.levels;
    expect(levels.map((l) => l.label.zh)).toEqual(['优秀', '良好', '一般', '不及格']);
    for (const l of levels) expect(l.provenance?.kind, l.code).toBe('source');
    const stages = dp.content.dimensions[3]!;
    expect(leavesOf([stages]).map((l) => l.name)).toEqual([
      '规划阶段',
      '策划阶段',
      '实施阶段',
      '监督阶段',
      '评估阶段',
    ]);
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
