import {
  type DeterminationPut,
  financeOfficeArgs,
  type Leaf,
  leavesOf,
  type SystemContent,
  systemContentSchema,
} from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { determinationIssues } from './determination-checks';

/** A small system with one leaf of each kind of input the office determines, and bonus and veto items. */
const content: SystemContent = systemContentSchema.parse({
  name: '认定检查用体系',
  dimensions: [
    {
      code: 'D1',
      name: '维度',
      weight: 100,
      children: [
        {
          code: 'V1',
          name: '预算执行率',
          weight: 20,
          type: 'quantitative',
          source: 'data_provider',
          rule: { kind: 'target_completion' },
          officeParams: { target: 100 },
        },
        {
          code: 'G1',
          name: '工作作风',
          weight: 20,
          type: 'qualitative',
          source: 'self_report',
          rule: { kind: 'qualitative_grade' },
        },
        {
          code: 'K1',
          name: '财务合规',
          weight: 20,
          type: 'quantitative',
          source: 'data_provider',
          rule: {
            kind: 'deduction',
            items: [
              { code: 'SJ', label: '审计问题', pointsEach: 2 },
              { code: 'WG', label: '违规使用资金', pointsEach: 5 },
            ],
          },
        },
        {
          code: 'F1',
          name: '财务净现值',
          weight: 20,
          type: 'quantitative',
          source: 'self_report',
          // biome-ignore lint/suspicious/noThenProperty: a formula rule's field ("then score it with…"), never awaited
          rule: { kind: 'formula', calculator: 'fnpv', then: { kind: 'target_completion' } },
        },
        {
          code: 'E1',
          name: '专家评议',
          weight: 10,
          type: 'qualitative',
          source: 'expert',
          rule: { kind: 'expert' },
        },
        {
          code: 'S1',
          name: '群众满意度',
          weight: 10,
          type: 'qualitative',
          source: 'survey',
          rule: { kind: 'satisfaction', groups: [{ key: 'public', label: '社会公众', weight: 1 }] },
        },
        {
          code: 'X1',
          name: '审批时限',
          weight: 0,
          type: 'quantitative',
          source: 'self_report',
          rule: { kind: 'reverse' },
          appliesTo: ['approval'],
        },
      ],
    },
  ],
  bonusItems: [{ code: 'B1', name: '获国家级表彰', maxPoints: 2 }],
  bonusCap: 5,
  vetoItems: [{ code: 'V1', name: '重大安全事故', effect: 'fail' }],
});
/** The leaves of a unit outside the `approval` group. */
const applicable: Leaf[] = leavesOf(content.dimensions).filter((l) => !l.appliesTo?.length);

const check = (input: Partial<Pick<DeterminationPut, 'leaves' | 'bonus' | 'vetoes'>>) =>
  determinationIssues(
    content,
    applicable,
    { leaves: {}, bonus: {}, vetoes: {}, ...input },
    financeOfficeArgs,
  );
const paths = (input: Parameters<typeof check>[0]) => check(input).map((i) => i.path);

describe('what the office may determine for a unit', () => {
  it('takes each leaf’s own kind of input, an exemption for any leaf, bonus within caps and known vetoes', () => {
    expect(
      check({
        leaves: {
          V1: { kind: 'value', actual: 96.5 },
          G1: { kind: 'grade', grade: 'B' },
          K1: { kind: 'incidents', counts: { SJ: 2, WG: 0 } },
          F1: { kind: 'formula', args: { netFlows: [-100, 60, 60] } },
          E1: { kind: 'exempt', reason: '本年度未组织专家评议' },
          S1: { kind: 'exempt', reason: '本年度未组织满意度测评' },
        },
        bonus: { B1: 2 },
        vetoes: { V1: '年度内发生重大安全生产责任事故' },
      }),
    ).toEqual([]);
  });

  it('refuses a leaf that does not apply to the unit or does not exist', () => {
    expect(
      paths({ leaves: { X1: { kind: 'value', actual: 3 }, NO: { kind: 'exempt', reason: '无' } } }),
    ).toEqual(['body.leaves.X1', 'body.leaves.NO']);
  });

  it('refuses an input of another kind than the leaf’s rule scores, naming the rule and the kind it needs', () => {
    const issues = check({
      leaves: {
        V1: { kind: 'grade', grade: 'A' },
        G1: { kind: 'value', actual: 1 },
        K1: { kind: 'formula', args: {} },
        F1: { kind: 'incidents', counts: {} },
      },
    });
    expect(issues.map((i) => i.path)).toEqual([
      'body.leaves.V1.kind',
      'body.leaves.G1.kind',
      'body.leaves.K1.kind',
      'body.leaves.F1.kind',
    ]);
    expect(issues[1]!.zh).toContain('定性等级');
    expect(issues[1]!.zh).toContain('评定等级');
    expect(issues[1]!.en).toContain('qualitative grade');
  });

  it('refuses expert scores, survey answers and source scores: they come from their own channel', () => {
    expect(
      paths({
        leaves: {
          E1: { kind: 'expert_scores', scores: [80, 90, 85] },
          S1: { kind: 'survey', answers: { public: { satisfied: 40 } } },
          G1: { kind: 'sources', scores: { a: 90 } },
        },
      }),
    ).toEqual(['body.leaves.E1.kind', 'body.leaves.S1.kind', 'body.leaves.G1.kind']);
  });

  it('refuses incidents of items the deduction rule does not have', () => {
    const issues = check({ leaves: { K1: { kind: 'incidents', counts: { SJ: 1, ZZ: 1, YY: 2 } } } });
    expect(issues.map((i) => i.path)).toEqual(['body.leaves.K1.counts.ZZ', 'body.leaves.K1.counts.YY']);
    expect(issues[0]!.zh).toContain('SJ、WG');
  });

  it('keeps the office’s fixed parameters: no target where the leaf fixed one, no 基准折现率 in a formula', () => {
    expect(
      paths({
        leaves: {
          V1: { kind: 'value', actual: 90, target: 80 },
          F1: { kind: 'formula', args: { netFlows: [-100, 120], ratePercent: 3 } },
        },
      }),
    ).toEqual(['body.leaves.V1.target', 'body.leaves.F1.args.ratePercent']);
  });

  it('refuses unknown bonus items, points over an item’s cap, and unknown veto items', () => {
    const issues = check({ bonus: { B1: 2.5, B9: 1 }, vetoes: { V9: '不存在' } });
    expect(issues.map((i) => i.path)).toEqual(['body.bonus.B1', 'body.bonus.B9', 'body.vetoes.V9']);
    expect(issues[0]!.zh).toContain('最多 2 分');
    for (const i of issues) {
      expect(i.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(i.en).toMatch(/[A-Za-z]/);
    }
  });
});
