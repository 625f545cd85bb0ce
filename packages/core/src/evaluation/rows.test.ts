import { describe, expect, it } from 'vitest';
import { scoreUnits } from '../scoring/engine';
import { branch, leaf, system, unit, value } from '../scoring/testing';
import { type LeafProvenance, resultRowSchema, unitRunResultSchema } from './model';
import { resultRowOf, unitRunResultOf } from './rows';
import { stagesOf } from './stages';

const content = system({
  dimensions: [
    branch('D', 100, [
      leaf('A', 60, { kind: 'target_completion' }),
      leaf('E', 40, { kind: 'expert' }, { type: 'qualitative', source: 'expert' }),
    ]),
  ],
  vetoItems: [{ code: 'VB', name: '限优事项', effect: 'bar_excellent' }],
});

const provenance: Record<string, LeafProvenance> = {
  E: { origin: 'experts', detail: { zh: '3 位专家', en: '3 experts' }, evidence: [] },
  A: {
    origin: 'verified',
    detail: { zh: '单位自报 95，已核实', en: 'Reported: 95, verified' },
    evidence: [{ id: 'ev1', name: '统计表', version: 2 }],
  },
};

const scored = scoreUnits(
  content,
  [
    unit(
      'U1',
      'G',
      { A: value(95, 100), E: { kind: 'expert_scores', scores: [90] } },
      { vetoes: { VB: '通报' } },
    ),
    unit('U2', 'G', { A: value(80, 100), E: { kind: 'expert_scores', scores: [70] } }),
  ],
  { adjustments: new Map([['U2', { points: -1.5, reason: '评议会下调' }]]) },
);
const [u1, u2] = scored.units;

describe('unitRunResultOf', () => {
  const r = unitRunResultOf({
    unit: { code: 'U1', name: '第一单位' },
    system: { id: 'isaaaaaaaaaaaa', version: 3, name: '体系' },
    content,
    result: u1!,
    provenance,
  });

  it('holds the result, its stages and the provenance in code order, and nothing of the run', () => {
    expect(r.unit).toBe('U1');
    expect(r.name).toBe('第一单位');
    expect(r.system).toEqual({ id: 'isaaaaaaaaaaaa', version: 3, name: '体系' });
    expect(r.result).toBe(u1);
    expect(r.stages).toEqual(stagesOf(content, u1!));
    expect(Object.keys(r.provenance)).toEqual(['A', 'E']);
    expect(r.adjustment).toBeUndefined();
    expect(unitRunResultSchema.parse(JSON.parse(JSON.stringify(r)))).toEqual(JSON.parse(JSON.stringify(r)));
  });

  it("takes the meeting's adjustment from the result", () => {
    const r2 = unitRunResultOf({
      unit: { code: 'U2', name: '第二单位' },
      system: { id: 'isaaaaaaaaaaaa', version: 3, name: '体系' },
      content,
      result: u2!,
      provenance: {},
    });
    expect(r2.adjustment).toEqual({ points: { shown: '-1.50', exact: '-1.5' }, reason: '评议会下调' });
  });
});

describe('resultRowOf', () => {
  it("is the unit's line: total, rank, grade, stages, adjustment, vetoes and warnings", () => {
    const rows = scored.units.map((u) =>
      resultRowOf(
        unitRunResultOf({
          unit: { code: u.unit, name: `单位${u.unit}` },
          system: { id: 'isaaaaaaaaaaaa', version: 3, name: '体系' },
          content,
          result: u,
          provenance: {},
        }),
      ),
    );
    // U1: 60 × 0.95 = 57.00 + 40 × 0.9 = 36.00 → 93.00, 优秀 by score, barred → 良好.
    // U2: 48.00 + 28.00 = 76.00, − 1.50 = 74.50.
    expect(rows).toEqual([
      {
        unit: 'U1',
        name: '单位U1',
        group: 'G',
        total: { shown: '93.00', exact: '93' },
        rank: 1,
        of: 2,
        grade: 'good',
        gradeLabel: { zh: '良好', en: 'Good' },
        stages: stagesOf(content, u1!),
        vetoes: ['VB'],
        warnings: 0,
      },
      {
        unit: 'U2',
        name: '单位U2',
        group: 'G',
        total: { shown: '74.50', exact: '74.5' },
        rank: 2,
        of: 2,
        grade: 'fair',
        gradeLabel: { zh: '一般', en: 'Fair' },
        stages: stagesOf(content, u2!),
        adjustment: { shown: '-1.50', exact: '-1.5' },
        vetoes: [],
        warnings: 0,
      },
    ]);
    for (const row of rows) expect(resultRowSchema.parse(row)).toEqual(row);
  });
});
