import type { RawCycleData } from '../evaluation/snapshot';
import { branch, leaf, system } from '../scoring/testing';

/**
 * The sample year behind `sampleReportInputs` (./testing.ts): one small system, two unit groups
 * (5 departments, 4 district governments) and each unit's year, as the freeze step reads them.
 * Every number and word is an example (示例); the results come from the real engine.
 *
 * The system (100 points, 2 decimals):
 *   D1 履职成效 50: TC 目标任务完成率 20 (target completion of the cycle's 100), BD 重点项目推进 10
 *     (bands < 60 → 0.6, [60, 80) → 0.8, ≥ 80 → 1), RV 投诉办结时长 10 (reverse, 2 days, data
 *     provider), EF 服务效能 10 (efficacy within the group)
 *   D2 依法行政 20: DE 行政执法规范 10 (2 points per incident), QG 制度建设 10 (qualitative grade)
 *   D3 社会评价 30: EX 专家评议 15 (5 experts, trimmed mean), SA 服务对象满意度 15 (survey)
 *   Bonus: AW 国家级表彰 ≤ 2, cap 3. Vetoes: VF 重大安全生产事故 (fail), VB 环保督察问责 (bars 优秀).
 *   Grades: 优秀 ≥ 90 (at most 30% of a group), 良好 ≥ 80, 一般 ≥ 60, 不及格.
 */
export const SAMPLE_CONTENT = system({
  name: '市直部门和区县政府绩效评估指标体系（示例）',
  dimensions: [
    branch(
      'D1',
      50,
      [
        leaf('TC', 20, { kind: 'target_completion' }, { name: '目标任务完成率', unitOfMeasure: '%' }),
        leaf(
          'BD',
          10,
          {
            kind: 'bands',
            bands: [
              { min: null, max: 60, fraction: 0.6 },
              { min: 60, max: 80, fraction: 0.8 },
              { min: 80, max: null, fraction: 1 },
            ],
          },
          { name: '重点项目推进', unitOfMeasure: '%' },
        ),
        leaf(
          'RV',
          10,
          { kind: 'reverse' },
          { name: '投诉办结时长', unitOfMeasure: '天', source: 'data_provider', officeParams: { target: 2 } },
        ),
        leaf('EF', 10, { kind: 'efficacy' }, { name: '服务效能', unitOfMeasure: '件/人' }),
      ],
      '履职成效',
    ),
    branch(
      'D2',
      20,
      [
        leaf(
          'DE',
          10,
          { kind: 'deduction', items: [{ code: 'INC', label: '执法过错', pointsEach: 2 }] },
          { name: '行政执法规范', type: 'qualitative' },
        ),
        leaf('QG', 10, { kind: 'qualitative_grade' }, { name: '制度建设', type: 'qualitative' }),
      ],
      '依法行政',
    ),
    branch(
      'D3',
      30,
      [
        leaf('EX', 15, { kind: 'expert' }, { name: '专家评议', type: 'qualitative', source: 'expert' }),
        leaf(
          'SA',
          15,
          { kind: 'satisfaction', groups: [{ key: 'public', label: '服务对象', weight: 1 }], minSample: 10 },
          { name: '服务对象满意度', type: 'qualitative', source: 'survey' },
        ),
      ],
      '社会评价',
    ),
  ],
  bonusItems: [{ code: 'AW', name: '国家级表彰', maxPoints: 2 }],
  bonusCap: 3,
  vetoItems: [
    { code: 'VF', name: '重大安全生产事故', effect: 'fail' },
    { code: 'VB', name: '环保督察问责', effect: 'bar_excellent' },
  ],
  grading: {
    levels: [
      { code: 'excellent', label: { zh: '优秀', en: 'Excellent' }, min: 90, maxShare: 0.3 },
      { code: 'good', label: { zh: '良好', en: 'Good' }, min: 80 },
      { code: 'fair', label: { zh: '一般', en: 'Fair' }, min: 60 },
      { code: 'fail', label: { zh: '不及格', en: 'Fail' }, min: 0 },
    ],
    quotaRounding: 'floor',
    tieBreak: ['dimension:D1'],
  },
});

export const SAMPLE_SYSTEM = { id: 'issamplereprt', version: 1, name: SAMPLE_CONTENT.name };

export const SAMPLE_GROUPS = [
  { code: 'DEPT', name: '市直部门' },
  { code: 'DISTRICT', name: '区县政府' },
] as const;

interface Spec {
  TC: number;
  BD: number;
  RV: number;
  EF: number;
  incidents: number;
  grade: 'A' | 'B' | 'C' | 'D';
  experts: number[];
  survey: Partial<Record<'very_satisfied' | 'satisfied' | 'fair' | 'dissatisfied', number>>;
  bonus?: Record<string, number>;
  vetoes?: Record<string, string>;
}

const S = (
  TC: number,
  BD: number,
  RV: number,
  EF: number,
  incidents: number,
  grade: Spec['grade'],
  experts: number[],
  survey: Spec['survey'],
  extra: Pick<Spec, 'bonus' | 'vetoes'> = {},
): Spec => ({ TC, BD, RV, EF, incidents, grade, experts, survey, ...extra });

const GOOD = { very_satisfied: 8, satisfied: 10, fair: 2 };
const FAIR = { very_satisfied: 3, satisfied: 9, fair: 6, dissatisfied: 2 };
const POOR = { satisfied: 3, fair: 7, dissatisfied: 10 };

export const SAMPLE_UNITS: {
  code: string;
  name: string;
  group: 'DEPT' | 'DISTRICT';
  type: 'department' | 'district_government';
  spec: Spec;
}[] = [
  {
    code: 'JYJ',
    name: '市教育局',
    group: 'DEPT',
    type: 'department',
    spec: S(98, 92, 2, 180, 0, 'A', [88, 92, 90, 85, 95], GOOD, { bonus: { AW: 2 } }),
  },
  {
    code: 'WJW',
    name: '市卫生健康委',
    group: 'DEPT',
    type: 'department',
    spec: S(95, 85, 2.5, 150, 1, 'A', [85, 88, 80, 90, 86], GOOD),
  },
  {
    code: 'RSJ',
    name: '市人社局',
    group: 'DEPT',
    type: 'department',
    spec: S(90, 75, 3, 160, 0, 'B', [80, 82, 78, 85, 75], FAIR),
  },
  {
    code: 'MZJ',
    name: '市民政局',
    group: 'DEPT',
    type: 'department',
    spec: S(85, 70, 4, 120, 2, 'B', [75, 78, 70, 80, 72], FAIR),
  },
  {
    code: 'JTJ',
    name: '市交通运输局',
    group: 'DEPT',
    type: 'department',
    spec: S(92, 88, 2, 140, 1, 'A', [86, 84, 88, 90, 80], GOOD, {
      vetoes: { VF: '发生较大道路运输安全事故' },
    }),
  },
  {
    code: 'DLQ',
    name: '道里区',
    group: 'DISTRICT',
    type: 'district_government',
    spec: S(100, 95, 1.8, 210, 0, 'A', [90, 92, 94, 88, 96], GOOD, { bonus: { AW: 2 } }),
  },
  {
    code: 'NGQ',
    name: '南岗区',
    group: 'DISTRICT',
    type: 'district_government',
    spec: S(88, 82, 2, 185, 0, 'A', [75, 80, 72, 82, 70], POOR, { vetoes: { VB: '环保督察通报' } }),
  },
  {
    code: 'XFQ',
    name: '香坊区',
    group: 'DISTRICT',
    type: 'district_government',
    spec: S(80, 65, 3, 170, 1, 'C', [72, 75, 70, 78, 68], FAIR),
  },
  {
    code: 'DWQ',
    name: '道外区',
    group: 'DISTRICT',
    type: 'district_government',
    spec: S(60, 50, 4, 120, 4, 'D', [55, 60, 50, 58, 52], POOR),
  },
];

/** The unit whose appeal (of TC) is accepted: its value is corrected in the second run. */
export const APPEALED = { unit: 'NGQ', leaf: 'TC', before: 88, after: 96 } as const;

/**
 * The cycle's records as the freeze step reads them, for the first run, or for the re-run after
 * the accepted appeal (`corrected`): then NGQ's TC value is the corrected one and the appeal is
 * named, so the snapshot's provenance says "申诉复核采纳".
 */
export function sampleRawData(corrected: boolean, appealId: string): RawCycleData {
  const values: RawCycleData['values'] = [];
  for (const u of SAMPLE_UNITS)
    for (const leafCode of ['TC', 'BD', 'RV', 'EF'] as const) {
      const fixed =
        corrected && u.code === APPEALED.unit && leafCode === APPEALED.leaf
          ? APPEALED.after
          : u.spec[leafCode];
      values.push({
        unit: u.code,
        leaf: leafCode,
        origin: leafCode === 'RV' ? 'provider' : 'unit',
        original: u.spec[leafCode],
        value: fixed,
        status: fixed === u.spec[leafCode] ? 'confirmed' : 'corrected',
        ...(fixed === u.spec[leafCode] ? {} : { reason: '申诉复核采纳，按佐证材料更正' }),
      });
    }
  return {
    cycle: {
      id: 'cysamplecyclea',
      name: '哈尔滨市 2024 年度市直部门和区县政府绩效评估',
      year: 2024,
      kind: 'annual',
      state: 'review',
      targets: [{ leaf: 'TC', target: 100 }],
    },
    bindings: [{ system: SAMPLE_SYSTEM, content: SAMPLE_CONTENT, groups: SAMPLE_GROUPS.map((g) => g.code) }],
    units: SAMPLE_UNITS.map(({ code, name, group }) => ({ code, name, group })),
    values,
    planTargets: [],
    determinations: SAMPLE_UNITS.map((u) => ({
      unit: u.code,
      leaves: {
        DE: { kind: 'incidents', counts: { INC: u.spec.incidents } },
        QG: { kind: 'grade', grade: u.spec.grade },
      },
      bonus: u.spec.bonus ?? {},
      vetoes: u.spec.vetoes ?? {},
      note: '',
    })),
    experts: SAMPLE_UNITS.map((u) => ({
      unit: u.code,
      leaf: 'EX',
      input: { kind: 'expert_scores' as const, scores: u.spec.experts },
      scores: u.spec.experts.length,
      rounds: [1],
    })),
    surveys: SAMPLE_UNITS.map((u) => ({
      survey: 'svsamplesurvey',
      title: '服务对象满意度测评',
      status: 'closed',
      unit: u.code,
      leaf: 'SA',
      input: { kind: 'survey' as const, answers: { public: u.spec.survey } },
      answers: Object.values(u.spec.survey).reduce((s, n) => s + (n ?? 0), 0),
    })),
    adjustments: [{ unit: 'XFQ', points: 1, reason: '综合评议会：老旧小区改造任务完成突出，上调 1 分' }],
    evidence: [],
    appeals: corrected ? [{ id: appealId, unit: APPEALED.unit, leaf: APPEALED.leaf }] : [],
  };
}
