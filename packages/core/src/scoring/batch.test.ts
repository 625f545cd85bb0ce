import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINANCE_CALCULATORS } from '../finance';
import type { SystemContent, UnitInputs } from '../indicators/model';
import { batchRun, peersToJson, rankBatches, type ScoredJson, scoreBatch } from './batch';
import { type Adjustment, computePeersOf, scoreUnits } from './engine';
import { branch, formulaRule, leaf, system, unit } from './testing';

/**
 * The year-end batch scores in three separate tasks with JSON (S3 objects) between them: peer
 * statistics once, units in batches of any size and order, then ranks over everything. Whatever the
 * split, the result must be byte-for-byte what `scoreUnits` gives in one piece. Generated systems
 * use every rule kind, with the statuses the engine knows (missing, exempt, not applicable, wrong
 * kind, a refused target); the generators follow ./properties.test.ts, widened to every rule.
 */

const GROUPS = ['G1', 'G2', 'G3'];

const bands = {
  kind: 'bands',
  bands: [
    { min: null, max: 50, fraction: 0.2 },
    { min: 50, max: 90, fraction: 0.6 },
    { min: 90, max: null, fraction: 1 },
  ],
};
const satisfactionRule = {
  kind: 'satisfaction',
  groups: [
    { key: 'pub', label: '公众', weight: 0.6 },
    { key: 'npc', label: '代表委员', weight: 0.4 },
  ],
  minSample: 3,
};
const compositeRule = {
  kind: 'composite',
  sources: [
    { key: 'lead', label: '领导评价', weight: 0.7 },
    { key: 'peer', label: '同行评价', weight: 0.3 },
  ],
};

/** A rule, and whether the office fixed the leaf's target. */
const ruleArb: fc.Arbitrary<{ rule: Record<string, unknown> & { kind: string }; officeTarget?: number }> =
  fc.oneof(
    fc.constantFrom(1, 1.2).map((cap) => ({ rule: { kind: 'target_completion', cap } })),
    fc.constantFrom(1, 1.5).map((cap) => ({ rule: { kind: 'reverse', cap }, officeTarget: 40 })),
    fc.constantFrom(5, 20).map((tolerance) => ({ rule: { kind: 'target_gap', tolerance } })),
    fc.constant({ rule: bands }),
    fc.constant({ rule: { kind: 'efficacy' } }),
    fc.constant({ rule: { kind: 'rank', lastFraction: 0.5 } }),
    fc.constant({
      rule: { kind: 'deduction', items: [{ code: 'X', label: '事项', pointsEach: 1.5 }], maxDeduction: 6 },
    }),
    fc.constant({ rule: { kind: 'qualitative_grade' } }),
    fc.constant({ rule: { kind: 'expert', trimFrom: 5 } }),
    fc.constant({ rule: satisfactionRule }),
    fc.constant({ rule: compositeRule }),
    fc.constant({
      rule: formulaRule('structure_share', { kind: 'target_completion' }) as never,
      officeTarget: 80,
    }),
  );

const leafSpecArb = fc.record({
  weight: fc.integer({ min: 0, max: 20 }),
  rule: ruleArb,
  appliesTo: fc.option(fc.subarray(GROUPS, { minLength: 1 }), { nil: undefined }),
  missing: fc.option(fc.constantFrom('zero' as const, 'redistribute' as const, 'exclude' as const), {
    nil: undefined,
  }),
  direction: fc.constantFrom('higher' as const, 'lower' as const),
});
type LeafSpec = typeof leafSpecArb extends fc.Arbitrary<infer T> ? T : never;

const systemSpecArb = fc.record({
  dims: fc.array(
    fc.array(fc.oneof(leafSpecArb, fc.array(leafSpecArb, { minLength: 1, maxLength: 3 })), {
      minLength: 1,
      maxLength: 3,
    }),
    { minLength: 1, maxLength: 3 },
  ),
  missingData: fc.constantFrom('zero', 'redistribute', 'exclude'),
  exemption: fc.constantFrom('redistribute', 'exclude'),
  bonusCap: fc.constantFrom(0, 3, 10),
  decimals: fc.constantFrom(0, 1, 2, 3),
  excellentShare: fc.option(fc.constantFrom(0.2, 0.34, 0.5), { nil: undefined }),
  quotaRounding: fc.constantFrom('floor', 'round', 'ceil'),
  tieBreak: fc.subarray(['dimension:D0', 'fewer_deductions', 'more_bonus']),
});
type SystemSpec = typeof systemSpecArb extends fc.Arbitrary<infer T> ? T : never;

function buildSystem(spec: SystemSpec): SystemContent {
  let n = 0;
  const mk = (l: LeafSpec) =>
    leaf(`L${n++}`, l.weight, l.rule.rule as never, {
      direction: l.direction,
      ...(l.appliesTo ? { appliesTo: l.appliesTo } : {}),
      ...(l.missing ? { missing: l.missing } : {}),
      ...(l.rule.officeTarget !== undefined ? { officeParams: { target: l.rule.officeTarget } } : {}),
    });
  const dims = spec.dims.map((children, i) => {
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
  const total = dims.reduce((s, d) => s + d.weight, 0);
  return system({
    dimensions: dims,
    total,
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
          min: 0.8 * total,
          ...(spec.excellentShare ? { maxShare: spec.excellentShare } : {}),
        },
        { code: 'good', label: { zh: '良好', en: 'Good' }, min: 0.6 * total },
        { code: 'fail', label: { zh: '不及格', en: 'Fail' }, min: 0 },
      ],
      quotaRounding: spec.quotaRounding,
      tieBreak: spec.tieBreak,
    },
  });
}

const likert = fc.record(
  { very_satisfied: fc.nat(5), satisfied: fc.nat(5), fair: fc.nat(3), dissatisfied: fc.nat(2) },
  { requiredKeys: [] },
);

/** A valid input for the rule, sometimes missing, exempt, of the wrong kind or with a refused target. */
function inputArb(kind: string): fc.Arbitrary<unknown> {
  const valueIn = fc.record(
    {
      kind: fc.constant('value'),
      actual: fc.integer({ min: -10, max: 200 }),
      target: fc.constantFrom(100, 100, 50, 40, 0, -5),
    },
    { requiredKeys: ['kind', 'actual'] },
  );
  const proper: Record<string, fc.Arbitrary<unknown>> = {
    target_completion: valueIn,
    reverse: valueIn,
    target_gap: valueIn,
    bands: valueIn,
    efficacy: valueIn,
    rank: valueIn,
    deduction: fc.record({ kind: fc.constant('incidents'), counts: fc.record({ X: fc.nat(6) }) }),
    qualitative_grade: fc.record({ kind: fc.constant('grade'), grade: fc.constantFrom('A', 'B', 'C', 'D') }),
    expert: fc.record({
      kind: fc.constant('expert_scores'),
      scores: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 }),
    }),
    satisfaction: fc.record({
      kind: fc.constant('survey'),
      answers: fc.record({ pub: likert, npc: likert }),
    }),
    composite: fc.record({
      kind: fc.constant('sources'),
      scores: fc.record({ lead: fc.nat(100), peer: fc.nat(100) }, { requiredKeys: ['lead'] }),
    }),
    formula: fc.record(
      {
        kind: fc.constant('formula'),
        args: fc.record({ part: fc.nat(60), total: fc.integer({ min: 0, max: 60 }) }),
        target: fc.constantFrom(80, 70),
      },
      { requiredKeys: ['kind', 'args'] },
    ),
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
        adjustment: fc.option(fc.integer({ min: -20, max: 20 }), { nil: undefined, freq: 3 }),
      })
      .map(({ group, inputs, bonus, veto, adjustment }) => ({
        unit: unit(
          `U${String(i).padStart(2, '0')}`,
          group,
          Object.fromEntries(
            leafKinds.map(([code], k) => [code, inputs[k]]).filter(([, v]) => v !== undefined),
          ),
          {
            ...(bonus !== undefined ? { bonus: { BON: bonus } } : {}),
            ...(veto ? { vetoes: { [veto]: '通报' } } : {}),
          },
        ),
        // Quarter points either way, as a meeting writes them.
        adjustment: adjustment === undefined ? undefined : { points: adjustment / 4, reason: `调整${i}` },
      }));
  return fc
    .integer({ min: 1, max: 12 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => unitArb(i))))
    .chain((entries) =>
      fc
        .record({
          // The Map's items in any order, cut into batches of any size.
          order: fc.shuffledSubarray(
            entries.map((e) => e.unit),
            { minLength: entries.length },
          ),
          cuts: fc.array(fc.integer({ min: 1, max: 5 }), {
            minLength: entries.length,
            maxLength: entries.length,
          }),
          batchOrder: fc.nat(),
        })
        .map(({ order, cuts, batchOrder }) => ({
          content,
          units: entries.map((e) => e.unit) as UnitInputs[],
          adjustments: new Map(
            entries.flatMap((e): [string, Adjustment][] =>
              e.adjustment ? [[e.unit.unit, e.adjustment]] : [],
            ),
          ),
          order: order as UnitInputs[],
          cuts,
          batchOrder,
        })),
    );
});

/** Through JSON, as every object between the batch's tasks is. */
const viaJson = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function batches<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const out: T[][] = [];
  for (let i = 0, k = 0; i < items.length; k++) {
    const size = cuts[k % cuts.length]!;
    out.push(items.slice(i, i + size));
    i += size;
  }
  return out;
}

/** Rotates the finished batches: the Map's batches finish in any order. */
const rotate = <T>(xs: T[], by: number): T[] =>
  xs.length ? [...xs.slice(by % xs.length), ...xs.slice(0, by % xs.length)] : xs;

describe('the batch path', () => {
  it('peers → batches in any split and order → ranks equals scoreUnits byte for byte (adjustments too)', () => {
    fc.assert(
      fc.property(scenarioArb, ({ content, units, adjustments, order, cuts, batchOrder }) => {
        const opts = { calculators: FINANCE_CALCULATORS, adjustments };
        const whole = JSON.stringify(scoreUnits(content, units, opts));

        const stored = viaJson(content);
        const peers = viaJson(peersToJson(computePeersOf(stored, viaJson(units))));
        // Each batch is its own task: its own run from the stored system and peers, its own inputs.
        const scored: ScoredJson[][] = batches(order, cuts).map((batch) =>
          viaJson(
            scoreBatch(
              batchRun(viaJson(stored), viaJson(peers), FINANCE_CALCULATORS),
              viaJson(batch),
              adjustments,
            ),
          ),
        );
        const ranked = rankBatches(
          batchRun(viaJson(stored), viaJson(peers), FINANCE_CALCULATORS),
          rotate(scored, batchOrder).flat(),
        );
        expect(JSON.stringify(ranked)).toBe(whole);
      }),
      // No shrinking: a counterexample is reported at once (shrinking these scenarios takes minutes).
      { numRuns: 80, endOnFailure: true },
    );
  }, 30_000);

  it('the peer statistics survive JSON and do not depend on the units’ order', () => {
    fc.assert(
      fc.property(scenarioArb, ({ content, units, order }) => {
        const a = JSON.stringify(peersToJson(computePeersOf(content, units)));
        expect(JSON.stringify(peersToJson(computePeersOf(content, order)))).toBe(a);
        expect(JSON.stringify(viaJson(JSON.parse(a)))).toBe(a);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a unit scored in two batches, as scoreUnits refuses it given twice', () => {
    const content = system({ dimensions: [branch('D', 10, [leaf('A', 10, { kind: 'qualitative_grade' })])] });
    const u1 = unit('U1', 'G', { A: { kind: 'grade', grade: 'A' } });
    const run = batchRun(content, peersToJson(computePeersOf(content, [u1])), undefined);
    const once = scoreBatch(run, [u1]);
    expect(() => rankBatches(run, [...once, ...viaJson(once)])).toThrow(/U1 is given more than once/);
  });
});
