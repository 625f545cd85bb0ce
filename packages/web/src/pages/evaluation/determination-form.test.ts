import type { DeterminationView, Problem, ScoringRule } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import {
  argValue,
  determinationBody,
  determinationErrors,
  determinationFields,
  determinationValues,
  type Rules,
} from './determination-form';

/** The determinations form ↔ the API's body, and the API's problem back at the form's fields. */

const leaf = (code: string, rule: string, origin = 'none') =>
  ({ code, name: code, rule, source: 'self_report', origin }) as DeterminationView['leaves'][number];

const VIEW: DeterminationView = {
  cycle: { id: 'cyaaaaaaaaaaaa', name: '2025', year: 2025, state: 'verification' },
  unit: { code: 'FGW', name: '市发改委', group: 'ECON' },
  determination: null,
  leaves: [
    leaf('Q-1', 'qualitative_grade'),
    leaf('D-1', 'deduction'),
    leaf('F-1', 'formula'),
    leaf('V-1', 'target_completion', 'verified'),
    leaf('E-1', 'expert', 'experts'),
  ],
  bonusItems: [{ code: 'B1', name: '获国家级表彰', maxPoints: 2 }],
  vetoItems: [{ code: 'V1', name: '重大事故', effect: 'fail' }],
  editable: true,
};

const RULES: Rules = new Map<string, ScoringRule>([
  [
    'D-1',
    {
      kind: 'deduction',
      items: [
        { code: 'SJ', label: '审计发现违规问题', pointsEach: 2 },
        { code: 'WG', label: '违规使用财政资金', pointsEach: 5 },
      ],
    },
  ],
  // biome-ignore lint/suspicious/noThenProperty: a formula rule's field, never awaited
  ['F-1', { kind: 'formula', calculator: 'fnpv', then: { kind: 'target_completion', cap: 1 } }],
]);

describe('the determinations form', () => {
  it('reads a grade, incidents, a formula’s rows, a value, bonus, a veto and the note', () => {
    const body = determinationBody(
      VIEW,
      {
        'leaf.Q-1.grade': 'B',
        'leaf.D-1.count.SJ': '2',
        'leaf.D-1.count.WG': '',
        'leaf.F-1.arg.0.name': 'netFlows',
        'leaf.F-1.arg.0.value': '-500, 120，150 180',
        'leaf.F-1.arg.1.name': 'ratePercent',
        'leaf.F-1.arg.1.value': '８',
        'leaf.F-1.arg.2.name': '',
        'leaf.F-1.arg.2.value': '99',
        'leaf.F-1.moneyUnit': 'yuan',
        'leaf.V-1.actual': '93.5',
        'bonus.B1': '1.5',
        'veto.V1': 'true',
        'veto.V1.note': '经核实',
        note: ' 依据审计报告 ',
      },
      RULES,
    );
    expect(body).toEqual({
      leaves: {
        'Q-1': { kind: 'grade', grade: 'B' },
        'D-1': { kind: 'incidents', counts: { SJ: 2 } },
        'F-1': {
          kind: 'formula',
          args: { netFlows: [-500, 120, 150, 180], ratePercent: 8 },
          moneyUnit: 'yuan',
        },
        'V-1': { kind: 'value', actual: 93.5 },
      },
      bonus: { B1: 1.5 },
      vetoes: { V1: '经核实' },
      note: '依据审计报告',
    });
  });

  it('lets 免考 win, sends what is not a number as typed, and keeps inputs it cannot edit', () => {
    const view: DeterminationView = {
      ...VIEW,
      determination: {
        leaves: { 'E-1': { kind: 'expert_scores', scores: [80, 90, 85] } },
        bonus: {},
        vetoes: {},
        note: '',
        version: 3,
        updatedAt: '2026-01-05T02:00:00Z',
      },
    };
    const body = determinationBody(
      view,
      {
        version: '3',
        'leaf.Q-1.grade': 'A',
        'leaf.Q-1.exempt': 'true',
        'leaf.Q-1.exemptReason': '本年度未承担该项职能',
        'leaf.D-1.count.SJ': '两次',
        'bonus.B1': 'x',
        'veto.V1.note': '未勾选，不报送',
      },
      RULES,
    );
    expect(body).toEqual({
      version: 3,
      leaves: {
        'Q-1': { kind: 'exempt', reason: '本年度未承担该项职能' },
        'D-1': { kind: 'incidents', counts: { SJ: '两次' } },
        'E-1': { kind: 'expert_scores', scores: [80, 90, 85] },
      },
      bonus: { B1: 'x' },
      vetoes: {},
      note: '',
    });
  });

  it('shows what is stored as the form’s values, which read back to the same inputs', () => {
    const stored = {
      leaves: {
        'Q-1': { kind: 'grade' as const, grade: 'C' as const },
        'D-1': { kind: 'incidents' as const, counts: { SJ: 1, WG: 0 } },
        'F-1': { kind: 'formula' as const, args: { netFlows: [-100, 60, 70] }, moneyUnit: 'yuan' as const },
        'V-1': { kind: 'value' as const, actual: 88 },
      },
      bonus: { B1: 2 },
      vetoes: { V1: '经核实' },
      note: '认定',
    };
    const view = { ...VIEW, determination: { ...stored, version: 2, updatedAt: '2026-01-05T02:00:00Z' } };
    const values = determinationValues(view);
    expect(values).toMatchObject({
      version: '2',
      'leaf.Q-1.grade': 'C',
      'leaf.D-1.count.WG': '0',
      'leaf.F-1.arg.0.name': 'netFlows',
      'leaf.F-1.arg.0.value': '-100, 60, 70',
      'veto.V1': 'true',
    });
    expect(determinationBody(view, values, RULES)).toEqual({ version: 2, ...stored });
  });

  it('puts the API’s issues at the fields they name, and the rest on the leaf', () => {
    const problem: Problem = {
      type: 'about:blank',
      title: 'validation_failed',
      status: 422,
      code: 'validation_failed',
      message: { zh: '提交的数据不符合要求', en: 'Invalid input' },
      instance: '',
      requestId: '',
      errors: [
        { path: 'body.leaves.D-1.counts.SJ', zh: '应为整数', en: 'must be an integer' },
        { path: 'body.leaves.Q-1.kind', zh: '该指标不能认定等级', en: 'not a grade leaf' },
        { path: 'body.leaves.Q-1.reason', zh: '请填写免考理由', en: 'give a reason' },
        { path: 'body.bonus.B1', zh: '超过上限', en: 'over the cap' },
        { path: 'body.vetoes.V1', zh: '未知事项', en: 'unknown item' },
        { path: 'body.leaves.NO-1', zh: '不存在的指标', en: 'no such leaf' },
      ],
    };
    const values = { 'leaf.D-1.count.SJ': 'x' };
    const e = determinationErrors(problem, 'zh', determinationFields(VIEW, values));
    expect(e.fields).toEqual({
      'leaf.D-1.count.SJ': '应为整数',
      'leaf.Q-1': '该指标不能认定等级',
      'leaf.Q-1.exemptReason': '请填写免考理由',
      'bonus.B1': '超过上限',
      'veto.V1.note': '未知事项',
    });
    expect(e.other).toEqual(['不存在的指标']);
  });

  it('reads a list of numbers with commas or spaces, full-width digits included', () => {
    expect(argValue('1.5')).toBe(1.5);
    expect(argValue('-500，１２０, 150')).toEqual([-500, 120, 150]);
    expect(argValue('十')).toBe('十');
  });
});
