import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINANCE_CALCULATORS } from '../finance';
import { LIKERT_LEVELS, leavesOf, unitInputsSchema } from '../indicators/model';
import { TEMPLATES } from '../indicators/templates';
import { scoreUnits } from './engine';

/**
 * Whatever schema-valid data arrives for a real template (zeros, negatives, huge numbers, the wrong
 * kind of input for a leaf, unknown codes), scoring answers with statuses and reasons: it never
 * throws and never yields NaN or Infinity. (Bounds and monotonicity are properties.test.ts's.)
 */
const num = fc.oneof(
  fc.constantFrom(0, -1, 1, 100, 1e12, -1e12, 0.005),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
);
const leafInput = fc.oneof(
  fc.record({ kind: fc.constant('value'), actual: num, target: fc.option(num, { nil: undefined }) }),
  fc.record({
    kind: fc.constant('incidents'),
    counts: fc.dictionary(fc.string({ maxLength: 6 }), fc.nat(50)),
  }),
  fc.record({ kind: fc.constant('grade'), grade: fc.constantFrom('A', 'B', 'C', 'D') }),
  fc.record({
    kind: fc.constant('expert_scores'),
    scores: fc.array(fc.double({ min: 0, max: 200, noNaN: true }), { minLength: 1, maxLength: 20 }),
  }),
  fc.record({
    kind: fc.constant('survey'),
    answers: fc.dictionary(
      fc.constantFrom('clients', 'public', 'npc', 'G1', 'x'),
      fc.dictionary(fc.constantFrom(...LIKERT_LEVELS), fc.nat(500)),
    ),
  }),
  fc.record({
    kind: fc.constant('sources'),
    scores: fc.dictionary(fc.string({ maxLength: 6 }), fc.double({ min: 0, max: 100, noNaN: true })),
  }),
  fc.record({
    kind: fc.constant('formula'),
    args: fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(num, fc.array(num, { maxLength: 8 }))),
    target: fc.option(num, { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('exempt'), reason: fc.constant('免考') }),
);

describe('scoring never breaks on schema-valid data', () => {
  for (const t of TEMPLATES) {
    it(`${t.id}`, () => {
      const codes = leavesOf(t.content.dimensions).map((l) => l.code);
      const unit = (code: string) =>
        fc.record({
          unit: fc.constant(code),
          group: fc.constantFrom('G1', 'G2'),
          leaves: fc.dictionary(fc.constantFrom(...codes, 'NOPE'), leafInput),
          bonus: fc.dictionary(
            fc.constantFrom(...t.content.bonusItems.map((b) => b.code), 'NOPE'),
            fc.double({ min: 0, max: 50, noNaN: true }),
          ),
          vetoes: fc.dictionary(
            fc.constantFrom(...t.content.vetoItems.map((v) => v.code), 'NOPE'),
            fc.constant('触发'),
          ),
        });
      fc.assert(
        fc.property(fc.tuple(unit('U1'), unit('U2'), unit('U3')), (units) => {
          const parsed = units.map((u) => unitInputsSchema.parse(u));
          const r = scoreUnits(t.content, parsed, { calculators: FINANCE_CALCULATORS });
          const json = JSON.stringify(r);
          expect(json).not.toMatch(/NaN|Infinity/);
          for (const u of r.units) expect(Number.isFinite(Number(u.total.shown))).toBe(true);
        }),
        { numRuns: 60, seed: 2026 },
      );
    });
  }
});
