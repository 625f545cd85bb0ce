import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SystemContent, UnitInputs } from '../indicators/model';
import { Dec } from './decimal';
import { scoreUnits } from './engine';
import { branch, leaf, system, unit } from './testing';
import type { LeafResult, NodeResult, ScoringResult } from './types';

/**
 * Properties over generated small systems and inputs (valid per the schemas, with every status:
 * missing, exempt, not applicable, wrong-kind and bad-target inputs mixed in).
 */

const GROUPS = ['G1', 'G2', 'G3'];

const bandsHigher = {
  kind: 'bands',
  bands: [
    { min: null, max: 50, fraction: 0.2 },
    { min: 50, max: 90, fraction: 0.6 },
    { min: 90, max: 110, fraction: 0.9 },
    { min: 110, max: null, fraction: 1 },
  ],
};
const bandsLower = {
  kind: 'bands',
  bands: [
    { min: null, max: 20, fraction: 1 },
    { min: 20, max: 60, fraction: 0.7 },
    { min: 60, max: null, fraction: 0.1 },
  ],
};

const ruleArb = fc.oneof(
  fc.constantFrom(1, 1.2, 0.8).map((cap) => ({ kind: 'target_completion', cap })),
  fc.constantFrom(1, 1.5).map((cap) => ({ kind: 'reverse', cap })),
  fc.constant(bandsHigher),
  fc.constant({ kind: 'efficacy' }),
  fc.constant({ kind: 'rank', lastFraction: 0.6 }),
  fc.integer({ min: 0, max: 8 }).map((max) => ({
    kind: 'deduction',
    items: [{ code: 'X', label: '事项', pointsEach: 1.5 }],
    ...(max > 0 ? { maxDeduction: max } : {}),
  })),
  fc.constant({ kind: 'qualitative_grade' }),
  fc.constant({ kind: 'expert', trimFrom: 5 }),
);

interface LeafSpec {
  weight: number;
  rule: { kind: string };
  appliesTo: string[] | undefined;
  missing: 'zero' | 'redistribute' | 'exclude' | undefined;
  direction: 'higher' | 'lower';
}
const leafSpecArb: fc.Arbitrary<LeafSpec> = fc.record({
  weight: fc.integer({ min: 0, max: 20 }),
  rule: ruleArb,
  appliesTo: fc.option(fc.subarray(GROUPS, { minLength: 1 }), { nil: undefined }),
  missing: fc.option(fc.constantFrom('zero' as const, 'redistribute' as const, 'exclude' as const), {
    nil: undefined,
  }),
  direction: fc.constantFrom('higher' as const, 'lower' as const),
});
type ChildSpec = LeafSpec | LeafSpec[];
const systemSpecArb = fc.record({
  dims: fc.array(
    fc.array(fc.oneof(leafSpecArb, fc.array(leafSpecArb, { minLength: 1, maxLength: 3 })), {
      minLength: 1,
      maxLength: 3,
    }),
    {
      minLength: 1,
      maxLength: 3,
    },
  ),
  missingData: fc.constantFrom('zero', 'redistribute', 'exclude'),
  exemption: fc.constantFrom('redistribute', 'exclude'),
  bonusCap: fc.constantFrom(0, 3, 10),
  decimals: fc.constantFrom(0, 1, 2, 3),
  excellentShare: fc.option(fc.constantFrom(0.2, 0.34, 0.5), { nil: undefined }),
  goodShare: fc.option(fc.constantFrom(0.3, 0.7), { nil: undefined }),
  quotaRounding: fc.constantFrom('floor', 'round', 'ceil'),
  tieBreak: fc.subarray(['dimension:D0', 'fewer_deductions', 'more_bonus']),
});

type SystemSpec = typeof systemSpecArb extends fc.Arbitrary<infer T> ? T : never;

function buildSystem(spec: SystemSpec): SystemContent {
  let n = 0;
  const mk = (l: LeafSpec) =>
    leaf(`L${n++}`, l.weight, l.rule as never, {
      direction: l.direction,
      ...(l.appliesTo ? { appliesTo: l.appliesTo } : {}),
      ...(l.missing ? { missing: l.missing } : {}),
    });
  const dims = spec.dims.map((children: ChildSpec[], i: number) => {
    const kids = children.map((c, j) => {
      if (!Array.isArray(c)) return mk(c);
      const ls = c.map(mk);
      return branch(
        `B${i}_${j}`,
        ls.reduce((s, l) => s + l.weight, 0),
        ls,
      );
    });
    return branch(
      `D${i}`,
      kids.reduce((s, k) => s + k.weight, 0),
      kids,
    );
  });
  return system({
    dimensions: dims,
    total: dims.reduce((s, d) => s + d.weight, 0),
    missingData: spec.missingData,
    exemption: spec.exemption,
    bonusItems: [{ code: 'BON', name: '加分', maxPoints: 4 }],
    bonusCap: spec.bonusCap,
    vetoItems: [
      { code: 'VF', name: '否决', effect: 'fail' },
      { code: 'VB', name: '限优', effect: 'bar_excellent' },
    ],
    decimals: spec.decimals,
    grading: {
      levels: [
        {
          code: 'excellent',
          label: { zh: '优秀', en: 'Excellent' },
          min: 0.8 * dims.reduce((s, d) => s + d.weight, 0),
          ...(spec.excellentShare ? { maxShare: spec.excellentShare } : {}),
        },
        {
          code: 'good',
          label: { zh: '良好', en: 'Good' },
          min: 0.6 * dims.reduce((s, d) => s + d.weight, 0),
          ...(spec.goodShare ? { maxShare: spec.goodShare } : {}),
        },
        { code: 'fail', label: { zh: '不及格', en: 'Fail' }, min: 0 },
      ],
      quotaRounding: spec.quotaRounding,
      tieBreak: spec.tieBreak,
    },
  });
}

const leavesOf = (nodes: readonly NodeResult[]): LeafResult[] =>
  nodes.flatMap((n) => (n.type === 'leaf' ? [n] : leavesOf(n.children)));

/** A valid input for the rule, sometimes missing, exempt, wrong-kind or with an unusable target. */
function inputArb(kind: string): fc.Arbitrary<unknown> {
  const valueIn = fc.record({
    kind: fc.constant('value'),
    actual: fc.integer({ min: -10, max: 200 }),
    target: fc.constantFrom(100, 100, 100, 50, 0),
  });
  const proper: Record<string, fc.Arbitrary<unknown>> = {
    target_completion: valueIn,
    reverse: valueIn,
    bands: valueIn,
    efficacy: valueIn,
    rank: valueIn,
    deduction: fc.record({
      kind: fc.constant('incidents'),
      counts: fc.record({ X: fc.integer({ min: 0, max: 6 }) }),
    }),
    qualitative_grade: fc.record({ kind: fc.constant('grade'), grade: fc.constantFrom('A', 'B', 'C', 'D') }),
    expert: fc.record({
      kind: fc.constant('expert_scores'),
      scores: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 }),
    }),
  };
  return fc.oneof(
    { weight: 8, arbitrary: proper[kind]! },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant({ kind: 'exempt', reason: '免考' }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'grade', grade: 'A' }) },
  );
}

const scenarioArb = systemSpecArb.chain((spec) => {
  const content = buildSystem(spec);
  const leafKinds: [string, string][] = [];
  const walk = (n: { code: string; children?: unknown[]; rule?: { kind: string } }) => {
    if (n.children) for (const c of n.children) walk(c as never);
    else leafKinds.push([n.code, n.rule!.kind]);
  };
  for (const d of content.dimensions) walk(d as never);
  const unitArb = (i: number) =>
    fc
      .record({
        group: fc.constantFrom(...GROUPS, 'G9'),
        inputs: fc.tuple(...leafKinds.map(([, k]) => inputArb(k))),
        bonus: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
        veto: fc.constantFrom(undefined, undefined, undefined, 'VF', 'VB'),
      })
      .map(({ group, inputs, bonus, veto }) =>
        unit(
          `U${i}`,
          group,
          Object.fromEntries(
            leafKinds.map(([code], k) => [code, inputs[k]]).filter(([, v]) => v !== undefined),
          ),
          {
            ...(bonus !== undefined ? { bonus: { BON: bonus } } : {}),
            ...(veto ? { vetoes: { [veto]: '通报' } } : {}),
          },
        ),
      );
  return fc
    .integer({ min: 1, max: 8 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => unitArb(i))))
    .map((units) => ({ content, units: units as UnitInputs[] }));
});

const sumShown = (xs: { shown: string }[]) => xs.reduce((s, x) => s.plus(x.shown), new Dec(0));

function checkSums(r: ScoringResult): void {
  const d = r.decimals;
  const check = (n: NodeResult): void => {
    if (n.type === 'leaf') {
      const p = new Dec(n.points.shown);
      expect(p.gte(0), `${n.code} ≥ 0`).toBe(true);
      expect(p.lte(n.effectiveWeight.shown), `${n.code} ${n.points.shown} ≤ ${n.effectiveWeight.shown}`).toBe(
        true,
      );
      expect(n.points.shown.split('.')[1]?.length ?? 0).toBe(d);
      return;
    }
    n.children.forEach(check);
    expect(n.points.shown).toBe(sumShown(n.children.map((c) => c.points)).toFixed(d));
  };
  for (const u of r.units) {
    u.dimensions.forEach(check);
    expect(u.base.sum.shown).toBe(sumShown(u.dimensions.map((x) => x.points)).toFixed(d));
    if (!u.base.rescaled) expect(u.base.points.shown).toBe(u.base.sum.shown);
    expect(u.bonus.sum.shown).toBe(sumShown(u.bonus.lines.map((l) => l.awarded)).toFixed(d));
    expect(new Dec(u.bonus.points.shown).lte(u.bonus.cap)).toBe(true);
    expect(u.total.shown).toBe(new Dec(u.base.points.shown).plus(u.bonus.points.shown).toFixed(d));
  }
}

describe('scoring properties', () => {
  it('leaf points within [0, effective weight]; every subtotal and total is the sum of its shown parts', () => {
    fc.assert(
      fc.property(scenarioArb, ({ content, units }) => checkSums(scoreUnits(content, units))),
      { numRuns: 300 },
    );
  });

  it('permuting the units changes nothing (byte-equal JSON)', () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((s) =>
          fc.shuffledSubarray(s.units, { minLength: s.units.length }).map((p) => ({ ...s, p })),
        ),
        ({ content, units, p }) => {
          expect(JSON.stringify(scoreUnits(content, p))).toBe(JSON.stringify(scoreUnits(content, units)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a quota never gives more of its grade per group than allowed; a fail veto is always the lowest grade', () => {
    fc.assert(
      fc.property(scenarioArb, ({ content, units }) => {
        const r = scoreUnits(content, units);
        const levels = content.grading.levels;
        const lowest = levels[levels.length - 1]!.code;
        const mode = { floor: Dec.ROUND_FLOOR, round: Dec.ROUND_HALF_UP, ceil: Dec.ROUND_CEIL }[
          content.grading.quotaRounding
        ];
        for (const g of r.groups) {
          const members = r.units.filter((u) => u.group === g.group);
          for (const lv of levels.slice(0, -1)) {
            if (lv.maxShare === undefined) continue;
            const allowed = new Dec(lv.maxShare).times(members.length).toDecimalPlaces(0, mode).toNumber();
            expect(members.filter((u) => u.grade.code === lv.code).length).toBeLessThanOrEqual(allowed);
          }
        }
        for (const u of r.units) {
          if (u.vetoes.some((v) => v.effect === 'fail')) expect(u.grade.code).toBe(lowest);
          if (u.vetoes.some((v) => v.effect === 'bar_excellent'))
            expect(u.grade.code).not.toBe(levels[0]!.code);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ranks are competition ranks consistent with the shown totals', () => {
    fc.assert(
      fc.property(scenarioArb, ({ content, units }) => {
        const r = scoreUnits(content, units);
        for (const g of r.groups) {
          const members = r.units.filter((u) => u.group === g.group);
          for (const a of members) {
            for (const b of members) {
              if (new Dec(a.total.shown).gt(b.total.shown)) expect(a.rank.rank).toBeLessThan(b.rank.rank);
            }
            // competition ranking: rank − 1 = number of units strictly ahead
            expect(members.filter((b) => b.rank.rank < a.rank.rank).length).toBe(a.rank.rank - 1);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  describe('monotone in the actual value, everything else fixed', () => {
    const cases = [
      {
        name: 'target completion',
        rule: { kind: 'target_completion', cap: 1.2 },
        direction: 'higher',
        up: true,
      },
      { name: 'bands on higher', rule: bandsHigher, direction: 'higher', up: true },
      { name: 'efficacy, higher', rule: { kind: 'efficacy' }, direction: 'higher', up: true },
      { name: 'rank, higher', rule: { kind: 'rank', lastFraction: 0.5 }, direction: 'higher', up: true },
      { name: 'reverse', rule: { kind: 'reverse', cap: 1 }, direction: 'lower', up: false },
      { name: 'bands on lower', rule: bandsLower, direction: 'lower', up: false },
      { name: 'efficacy, lower', rule: { kind: 'efficacy' }, direction: 'lower', up: false },
      { name: 'rank, lower', rule: { kind: 'rank', lastFraction: 0.5 }, direction: 'lower', up: false },
    ] as const;
    for (const c of cases) {
      it(c.name, () => {
        fc.assert(
          fc.property(
            fc.array(fc.integer({ min: -20, max: 200 }), { maxLength: 6 }),
            fc.integer({ min: -20, max: 200 }),
            fc.integer({ min: -20, max: 200 }),
            fc.integer({ min: 1, max: 30 }),
            (peers, x1, x2, w) => {
              const [lo, hi] = x1 <= x2 ? [x1, x2] : [x2, x1];
              const content = system({
                dimensions: [
                  branch('D', w + 10, [
                    leaf('L', w, c.rule as never, { direction: c.direction }),
                    leaf('O', 10, { kind: 'qualitative_grade' }),
                  ]),
                ],
              });
              const at = (x: number) => {
                const us = [x, ...peers].map((v, i) =>
                  unit(`U${i}`, 'G', {
                    L: { kind: 'value', actual: v, target: 80 },
                    O: { kind: 'grade', grade: 'B' },
                  }),
                );
                const u0 = scoreUnits(content, us).units.find((u) => u.unit === 'U0')!;
                return new Dec(leavesOf(u0.dimensions).find((l) => l.code === 'L')!.points.exact);
              };
              const a = at(lo);
              const b = at(hi);
              if (c.up) expect(a.lte(b)).toBe(true);
              else expect(a.gte(b)).toBe(true);
            },
          ),
          { numRuns: 200 },
        );
      });
    }
  });
});
