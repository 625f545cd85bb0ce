import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { DEFAULT_GRADING, type IndicatorNode, type Leaf, type SystemContent } from './model';
import { templateContent } from './templates';
import { validateSystem, weightSummary } from './validate';
import { apportion, correctWeights } from './weight-correction';

const leaf = (code: string, weight: number): Leaf => ({
  code,
  name: code,
  weight,
  direction: 'higher',
  type: 'quantitative',
  source: 'self_report',
  rule: { kind: 'target_completion', cap: 1 },
  evidence: { required: false },
});
const branch = (code: string, weight: number, children: IndicatorNode[]) => ({
  code,
  name: code,
  weight,
  children,
});
const kpiLike = (): SystemContent => ({
  name: 'KPI',
  total: 100,
  dimensions: [
    branch('D1', 30, [leaf('D1-1', 20), leaf('D1-2', 10)]),
    branch('D2', 20, [leaf('D2-1', 20)]),
    branch('D3', 15, [leaf('D3-1', 15)]),
    branch('D4', 15, [leaf('D4-1', 10), leaf('D4-2', 5)]),
    branch('D5', 10, [leaf('D5-1', 10)]),
    branch('D6', 10, [leaf('D6-1', 10)]),
    branch('D7', 10, [leaf('D7-1', 6), leaf('D7-2', 4)]),
  ],
  bonusItems: [],
  bonusCap: 0,
  vetoItems: [],
  statistics: [],
  grading: DEFAULT_GRADING,
  missingData: 'zero',
  exemption: 'redistribute',
  decimals: 2,
});

const sumsOk = (c: SystemContent) => weightSummary(c).every((s) => s.ok);

describe('apportion (largest remainder)', () => {
  it('splits 100 over the KPI weights exactly at two decimals', () => {
    const ws = apportion(100, [30, 20, 15, 15, 10, 10, 10], 2);
    expect(ws).toEqual([27.27, 18.18, 13.64, 13.64, 9.09, 9.09, 9.09]);
  });

  it('always adds up to the total exactly, at any places', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 4 }),
        (ws, total, places) => {
          fc.pre(ws.some((w) => w > 0));
          const out = apportion(total, ws, places);
          const cents = out.reduce((a, x) => a + Math.round(x * 10 ** places), 0);
          expect(cents).toBe(total * 10 ** places);
          for (const x of out) expect(x).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('correctWeights', () => {
  it('scales the source KPI weights (110) to 100 and every level still adds up', () => {
    const c = correctWeights(kpiLike(), { method: 'scale', path: 'dimensions' });
    expect(c.dimensions.map((d) => d.weight)).toEqual([27.27, 18.18, 13.64, 13.64, 9.09, 9.09, 9.09]);
    expect(sumsOk(c)).toBe(true);
  });

  it('lowers the weights the office names by exactly the excess, scaling what is under them', () => {
    const c = correctWeights(kpiLike(), {
      method: 'lower',
      path: 'dimensions',
      reductions: { D4: 5, D7: 5 },
    });
    expect(c.dimensions.map((d) => d.weight)).toEqual([30, 20, 15, 10, 10, 10, 5]);
    const d7 = c.dimensions[6] as { children: IndicatorNode[] };
    expect(d7.children.map((l) => l.weight)).toEqual([3, 2]);
    expect(sumsOk(c)).toBe(true);
  });

  it('refuses reductions that do not remove exactly the excess, naming the amount due', () => {
    try {
      correctWeights(kpiLike(), { method: 'lower', path: 'dimensions', reductions: { D7: 5 } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const f = (e as AppError).fields[0]!;
      expect(f.path).toBe('body.reductions');
      expect(f.zh).toContain('合计须为 10');
      expect(f.en).toContain('must add up to 10');
    }
  });

  it('refuses a code that is not in the list, a reduction above the weight, and lowering when nothing is over', () => {
    const unknown = (() => {
      try {
        correctWeights(kpiLike(), { method: 'lower', path: 'dimensions', reductions: { X9: 10 } });
      } catch (e) {
        return (e as AppError).fields[0];
      }
    })();
    expect(unknown?.path).toBe('body.reductions.X9');
    expect(unknown?.zh).toContain('X9 不在该级指标中');
    expect(() =>
      correctWeights(kpiLike(), { method: 'lower', path: 'dimensions', reductions: { D5: 10.5 } }),
    ).toThrow();
    const ok = correctWeights(kpiLike(), { method: 'scale', path: 'dimensions' });
    expect(() => correctWeights(ok, { method: 'lower', path: 'dimensions', reductions: { D1: 1 } })).toThrow(
      AppError,
    );
    expect(() => correctWeights(kpiLike(), { method: 'scale', path: 'dimensions.9.children' })).toThrow(
      AppError,
    );
  });

  it('corrects one branch’s children against the branch weight', () => {
    const c = kpiLike();
    (c.dimensions[0] as { children: IndicatorNode[] }).children[1]!.weight = 20; // 20 + 20 under 30
    const fixed = correctWeights(c, { method: 'scale', path: 'dimensions.0.children' });
    expect((fixed.dimensions[0] as { children: IndicatorNode[] }).children.map((l) => l.weight)).toEqual([
      15, 15,
    ]);
  });

  it('a node coded like an Object.prototype member is lowered by nothing unless named', () => {
    const c = kpiLike();
    c.dimensions[0]!.code = 'constructor';
    c.dimensions[1]!.code = 'toString';
    const fixed = correctWeights(c, { method: 'lower', path: 'dimensions', reductions: { D7: 10 } });
    expect(fixed.dimensions.map((d) => d.weight)).toEqual([30, 20, 15, 15, 10, 10, 0]);
  });

  it('leaves the input untouched', () => {
    const c = kpiLike();
    const before = JSON.stringify(c);
    correctWeights(c, { method: 'scale', path: 'dimensions' });
    expect(JSON.stringify(c)).toBe(before);
  });

  it('turns the KPI template into a valid system either way', () => {
    const kpi = templateContent('kpi');
    if (!kpi) throw new Error('kpi template missing');
    for (const fix of [
      { method: 'scale' as const, path: 'dimensions' },
      { method: 'lower' as const, path: 'dimensions', reductions: { [kpi.dimensions[6]!.code]: 10 } },
    ]) {
      const c = correctWeights(kpi, fix);
      expect(validateSystem(c, { unitGroups: [] }).filter((i) => i.check === 'weight_sum')).toEqual([]);
      // A changed weight is no longer the source's: the quote stays, the claim goes.
      const changed = c.dimensions.filter((d, i) => d.weight !== kpi.dimensions[i]!.weight);
      expect(changed.length).toBeGreaterThan(0);
      for (const d of changed) {
        expect(d.provenance?.kind).toBe('source');
        expect(d.provenance?.kind === 'source' && d.provenance.covers?.includes('weight')).toBeFalsy();
      }
    }
  });
});
