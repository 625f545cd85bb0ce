import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanLeaf } from './plan-checks';
import { type SelfItem, selfItemSchema } from './self-assessment';
import { MIN_REPORT_CHARS, selfAssessmentIssues } from './self-checks';

const base = { direction: 'higher', source: 'self_report', evidenceRequired: false } as const;
const leaves: PlanLeaf[] = [
  {
    ...base,
    code: 'C1',
    name: '地区生产总值增速',
    type: 'quantitative',
    weight: 30,
    needsNumber: true,
    unitOfMeasure: '%',
  },
  { ...base, code: 'C2', name: '开工项目数', type: 'quantitative', weight: 20, needsNumber: true },
  { ...base, code: 'C3', name: '作风建设', type: 'qualitative', weight: 10, needsNumber: false },
];
const supplied = new Set(['C1']);
const report =
  '本年度围绕年度绩效计划开展工作，主要目标均已完成，具体情况如下：一是经济运行总体平稳，二是项目建设有序推进，三是作风建设持续加强。';
const item = (leaf: string, over: Partial<SelfItem> = {}): SelfItem =>
  selfItemSchema.parse({ leaf, selfScore: 8, narrative: '按计划完成', ...over });
const complete = () => ({
  items: [item('C1'), item('C2', { actual: 12 }), item('C3', { actualText: '完成' })],
  report,
});

describe('selfAssessmentIssues', () => {
  it('finds nothing in a complete self-assessment', () => {
    expect([...report].length).toBeGreaterThanOrEqual(MIN_REPORT_CHARS);
    expect(selfAssessmentIssues(complete(), leaves, supplied)).toEqual([]);
  });

  it('names each leaf without an item', () => {
    expect(
      selfAssessmentIssues({ ...complete(), items: [item('C2', { actual: 1 })] }, leaves, supplied),
    ).toEqual([
      {
        path: 'items',
        zh: '缺少指标 C1「地区生产总值增速」的自评',
        en: 'Indicator C1 "地区生产总值增速" has no self-assessment',
      },
      {
        path: 'items',
        zh: '缺少指标 C3「作风建设」的自评',
        en: 'Indicator C3 "作风建设" has no self-assessment',
      },
    ]);
  });

  it('refuses duplicates and leaves that do not apply', () => {
    const sa = complete();
    sa.items.push(item('C2', { actual: 1 }), item('X1'));
    const issues = selfAssessmentIssues(sa, leaves, supplied);
    expect(issues.map((i) => i.path)).toEqual(['items.3.leaf', 'items.4.leaf']);
    expect(issues[0]!.zh).toBe('指标 C2「开工项目数」重复，每个指标只填写一项');
    expect(issues[1]!.en).toBe('Indicator X1 does not apply to this unit; remove the item');
  });

  it("wants the unit's own actual value for quantitative leaves", () => {
    const sa = complete();
    sa.items[1] = item('C2');
    expect(selfAssessmentIssues(sa, leaves, supplied)).toEqual([
      {
        path: 'items.1.actual',
        zh: '指标 C2「开工项目数」：请填写实际完成值',
        en: 'Indicator C2 "开工项目数": give the actual value',
      },
    ]);
    expect(selfAssessmentIssues(sa, leaves, new Set(['C1', 'C2']))).toEqual([]);
    sa.items[0] = item('C1');
    expect(selfAssessmentIssues(sa, leaves, new Set())[0]).toEqual({
      path: 'items.0.actual',
      zh: '指标 C1「地区生产总值增速」：请填写实际完成值（单位：%）',
      en: 'Indicator C1 "地区生产总值增速": give the actual value (in %)',
    });
  });

  it('refuses a value the unit retypes where a provider supplies it (一数一源)', () => {
    const sa = complete();
    sa.items[0] = item('C1', { actual: 6.2 });
    expect(selfAssessmentIssues(sa, leaves, supplied)).toEqual([
      {
        path: 'items.0.actual',
        zh: '指标 C1「地区生产总值增速」的实际值由数据提供部门提供（一数一源），单位不能填报，请删除所填数值',
        en: 'Indicator C1 "地区生产总值增速": the value is supplied by the data provider (collected once); the unit cannot enter it, so remove it',
      },
    ]);
  });

  it('wants words for a qualitative leaf (its narrative will do) and a narrative for every leaf', () => {
    const sa = complete();
    sa.items[2] = item('C3', { narrative: '作风明显改进' });
    expect(selfAssessmentIssues(sa, leaves, supplied)).toEqual([]);
    sa.items[2] = item('C3', { narrative: '' });
    expect(selfAssessmentIssues(sa, leaves, supplied).map((i) => i.path)).toEqual([
      'items.2.actualText',
      'items.2.narrative',
    ]);
    sa.items[1] = item('C2', { actual: 3, narrative: '  ' });
    const issues = selfAssessmentIssues(sa, leaves, supplied);
    expect(issues[0]).toEqual({
      path: 'items.1.narrative',
      zh: '指标 C2「开工项目数」：请填写完成情况说明',
      en: 'Indicator C2 "开工项目数": give a narrative of how it went',
    });
  });

  it("wants a self-score within the leaf's points", () => {
    const sa = complete();
    sa.items[1] = item('C2', { actual: 3, selfScore: undefined });
    expect(selfAssessmentIssues(sa, leaves, supplied)[0]!.zh).toBe(
      '指标 C2「开工项目数」：请填写自评分（0–20 分）',
    );
    sa.items[1] = item('C2', { actual: 3, selfScore: 20 });
    expect(selfAssessmentIssues(sa, leaves, supplied)).toEqual([]);
    sa.items[1] = item('C2', { actual: 3, selfScore: 20.5 });
    expect(selfAssessmentIssues(sa, leaves, supplied)).toEqual([
      {
        path: 'items.1.selfScore',
        zh: '指标 C2「开工项目数」的自评分 20.5 超出该指标的分值范围（0–20 分）',
        en: 'Indicator C2 "开工项目数": the self-score 20.5 is outside the indicator\'s 0–20 points',
      },
    ]);
    sa.items[1] = { ...item('C2', { actual: 3 }), selfScore: -1 };
    expect(selfAssessmentIssues(sa, leaves, supplied).map((i) => i.path)).toEqual(['items.1.selfScore']);
  });

  it('wants a report of at least 50 characters', () => {
    expect(selfAssessmentIssues({ ...complete(), report: '  ' }, leaves, supplied)).toEqual([
      { path: 'report', zh: '请撰写绩效自评报告', en: 'Write the self-evaluation report' },
    ]);
    expect(selfAssessmentIssues({ ...complete(), report: '完成了。' }, leaves, supplied)).toEqual([
      {
        path: 'report',
        zh: '绩效自评报告至少 50 个字（现有 4 个字）',
        en: 'The self-evaluation report needs at least 50 characters (it has 4)',
      },
    ]);
  });

  it('counts report characters, not UTF-16 units, around the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.constantFrom('字', 'a', '𠀀'), (n, ch) => {
        const issues = selfAssessmentIssues({ ...complete(), report: ch.repeat(n) }, leaves, supplied);
        expect(issues.length).toBe(n < MIN_REPORT_CHARS ? 1 : 0);
      }),
    );
  });
});
