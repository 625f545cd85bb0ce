import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINANCE_CALCULATORS } from '../finance';
import { type Leaf, leavesOf } from '../indicators/model';
import { scoreUnits } from '../scoring/engine';
import { branch, formulaRule, leaf, system } from '../scoring/testing';
import type { LeafResult, NodeResult } from '../scoring/types';
import { assembleSnapshot, stageOf } from './assemble';
import type { RawCycleData } from './snapshot';

/**
 * One system bound to two groups (CITY, DEPT); group ORPHAN is bound to nothing.
 *   D1 60: V1 target_completion 20 (%) · V2 reverse 10 (office target 5, provider) · V3 bands 10 ·
 *          Q1 qualitative 10 · F1 formula structure_share → target completion 10 (office target 90)
 *   D2 40: E1 expert 10 · C1 composite 5 (expert) · S1 satisfaction 15 (survey) ·
 *          G1 target_gap 5 (CITY only) · T1 target_gap 5 (office target 0, cycle target −1)
 */
const content = system({
  dimensions: [
    branch('D1', 60, [
      leaf('V1', 20, { kind: 'target_completion' }, { unitOfMeasure: '%' }),
      leaf('V2', 10, { kind: 'reverse' }, { source: 'data_provider', officeParams: { target: 5 } }),
      leaf('V3', 10, {
        kind: 'bands',
        bands: [
          { min: null, max: 60, fraction: 0.5 },
          { min: 60, max: null, fraction: 1 },
        ],
      }),
      leaf('Q1', 10, { kind: 'qualitative_grade' }, { type: 'qualitative' }),
      leaf('F1', 10, formulaRule('structure_share', { kind: 'target_completion' }), {
        officeParams: { target: 90 },
      }),
    ]),
    branch('D2', 40, [
      leaf('E1', 10, { kind: 'expert', trimFrom: 5 }, { type: 'qualitative', source: 'expert' }),
      leaf(
        'C1',
        5,
        {
          kind: 'composite',
          sources: [
            { key: 'lead', label: '领导评价', weight: 0.5 },
            { key: 'peer', label: '同行评价', weight: 0.5 },
          ],
        },
        { type: 'qualitative', source: 'expert' },
      ),
      leaf(
        'S1',
        15,
        { kind: 'satisfaction', groups: [{ key: 'public', label: '公众', weight: 1 }], minSample: 1 },
        { type: 'qualitative', source: 'survey' },
      ),
      leaf('G1', 5, { kind: 'target_gap', tolerance: 10 }, { appliesTo: ['CITY'] }),
      leaf('T1', 5, { kind: 'target_gap', tolerance: 2 }, { officeParams: { target: 0 } }),
    ]),
  ],
  bonusItems: [{ code: 'AWD', name: '表彰', maxPoints: 2 }],
  bonusCap: 2,
  vetoItems: [{ code: 'VX', name: '重大事故', effect: 'fail' }],
});

const expertsInput = { kind: 'expert_scores' as const, scores: [80, 90, 85] };
const surveyInput = { kind: 'survey' as const, answers: { public: { satisfied: 10 } } };

const raw = (over: Partial<RawCycleData> = {}): RawCycleData => ({
  cycle: {
    id: 'cy1',
    name: '2025 年度',
    year: 2025,
    kind: 'annual',
    state: 'review',
    targets: [
      { leaf: 'V1', target: 95 },
      { leaf: 'T1', target: -1 },
    ],
  },
  bindings: [
    { system: { id: 'isaaaaaaaaaaaa', version: 2, name: '测试体系' }, content, groups: ['DEPT', 'CITY'] },
  ],
  units: [
    { code: 'U3', name: '三', group: 'DEPT' },
    { code: 'U1', name: '一', group: 'CITY' },
    { code: 'U2', name: '二', group: 'CITY' },
    { code: 'U9', name: '九', group: 'ORPHAN' },
  ],
  values: [
    { unit: 'U1', leaf: 'V1', origin: 'unit', original: 90, value: 90, status: 'confirmed' },
    { unit: 'U1', leaf: 'V2', origin: 'provider', original: 4, value: 4, status: 'confirmed' },
    {
      unit: 'U1',
      leaf: 'V3',
      origin: 'unit',
      original: 50,
      value: 70,
      status: 'corrected',
      reason: '口径错误',
    },
    { unit: 'U1', leaf: 'G1', origin: 'unit', original: 12, value: 12, status: 'pending' },
    { unit: 'U1', leaf: 'T1', origin: 'unit', value: -2, status: 'confirmed' },
    // The office's determination of U1's Q1 wins over any value record.
    { unit: 'U1', leaf: 'Q1', origin: 'unit', value: 1, status: 'confirmed' },
    { unit: 'U2', leaf: 'V1', origin: 'unit', original: 80, value: 85, status: 'corrected', reason: '复核' },
    { unit: 'U2', leaf: 'G1', origin: 'unit', status: 'pending' },
    { unit: 'U9', leaf: 'V1', origin: 'unit', value: 100, status: 'confirmed' },
  ],
  planTargets: [
    { unit: 'U1', leaf: 'G1', target: 20 },
    { unit: 'U1', leaf: 'V1', target: 50 },
  ],
  determinations: [
    {
      unit: 'U1',
      leaves: {
        Q1: { kind: 'grade', grade: 'B' },
        F1: { kind: 'formula', args: { part: 45, total: 50 } },
        ZZ: { kind: 'grade', grade: 'A' },
      },
      bonus: { AWD: 1.5 },
      vetoes: { VX: '通报' },
      note: '年终认定会议',
    },
    { unit: 'U2', leaves: { Q1: { kind: 'exempt', reason: '机构改革' } }, bonus: {}, vetoes: {}, note: '' },
  ],
  experts: [
    { unit: 'U1', leaf: 'E1', input: expertsInput, scores: 3, rounds: [2, 1] },
    {
      unit: 'U1',
      leaf: 'C1',
      input: { kind: 'sources', scores: { lead: 90, peer: 80 } },
      scores: 2,
      rounds: [1],
    },
    // A feed for a leaf whose rule is not an expert rule is not this leaf's source.
    { unit: 'U1', leaf: 'V3', input: expertsInput, scores: 3, rounds: [1] },
  ],
  surveys: [
    {
      survey: 'sv2',
      title: '公众满意度（补充）',
      status: 'open',
      unit: 'U1',
      leaf: 'S1',
      input: surveyInput,
      answers: 10,
    },
    {
      survey: 'sv1',
      title: '公众满意度',
      status: 'closed',
      unit: 'U1',
      leaf: 'S1',
      input: surveyInput,
      answers: 10,
    },
    {
      survey: 'sv3',
      title: '公众满意度',
      status: 'open',
      unit: 'U2',
      leaf: 'S1',
      input: surveyInput,
      answers: 10,
    },
  ],
  adjustments: [
    { unit: 'U2', points: 1, reason: '评议会调整' },
    { unit: 'U9', points: 3, reason: '不在本周期' },
  ],
  evidence: [
    { unit: 'U1', leaf: 'V1', id: 'ev2', name: 'B 统计表', version: 3 },
    { unit: 'U1', leaf: 'V1', id: 'ev1', name: 'A 报告', version: 1 },
    { unit: 'U2', leaf: 'V1', id: 'ev3', name: '复核说明', version: 2 },
  ],
  appeals: [
    { id: 'apz', unit: 'U2', leaf: 'V1' },
    { id: 'apa', unit: 'U2' },
  ],
  ...over,
});

const leafResults = (nodes: readonly NodeResult[]): LeafResult[] =>
  nodes.flatMap((n) => (n.type === 'leaf' ? [n] : leafResults(n.children)));

describe('assembleSnapshot', () => {
  const s = assembleSnapshot(raw());

  it('keeps the units of bound groups, in code order, with one input each in that order', () => {
    expect(s.units.map((u) => u.code)).toEqual(['U1', 'U2', 'U3']);
    expect(s.inputs.map((u) => [u.unit, u.group])).toEqual([
      ['U1', 'CITY'],
      ['U2', 'CITY'],
      ['U3', 'DEPT'],
    ]);
    expect(Object.keys(s.provenance)).toEqual(['U1', 'U2', 'U3']);
    expect(s.cycle).toEqual({ id: 'cy1', name: '2025 年度', year: 2025, kind: 'annual', state: 'review' });
    expect(s.bindings[0]!.groups).toEqual(['CITY', 'DEPT']);
  });

  it('takes the determination first, then experts, survey and value records, by rule', () => {
    const u1 = s.inputs[0]!;
    expect(u1.leaves).toEqual({
      C1: { kind: 'sources', scores: { lead: 90, peer: 80 } },
      E1: expertsInput,
      F1: { kind: 'formula', args: { part: 45, total: 50 } },
      G1: { kind: 'value', actual: 12, target: 20 },
      Q1: { kind: 'grade', grade: 'B' },
      S1: surveyInput,
      T1: { kind: 'value', actual: -2 },
      V1: { kind: 'value', actual: 90, target: 95 },
      V2: { kind: 'value', actual: 4 },
      V3: { kind: 'value', actual: 70 },
    });
    const origins = Object.fromEntries(Object.entries(s.provenance.U1!).map(([k, p]) => [k, p.origin]));
    expect(origins).toEqual({
      C1: 'experts',
      E1: 'experts',
      F1: 'determination',
      G1: 'unverified',
      Q1: 'determination',
      S1: 'survey',
      T1: 'verified',
      V1: 'verified',
      V2: 'supplied',
      V3: 'corrected',
    });
    // Bonus and vetoes come from the determination only.
    expect(u1.bonus).toEqual({ AWD: 1.5 });
    expect(u1.vetoes).toEqual({ VX: '通报' });
    expect(u1.statistics).toEqual({});
  });

  it('gives every applicable leaf a provenance, saying why a leaf has no input', () => {
    const u3 = s.provenance.U3!;
    // G1 applies to CITY only.
    expect(Object.keys(u3)).toEqual(['C1', 'E1', 'F1', 'Q1', 'S1', 'T1', 'V1', 'V2', 'V3']);
    expect(Object.values(u3).every((p) => p.origin === 'none')).toBe(true);
    expect(u3.Q1!.detail.zh).toContain('考核办年终认定');
    expect(u3.F1!.detail.en).toContain('determination');
    expect(u3.E1!.detail.zh).toContain('专家评议');
    expect(u3.S1!.detail.zh).toContain('满意度测评');
    expect(u3.V1!.detail.zh).toContain('未报送');
    expect(s.inputs[2]!.leaves).toEqual({});
    // A value record without a value is no input, and the detail says so.
    expect(s.provenance.U2!.G1).toMatchObject({ origin: 'none' });
    expect(s.provenance.U2!.G1!.detail.zh).toContain('未填写数值');
    expect(Object.hasOwn(s.inputs[1]!.leaves, 'G1')).toBe(false);
  });

  it('explains each origin in both languages with the numbers', () => {
    const p = s.provenance.U1!;
    expect(p.V1!.detail).toEqual({
      zh: '单位自报 90%，已核实；目标值 95%（本周期考核办设定）',
      en: 'Reported by the unit: 90%, verified; target 95% (set by the office for this cycle)',
    });
    expect(p.V2!.detail.zh).toBe('数据提供部门提供 4，已核实；目标值 5（指标体系设定）');
    expect(p.V3!.detail.zh).toBe('核验时更正：原值 50，更正为 70；理由：口径错误');
    expect(p.G1!.detail.zh).toBe('单位自报 12，尚未核实；该值仍计入得分；目标值 20（单位年度绩效计划）');
    expect(p.G1!.detail.en).toContain('not yet verified; the value still counts');
    expect(p.Q1!.detail.zh).toBe('考核办年终认定：等级 B（年终认定会议）');
    expect(p.F1!.detail.zh).toBe(
      '考核办年终认定：公式参数 part = 45、total = 50（年终认定会议）；目标值 90（指标体系设定）',
    );
    expect(p.E1!.detail).toEqual({
      zh: '3 位专家评分，取自已结束的第 1、2 轮评议',
      en: 'Scores of 3 expert(s), from closed review round(s) 1, 2',
    });
    // Two surveys feed S1: the closed one is taken.
    expect(p.S1!.detail.zh).toBe('满意度测评「公众满意度」，有效答卷 10 份（问卷已截止）');
    expect(s.provenance.U2!.S1!.detail.zh).toContain('测评尚未截止');
    expect(s.provenance.U2!.S1!.detail.en).toContain('may change');
  });

  it('marks inputs corrected on an accepted appeal, and lists every accepted appeal', () => {
    expect(s.provenance.U2!.V1).toMatchObject({ origin: 'appeal' });
    expect(s.provenance.U2!.V1!.detail.zh).toBe(
      '申诉复核采纳（apz）：原值 80%，更正为 85%；理由：复核；目标值 95%（本周期考核办设定）',
    );
    expect(s.appeals).toEqual(['apa', 'apz']);
    // An appeal on a determined leaf.
    const d = assembleSnapshot(raw({ appeals: [{ id: 'apq', unit: 'U1', leaf: 'Q1' }] }));
    expect(d.provenance.U1!.Q1).toMatchObject({ origin: 'appeal' });
    expect(d.provenance.U1!.Q1!.detail.zh).toContain('申诉复核采纳（apq）');
    // A confirmed value is not an appeal's correction.
    const c = assembleSnapshot(raw({ appeals: [{ id: 'apv', unit: 'U1', leaf: 'V1' }] }));
    expect(c.provenance.U1!.V1!.origin).toBe('verified');
  });

  it('attaches the evidence of the unit and leaf', () => {
    expect(s.provenance.U1!.V1!.evidence).toEqual([
      { id: 'ev1', name: 'A 报告', version: 1 },
      { id: 'ev2', name: 'B 统计表', version: 3 },
    ]);
    expect(s.provenance.U2!.V1!.evidence).toEqual([{ id: 'ev3', name: '复核说明', version: 2 }]);
    expect(s.provenance.U1!.V2!.evidence).toEqual([]);
  });

  it("takes the concluded meeting's adjustments of units in the snapshot", () => {
    expect(s.adjustments).toEqual({ U2: { points: 1, reason: '评议会调整' } });
  });

  it('exempts on a determination, and leaves out determined leaves the system does not have', () => {
    expect(s.inputs[1]!.leaves.Q1).toEqual({ kind: 'exempt', reason: '机构改革' });
    expect(s.provenance.U2!.Q1!.detail.zh).toContain('免考（机构改革）');
    expect(Object.hasOwn(s.inputs[0]!.leaves, 'ZZ')).toBe(false);
  });

  describe('targets', () => {
    const leafOf = (code: string): Leaf =>
      leavesOf(s.bindings[0]!.content.dimensions).find((l) => l.code === code)!;

    it("puts the cycle's target in place of the system's fixed one (the engine refuses a unit target there)", () => {
      expect(leafOf('T1').officeParams).toEqual({ target: -1 });
      expect(leafOf('V2').officeParams).toEqual({ target: 5 });
      expect(leafOf('F1').officeParams).toEqual({ target: 90 });
      expect(s.provenance.U1!.T1!.detail.zh).toContain('目标值 -1（本周期考核办设定）');
      // The raw content is not changed.
      expect(leavesOf(content.dimensions).find((l) => l.code === 'T1')!.officeParams).toEqual({ target: 0 });
    });

    it('adds a target to a value input only where the rule uses one and the system fixed none', () => {
      expect(s.inputs[0]!.leaves.V3).toEqual({ kind: 'value', actual: 70 });
      expect(s.inputs[0]!.leaves.V2).toEqual({ kind: 'value', actual: 4 });
      // No cycle target, no fixed target, no plan: no target (the engine says why).
      const none = assembleSnapshot(raw({ cycle: { ...raw().cycle, targets: [] }, planTargets: [] }));
      expect(none.inputs[0]!.leaves.V1).toEqual({ kind: 'value', actual: 90 });
      expect(none.provenance.U1!.V1!.detail.zh).toContain('未设定目标值');
      // The plan's target when the cycle fixes none.
      const plan = assembleSnapshot(raw({ cycle: { ...raw().cycle, targets: [] } }));
      expect(plan.inputs[0]!.leaves.V1).toEqual({ kind: 'value', actual: 90, target: 50 });
    });

    it('gives a determined value the target too, unless it names one', () => {
      const d = assembleSnapshot(
        raw({
          determinations: [
            { unit: 'U1', leaves: { V1: { kind: 'value', actual: 99 } }, bonus: {}, vetoes: {}, note: '' },
            {
              unit: 'U2',
              leaves: { V1: { kind: 'value', actual: 80, target: 70 } },
              bonus: {},
              vetoes: {},
              note: '',
            },
          ],
        }),
      );
      expect(d.inputs[0]!.leaves.V1).toEqual({ kind: 'value', actual: 99, target: 95 });
      expect(d.inputs[1]!.leaves.V1).toEqual({ kind: 'value', actual: 80, target: 70 });
    });

    it('scores every input it assembles (no refused target, no wrong kind)', () => {
      const r = scoreUnits(s.bindings[0]!.content, s.inputs, { calculators: FINANCE_CALCULATORS });
      const u1 = leafResults(r.units.find((u) => u.unit === 'U1')!.dimensions);
      expect(u1.filter((l) => l.status !== 'scored').map((l) => [l.code, l.status])).toEqual([]);
      const by = Object.fromEntries(u1.map((l) => [l.code, l]));
      // T1: actual −2 against the cycle's −1, tolerance 2 → half the points.
      expect(by.T1!.points.shown).toBe('2.50');
      // V1: 90 / 95 of 20.
      expect(by.V1!.points.shown).toBe('18.95');
      // F1: 45 / 50 = 90% → 90 / 90 → full 10.
      expect(by.F1!.points.shown).toBe('10.00');
      expect(r.units.find((u) => u.unit === 'U1')!.vetoes.map((v) => v.code)).toEqual(['VX']);
    });
  });

  it('is deterministic: shuffled records give byte-equal JSON', () => {
    const base = JSON.stringify(s);
    const r = raw();
    fc.assert(
      fc.property(
        fc.shuffledSubarray(r.units, { minLength: r.units.length }),
        fc.shuffledSubarray(r.values, { minLength: r.values.length }),
        fc.shuffledSubarray(r.evidence, { minLength: r.evidence.length }),
        fc.shuffledSubarray(r.appeals, { minLength: r.appeals.length }),
        fc.shuffledSubarray(r.surveys, { minLength: r.surveys.length }),
        fc.shuffledSubarray(r.adjustments, { minLength: r.adjustments.length }),
        (units, values, evidence, appeals, surveys, adjustments) => {
          const shuffled = { ...r, units, values, evidence, appeals, surveys, adjustments };
          expect(JSON.stringify(assembleSnapshot(shuffled))).toBe(base);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('stageOf', () => {
  it("follows the leaf's source", () => {
    const mk = (source: string) => leaf('X', 1, { kind: 'qualitative_grade' }, { source });
    expect(stageOf(mk('survey'))).toBe('satisfaction');
    expect(stageOf(mk('expert'))).toBe('experts');
    expect(stageOf(mk('self_report'))).toBe('indicators');
    expect(stageOf(mk('data_provider'))).toBe('indicators');
  });
});
