import { describe, expect, it } from 'vitest';
import { FINANCE_CALCULATORS } from '../finance';
import { scoreUnits } from './engine';
import { branch, formulaRule, leaf, system, unit, value } from './testing';
import type { BranchResult, LeafResult, NodeResult, UnitResult } from './types';

/**
 * The worked example: 2 dimensions, 5 leaves, a bonus item, two vetoes, 4 units in 2 groups.
 *   经济 ECON 60: GDP 30 (target completion, cap 1.2) · INV 20 (efficacy) · SAFE 10 (deduction, 2 per accident)
 *   社会 SOC 40:  SAT 25 (qualitative grade) · EDU 15 (bands <60 → 0.5, 60–80 → 0.8, ≥80 → 1)
 *   bonus AWARD ≤ 3, bonusCap 3; vetoes CORR (fail), ENV (bar_excellent)
 *   grading: default levels (优秀 ≥ 90 with maxShare 0.2), quotas rounded UP, tie-break dimension:ECON
 */
const content = (over: Record<string, unknown> = {}) =>
  system({
    dimensions: [
      branch(
        'ECON',
        60,
        [
          leaf('GDP', 30, { kind: 'target_completion', cap: 1.2 }, { unitOfMeasure: '%' }),
          leaf('INV', 20, { kind: 'efficacy' }),
          leaf('SAFE', 10, { kind: 'deduction', items: [{ code: 'ACC', label: '安全事故', pointsEach: 2 }] }),
        ],
        '经济',
      ),
      branch(
        'SOC',
        40,
        [
          leaf('SAT', 25, { kind: 'qualitative_grade' }, { type: 'qualitative', source: 'expert' }),
          leaf('EDU', 15, {
            kind: 'bands',
            bands: [
              { min: null, max: 60, fraction: 0.5 },
              { min: 60, max: 80, fraction: 0.8 },
              { min: 80, max: null, fraction: 1 },
            ],
          }),
        ],
        '社会',
      ),
    ],
    bonusItems: [{ code: 'AWARD', name: '国家级表彰', maxPoints: 3 }],
    bonusCap: 3,
    vetoItems: [
      { code: 'CORR', name: '严重违纪', effect: 'fail' },
      { code: 'ENV', name: '环保督察问责', effect: 'bar_excellent' },
    ],
    grading: {
      levels: [
        { code: 'excellent', label: { zh: '优秀', en: 'Excellent' }, min: 90, maxShare: 0.2 },
        { code: 'good', label: { zh: '良好', en: 'Good' }, min: 80 },
        { code: 'fair', label: { zh: '一般', en: 'Fair' }, min: 60 },
        { code: 'fail', label: { zh: '不及格', en: 'Fail' }, min: 0 },
      ],
      quotaRounding: 'ceil',
      tieBreak: ['dimension:ECON'],
    },
    ...over,
  });

/** U1's inputs, with some replaced (undefined = not submitted). */
const full = (over: Record<string, unknown> = {}) =>
  Object.fromEntries(
    Object.entries({
      GDP: value(100, 100),
      INV: value(80),
      SAFE: { kind: 'incidents', counts: {} },
      SAT: { kind: 'grade', grade: 'B' },
      EDU: value(85),
      ...over,
    }).filter(([, v]) => v !== undefined),
  );

const units = () => [
  // G1: U1 95 + 0; U2 92 + 3 bonus = 95, tie broken by ECON 60 vs 52.
  unit('U1', 'G1', full()),
  unit('U2', 'G1', full({ GDP: value(110, 100), INV: value(60), SAT: { kind: 'grade', grade: 'A' } }), {
    bonus: { AWARD: 4 },
  }),
  // G2: U3 and U4 identical (92), tied on ECON too; U4 has a fail veto.
  unit(
    'U3',
    'G2',
    full({
      GDP: value(90, 100),
      INV: value(50),
      SAFE: { kind: 'incidents', counts: { ACC: 1 } },
      SAT: { kind: 'grade', grade: 'A' },
      EDU: value(70),
    }),
  ),
  unit(
    'U4',
    'G2',
    full({
      GDP: value(90, 100),
      INV: value(50),
      SAFE: { kind: 'incidents', counts: { ACC: 1 } },
      SAT: { kind: 'grade', grade: 'A' },
      EDU: value(70),
    }),
    { vetoes: { CORR: '2024 年度严重违纪通报' } },
  ),
];

const find = (nodes: NodeResult[], code: string): NodeResult | undefined => {
  for (const n of nodes) {
    if (n.code === code) return n;
    if (n.type === 'branch') {
      const f = find(n.children, code);
      if (f) return f;
    }
  }
  return undefined;
};
const leafOf = (u: UnitResult, code: string) => find(u.dimensions, code) as LeafResult;
const dimOf = (u: UnitResult, code: string) => find(u.dimensions, code) as BranchResult;
const byUnit = (r: ReturnType<typeof scoreUnits>, code: string) => r.units.find((u) => u.unit === code)!;

describe('the worked example: 4 units in 2 groups', () => {
  const r = scoreUnits(content(), units());

  it('orders units by (group, unit code)', () => {
    expect(r.units.map((u) => `${u.group}/${u.unit}`)).toEqual(['G1/U1', 'G1/U2', 'G2/U3', 'G2/U4']);
  });

  it('U1: every leaf, the subtotals and the total', () => {
    const u = byUnit(r, 'U1');
    // GDP 30 × 1; INV is G1's max (80 of {60, 80}) → 20; SAFE no incidents 10; SAT B 25 × 0.8 = 20; EDU ≥ 80 → 15.
    expect(['GDP', 'INV', 'SAFE', 'SAT', 'EDU'].map((c) => leafOf(u, c).points.shown)).toEqual([
      '30.00',
      '20.00',
      '10.00',
      '20.00',
      '15.00',
    ]);
    expect(leafOf(u, 'GDP')).toMatchObject({
      code: 'GDP',
      name: '指标GDP',
      path: ['ECON', 'GDP'],
      weight: 30,
      effectiveWeight: { shown: '30.00', exact: '30' },
      status: 'scored',
      rule: 'target_completion',
      value: 100,
    });
    expect(dimOf(u, 'ECON').points.shown).toBe('60.00');
    expect(dimOf(u, 'SOC').points.shown).toBe('35.00');
    expect(u.base.points.shown).toBe('95.00');
    expect(u.bonus.points.shown).toBe('0.00');
    expect(u.total).toEqual({ shown: '95.00', exact: '95' });
  });

  it('U2: excess completion and a claim both go to bonus, capped per item then overall', () => {
    const u = byUnit(r, 'U2');
    // GDP 110/100 → 30 + excess 0.1 × 30 = 3; INV G1's min → 60% of 20 = 12; SAT A 25
    expect(leafOf(u, 'GDP').excess?.shown).toBe('3.00');
    expect(leafOf(u, 'INV').points.shown).toBe('12.00');
    expect(dimOf(u, 'ECON').points.shown).toBe('52.00');
    expect(u.base.points.shown).toBe('92.00');
    // AWARD 4 claimed → 3 (item cap); + excess 3 = 6 → bonusCap 3.
    expect(u.bonus.lines.map((l) => [l.code, l.source, l.awarded.shown])).toEqual([
      ['AWARD', 'item', '3.00'],
      ['GDP', 'excess', '3.00'],
    ]);
    expect(u.bonus.sum.shown).toBe('6.00');
    expect(u.bonus.capped).toBe(true);
    expect(u.bonus.points.shown).toBe('3.00');
    expect(u.bonus.reason.zh).toBe('加分合计 6.00 分，超过加分上限 3 分，按 3.00 分计');
    expect(u.total.shown).toBe('95.00');
  });

  it('G1: a tie on the total broken by the ECON dimension; the quota of 1 moves U2 to 良好', () => {
    const u1 = byUnit(r, 'U1');
    const u2 = byUnit(r, 'U2');
    expect([u1.rank.rank, u2.rank.rank]).toEqual([1, 2]);
    expect(u2.rank.decidedBy).toBe('dimension:ECON');
    const g1 = r.groups[0]!;
    expect(g1.pairs).toEqual([
      {
        above: 'U1',
        below: 'U2',
        decidedBy: 'dimension:ECON',
        reason: {
          zh: 'U1 在 U2 之前：总分相同（95.00），按「经济」得分区分：60.00 对 52.00',
          en: 'U1 before U2: same total (95.00); separated by points in "经济": 60.00 vs 52.00',
        },
      },
    ]);
    // ceil(0.2 × 2) = 1 place for 优秀.
    expect(g1.quotas).toMatchObject([{ level: 'excellent', allowed: 1, granted: 1 }]);
    expect(u1.grade.code).toBe('excellent');
    expect(u2.grade).toMatchObject({ code: 'good', byScore: 'excellent' });
    expect(u2.grade.reason.zh).toContain(
      '「优秀」名额 1 个（2 × 20%，向上取整），本单位排第 2 名，超出名额，降为「良好」',
    );
  });

  it('G2: a tie that survives every key shares rank 1; the fail veto forces 不及格', () => {
    const u3 = byUnit(r, 'U3');
    const u4 = byUnit(r, 'U4');
    // GDP 27 + INV 20 (equal peers → full) + SAFE 10 − 2 = 8 → 55; SAT 25 + EDU 0.8 × 15 = 12 → 37; 92.
    expect(u3.total.shown).toBe('92.00');
    expect(u4.total.shown).toBe('92.00');
    expect([u3.rank.rank, u4.rank.rank]).toEqual([1, 1]);
    expect(u4.rank.decidedBy).toBe('tie');
    expect(r.groups[1]!.pairs[0]!.decidedBy).toBe('tie');
    expect(u4.vetoes).toEqual([
      { code: 'CORR', name: '严重违纪', effect: 'fail', note: '2024 年度严重违纪通报' },
    ]);
    expect(u4.grade).toMatchObject({ code: 'fail', byScore: 'excellent' });
    expect(u4.grade.reason.zh).toContain('触发一票否决事项「严重违纪」，等级定为「不及格」');
    // U4 is no longer 优秀, so U3 alone fits the quota of 1.
    expect(u3.grade.code).toBe('excellent');
    expect(u3.deductions.shown).toBe('2.00');
  });

  it('is deterministic: byte-equal JSON for the same inputs in any order', () => {
    const a = JSON.stringify(scoreUnits(content(), units()));
    const b = JSON.stringify(scoreUnits(content(), [...units()].reverse()));
    expect(b).toBe(a);
    expect(JSON.stringify(r)).toBe(a);
  });
});

describe('exemption, applicability and missing data', () => {
  it('exempt with redistribute: EDU 15 goes to SAT, which becomes 40 → B = 32.00', () => {
    const r = scoreUnits(content(), [
      unit('U1', 'G1', full({ EDU: { kind: 'exempt', reason: '机构改革，职能划转' } })),
    ]);
    const u = r.units[0]!;
    expect(leafOf(u, 'EDU')).toMatchObject({
      status: 'exempt',
      points: { shown: '0.00' },
      effectiveWeight: { shown: '0.00' },
    });
    expect(leafOf(u, 'EDU').reason.zh).toContain(
      '免考：机构改革，职能划转；其权重 15 分按同级指标权重比例调剂',
    );
    expect(leafOf(u, 'SAT').effectiveWeight.shown).toBe('40.00');
    expect(leafOf(u, 'SAT').points.shown).toBe('32.00');
    expect(leafOf(u, 'SAT').reason.zh).toContain('得 32.00 分（满分 40 分，原 25 分，含调剂权重）');
    expect(u.total.shown).toBe('92.00');
  });

  it('a whole dimension gone: its 40 rises to ECON, shared 30 : 20 : 10', () => {
    // SAT missing (redistribute) and EDU exempt → SOC has nothing → ECON carries 100:
    // GDP 30 + 40·30/60 = 50, INV 20 + 40·20/60 = 33.33…, SAFE 10 + 40·10/60 = 16.66…
    const r = scoreUnits(content({ missingData: 'redistribute' }), [
      unit('U1', 'G1', full({ SAT: undefined, EDU: { kind: 'exempt', reason: '免考' } })),
    ]);
    const u = r.units[0]!;
    expect(leafOf(u, 'SAT').status).toBe('missing');
    expect(['GDP', 'INV', 'SAFE'].map((c) => leafOf(u, c).effectiveWeight.shown)).toEqual([
      '50.00',
      '33.33',
      '16.67',
    ]);
    expect(leafOf(u, 'INV').effectiveWeight.exact).toMatch(/^33\.3333333/);
    expect(dimOf(u, 'ECON').points.shown).toBe('100.00');
    expect(dimOf(u, 'SOC').effectiveWeight.shown).toBe('0.00');
    expect(u.total.shown).toBe('100.00');
  });

  it('exclude: the base is rescaled, score ÷ applicable max × total, and the reason says so', () => {
    // 30 + 20 + 10 + 20 = 80 of an applicable 85 → 80 / 85 × 100 = 94.1176… → 94.12
    const r = scoreUnits(content({ exemption: 'exclude' }), [
      unit('U1', 'G1', full({ EDU: { kind: 'exempt', reason: '免考' } })),
    ]);
    const u = r.units[0]!;
    expect(u.base.sum.shown).toBe('80.00');
    expect(u.base.applicableMax.shown).toBe('85.00');
    expect(u.base.rescaled).toBe(true);
    expect(u.base.points.shown).toBe('94.12');
    expect(u.base.reason.zh).toBe('部分指标不计入满分，基础分 = 得分 80.00 ÷ 适用满分 85 × 100 = 94.12 分');
    expect(leafOf(u, 'EDU').reason.zh).toContain('不计入满分，基础分 = 得分 ÷ 适用满分 × 100');
    expect(u.total.shown).toBe('94.12');
  });

  it('missing data with the default policy (zero): 未提交数据，按 0 分计', () => {
    const r = scoreUnits(content(), [unit('U1', 'G1', full({ SAT: undefined }))]);
    const u = r.units[0]!;
    expect(leafOf(u, 'SAT')).toMatchObject({
      status: 'missing',
      points: { shown: '0.00' },
      effectiveWeight: { shown: '25.00' },
      reason: { zh: '未提交数据，按 0 分计', en: 'No data submitted: scored 0' },
    });
    expect(u.total.shown).toBe('75.00');
  });

  it('a leaf-level missing policy overrides the system one', () => {
    const c = content();
    const soc = c.dimensions[1] as { children: { missing?: string }[] };
    soc.children[0]!.missing = 'exclude';
    const u = scoreUnits(c, [unit('U1', 'G1', full({ SAT: undefined }))]).units[0]!;
    // 30 + 20 + 10 + 15 = 75 of 75 → 100
    expect(u.base.points.shown).toBe('100.00');
  });

  it('appliesTo: not_applicable for other groups; a group no leaf knows is still scored', () => {
    const c = content();
    const soc = c.dimensions[1] as { children: { appliesTo?: string[] }[] };
    soc.children[1]!.appliesTo = ['G1'];
    const r = scoreUnits(c, [unit('U1', 'G1', full()), unit('U9', 'G9', full())]);
    const u9 = byUnit(r, 'U9');
    expect(leafOf(u9, 'EDU').status).toBe('not_applicable');
    expect(leafOf(u9, 'EDU').reason.zh).toContain('本指标不适用于「G9」组单位');
    expect(leafOf(u9, 'SAT').points.shown).toBe('32.00');
    expect(u9.total.shown).toBe('92.00');
    expect(byUnit(r, 'U1').total.shown).toBe('95.00');
  });
});

describe('rounding: totals are sums of shown parts; grades use the shown total', () => {
  it('three leaves of 3.333… show 3.33 each and the dimension 9.99, not 10.00', () => {
    const third = (code: string) => leaf(code, 10, { kind: 'target_completion' });
    const c = system({ total: 30, dimensions: [branch('D', 30, [third('A'), third('B'), third('C')])] });
    const u = scoreUnits(c, [unit('U', 'G', { A: value(1, 3), B: value(1, 3), C: value(1, 3) })]).units[0]!;
    expect(dimOf(u, 'D').points.shown).toBe('9.99');
    expect(dimOf(u, 'D').points.exact).toMatch(/^9\.9{30,}$/);
    expect(u.total.shown).toBe('9.99');
  });

  it('89.995 shows as 90.00 (四舍五入) and is 优秀; 89.994 is 89.99 and 良好', () => {
    const c = system({
      dimensions: [branch('D', 100, [leaf('A', 100, { kind: 'target_completion' })])],
      grading: {
        levels: [
          { code: 'excellent', label: { zh: '优秀', en: 'Excellent' }, min: 90 },
          { code: 'good', label: { zh: '良好', en: 'Good' }, min: 0 },
        ],
      },
    });
    const r = scoreUnits(c, [
      unit('U1', 'G', { A: value(89.995, 100) }),
      unit('U2', 'G', { A: value(89.994, 100) }),
    ]);
    expect(r.units.map((u) => [u.total.shown, u.total.exact, u.grade.code])).toEqual([
      ['90.00', '89.995', 'excellent'],
      ['89.99', '89.994', 'good'],
    ]);
    expect(r.units[0]!.grade.reason.zh).toContain('总分 90.00 分（按显示的 2 位小数判定）');
  });

  it('decimals 0 and 1 are honoured', () => {
    const c = system({
      decimals: 1,
      dimensions: [branch('D', 10, [leaf('A', 10, { kind: 'target_completion' })])],
    });
    expect(scoreUnits(c, [unit('U', 'G', { A: value(2, 3) })]).units[0]!.total.shown).toBe('6.7');
  });
});

describe('grading and ranking details', () => {
  it('bar_excellent: may not be 优秀, and frees the place for the next unit', () => {
    const r = scoreUnits(content(), [
      unit('U1', 'G1', full(), { vetoes: { ENV: '中央环保督察通报' } }),
      unit('U2', 'G1', full({ GDP: value(110, 100), INV: value(60), SAT: { kind: 'grade', grade: 'A' } }), {
        bonus: { AWARD: 4 },
      }),
    ]);
    expect(byUnit(r, 'U1').grade.code).toBe('good');
    expect(byUnit(r, 'U1').grade.reason.zh).toContain('不得评为「优秀」');
    expect(byUnit(r, 'U2').grade.code).toBe('excellent');
  });

  it('a shared rank that straddles the quota drops the whole tie', () => {
    // One 100-point leaf; totals 95, 92, 92, 92 (U4 vetoed). maxShare 0.5 × 4 = 2 places for 优秀:
    // U1 (rank 1) takes one; U3 and U5 share rank 2 and cannot both fit → both drop to 良好.
    const c = system({
      dimensions: [branch('D', 100, [leaf('A', 100, { kind: 'target_completion' })])],
      vetoItems: [{ code: 'CORR', name: '严重违纪', effect: 'fail' }],
      grading: {
        levels: [
          { code: 'excellent', label: { zh: '优秀', en: 'Excellent' }, min: 90, maxShare: 0.5 },
          { code: 'good', label: { zh: '良好', en: 'Good' }, min: 60 },
          { code: 'fail', label: { zh: '不及格', en: 'Fail' }, min: 0 },
        ],
      },
    });
    const r = scoreUnits(c, [
      unit('U1', 'G', { A: value(95, 100) }),
      unit('U3', 'G', { A: value(92, 100) }),
      unit('U4', 'G', { A: value(92, 100) }, { vetoes: { CORR: '通报' } }),
      unit('U5', 'G', { A: value(92, 100) }),
    ]);
    expect(r.units.map((u) => [u.unit, u.rank.rank, u.grade.code])).toEqual([
      ['U1', 1, 'excellent'],
      ['U3', 2, 'good'],
      ['U4', 2, 'fail'],
      ['U5', 2, 'good'],
    ]);
    expect(byUnit(r, 'U3').grade.reason.zh).toContain('（与 1 个单位并列，名额不足以同时授予）');
    expect(r.groups[0]!.quotas[0]).toMatchObject({ allowed: 2, granted: 1 });
  });

  it('fewer_deductions and more_bonus as tie-breaks, in order', () => {
    const c = content({ grading: { ...content().grading, tieBreak: ['fewer_deductions', 'more_bonus'] } });
    // A: 2 deducted, no bonus; B: 0 deducted, total made equal by 2 less on GDP; C: like B plus bonus... compare totals first.
    const r = scoreUnits(c, [
      unit('A', 'G', full({ SAFE: { kind: 'incidents', counts: { ACC: 1 } } })), // 93
      unit('B', 'G', full({ GDP: value(28, 30) })), // GDP 28 → 93
      unit('C', 'G', full({ GDP: value(27, 30) }), { bonus: { AWARD: 1 } }), // GDP 27 + 1 bonus → 93
    ]);
    expect(r.units.map((u) => u.total.shown)).toEqual(['93.00', '93.00', '93.00']);
    // B and C have no deductions, A has 2 → A last; C has more bonus than B → C first.
    expect(r.groups[0]!.order).toEqual([
      { unit: 'C', rank: 1 },
      { unit: 'B', rank: 2 },
      { unit: 'A', rank: 3 },
    ]);
    expect(r.groups[0]!.pairs.map((p) => p.decidedBy)).toEqual(['more_bonus', 'fewer_deductions']);
  });

  it('an unknown tie-break dimension is skipped with a warning', () => {
    const c = content({ grading: { ...content().grading, tieBreak: ['dimension:NOPE'] } });
    const r = scoreUnits(c, units());
    expect(r.groups[0]!.warnings[0]!.zh).toContain('dimension:NOPE');
    expect(byUnit(r, 'U2').rank.rank).toBe(1);
  });
});

describe('robustness', () => {
  it('a tree whose weights do not add up is scored as written, without a crash', () => {
    const c = system({
      dimensions: [
        branch('D', 50, [
          leaf('A', 30, { kind: 'qualitative_grade' }),
          leaf('B', 30, { kind: 'qualitative_grade' }),
        ]),
      ],
    });
    const u = scoreUnits(c, [
      unit('U', 'G', { A: { kind: 'grade', grade: 'A' }, B: { kind: 'exempt', reason: 'x' } }),
    ]).units[0]!;
    expect(u.total.shown).toBe('60.00');
  });

  it('inputs naming nothing in the system are warned about, not scored', () => {
    const u = scoreUnits(content(), [
      unit('U1', 'G1', full({ ZZZ: value(1) }), { bonus: { NOPE: 1 }, vetoes: { GONE: 'x' } }),
    ]).units[0]!;
    expect(u.warnings.map((w) => w.zh)).toEqual([
      '以下指标编码不在本指标体系中，已忽略：ZZZ',
      '以下加分项编码不在本指标体系中，已忽略：NOPE',
      '以下一票否决事项编码不在本指标体系中，已忽略：GONE',
    ]);
    expect(u.total.shown).toBe('95.00');
  });

  it('a unit given twice is a programmer error', () => {
    expect(() => scoreUnits(content(), [unit('U1', 'G1', {}), unit('U1', 'G2', {})])).toThrow(
      /more than once/,
    );
  });

  it('no units: an empty result', () => {
    expect(scoreUnits(content(), [])).toMatchObject({ units: [], groups: [] });
  });
});

describe('formula with the real finance registry', () => {
  it('revenue growth (108 vs 100 → 8%) against a target of 10%: 10 × 0.8 = 8.00', () => {
    const c = system({
      dimensions: [
        branch('FIN', 10, [
          leaf('REV', 10, formulaRule('revenue_growth_rate', { kind: 'target_completion' }), {
            unitOfMeasure: '%',
          }),
        ]),
      ],
    });
    const r = scoreUnits(
      c,
      [
        unit('U1', 'G', { REV: { kind: 'formula', args: { current: 108, previous: 100 }, target: 10 } }),
        unit('U2', 'G', { REV: { kind: 'formula', args: { current: 108, previous: 0 }, target: 10 } }),
      ],
      { calculators: FINANCE_CALCULATORS },
    );
    const rev1 = leafOf(r.units[0]!, 'REV');
    expect(rev1).toMatchObject({ status: 'scored', value: 8, points: { shown: '8.00' } });
    expect(rev1.reason.zh).toContain('完成值 8%，目标值 10%，完成率 80.00%');
    const rev2 = leafOf(r.units[1]!, 'REV');
    expect(rev2.status).toBe('invalid');
    expect(rev2.reason.zh).toContain('无法计算');
  });
});
