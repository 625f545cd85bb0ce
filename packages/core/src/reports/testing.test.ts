import { describe, expect, it } from 'vitest';
import { appealSchema } from '../evaluation/appeals';
import { resultRowSchema, unitRunResultSchema } from '../evaluation/model';
import { rectificationSchema } from '../evaluation/rectification';
import { reportDataSchema } from './model';
import { SAMPLE_IDS, sampleReportInputs, sampleReports } from './testing';

describe('the sample report inputs (for the builders’, renderers’ and API’s tests)', () => {
  const inputs = sampleReportInputs();

  it('are records as stored: every one parses with its schema', () => {
    for (const r of inputs.office.results) unitRunResultSchema.parse(r);
    for (const r of [...inputs.office.rows, ...inputs.office.firstRelease!.rows]) resultRowSchema.parse(r);
    for (const a of inputs.office.appeals) appealSchema.parse(a);
    for (const t of inputs.office.tasks) rectificationSchema.parse(t);
  });

  it('hold two groups of 5 and 4 units, an accepted and a rejected appeal, an overdue task and two earlier years', () => {
    const count = (g: string) => inputs.office.rows.filter((r) => r.group === g).length;
    expect([count('DEPT'), count('DISTRICT')]).toEqual([5, 4]);
    expect(inputs.office.appeals.map((a) => a.status)).toEqual(['accepted', 'rejected']);
    expect(inputs.units).toHaveLength(9);
    for (const u of inputs.units) expect(u.history.map((h) => h.year)).toEqual([2022, 2023]);
    const report = sampleReports();
    expect(report.office.rectification.overdue).toBe(1);
    expect(report.unit.unit.code).toBe('NGQ');
    expect(report.unit.dimensions.map((d) => d.verdict).sort()).toEqual(['strength', 'strength', 'weakness']);
  });

  it('come from two runs of the engine: the accepted appeal’s correction raised the unit’s total', () => {
    const first = inputs.office.firstRelease!;
    expect(first.run).toBe(SAMPLE_IDS.firstRun);
    const before = first.rows.find((r) => r.unit === 'NGQ')!.total.shown;
    const after = inputs.office.rows.find((r) => r.unit === 'NGQ')!.total.shown;
    expect(Number(after)).toBeGreaterThan(Number(before));
    expect(inputs.unit.result.provenance.TC!.origin).toBe('appeal');
    // Every other unit scored the same in both runs.
    for (const r of inputs.office.rows.filter((x) => x.unit !== 'NGQ'))
      expect(first.rows.find((x) => x.unit === r.unit)!.total).toEqual(r.total);
  });

  it('are the same on every call, and every sample report parses', () => {
    expect(JSON.stringify(sampleReportInputs())).toBe(JSON.stringify(inputs));
    const all = sampleReports();
    for (const d of [all.unit, all.office, all.congress, ...all.units]) reportDataSchema.parse(d);
  });
});
