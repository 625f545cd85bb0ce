import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINANCE_CALCULATORS } from '../finance';
import { scenarioArb } from './arbitraries';
import { batchRun, peersToJson, rankBatches, type ScoredJson, scoreBatch } from './batch';
import { computePeersOf, scoreUnits } from './engine';
import { branch, leaf, system, unit } from './testing';

/**
 * The year-end batch scores in three separate tasks with JSON (S3 objects) between them: peer
 * statistics once, units in batches of any size and order, then ranks over everything. Whatever the
 * split, the result must be byte-for-byte what `scoreUnits` gives in one piece. Generated systems
 * use every rule kind, with the statuses the engine knows (missing, exempt, not applicable, wrong
 * kind, a refused target); the generators are ./arbitraries.ts with every rule.
 */

/** The Map's items in any order, cut into batches of any size, finishing in any order. */
const scenarioWithBatchesArb = scenarioArb('all', { maxUnits: 12, adjustments: true }).chain((s) =>
  fc
    .record({
      order: fc.shuffledSubarray(s.units, { minLength: s.units.length }),
      cuts: fc.array(fc.integer({ min: 1, max: 5 }), {
        minLength: s.units.length,
        maxLength: s.units.length,
      }),
      batchOrder: fc.nat(),
    })
    .map((b) => ({ ...s, ...b })),
);

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
      fc.property(scenarioWithBatchesArb, ({ content, units, adjustments, order, cuts, batchOrder }) => {
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
      fc.property(scenarioWithBatchesArb, ({ content, units, order }) => {
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
