import { describe, expect, it } from 'vitest';
import { scoreUnits } from '../scoring/engine';
import { branch, leaf, system, unit } from '../scoring/testing';
import { digestOf } from './digest';
import { digestSchema } from './model';
import { resultRowOf, unitRunResultOf } from './rows';

const content = system({
  dimensions: [
    branch('D', 100, [
      leaf('B', 50, { kind: 'target_completion' }, { unitOfMeasure: '%' }),
      leaf('A', 30, { kind: 'qualitative_grade' }, { type: 'qualitative' }),
      leaf('C', 20, { kind: 'qualitative_grade' }, { type: 'qualitative', appliesTo: ['G2'] }),
    ]),
  ],
});

const results = (inputs: Parameters<typeof scoreUnits>[1]) =>
  scoreUnits(content, inputs).units.map((u) =>
    unitRunResultOf({
      unit: { code: u.unit, name: `单位${u.unit}` },
      system: { id: 'isaaaaaaaaaaaa', version: 4, name: content.name },
      content,
      result: u,
      provenance: {},
    }),
  );

describe('digestOf', () => {
  const inputs = [
    unit('U2', 'G1', { B: { kind: 'value', actual: 92, target: 100 } }),
    unit('U1', 'G1', { B: { target: 100, actual: 80, kind: 'value' }, A: { kind: 'grade', grade: 'B' } }),
  ];
  const rs = results(inputs);
  const d = digestOf(rs, inputs);

  it('has per unit the system as id@version, the row, and per leaf points, value and input fingerprint', () => {
    expect(Object.keys(d.units)).toEqual(['U1', 'U2']);
    const u1 = d.units.U1!;
    expect(u1.system).toBe('isaaaaaaaaaaaa@4');
    expect(u1.row).toEqual(resultRowOf(rs.find((r) => r.unit === 'U1')!));
    // C's 20 points go to A and B (30 : 50): A weighs 37.5 × 0.8 = 30.00, B 62.5 × 0.8 = 50.00.
    expect(u1.leaves).toEqual({
      A: { name: '指标A', points: '30.00', value: 'B', input: '{"grade":"B","kind":"grade"}' },
      B: { name: '指标B', points: '50.00', value: 80, input: '{"actual":80,"kind":"value","target":100}' },
      // Not applicable to G1: in the digest with no input, so a later change of group shows.
      C: { name: '指标C', points: '0.00', value: null, input: '' },
    });
    expect(d.units.U2!.leaves.A).toEqual({ name: '指标A', points: '0.00', value: null, input: '' });
    expect(digestSchema.parse(d)).toEqual(d);
  });

  it('fingerprints inputs canonically (key order does not matter) and is byte-equal for equal runs', () => {
    const again = [
      unit('U1', 'G1', { A: { grade: 'B', kind: 'grade' }, B: { kind: 'value', actual: 80, target: 100 } }),
      unit('U2', 'G1', { B: { actual: 92, kind: 'value', target: 100 } }),
    ];
    expect(JSON.stringify(digestOf(results(again), again))).toBe(JSON.stringify(d));
  });
});
