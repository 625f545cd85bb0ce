import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestOf } from '../evaluation/digest';
import { resultRowOf, unitRunResultOf } from '../evaluation/rows';
import { FINANCE_CALCULATORS } from '../finance';
import { GROUPS, scenarioArb } from '../scoring/arbitraries';
import { Dec } from '../scoring/decimal';
import { scoreUnits } from '../scoring/engine';
import type { UnitResult } from '../scoring/types';
import { buildCongressReport } from './congress-report';
import type { ReportContext } from './inputs';
import { congressReportSchema, officeReportSchema, unitReportSchema } from './model';
import { buildOfficeReport } from './office-report';
import { buildUnitReport, MAX_LOSSES } from './unit-report';

/**
 * Properties of the reports over generated systems and units scored by the real engine (the
 * scoring tests' arbitraries: every rule kind, missing, exempt and not-applicable leaves,
 * redistributed weight, bonus, vetoes, the meeting's adjustments).
 */

const context: ReportContext = {
  tenant: { code: '230100', name: '哈尔滨市' },
  cycle: { id: 'cyprop', name: '2025 年度绩效评估', year: 2025 },
  run: { id: 'rnprop', number: 1 },
  asOf: '2025-06-30',
};

const scenario = scenarioArb('all', { maxUnits: 10, adjustments: true }).map(
  ({ content, units, adjustments }) => {
    const scored = scoreUnits(content, units, { calculators: FINANCE_CALCULATORS, adjustments });
    const results = scored.units.map((u) =>
      unitRunResultOf({
        unit: { code: u.unit, name: `单位${u.unit}` },
        system: { id: 'isprop', version: 1, name: content.name },
        content,
        result: u as UnitResult,
        provenance: {},
      }),
    );
    const rows = results.map(resultRowOf);
    return { content, results, rows, digest: digestOf(results, units) };
  },
);

const groups = [...GROUPS, 'G9'].map((code) => ({ code, name: `${code}组` }));

describe('reports built from generated results', () => {
  it('parse with their schemas, and their counts add up', () => {
    fc.assert(
      fc.property(scenario, ({ content, results, rows }) => {
        const office = buildOfficeReport({
          context,
          groups,
          levels: content.grading.levels,
          rows,
          results,
          appeals: [],
          tasks: [],
        });
        officeReportSchema.parse(office);
        congressReportSchema.parse(buildCongressReport({ office }));
        expect(office.units).toBe(rows.length);
        expect(office.grades.reduce((s, g) => s + g.count, 0)).toBe(rows.length);
        expect(office.bands.reduce((s, b) => s + b.count, 0)).toBe(rows.length);
        expect(office.groups.reduce((s, g) => s + g.units, 0)).toBe(rows.length);
        expect(office.grades.map((g) => g.code)).toEqual(content.grading.levels.map((l) => l.code));
        for (const g of office.groups) {
          expect(g.grades.reduce((s, x) => s + x.count, 0)).toBe(g.units);
          expect(g.ranking).toHaveLength(g.units);
          const ranks = g.ranking.map((l) => l.rank);
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
          expect(new Dec(g.min).lte(g.mean) && new Dec(g.mean).lte(g.max)).toBe(true);
        }
        expect(office.problems.length).toBeLessThanOrEqual(10);
        for (const p of office.problems) {
          expect(p.units).toBeGreaterThan(0);
          expect(p.units).toBeLessThanOrEqual(p.of);
          expect(Number(p.scoreRate)).toBeGreaterThanOrEqual(0);
          expect(Number(p.scoreRate)).toBeLessThan(100);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('place every unit 1..of on each dimension, as its group’s own breakdowns say', () => {
    fc.assert(
      fc.property(scenario, ({ results, rows, digest }) => {
        for (const result of results) {
          const groupRows = rows.filter((r) => r.group === result.result.group);
          const report = buildUnitReport({
            context,
            unit: {
              code: result.unit,
              name: result.name,
              type: 'department',
              group: { code: result.result.group, name: '组' },
            },
            result,
            groupRows,
            digest,
            history: [],
            appeals: [],
            tasks: [],
          });
          unitReportSchema.parse(report);
          const members = results.filter((r) => r.result.group === result.result.group);
          expect(report.dimensions).toHaveLength(result.result.dimensions.length);
          for (const d of report.dimensions) {
            expect(d.of).toBe(members.length);
            expect(d.position).toBeGreaterThanOrEqual(1);
            expect(d.position).toBeLessThanOrEqual(d.of);
            // The digest's leaf sums equal each member's own dimension points (branch = Σ shown children).
            const own = members.map((m) => m.result.dimensions.find((x) => x.code === d.code)!.points.shown);
            expect(d.position).toBe(1 + own.filter((p) => new Dec(p).gt(d.points)).length);
            const mean = own.reduce((s, p) => s.plus(p), new Dec(0)).dividedBy(own.length);
            expect(d.groupMean).toBe(mean.toFixed(placesOfShown(d.points)));
            if (d.of === 1) expect(d.verdict).toBe('par');
          }
          expect(report.losses.length).toBeLessThanOrEqual(MAX_LOSSES);
          for (const l of report.losses) expect(new Dec(l.lost).gt(0)).toBe(true);
          expect(report.trend).toHaveLength(1);
        }
      }),
      { numRuns: 40 },
    );
  });
});

const placesOfShown = (s: string) => (s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);
