import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  FINANCE_CALCULATOR_NAMES,
  FINANCE_CALCULATORS,
  type FinanceCalculator,
  type FinanceCalculatorName,
  runFinanceCalculator,
} from './registry';

const REQUIRED = [
  'fnpv',
  'npvr',
  'irr',
  'static_payback',
  'dynamic_payback',
  'employment_per_investment',
  'energy_per_net_output',
  'land_per_investment',
  'water_per_product',
  'eqi',
  'revenue_growth_rate',
  'debt_ratio',
];

/** The argument names of each calculator; array-valued ones are marked []. */
const FIELDS: Record<FinanceCalculatorName, string[]> = {
  fnpv: ['netFlows[]', 'ratePercent'],
  present_value_of_investment: ['investments[]', 'ratePercent'],
  npvr: ['npv', 'presentValueOfInvestment'],
  irr: ['netFlows[]'],
  static_payback: ['netFlows[]'],
  dynamic_payback: ['netFlows[]', 'ratePercent'],
  employment_per_investment: ['directJobs', 'relatedJobs', 'directInvestment', 'indirectInvestment'],
  energy_per_net_output: ['annualEnergyConsumption', 'netOutputValue'],
  land_per_investment: ['cultivatedLandMu', 'totalInvestment'],
  water_per_product: ['annualProductionWaterUse', 'mainProductOutput'],
  eqi: ['emitted[]', 'maxAllowed[]'],
  revenue_growth_rate: ['current', 'previous'],
  structure_share: ['part', 'total'],
  debt_ratio: ['debtBalance', 'fiscalCapacity'],
  debt_to_gdp: ['debtBalance', 'gdp'],
  debt_to_revenue: ['debtBalance', 'revenue'],
  debt_service_ratio: ['debtService', 'fiscalCapacity'],
};

const run = (name: string, args: unknown) => runFinanceCalculator(name, args);

describe('FINANCE_CALCULATORS', () => {
  it('has every required calculator, each with bilingual label and unit', () => {
    for (const name of REQUIRED) expect(FINANCE_CALCULATOR_NAMES).toContain(name);
    expect(Object.keys(FIELDS).sort()).toEqual([...FINANCE_CALCULATOR_NAMES].sort());
    for (const name of FINANCE_CALCULATOR_NAMES) {
      const c: FinanceCalculator = FINANCE_CALCULATORS[name];
      expect(c.label.zh && c.label.en && c.unitOfMeasure.zh && c.unitOfMeasure.en).toBeTruthy();
    }
  });

  it('every argument schema converts to JSON Schema (for the API listing)', () => {
    for (const name of FINANCE_CALCULATOR_NAMES) {
      const schema = z.toJSONSchema(FINANCE_CALCULATORS[name].args, { unrepresentable: 'any' });
      expect(JSON.stringify(schema)).toContain('number');
    }
  });

  it('runs the worked examples by name; rates in and out are PERCENT', () => {
    expect(run('fnpv', { netFlows: [-1000, 300, 400, 500, 200], ratePercent: 8 })).toMatchObject({
      ok: true,
    });
    const f = run('fnpv', {
      inflows: [0, 500, 650, 800, 200],
      outflows: [1000, 200, 250, 300, 0],
      ratePercent: 8,
    });
    expect(f.ok && f.value).toBeCloseTo(152.440182, 5);
    // NPVR = 152.440182 / 925.925926 × 100% = 16.4635%
    const n = run('npvr', { npv: 152.440182, presentValueOfInvestment: 925.925926 });
    expect(n.ok && n.value).toBeCloseTo(16.4635, 4);
    const p = run('present_value_of_investment', { investments: [1000], ratePercent: 8 });
    expect(p.ok && p.value).toBeCloseTo(925.925926, 5);
    const i = run('irr', { netFlows: [-1000, 100, 100, 1100] });
    expect(i.ok && i.value).toBeCloseTo(10, 10);
    expect(run('static_payback', { netFlows: [-1000, 300, 400, 500, 200] })).toEqual({
      ok: true,
      value: 3.6,
    });
    const d = run('dynamic_payback', { netFlows: [-1000, 300, 400, 500, 200], ratePercent: 8 });
    expect(d.ok && d.value).toBeCloseTo(3.955584, 6);
    const e = run('employment_per_investment', {
      directJobs: 200,
      relatedJobs: 150,
      directInvestment: 4200,
      indirectInvestment: 800,
    });
    expect(e.ok && e.value).toBeCloseTo(0.07, 12);
    const en = run('energy_per_net_output', { annualEnergyConsumption: 2400, netOutputValue: 16000 });
    expect(en.ok && en.value).toBeCloseTo(0.15, 12);
    const l = run('land_per_investment', { cultivatedLandMu: 120, totalInvestment: 8000 });
    expect(l.ok && l.value).toBeCloseTo(0.015, 12);
    expect(
      run('water_per_product', { annualProductionWaterUse: 360_000, mainProductOutput: 12_000 }),
    ).toEqual({
      ok: true,
      value: 30,
    });
    const q = run('eqi', { emitted: [80, 30, 12], maxAllowed: [100, 60, 40] });
    expect(q.ok && q.value).toBeCloseTo(0.533333, 6);
    // (132000 − 125000) × 100 / 125000 = 700000 / 125000 = 5.6 exactly (numerator scaled first)
    expect(run('revenue_growth_rate', { current: 132_000, previous: 125_000 })).toEqual({
      ok: true,
      value: 5.6,
    });
    expect(run('debt_ratio', { debtBalance: 180_000, fiscalCapacity: 240_000 })).toEqual({
      ok: true,
      value: 75,
    });
    expect(run('debt_to_gdp', { debtBalance: 180_000, gdp: 3_000_000 })).toEqual({ ok: true, value: 6 });
    expect(run('debt_to_revenue', { debtBalance: 180_000, revenue: 120_000 })).toEqual({
      ok: true,
      value: 150,
    });
    // 偿债率: 21600 / 240000 × 100% = 9%
    expect(run('debt_service_ratio', { debtService: 21_600, fiscalCapacity: 240_000 })).toEqual({
      ok: true,
      value: 9,
    });
    const s = run('structure_share', { part: 34_000, total: 132_000 });
    expect(s.ok && s.value).toBeCloseTo(25.7576, 4);
  });

  it('lands exactly on band boundaries: 70 000 of 100 000 is 70, not 70.00000000000001', () => {
    // the fiscal template bands 税收收入占比 at 60 / 70 / 80 and 债务率 at 80 / 100 / 120
    expect(run('structure_share', { part: 70_000, total: 100_000 })).toEqual({ ok: true, value: 70 });
    expect(run('debt_ratio', { debtBalance: 120_000, fiscalCapacity: 100_000 })).toEqual({
      ok: true,
      value: 120,
    });
    expect(run('structure_share', { part: 57, total: 100 })).toEqual({ ok: true, value: 57 });
  });

  it('rejects a rate ≤ −100% and the fraction-era `rate` key (strict schema)', () => {
    expect(run('fnpv', { netFlows: [-1, 2], ratePercent: -100 })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
    expect(run('fnpv', { netFlows: [-1, 2], rate: 0.08 })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
  });

  it('turns multiple IRRs into an error that lists the rates', () => {
    const r = run('irr', { netFlows: [-100, 230, -132] });
    expect(r).toMatchObject({ ok: false, code: 'multiple_irr' });
    if (r.ok) return;
    expect(r.zh).toContain('10%');
    expect(r.zh).toContain('20%');
    expect(r.en).toContain('10%, 20%');
    expect(r.detail?.rates?.[0]).toBeCloseTo(10, 8);
    expect(r.detail?.rates?.[1]).toBeCloseTo(20, 8);
  });

  it('turns no IRR and never paying back into errors', () => {
    expect(run('irr', { netFlows: [100, 200] })).toMatchObject({ ok: false, code: 'no_irr' });
    expect(run('static_payback', { netFlows: [-1000, 100] })).toMatchObject({
      ok: false,
      code: 'never_pays_back',
    });
    expect(run('dynamic_payback', { netFlows: [-1000, 300, 400, 500, 200], ratePercent: 20 })).toMatchObject({
      ok: false,
      code: 'never_pays_back',
    });
  });

  it('reports schema problems as bilingual field issues, and unknown names', () => {
    const r = run('fnpv', { netFlows: [], ratePercent: 8 });
    expect(r).toMatchObject({ ok: false, code: 'invalid_input' });
    if (r.ok) return;
    expect(r.detail?.issues?.[0]).toMatchObject({
      path: 'netFlows',
      zh: '至少需要一年的现金流量',
      en: 'At least one year of cash flow is required',
    });
    expect(run('eqi', { emitted: [1, 2], maxAllowed: [3] })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
    expect(run('fnpv', { netFlows: [-1, 2], ratePercent: 8, extra: 1 })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
    expect(run('land_per_investment', { cultivatedLandMu: -1, totalInvestment: 5 })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
    expect(run('nope', {})).toMatchObject({ ok: false, code: 'unknown_calculator' });
    expect(run('__proto__', {})).toMatchObject({ ok: false, code: 'unknown_calculator' });
    expect(run('constructor', {})).toMatchObject({ ok: false, code: 'unknown_calculator' });
    // direct lookups by an untrusted name find nothing inherited either
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
      expect((FINANCE_CALCULATORS as Record<string, unknown>)[name]).toBeUndefined();
    expect(run('land_per_investment', { cultivatedLandMu: 1, totalInvestment: 0 })).toMatchObject({
      ok: false,
      code: 'division_by_zero',
    });
  });

  const checkResult = (r: ReturnType<typeof runFinanceCalculator>) => {
    if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
    else expect(r.zh.length > 0 && r.en.length > 0).toBe(true);
  };

  it('property: arbitrary JSON never makes safeParse or compute throw, nor produce NaN/Infinity', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FINANCE_CALCULATOR_NAMES), fc.jsonValue(), (name, args) => {
        expect(() => FINANCE_CALCULATORS[name].args.safeParse(args)).not.toThrow();
        checkResult(run(name, args));
      }),
    );
  });

  it('property: well-shaped arguments with extreme numbers never produce NaN/Infinity', () => {
    const num = fc.oneof(
      fc.double(),
      fc.double({ min: -1e15, max: 1e15, noNaN: true }),
      fc.double({ min: -100, max: 1000, noNaN: true }),
      fc.integer({ min: -1000, max: 1000 }),
      fc.constantFrom(0, -0, 1e-300, -99, 1000, 1e15, -1e15),
    );
    const argsOf = (name: FinanceCalculatorName) =>
      fc.record(
        Object.fromEntries(
          FIELDS[name].map((f) =>
            f.endsWith('[]') ? [f.slice(0, -2), fc.array(num, { minLength: 0, maxLength: 40 })] : [f, num],
          ),
        ),
        { requiredKeys: [] },
      );
    let computed = 0;
    fc.assert(
      fc.property(
        fc
          .constantFrom(...FINANCE_CALCULATOR_NAMES)
          .chain((name) => fc.tuple(fc.constant(name), argsOf(name))),
        ([name, args]) => {
          const calculator: FinanceCalculator = FINANCE_CALCULATORS[name];
          const parsed = calculator.args.safeParse(args);
          if (parsed.success) {
            computed++;
            checkResult(calculator.compute(parsed.data));
          }
          checkResult(run(name, args));
        },
      ),
      { numRuns: 1000 },
    );
    // the generator must actually reach compute, not just the schema
    expect(computed).toBeGreaterThan(50);
  });
});
