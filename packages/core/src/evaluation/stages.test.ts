import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../scoring/decimal';
import { scoreUnits } from '../scoring/engine';
import { branch, leaf, system, unit, value } from '../scoring/testing';
import { stagesOf } from './stages';

/**
 *   D1 50: A 30 (self-report, target completion) · B 20 (data provider, bands: ≥ 60 full, else half)
 *   D2 50: E 20 (expert, scale 100) · S 30 (survey, one group, minimum sample 1)
 */
const content = (decimals = 2) =>
  system({
    decimals,
    dimensions: [
      branch('D1', 50, [
        leaf('A', 30, { kind: 'target_completion' }),
        leaf(
          'B',
          20,
          {
            kind: 'bands',
            bands: [
              { min: null, max: 60, fraction: 0.5 },
              { min: 60, max: null, fraction: 1 },
            ],
          },
          { source: 'data_provider' },
        ),
      ]),
      branch('D2', 50, [
        leaf('E', 20, { kind: 'expert' }, { type: 'qualitative', source: 'expert' }),
        leaf(
          'S',
          30,
          { kind: 'satisfaction', groups: [{ key: 'p', label: '公众', weight: 1 }], minSample: 1 },
          { type: 'qualitative', source: 'survey' },
        ),
      ]),
    ],
  });

const survey = (satisfied: number, fair: number) => ({
  kind: 'survey',
  answers: { p: { satisfied, fair } },
});

describe('stagesOf', () => {
  it('adds the shown points of each stage’s leaves, out of their effective weights', () => {
    const c = content();
    const r = scoreUnits(c, [
      unit('U1', 'G', {
        A: value(90, 100), // 30 × 0.9 = 27.00
        B: value(70), // full 20.00
        E: { kind: 'expert_scores', scores: [80] }, // 20 × 0.8 = 16.00
        S: survey(1, 2), // (80 + 2 × 60) ÷ 3 = 66.67 → 30 × 0.6667 = 20.00
      }),
    ]).units[0]!;
    expect(stagesOf(c, r)).toEqual([
      { stage: 'indicators', points: { shown: '47.00', exact: '47' }, max: { shown: '50.00', exact: '50' } },
      {
        stage: 'satisfaction',
        points: { shown: '20.00', exact: '20' },
        max: { shown: '30.00', exact: '30' },
      },
      { stage: 'experts', points: { shown: '16.00', exact: '16' }, max: { shown: '20.00', exact: '20' } },
    ]);
    expect(r.base.sum.shown).toBe('83.00');
  });

  it('follows redistributed weight: an exempted survey leaf gives its weight to the expert leaf', () => {
    const c = content(1);
    const r = scoreUnits(c, [
      unit('U1', 'G', {
        A: value(90, 100),
        B: value(50),
        E: { kind: 'expert_scores', scores: [80] },
        S: { kind: 'exempt', reason: '未开展测评' },
      }),
    ]).units[0]!;
    // E now weighs 50: 50 × 0.8 = 40.0; B 20 × 0.5 = 10.0; A 27.0.
    expect(stagesOf(c, r)).toEqual([
      { stage: 'indicators', points: { shown: '37.0', exact: '37' }, max: { shown: '50.0', exact: '50' } },
      { stage: 'satisfaction', points: { shown: '0.0', exact: '0' }, max: { shown: '0.0', exact: '0' } },
      { stage: 'experts', points: { shown: '40.0', exact: '40' }, max: { shown: '50.0', exact: '50' } },
    ]);
  });

  it('lists only the stages the system has', () => {
    const c = system({
      dimensions: [branch('D', 10, [leaf('A', 10, { kind: 'qualitative_grade' }, { type: 'qualitative' })])],
    });
    const r = scoreUnits(c, [unit('U1', 'G', { A: { kind: 'grade', grade: 'B' } })]).units[0]!;
    expect(stagesOf(c, r)).toEqual([
      { stage: 'indicators', points: { shown: '8.00', exact: '8' }, max: { shown: '10.00', exact: '10' } },
    ]);
  });

  it('always adds up to the base sum, and the maxima to the effective total, whatever the inputs', () => {
    const input = (kind: 'A' | 'B' | 'E' | 'S') => {
      const proper = {
        A: fc.integer({ min: 0, max: 150 }).map((x) => value(x, 97)),
        B: fc.integer({ min: 0, max: 100 }).map((x) => value(x)),
        E: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 7 }).map((scores) => ({
          kind: 'expert_scores',
          scores,
        })),
        S: fc.tuple(fc.nat(30), fc.nat(30)).map(([a, b]) => survey(a, b)),
      }[kind];
      return fc.oneof(
        { weight: 6, arbitrary: proper as fc.Arbitrary<unknown> },
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constant({ kind: 'exempt', reason: '免考' }) },
      );
    };
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1, 2, 3),
        fc.constantFrom('zero', 'redistribute', 'exclude'),
        input('A'),
        input('B'),
        input('E'),
        input('S'),
        (decimals, missingData, A, B, E, S) => {
          const c = { ...content(decimals), missingData: missingData as 'zero' };
          const leaves = Object.fromEntries(
            Object.entries({ A, B, E, S }).filter(([, v]) => v !== undefined),
          );
          const r = scoreUnits(c, [unit('U1', 'G', leaves)]).units[0]!;
          const stages = stagesOf(c, r);
          const points = stages.reduce((s, x) => s.plus(x.points.shown), new Dec(0));
          expect(points.toFixed(decimals)).toBe(r.base.sum.shown);
          const max = stages.reduce((s, x) => s.plus(x.max.exact), new Dec(0));
          const dims = r.dimensions.reduce((s, x) => s.plus(x.effectiveWeight.exact), new Dec(0));
          expect(max.eq(dims)).toBe(true);
          for (const x of stages) expect(new Dec(x.points.shown).lte(x.max.shown)).toBe(true);
        },
      ),
      { numRuns: 120 },
    );
  });
});
