import { describe, expect, it } from 'vitest';
import type { ResultRow, RunDigest } from '../evaluation/model';
import { Dec } from '../scoring/decimal';
import type { NodeResult } from '../scoring/types';
import { competitionRanks, extremes, meanOf, placesOf } from './numbers';
import { dimensionPositions, VERDICT_MARGIN, verdictOf } from './positions';
import { sampleReportInputs } from './testing';
import { buildUnitReport } from './unit-report';

const amount = (shown: string) => ({ shown, exact: shown });
const leaf = (code: string, points: string, max: string): NodeResult => ({
  type: 'leaf',
  code,
  name: `指标${code}`,
  path: [code],
  weight: Number(max),
  effectiveWeight: amount(max),
  status: 'scored',
  rule: 'target_completion',
  value: null,
  points: amount(points),
  reason: { zh: '', en: '' },
});
const dim = (code: string, children: NodeResult[]): NodeResult => ({
  type: 'branch',
  code,
  name: `维度${code}`,
  path: [code],
  weight: 0,
  effectiveWeight: amount(children.reduce((s, c) => s.plus(c.effectiveWeight.shown), new Dec(0)).toFixed(2)),
  points: amount(children.reduce((s, c) => s.plus(c.points.shown), new Dec(0)).toFixed(2)),
  children,
});
const row = (unit: string) => ({ unit }) as ResultRow;
const digestOf = (units: Record<string, Record<string, string>>): RunDigest => ({
  units: Object.fromEntries(
    Object.entries(units).map(([u, leaves]) => [
      u,
      {
        system: 's@1',
        row: row(u),
        leaves: Object.fromEntries(
          Object.entries(leaves).map(([l, points]) => [l, { name: l, points, value: null, input: '' }]),
        ),
      },
    ]),
  ),
});

describe('shown-number arithmetic', () => {
  it('reads the places of a shown number', () => {
    expect([placesOf('95.80'), placesOf('96'), placesOf('0.125')]).toEqual([2, 0, 3]);
  });
  it('ranks like a competition: 1, 2, 2, 4', () => {
    expect(competitionRanks(['9.00', '8.50', '8.5', '7.00'])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks(['1', '3', '3', '2'])).toEqual([4, 1, 1, 3]);
    expect(competitionRanks([])).toEqual([]);
  });
  it('takes means and extremes without binary floats', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; the mean of 0.1, 0.2 and 0.3 is exactly 0.2.
    expect(meanOf(['0.1', '0.2', '0.3']).toString()).toBe('0.2');
    expect(meanOf([]).toString()).toBe('0');
    expect(extremes(['9.50', '10.00', '9.5'])).toEqual({ max: '10.00', min: '9.50' });
    expect(extremes([])).toBeUndefined();
  });
});

describe('the verdict on a dimension (5% of its maximum around the group mean)', () => {
  const v = (p: string, mean: string, max = '40', n = 4) =>
    verdictOf(new Dec(p), new Dec(mean), new Dec(max), n);
  it('is a strength from mean + 5% of max, a weakness down from mean − 5%, level between', () => {
    expect(VERDICT_MARGIN).toBe(0.05);
    // max 40: the margin is 2 points.
    expect(v('32', '30')).toBe('strength');
    expect(v('31.99', '30')).toBe('par');
    expect(v('30', '30')).toBe('par');
    expect(v('28.01', '30')).toBe('par');
    expect(v('28', '30')).toBe('weakness');
  });
  it('is level in a group of one, or when the dimension has nothing to give', () => {
    expect(v('40', '10', '40', 1)).toBe('par');
    expect(v('0', '0', '0', 4)).toBe('par');
  });
});

describe('a unit’s position on each dimension', () => {
  // Four units of a group; D1 = A + B (max 30), D2 = C (max 10).
  const digest = digestOf({
    U1: { A: '15.00', B: '10.00', C: '2.00' },
    U2: { A: '20.00', B: '8.00', C: '8.00' },
    U3: { A: '12.00', B: '10.00', C: '6.00' },
    U4: { A: '12.50', B: '9.50', C: '9.00' },
    X9: { A: '20.00', B: '10.00', C: '10.00' },
  });
  const mine = [
    dim('D1', [leaf('A', '15.00', '20.00'), leaf('B', '10.00', '10.00')]),
    dim('D2', [leaf('C', '2.00', '10.00')]),
  ];
  const groupRows = ['U1', 'U2', 'U3', 'U4'].map(row);

  it('sums the leaves under each dimension from the digest, and ranks 1, 2, 2, 4', () => {
    const got = dimensionPositions({ unit: 'U1', dimensions: mine, groupRows, digest });
    // D1: U1 25, U2 28, U3 22, U4 22 → mean 24.25, U1 2nd; margin 1.5 → 25 is par.
    expect(got[0]).toEqual({
      code: 'D1',
      name: '维度D1',
      points: '25.00',
      max: '30.00',
      groupMean: '24.25',
      groupMax: '28.00',
      groupMin: '22.00',
      position: 2,
      of: 4,
      verdict: 'par',
    });
    // D2: 2, 8, 6, 9 → mean 6.25; margin 0.5 → 2 is a weakness, last.
    expect(got[1]).toMatchObject({
      points: '2.00',
      groupMean: '6.25',
      position: 4,
      of: 4,
      verdict: 'weakness',
    });
    const u3 = dimensionPositions({
      unit: 'U3',
      dimensions: [dim('D1', [leaf('A', '12.00', '20.00'), leaf('B', '10.00', '10.00')])],
      groupRows,
      digest,
    });
    expect(u3[0]).toMatchObject({ position: 3, of: 4 });
  });

  it('counts only the group’s members, and the unit itself even when the digest lacks it', () => {
    const got = dimensionPositions({
      unit: 'NEW',
      dimensions: mine,
      groupRows: [row('NEW'), row('U2'), row('GONE')],
      digest,
    });
    // NEW (25, from its breakdown) and U2 (28); GONE has no digest entry and is left out.
    expect(got[0]).toMatchObject({ of: 2, position: 2, groupMean: '26.50' });
    expect(
      dimensionPositions({ unit: 'U1', dimensions: mine, groupRows: [row('U1')], digest })[0],
    ).toMatchObject({
      of: 1,
      position: 1,
      verdict: 'par',
      groupMean: '25.00',
    });
  });

  it('counts 0 for a leaf a member does not have', () => {
    const d = digestOf({ U1: { A: '15.00', B: '10.00' }, U2: { A: '20.00' } });
    const got = dimensionPositions({
      unit: 'U1',
      dimensions: [mine[0]!],
      groupRows: [row('U1'), row('U2')],
      digest: d,
    });
    expect(got[0]).toMatchObject({ groupMin: '20.00', groupMax: '25.00', position: 1 });
  });

  it('agrees, for every unit of the sample, with the positions read from each unit’s own breakdown', () => {
    const inputs = sampleReportInputs();
    for (const u of inputs.units) {
      const report = buildUnitReport(u);
      const members = inputs.office.results.filter((x) => x.result.group === u.unit.group.code);
      for (const d of report.dimensions) {
        const own = members.map((m) => m.result.dimensions.find((x) => x.code === d.code)!.points.shown);
        const me = u.result.result.dimensions.find((x) => x.code === d.code)!.points.shown;
        expect([u.unit.code, d.code, d.points, d.position, d.of, d.groupMean]).toEqual([
          u.unit.code,
          d.code,
          me,
          1 + own.filter((p) => new Dec(p).gt(me)).length,
          members.length,
          meanOf(own).toFixed(2),
        ]);
        expect(d.groupMax).toBe(extremes(own)!.max);
        expect(d.groupMin).toBe(extremes(own)!.min);
      }
    }
  });
});
