import fc from 'fast-check';
import type { SystemContent, UnitInputs } from '../indicators/model';
import type { Adjustment } from './engine';
import { branch, formulaRule, leaf, system, unit } from './testing';

/**
 * Generated small systems and units for the engine's property tests (./properties.test.ts) and the
 * batch path's (./batch.test.ts): valid per the schemas, with every status mixed in (missing,
 * exempt, not applicable, wrong-kind inputs, refused targets). `core` rules are those the engine
 * scores without calculators; `all` adds every other rule kind, office-fixed targets and a finance
 * formula (the caller passes FINANCE_CALCULATORS).
 */

export const GROUPS = ['G1', 'G2', 'G3'];
export type RuleSet = 'core' | 'all';

/** Bands for a higher-is-better value around a target of 100. */
export const bandsHigher = {
  kind: 'bands',
  bands: [
    { min: null, max: 50, fraction: 0.2 },
    { min: 50, max: 90, fraction: 0.6 },
    { min: 90, max: 110, fraction: 0.9 },
    { min: 110, max: null, fraction: 1 },
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

/** A rule, and the target the office fixed for the leaf, if any. */
interface RuleSpec {
  rule: Record<string, unknown> & { kind: string };
  officeTarget?: number;
}

const coreRules: fc.Arbitrary<RuleSpec>[] = [
  fc.constantFrom(1, 1.2, 0.8).map((cap) => ({ rule: { kind: 'target_completion', cap } })),
  fc.constantFrom(1, 1.5).map((cap) => ({ rule: { kind: 'reverse', cap } })),
  fc.constant({ rule: bandsHigher }),
  fc.constant({ rule: { kind: 'efficacy' } }),
  fc.constant({ rule: { kind: 'rank', lastFraction: 0.6 } }),
  fc.integer({ min: 0, max: 8 }).map((max) => ({
    rule: {
      kind: 'deduction',
      items: [{ code: 'X', label: '事项', pointsEach: 1.5 }],
      ...(max > 0 ? { maxDeduction: max } : {}),
    },
  })),
  fc.constant({ rule: { kind: 'qualitative_grade' } }),
  fc.constant({ rule: { kind: 'expert', trimFrom: 5 } }),
];

const moreRules: fc.Arbitrary<RuleSpec>[] = [
  fc.constantFrom(1, 1.5).map((cap) => ({ rule: { kind: 'reverse', cap }, officeTarget: 40 })),
  fc.constantFrom(5, 20).map((tolerance) => ({ rule: { kind: 'target_gap', tolerance } })),
  fc.constant({ rule: satisfactionRule }),
  fc.constant({ rule: compositeRule }),
  fc.constant({
    rule: formulaRule('structure_share', { kind: 'target_completion' }) as never,
    officeTarget: 80,
  }),
];

interface LeafSpec {
  weight: number;
  rule: RuleSpec;
  appliesTo: string[] | undefined;
  missing: 'zero' | 'redistribute' | 'exclude' | undefined;
  direction: 'higher' | 'lower';
}

const leafSpecArb = (rules: RuleSet): fc.Arbitrary<LeafSpec> =>
  fc.record({
    weight: fc.integer({ min: 0, max: 20 }),
    rule: fc.oneof(...coreRules, ...(rules === 'all' ? moreRules : [])),
    appliesTo: fc.option(fc.subarray(GROUPS, { minLength: 1 }), { nil: undefined }),
    missing: fc.option(fc.constantFrom('zero' as const, 'redistribute' as const, 'exclude' as const), {
      nil: undefined,
    }),
    direction: fc.constantFrom('higher' as const, 'lower' as const),
  });

const systemSpecArb = (rules: RuleSet) => {
  const leafArb = leafSpecArb(rules);
  return fc.record({
    dims: fc.array(
      fc.array(fc.oneof(leafArb, fc.array(leafArb, { minLength: 1, maxLength: 3 })), {
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
    goodShare: fc.option(fc.constantFrom(0.3, 0.7), { nil: undefined }),
    quotaRounding: fc.constantFrom('floor', 'round', 'ceil'),
    tieBreak: fc.subarray(['dimension:D0', 'fewer_deductions', 'more_bonus']),
  });
};
type SystemSpec = ReturnType<typeof systemSpecArb> extends fc.Arbitrary<infer T> ? T : never;

function buildSystem(spec: SystemSpec): SystemContent {
  let n = 0;
  const mk = (l: LeafSpec) =>
    leaf(`L${n++}`, l.weight, l.rule.rule as never, {
      direction: l.direction,
      ...(l.appliesTo ? { appliesTo: l.appliesTo } : {}),
      ...(l.missing ? { missing: l.missing } : {}),
      ...(l.rule.officeTarget !== undefined ? { officeParams: { target: l.rule.officeTarget } } : {}),
    });
  const sum = (xs: { weight: number }[]) => xs.reduce((s, x) => s + x.weight, 0);
  const dims = spec.dims.map((children, i) => {
    const kids = children.map((c, j) => {
      if (!Array.isArray(c)) return mk(c);
      const ls = c.map(mk);
      return branch(`B${i}_${j}`, sum(ls), ls);
    });
    return branch(`D${i}`, sum(kids), kids);
  });
  const total = sum(dims);
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
        {
          code: 'good',
          label: { zh: '良好', en: 'Good' },
          min: 0.6 * total,
          ...(spec.goodShare ? { maxShare: spec.goodShare } : {}),
        },
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
      target: fc.constantFrom(100, 100, 100, 50, 40, 0, -5),
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

export interface Scenario {
  content: SystemContent;
  units: UnitInputs[];
  /** The meeting's adjustments (quarter points either way), when asked for. */
  adjustments: Map<string, Adjustment>;
}

/** A system and 1…`maxUnits` units in groups G1–G3 and G9 (a group no leaf names). */
export function scenarioArb(
  rules: RuleSet,
  opts: { maxUnits: number; adjustments?: boolean },
): fc.Arbitrary<Scenario> {
  return systemSpecArb(rules).chain((spec) => {
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
          adjustment: opts.adjustments
            ? fc.option(fc.integer({ min: -20, max: 20 }), { nil: undefined, freq: 3 })
            : fc.constant(undefined),
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
          adjustment: adjustment === undefined ? undefined : { points: adjustment / 4, reason: `调整${i}` },
        }));
    return fc
      .integer({ min: 1, max: opts.maxUnits })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => unitArb(i))))
      .map((entries) => ({
        content,
        units: entries.map((e) => e.unit) as UnitInputs[],
        adjustments: new Map(
          entries.flatMap((e): [string, Adjustment][] => (e.adjustment ? [[e.unit.unit, e.adjustment]] : [])),
        ),
      }));
  });
}
