import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandsHigher, scenarioArb as scenarioArbOf } from './arbitraries';
import { Dec } from './decimal';
import { scoreUnits } from './engine';
import { branch, leaf, system, unit } from './testing';
import type { LeafResult, NodeResult, ScoringResult } from './types';

/**
 * Properties over generated small systems and inputs (valid per the schemas, with every status:
 * missing, exempt, not applicable, wrong-kind and bad-target inputs mixed in).
 */

const bandsLower = {
  kind: 'bands',
  bands: [
    { min: null, max: 20, fraction: 1 },
    { min: 20, max: 60, fraction: 0.7 },
    { min: 60, max: null, fraction: 0.1 },
  ],
};

const leavesOf = (nodes: readonly NodeResult[]): LeafResult[] =>
  nodes.flatMap((n) => (n.type === 'leaf' ? [n] : leavesOf(n.children)));

const scenarioArb = scenarioArbOf('core', { maxUnits: 8 });

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

// Hundreds of generated systems per property: more than the default 5 s on a loaded 2-core machine.
describe('scoring properties', { timeout: 30_000 }, () => {
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
