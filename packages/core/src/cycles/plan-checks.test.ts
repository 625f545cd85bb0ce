import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { systemContentSchema } from '../indicators/model';
import { applicableLeaves, cycleLeaves, isPlanComplete, planIssues } from './plan-checks';
import { type PlanItem, planItemSchema } from './plans';

const content = systemContentSchema.parse({
  name: '测试体系',
  total: 100,
  dimensions: [
    {
      code: 'D1',
      name: '经济建设',
      weight: 60,
      children: [
        {
          code: 'C1',
          name: '地区生产总值增速',
          weight: 30,
          unitOfMeasure: '%',
          type: 'quantitative',
          source: 'data_provider',
          rule: { kind: 'target_completion' },
          officeParams: { target: 6 },
        },
        {
          code: 'C2',
          name: '项目建设',
          weight: 30,
          children: [
            {
              code: 'C2-1',
              name: '开工项目数',
              weight: 20,
              unitOfMeasure: '个',
              type: 'quantitative',
              source: 'self_report',
              rule: { kind: 'target_completion' },
              evidence: { required: true },
              appliesTo: ['district'],
            },
            {
              code: 'C2-2',
              name: '安全事故数',
              weight: 10,
              direction: 'lower',
              type: 'quantitative',
              source: 'self_report',
              rule: { kind: 'bands', bands: [{ min: null, max: null, fraction: 1 }] },
              appliesTo: [],
            },
          ],
        },
      ],
    },
    {
      code: 'D2',
      name: '自身建设',
      weight: 40,
      children: [
        {
          code: 'C3',
          name: '作风建设',
          weight: 40,
          type: 'qualitative',
          source: 'expert',
          rule: { kind: 'qualitative_grade' },
          appliesTo: ['department'],
        },
      ],
    },
  ],
});

describe('applicableLeaves', () => {
  it('keeps the leaves for the group, with what a plan needs to know of each', () => {
    expect(applicableLeaves(content, 'district')).toEqual([
      {
        code: 'C1',
        name: '地区生产总值增速',
        type: 'quantitative',
        direction: 'higher',
        unitOfMeasure: '%',
        weight: 30,
        needsNumber: true,
        officeTarget: 6,
        source: 'data_provider',
        evidenceRequired: false,
      },
      {
        code: 'C2-1',
        name: '开工项目数',
        type: 'quantitative',
        direction: 'higher',
        unitOfMeasure: '个',
        weight: 20,
        needsNumber: true,
        source: 'self_report',
        evidenceRequired: true,
      },
      {
        code: 'C2-2',
        name: '安全事故数',
        type: 'quantitative',
        direction: 'lower',
        weight: 10,
        needsNumber: false,
        source: 'self_report',
        evidenceRequired: false,
      },
    ]);
  });
  it('drops leaves for other groups and keeps those for every group', () => {
    expect(applicableLeaves(content, 'department').map((l) => l.code)).toEqual(['C1', 'C2-2', 'C3']);
    expect(applicableLeaves(content, 'other').map((l) => l.code)).toEqual(['C1', 'C2-2']);
  });
});

const leaves = applicableLeaves(content, 'district');
const item = (leaf: string, over: Partial<PlanItem> = {}): PlanItem =>
  planItemSchema.parse({
    leaf,
    basis: '依据上年完成情况',
    standard: '按时完成',
    measures: '加强调度',
    owner: '规划处',
    ...over,
  });
const complete = () => ({
  basis: '依据本市国民经济和社会发展计划',
  items: [item('C1'), item('C2-1', { target: 12 }), item('C2-2', { targetText: '不发生较大事故' })],
});

describe('cycleLeaves', () => {
  it("puts the cycle's fixed targets in place of the system's, on leaves that take a number only", () => {
    const leaves = cycleLeaves(
      {
        targets: [
          { leaf: 'C1', target: 6.5 },
          { leaf: 'NOPE', target: 1 },
        ],
      },
      content,
      'district',
    );
    expect(leaves.find((l) => l.code === 'C1')?.officeTarget).toBe(6.5);
    const plain = applicableLeaves(content, 'district');
    expect(leaves.filter((l) => l.code !== 'C1')).toEqual(plain.filter((l) => l.code !== 'C1'));
    expect(cycleLeaves({}, content, 'district')).toEqual(plain);
  });
});

describe('planIssues', () => {
  it('finds nothing in a complete plan', () => {
    expect(planIssues(complete(), leaves, 2025)).toEqual([]);
    expect(isPlanComplete(complete(), leaves, 2025)).toBe(true);
  });

  it('wants the basis', () => {
    const issues = planIssues({ ...complete(), basis: '  ' }, leaves, 2025);
    expect(issues).toEqual([
      {
        path: 'basis',
        zh: '请填写设定年度绩效目标的主要依据',
        en: "Give the main basis of the year's targets",
      },
    ]);
    expect(isPlanComplete({ ...complete(), basis: '' }, leaves, 2025)).toBe(false);
  });

  it('names each missing leaf by code and name', () => {
    const issues = planIssues({ ...complete(), items: [item('C2-1', { target: 3 })] }, leaves, 2025);
    expect(issues).toEqual([
      {
        path: 'items',
        zh: '缺少指标 C1「地区生产总值增速」的计划',
        en: 'Indicator C1 "地区生产总值增速" has no plan item',
      },
      {
        path: 'items',
        zh: '缺少指标 C2-2「安全事故数」的计划',
        en: 'Indicator C2-2 "安全事故数" has no plan item',
      },
    ]);
  });

  it('refuses duplicates and items for leaves that do not apply', () => {
    const plan = complete();
    plan.items.push(item('C1'), item('C3', { targetText: 'x' }));
    const issues = planIssues(plan, leaves, 2025);
    expect(issues.map((i) => i.path)).toEqual(['items.3.leaf', 'items.4.leaf']);
    expect(issues[0]!.zh).toBe('指标 C1「地区生产总值增速」重复，每个指标只填写一项计划');
    expect(issues[1]!.zh).toContain('指标 C3 不适用于本单位');
  });

  it('wants a numeric target where the leaf is scored against one and the office has not fixed it', () => {
    const plan = complete();
    plan.items[1] = item('C2-1', { targetText: '十来个' });
    expect(planIssues(plan, leaves, 2025)).toEqual([
      {
        path: 'items.1.target',
        zh: '指标 C2-1「开工项目数」按目标值计分，请填写数值目标（单位：个）',
        en: 'Indicator C2-1 "开工项目数" is scored against a target; give a numeric target (in 个)',
      },
    ]);
  });

  it('says the office fixes a target it set, unless the unit repeats it', () => {
    const plan = complete();
    plan.items[0] = item('C1', { target: 6 });
    expect(planIssues(plan, leaves, 2025)).toEqual([]);
    plan.items[0] = item('C1', { target: 7 });
    expect(planIssues(plan, leaves, 2025)).toEqual([
      {
        path: 'items.0.target',
        zh: '指标 C1「地区生产总值增速」的目标值由考核办设定为 6 %，单位不能另设（现为 7）',
        en: 'Indicator C1 "地区生产总值增速": the office fixes the target at 6 %; the unit cannot set another (7 given)',
      },
    ]);
  });

  it('wants a target in words or numbers for leaves not scored against a number', () => {
    const plan = complete();
    plan.items[2] = item('C2-2');
    expect(planIssues(plan, leaves, 2025)).toEqual([
      {
        path: 'items.2.targetText',
        zh: '指标 C2-2「安全事故数」：请用文字或数值写明本年度目标',
        en: 'Indicator C2-2 "安全事故数": state this year\'s target in words or as a number',
      },
    ]);
    plan.items[2] = item('C2-2', { target: 0 });
    expect(planIssues(plan, leaves, 2025)).toEqual([]);
  });

  it('wants the four words of art. 10 on every item', () => {
    const plan = complete();
    plan.items[0] = item('C1', { basis: '', standard: ' ', measures: '', owner: '' });
    const issues = planIssues(plan, leaves, 2025);
    expect(issues.map((i) => i.path)).toEqual([
      'items.0.basis',
      'items.0.standard',
      'items.0.measures',
      'items.0.owner',
    ]);
    expect(issues.map((i) => i.zh)).toEqual([
      '指标 C1「地区生产总值增速」：请填写目标依据',
      '指标 C1「地区生产总值增速」：请填写评估标准',
      '指标 C1「地区生产总值增速」：请填写方法和措施',
      '指标 C1「地区生产总值增速」：请填写责任人或责任处室',
    ]);
  });

  it('wants milestones inside the year with an owner and a standard, in any order', () => {
    const plan = complete();
    const m = { name: '完成招标', due: '2025-09-30', owner: '规划处', standard: '签订合同' };
    // The schema already wants owner and standard; the check holds for records from elsewhere too.
    plan.items[1] = {
      ...item('C2-1', { target: 12 }),
      milestones: [
        { ...m, done: false },
        { ...m, name: '开工', due: '2025-03-01', done: false },
        { ...m, name: '跨年', due: '2026-01-05', owner: ' ', standard: '', done: false },
      ],
    };
    const issues = planIssues(plan, leaves, 2025);
    expect(issues.map((i) => i.path)).toEqual([
      'items.1.milestones.2.due',
      'items.1.milestones.2.owner',
      'items.1.milestones.2.standard',
    ]);
    expect(issues[0]!.zh).toBe('指标 C2-1「开工项目数」的节点「跨年」的完成日期 2026-01-05 不在 2025 年内');
  });

  it('is empty exactly when isPlanComplete, and every path points into the plan', () => {
    const leafCodes = fc.constantFrom('C1', 'C2-1', 'C2-2', 'C3');
    const anItem = fc.record({
      leaf: leafCodes,
      target: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      targetText: fc.constantFrom('', '目标'),
      basis: fc.constantFrom('', 'b'),
      owner: fc.constantFrom('', 'o'),
    });
    fc.assert(
      fc.property(fc.array(anItem, { maxLength: 6 }), fc.constantFrom('', '依据'), (raw, basis) => {
        const plan = { basis, items: raw.map((r) => item(r.leaf, r)) };
        const issues = planIssues(plan, leaves, 2025);
        expect(isPlanComplete(plan, leaves, 2025)).toBe(issues.length === 0);
        for (const i of issues) {
          expect(i.path).toMatch(
            /^(basis|items(\.\d+\.(leaf|target|targetText|basis|standard|measures|owner))?)$/,
          );
          const index = Number(i.path.split('.')[1] ?? 0);
          expect(index).toBeLessThan(Math.max(1, plan.items.length));
          expect(i.zh.length).toBeGreaterThan(0);
          expect(i.en.length).toBeGreaterThan(0);
        }
        // Every applicable leaf is planned exactly once in a complete plan.
        if (issues.length === 0)
          expect(plan.items.map((i) => i.leaf).sort()).toEqual(leaves.map((l) => l.code).sort());
      }),
    );
  });
});
