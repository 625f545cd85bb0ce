import { describe, expect, it } from 'vitest';
import { FINANCE_CALCULATORS } from '../finance';
import { batchRun, peersToJson, rankBatches, type ScoredJson, scoreBatch } from '../scoring/batch';
import { Dec } from '../scoring/decimal';
import { computePeersOf, scoreUnits } from '../scoring/engine';
import { branch, formulaRule, leaf, system } from '../scoring/testing';
import type { ScoringResult, UnitResult } from '../scoring/types';
import { assembleSnapshot } from './assemble';
import { unitRunResultOf } from './rows';
import type { RawCycleData } from './snapshot';
import { stagesOf } from './stages';

/**
 * The hand-checked year-end scenario: 3 unit groups of 4 units, one system using every rule kind,
 * bonus items under a cap, both kinds of veto, an 优秀 quota that bites, a tie decided by the
 * tie-break, a true tie, and a meeting adjustment that changes a rank. The cycle's records go
 * through `assembleSnapshot` (the freeze step), then through `scoreUnits` and through the batch's
 * three steps; every expected number below was worked out by hand from the rules.
 *
 * The system (100 points, 2 decimals):
 *   D1 经济发展 40
 *     TC 10  target completion, target 100 fixed by the cycle        points = 10 × actual ÷ 100
 *     RV  5  reverse, target 2 fixed in the system (data provider)   points = 5 × min(2 ÷ actual, 1)
 *     TG  5  target gap, tolerance 2, target 6 from the unit's plan   points = 5 × (1 − shortfall ÷ 2)
 *     BD  5  bands: < 60 → 0.6, [60, 80) → 0.8, ≥ 80 → 1
 *     EF 10  efficacy in the group: 10 × (60 + 40 × (x − min) ÷ (max − min)) ÷ 100
 *     RK  5  rank in the group, last = 0.6: 5 × (1 − (r − 1) ÷ 3 × 0.4) → 5.00 · 4.33 · 3.67 · 3.00
 *   D2 治理效能 30 (the office's determinations)
 *     DE 10  deduction, 2 points per incident
 *     QG 10  qualitative grade: A 1 · B 0.8 · C 0.6 · D 0.4
 *     FM 10  formula: structure share = part ÷ total × 100, then completion of the system's 80
 *   D3 评议 30
 *     EX 10  expert (5 experts: drop the highest and the lowest, mean ÷ 100)
 *     CP  5  composite: 领导 60% + 同行 40%, ÷ 100
 *     SA 15  satisfaction: one respondent group, Likert 100/80/60/30/0, at least 10 answers
 *   Bonus: AW ≤ 2, IN ≤ 2, at most 3 in all. Vetoes: VF fail, VB bar 优秀.
 *   Grades: 优秀 ≥ 90 (at most 25% of a group: 4 × 0.25 = 1, floor), 良好 ≥ 80, 一般 ≥ 60.
 *   Tie-break after the total: D1's points, then fewer deductions.
 *
 * The baseline unit (what every unit reports unless said otherwise below):
 *   TC 95 → 9.50 · RV 2 → 5.00 · TG 6 → 5.00 · BD 85 → 5.00 · DE no incident → 10.00 ·
 *   QG A → 10.00 · FM 40 ÷ 50 = 80% of 80 → 10.00 · EX 80 90 85 70 95 → (80 + 90 + 85) ÷ 3 = 85 → 8.50 ·
 *   CP 0.6 × 90 + 0.4 × 80 = 86 → 4.30 · SA 5 very satisfied + 5 satisfied → 90 → 13.50
 *   = 80.80 before EF and RK. Stages: 指标考核 = D1 + D2, 专家评议 = EX + CP, 满意度 = SA.
 */
const content = system({
  name: '2025 年度综合绩效评估指标体系',
  dimensions: [
    branch(
      'D1',
      40,
      [
        leaf('TC', 10, { kind: 'target_completion' }, { unitOfMeasure: '%' }),
        leaf('RV', 5, { kind: 'reverse' }, { source: 'data_provider', officeParams: { target: 2 } }),
        leaf('TG', 5, { kind: 'target_gap', tolerance: 2 }, { unitOfMeasure: '%' }),
        leaf('BD', 5, {
          kind: 'bands',
          bands: [
            { min: null, max: 60, fraction: 0.6 },
            { min: 60, max: 80, fraction: 0.8 },
            { min: 80, max: null, fraction: 1 },
          ],
        }),
        leaf('EF', 10, { kind: 'efficacy' }),
        leaf('RK', 5, { kind: 'rank', lastFraction: 0.6 }),
      ],
      '经济发展',
    ),
    branch(
      'D2',
      30,
      [
        leaf(
          'DE',
          10,
          { kind: 'deduction', items: [{ code: 'INC', label: '安全生产事故', pointsEach: 2 }] },
          { type: 'qualitative' },
        ),
        leaf('QG', 10, { kind: 'qualitative_grade' }, { type: 'qualitative' }),
        leaf('FM', 10, formulaRule('structure_share', { kind: 'target_completion' }), {
          unitOfMeasure: '%',
          officeParams: { target: 80 },
        }),
      ],
      '治理效能',
    ),
    branch(
      'D3',
      30,
      [
        leaf('EX', 10, { kind: 'expert' }, { type: 'qualitative', source: 'expert' }),
        leaf(
          'CP',
          5,
          {
            kind: 'composite',
            sources: [
              { key: 'lead', label: '领导评价', weight: 0.6 },
              { key: 'peer', label: '同行评价', weight: 0.4 },
            ],
          },
          { type: 'qualitative', source: 'expert' },
        ),
        leaf(
          'SA',
          15,
          { kind: 'satisfaction', groups: [{ key: 'public', label: '服务对象', weight: 1 }], minSample: 10 },
          { type: 'qualitative', source: 'survey' },
        ),
      ],
      '评议',
    ),
  ],
  bonusItems: [
    { code: 'AW', name: '国家级表彰', maxPoints: 2 },
    { code: 'IN', name: '改革创新', maxPoints: 2 },
  ],
  bonusCap: 3,
  vetoItems: [
    { code: 'VF', name: '重大安全生产事故', effect: 'fail' },
    { code: 'VB', name: '环保督察问责', effect: 'bar_excellent' },
  ],
  grading: {
    levels: [
      { code: 'excellent', label: { zh: '优秀', en: 'Excellent' }, min: 90, maxShare: 0.25 },
      { code: 'good', label: { zh: '良好', en: 'Good' }, min: 80 },
      { code: 'fair', label: { zh: '一般', en: 'Fair' }, min: 60 },
      { code: 'fail', label: { zh: '不及格', en: 'Fail' }, min: 0 },
    ],
    quotaRounding: 'floor',
    tieBreak: ['dimension:D1', 'fewer_deductions'],
  },
});

interface Spec {
  TC: number;
  RV: number;
  TG: number;
  BD: number;
  EF: number;
  RK: number;
  incidents: number;
  grade: 'A' | 'B' | 'C' | 'D';
  part: number;
  experts: number[];
  lead: number;
  peer: number;
  survey: Partial<Record<'very_satisfied' | 'satisfied' | 'fair', number>>;
  bonus?: Record<string, number>;
  vetoes?: Record<string, string>;
}
const baseline: Omit<Spec, 'EF' | 'RK'> = {
  TC: 95,
  RV: 2,
  TG: 6,
  BD: 85,
  incidents: 0,
  grade: 'A',
  part: 40,
  experts: [80, 90, 85, 70, 95],
  lead: 90,
  peer: 80,
  survey: { very_satisfied: 5, satisfied: 5 },
};

const UNITS: { code: string; name: string; group: string; spec: Spec }[] = [
  // ── DISTRICT (区县): EF 100 · 90 · 60 · 80 → min 60, max 100; RK 10 · 9 · 8 · 8 (C03 and C04 share 3rd).
  // C01: 80.80 + EF 10.00 + RK 5.00 = 95.80; bonus AW 2 + IN 2 = 4 > cap 3 → 3.00; total 98.80.
  {
    code: 'C01',
    name: '道里区',
    group: 'DISTRICT',
    spec: { ...baseline, EF: 100, RK: 10, bonus: { AW: 2, IN: 2 } },
  },
  // C02: satisfaction 2 × 100 + 6 × 80 + 2 × 60 = 800 ÷ 10 = 80 → 15 × 0.8 = 12.00 (baseline 13.50, −1.50);
  //   EF 60 + 40 × (90 − 60) ÷ 40 = 90 → 9.00; RK 2nd → 4.33.
  //   80.80 − 1.50 + 9.00 + 4.33 = 92.63 ≥ 90, 优秀 by score, but the group's one 优秀 place went to
  //   C01 (98.80): the quota drops C02 to 良好.
  {
    code: 'C02',
    name: '南岗区',
    group: 'DISTRICT',
    spec: { ...baseline, EF: 90, RK: 9, survey: { very_satisfied: 2, satisfied: 6, fair: 2 } },
  },
  // C03: QG B → 8.00 (−2.00); EF 60 is the min → 6.00; RK 3rd (tied) → 3.67.
  //   D1 = 9.50 + 5.00 + 5.00 + 5.00 + 6.00 + 3.67 = 34.17; D2 = 10.00 + 8.00 + 10.00 = 28.00;
  //   D3 = 8.50 + 4.30 + 13.50 = 26.30; total 34.17 + 28.00 + 26.30 = 88.47.
  { code: 'C03', name: '香坊区', group: 'DISTRICT', spec: { ...baseline, EF: 60, RK: 8, grade: 'B' } },
  // C04: QG B → 8.00; one incident → 10 − 2 = 8.00; EF 60 + 40 × 20 ÷ 40 = 80 → 8.00; RK 3rd → 3.67.
  //   D1 = 24.50 + 8.00 + 3.67 = 36.17; D2 = 8.00 + 8.00 + 10.00 = 26.00; D3 26.30; total 88.47.
  //   Same total as C03: the tie-break D1 (36.17 against 34.17) puts C04 3rd and C03 4th.
  {
    code: 'C04',
    name: '道外区',
    group: 'DISTRICT',
    spec: { ...baseline, EF: 80, RK: 8, grade: 'B', incidents: 1 },
  },

  // ── DEPT (市直部门): EF 50 · 40 · 40 · 30 → min 30, max 50; RK 100 · 90 · 90 · 80 (D02, D03 share 2nd).
  // D01: 80.80 + 10.00 + 5.00 = 95.80; AW claimed 3, above the item's 2 → 2.00; total 97.80, 优秀.
  {
    code: 'D01',
    name: '市发展改革委',
    group: 'DEPT',
    spec: { ...baseline, EF: 50, RK: 100, bonus: { AW: 3 } },
  },
  // D02 = D03 (the same inputs): TC 80 → 8.00 (−1.50); QG B → 8.00 (−2.00); EF 60 + 40 × 10 ÷ 20 = 80 → 8.00;
  //   RK 2nd → 4.33. 80.80 − 3.50 + 8.00 + 4.33 = 89.63, D1 35.33 and no deduction each: a true tie,
  //   both ranked 2nd, both 良好.
  { code: 'D02', name: '市财政局', group: 'DEPT', spec: { ...baseline, EF: 40, RK: 90, TC: 80, grade: 'B' } },
  { code: 'D03', name: '市教育局', group: 'DEPT', spec: { ...baseline, EF: 40, RK: 90, TC: 80, grade: 'B' } },
  // D04: two incidents → 10 − 4 = 6.00 (−4.00); experts 60 70 65 50 90 → (60 + 70 + 65) ÷ 3 = 65 → 6.50
  //   (−2.00); EF the min → 6.00; RK 4th → 3.00. 80.80 − 6.00 + 6.00 + 3.00 = 83.80: 良好 by score,
  //   but the fail veto VF makes it 不及格 (its rank, 4th, comes from the total alone).
  {
    code: 'D04',
    name: '市应急管理局',
    group: 'DEPT',
    spec: {
      ...baseline,
      EF: 30,
      RK: 80,
      incidents: 2,
      experts: [60, 70, 65, 50, 90],
      vetoes: { VF: '发生较大安全生产事故' },
    },
  },

  // ── AGENCY (直属机构): EF 70 · 70 · 60 · 50 → min 50, max 70; RK 5 · 4 · 3 · 2.
  // A01: 80.80 + 10.00 + 5.00 = 95.80, 优秀 by score; the veto VB bars 优秀 → 良好.
  {
    code: 'A01',
    name: '住房公积金中心',
    group: 'AGENCY',
    spec: { ...baseline, EF: 70, RK: 5, vetoes: { VB: '环保督察通报' } },
  },
  // A02: composite 0.6 × 80 + 0.4 × 70 = 76 → 3.80 (−0.50); EF 10.00; RK 2nd 4.33.
  //   80.80 − 0.50 + 10.00 + 4.33 = 94.63: 2nd, and 优秀 (the only 优秀 of the group after A01's veto).
  {
    code: 'A02',
    name: '机关事务管理局',
    group: 'AGENCY',
    spec: { ...baseline, EF: 70, RK: 4, lead: 80, peer: 70 },
  },
  // A03: TG 5 against 6, 1 short of a tolerance of 2 → 5 × 0.5 = 2.50 (−2.50); BD 70 → 5 × 0.8 = 4.00 (−1.00);
  //   EF 60 + 40 × 10 ÷ 20 = 80 → 8.00; RK 3rd 3.67. 80.80 − 3.50 + 8.00 + 3.67 = 88.97, below A04's 89.80;
  //   the review meeting adds 1.00: 89.97, above A04. 3rd instead of 4th.
  { code: 'A03', name: '大数据中心', group: 'AGENCY', spec: { ...baseline, EF: 60, RK: 3, TG: 5, BD: 70 } },
  // A04: EF the min 6.00; RK 4th 3.00. 80.80 + 6.00 + 3.00 = 89.80.
  { code: 'A04', name: '供热管理中心', group: 'AGENCY', spec: { ...baseline, EF: 50, RK: 2 } },
];

/** The cycle's records as the freeze step reads them. */
function rawData(adjust: boolean): RawCycleData {
  const values: RawCycleData['values'] = [];
  for (const u of UNITS)
    for (const leafCode of ['TC', 'RV', 'TG', 'BD', 'EF', 'RK'] as const) {
      const v = u.spec[leafCode];
      values.push({
        unit: u.code,
        leaf: leafCode,
        origin: leafCode === 'RV' ? 'provider' : 'unit',
        original: v,
        value: v,
        status: 'confirmed',
      });
    }
  return {
    cycle: {
      id: 'cyscenario',
      name: '2025 年度绩效评估',
      year: 2025,
      kind: 'annual',
      state: 'review',
      targets: [{ leaf: 'TC', target: 100 }],
    },
    bindings: [
      {
        system: { id: 'isscenario2025', version: 1, name: content.name },
        content,
        groups: ['DISTRICT', 'DEPT', 'AGENCY'],
      },
    ],
    units: UNITS.map(({ code, name, group }) => ({ code, name, group })),
    values,
    planTargets: UNITS.map((u) => ({ unit: u.code, leaf: 'TG', target: 6 })),
    determinations: UNITS.map((u) => ({
      unit: u.code,
      leaves: {
        DE: { kind: 'incidents', counts: { INC: u.spec.incidents } },
        QG: { kind: 'grade', grade: u.spec.grade },
        FM: { kind: 'formula', args: { part: u.spec.part, total: 50 } },
      },
      bonus: u.spec.bonus ?? {},
      vetoes: u.spec.vetoes ?? {},
      note: '',
    })),
    experts: UNITS.flatMap((u) => [
      {
        unit: u.code,
        leaf: 'EX',
        input: { kind: 'expert_scores' as const, scores: u.spec.experts },
        scores: u.spec.experts.length,
        rounds: [1],
      },
      {
        unit: u.code,
        leaf: 'CP',
        input: { kind: 'sources' as const, scores: { lead: u.spec.lead, peer: u.spec.peer } },
        scores: 2,
        rounds: [1],
      },
    ]),
    surveys: UNITS.map((u) => ({
      survey: 'svpublic',
      title: '服务对象满意度测评',
      status: 'closed',
      unit: u.code,
      leaf: 'SA',
      input: { kind: 'survey' as const, answers: { public: u.spec.survey } },
      answers: Object.values(u.spec.survey).reduce((s, n) => s + (n ?? 0), 0),
    })),
    adjustments: adjust
      ? [{ unit: 'A03', points: 1, reason: '综合评议会：重点任务完成突出，上调 1 分' }]
      : [],
    evidence: [],
    appeals: [],
  };
}

/** unit → [total, rank, grade, grade by score, 指标考核, 满意度测评, 专家评议 points]. */
const EXPECTED: Record<string, [string, number, string, string, string, string, string]> = {
  // C01: stages 39.50 + 30.00 = 69.50 · 13.50 · 8.50 + 4.30 = 12.80 (base 95.80, + 3.00 bonus).
  C01: ['98.80', 1, 'excellent', 'excellent', '69.50', '13.50', '12.80'],
  // C02: D1 24.50 + 9.00 + 4.33 = 37.83, + D2 30.00 = 67.83 · 12.00 · 12.80 → 92.63.
  C02: ['92.63', 2, 'good', 'excellent', '67.83', '12.00', '12.80'],
  C03: ['88.47', 4, 'good', 'good', '62.17', '13.50', '12.80'],
  C04: ['88.47', 3, 'good', 'good', '62.17', '13.50', '12.80'],
  D01: ['97.80', 1, 'excellent', 'excellent', '69.50', '13.50', '12.80'],
  // D02/D03: D1 8.00 + 15.00 + 8.00 + 4.33 = 35.33, + D2 28.00 = 63.33.
  D02: ['89.63', 2, 'good', 'good', '63.33', '13.50', '12.80'],
  D03: ['89.63', 2, 'good', 'good', '63.33', '13.50', '12.80'],
  // D04: D1 24.50 + 6.00 + 3.00 = 33.50, + D2 6.00 + 20.00 = 59.50 · 13.50 · 6.50 + 4.30 = 10.80.
  D04: ['83.80', 4, 'fail', 'good', '59.50', '13.50', '10.80'],
  A01: ['95.80', 1, 'good', 'excellent', '69.50', '13.50', '12.80'],
  // A02: D1 24.50 + 10.00 + 4.33 = 38.83, + 30.00 = 68.83 · 13.50 · 8.50 + 3.80 = 12.30.
  A02: ['94.63', 2, 'excellent', 'excellent', '68.83', '13.50', '12.30'],
  // A03: D1 9.50 + 5.00 + 2.50 + 4.00 + 8.00 + 3.67 = 32.67, + 30.00 = 62.67; base 88.97, + 1.00.
  A03: ['89.97', 3, 'good', 'good', '62.67', '13.50', '12.80'],
  // A04: D1 24.50 + 6.00 + 3.00 = 33.50, + 30.00 = 63.50.
  A04: ['89.80', 4, 'good', 'good', '63.50', '13.50', '12.80'],
};

const snapshot = assembleSnapshot(rawData(true));
const adjustments = new Map(Object.entries(snapshot.adjustments));
const opts = { calculators: FINANCE_CALCULATORS, adjustments };
const binding = snapshot.bindings[0]!;
const direct = scoreUnits(binding.content, snapshot.inputs, opts);

/** The batch's steps: peers once, units in batches of 5 finishing in reverse, then ranks; JSON between. */
function viaBatch(): ScoringResult {
  const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  const stored = json(snapshot);
  const peers = json(peersToJson(computePeersOf(stored.bindings[0]!.content, stored.inputs)));
  const scored: ScoredJson[][] = [];
  for (let i = 0; i < stored.inputs.length; i += 5) {
    const run = batchRun(json(stored.bindings[0]!.content), json(peers), FINANCE_CALCULATORS);
    const adj = new Map(Object.entries(stored.adjustments));
    scored.push(json(scoreBatch(run, stored.inputs.slice(i, i + 5), adj)));
  }
  const run = batchRun(json(stored.bindings[0]!.content), json(peers), FINANCE_CALCULATORS);
  return rankBatches(run, scored.reverse().flat());
}

const byUnit = (r: ScoringResult) => new Map(r.units.map((u) => [u.unit, u]));

describe('the hand-checked year-end scenario', () => {
  it('freezes every input where the rules say (and nothing is refused or of the wrong kind)', () => {
    expect(snapshot.units).toHaveLength(12);
    expect(snapshot.adjustments).toEqual({
      A03: { points: 1, reason: '综合评议会：重点任务完成突出，上调 1 分' },
    });
    const origins = Object.fromEntries(
      Object.entries(snapshot.provenance.C01!).map(([k, p]) => [k, p.origin]),
    );
    expect(origins).toEqual({
      BD: 'verified',
      CP: 'experts',
      DE: 'determination',
      EF: 'verified',
      EX: 'experts',
      FM: 'determination',
      QG: 'determination',
      RK: 'verified',
      RV: 'supplied',
      SA: 'survey',
      TC: 'verified',
      TG: 'verified',
    });
    expect(snapshot.inputs[0]!.leaves.TC).toEqual({ kind: 'value', actual: 95, target: 100 });
    for (const u of direct.units) {
      const leaves = u.dimensions.flatMap((d) => (d.type === 'branch' ? d.children : [d]));
      expect(leaves.filter((l) => l.type === 'leaf' && l.status !== 'scored').map((l) => l.code)).toEqual([]);
      expect(u.warnings).toEqual([]);
    }
  });

  it('gives the expected totals, ranks and grades (scoreUnits)', () => {
    const got = byUnit(direct);
    for (const [code, [total, rank, grade, byScore]] of Object.entries(EXPECTED)) {
      const u = got.get(code)!;
      expect([code, u.total.shown, u.rank.rank, u.grade.code, u.grade.byScore]).toEqual([
        code,
        total,
        rank,
        grade,
        byScore,
      ]);
    }
    expect(direct.units.map((u) => u.unit)).toEqual([
      'A01',
      'A02',
      'A03',
      'A04',
      'D01',
      'D02',
      'D03',
      'D04',
      'C01',
      'C02',
      'C03',
      'C04',
    ]);
  });

  it('gives byte-for-byte the same through the batch path', () => {
    expect(JSON.stringify(viaBatch())).toBe(JSON.stringify(direct));
  });

  it('explains the quota, the vetoes, the tie-break and the true tie', () => {
    const got = byUnit(direct);
    const group = (g: string) => direct.groups.find((x) => x.group === g)!;
    // The quota: one 优秀 place in each group of 4; in DISTRICT it bites.
    expect(group('DISTRICT').quotas).toMatchObject([
      { level: 'excellent', maxShare: 0.25, allowed: 1, granted: 1 },
    ]);
    expect(got.get('C02')!.grade.reason.zh).toContain('超出名额，降为「良好」');
    // The vetoes.
    expect(got.get('D04')!.vetoes.map((v) => v.effect)).toEqual(['fail']);
    expect(got.get('D04')!.grade.reason.zh).toContain('触发一票否决事项「重大安全生产事故」');
    expect(got.get('A01')!.grade.reason.zh).toContain('触发「环保督察问责」，不得评为「优秀」');
    // The tie-break: C04 and C03 both 88.47, separated by D1 36.17 against 34.17.
    expect(group('DISTRICT').order).toEqual([
      { unit: 'C01', rank: 1 },
      { unit: 'C02', rank: 2 },
      { unit: 'C04', rank: 3 },
      { unit: 'C03', rank: 4 },
    ]);
    expect(got.get('C03')!.rank).toMatchObject({ rank: 4, decidedBy: 'dimension:D1' });
    expect(group('DISTRICT').pairs[2]!.reason.zh).toBe(
      'C04 在 C03 之前：总分相同（88.47），按「经济发展」得分区分：36.17 对 34.17',
    );
    // The true tie: D02 and D03 share 2nd, and D04 is 4th.
    expect(group('DEPT').order).toEqual([
      { unit: 'D01', rank: 1 },
      { unit: 'D02', rank: 2 },
      { unit: 'D03', rank: 2 },
      { unit: 'D04', rank: 4 },
    ]);
    expect(got.get('D03')!.rank.decidedBy).toBe('tie');
    // Bonus: C01 claimed 4 under a cap of 3; D01 claimed 3 on a 2-point item.
    expect(got.get('C01')!.bonus).toMatchObject({
      capped: true,
      points: { shown: '3.00' },
      sum: { shown: '4.00' },
    });
    expect(got.get('D01')!.bonus.lines[0]).toMatchObject({
      claimed: 3,
      maxPoints: 2,
      awarded: { shown: '2.00' },
    });
  });

  it("the meeting's adjustment moves A03 above A04", () => {
    const a03 = byUnit(direct).get('A03')!;
    expect(a03.adjustment).toEqual({
      points: { shown: '1.00', exact: '1' },
      reason: '综合评议会：重点任务完成突出，上调 1 分',
    });
    expect(a03.base.points.shown).toBe('88.97');
    // Without it: A04 (89.80) 3rd, A03 (88.97) 4th.
    const without = assembleSnapshot(rawData(false));
    const plain = byUnit(
      scoreUnits(without.bindings[0]!.content, without.inputs, { calculators: FINANCE_CALCULATORS }),
    );
    expect([plain.get('A03')!.total.shown, plain.get('A03')!.rank.rank]).toEqual(['88.97', 4]);
    expect([plain.get('A04')!.total.shown, plain.get('A04')!.rank.rank]).toEqual(['89.80', 3]);
  });

  it('splits every unit into its stages, which add up to the base', () => {
    for (const u of direct.units) {
      const r = unitRunResultOf({
        unit: { code: u.unit, name: u.unit },
        system: binding.system,
        content: binding.content,
        result: u as UnitResult,
        provenance: snapshot.provenance[u.unit]!,
      });
      const [, , , , indicators, satisfaction, experts] = EXPECTED[u.unit]!;
      expect([u.unit, ...r.stages.map((s) => `${s.stage} ${s.points.shown}/${s.max.shown}`)]).toEqual([
        u.unit,
        `indicators ${indicators}/70.00`,
        `satisfaction ${satisfaction}/15.00`,
        `experts ${experts}/15.00`,
      ]);
      const sum = r.stages.reduce((s, x) => s.plus(x.points.shown), new Dec(0));
      expect(sum.toFixed(2)).toBe(u.base.sum.shown);
      expect(stagesOf(binding.content, u)).toEqual(r.stages);
    }
  });
});
