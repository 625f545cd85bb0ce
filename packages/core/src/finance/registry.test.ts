import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MONEY_UNITS } from '../indicators/model';
import {
  FINANCE_CALCULATOR_NAMES,
  FINANCE_CALCULATORS,
  type FinanceCalculator,
  type FinanceCalculatorName,
  runFinanceCalculator,
} from './registry';

const REQUIRED = [
  'fnpv',
  'present_value_of_investment',
  'npvr',
  'irr',
  'static_payback',
  'dynamic_payback',
  'employment_per_investment',
  'energy_per_net_output',
  'land_per_investment',
  'water_per_product',
  'eqi',
  'eqi_exceedances',
  'input_output_ratio',
  'benefit_cost_ratio',
  'change_rate',
  'revenue_growth_rate',
  'structure_share',
  'debt_ratio',
  'debt_to_gdp',
  'debt_to_revenue',
  'debt_service_ratio',
];

/** The argument names of each calculator; array-valued ones are marked []. */
const FIELDS: Record<FinanceCalculatorName, string[]> = {
  fnpv: ['netFlows[]', 'ratePercent'],
  present_value_of_investment: ['investments[]', 'ratePercent'],
  npvr: ['netFlows[]', 'investments[]', 'ratePercent'],
  irr: ['netFlows[]'],
  static_payback: ['netFlows[]'],
  dynamic_payback: ['netFlows[]', 'ratePercent'],
  employment_per_investment: ['directJobs', 'relatedJobs', 'directInvestment', 'indirectInvestment'],
  energy_per_net_output: ['annualEnergyConsumption', 'netOutputValue'],
  land_per_investment: ['cultivatedLandMu', 'totalInvestment'],
  water_per_product: ['annualProductionWaterUse', 'mainProductOutput'],
  eqi: ['emitted[]', 'maxAllowed[]'],
  eqi_exceedances: ['emitted[]', 'maxAllowed[]'],
  input_output_ratio: ['output', 'input'],
  benefit_cost_ratio: ['benefits[]', 'costs[]', 'ratePercent'],
  change_rate: ['baseline', 'current'],
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
    // NPVR = 152.440182 / 925.925926 × 100% = 16.4635%, from the same flows and rate
    const n = run('npvr', {
      netFlows: [-1000, 300, 400, 500, 200],
      investments: [1000],
      ratePercent: 8,
    });
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
    expect(run('eqi_exceedances', { emitted: [80, 30, 12], maxAllowed: [100, 60, 40] })).toEqual({
      ok: true,
      value: 0,
    });
    expect(run('input_output_ratio', { output: 1500, input: 600 })).toEqual({ ok: true, value: 2.5 });
    // 1100/1.1 / (1000/1.1) = 1.1
    const b = run('benefit_cost_ratio', { benefits: [1100], costs: [1000], ratePercent: 10 });
    expect(b.ok && b.value).toBeCloseTo(1.1, 12);
    expect(run('change_rate', { baseline: 80, current: 92 })).toEqual({ ok: true, value: 15 });
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
      zh: '至少需要一年的数据',
      en: 'At least one year is required',
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
        Object.fromEntries([
          ...FIELDS[name].map((f) =>
            f.endsWith('[]') ? [f.slice(0, -2), fc.array(num, { minLength: 0, maxLength: 40 })] : [f, num],
          ),
          ...((FINANCE_CALCULATORS[name] as FinanceCalculator).money
            ? [['moneyUnit', fc.constantFrom(...MONEY_UNITS)]]
            : []),
        ]),
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

describe('what each calculator declares', () => {
  const props = (name: FinanceCalculatorName): string[] => {
    type Json = { properties?: Record<string, unknown>; anyOf?: Json[] };
    const s = z.toJSONSchema(FINANCE_CALCULATORS[name].args, { unrepresentable: 'any' }) as Json;
    return [...new Set((s.anyOf ?? [s]).flatMap((o) => Object.keys(o.properties ?? {})))];
  };

  it('is listed in FINANCE_CALCULATOR_NAMES order, nothing more', () => {
    expect(Object.keys(FINANCE_CALCULATORS)).toEqual([...FINANCE_CALCULATOR_NAMES]);
  });

  it('every calculator has a bilingual help text that gives its unit', () => {
    for (const name of FINANCE_CALCULATOR_NAMES) {
      const c: FinanceCalculator = FINANCE_CALCULATORS[name];
      expect(c.help.zh, name).toMatch(/单位：/);
      expect(c.help.en, name).toMatch(/Unit: |Dimensionless/);
    }
  });

  it('the discount rate is the office’s on exactly the discounting calculators', () => {
    const withRate = FINANCE_CALCULATOR_NAMES.filter((n) => props(n).includes('ratePercent'));
    expect(withRate.sort()).toEqual(
      ['benefit_cost_ratio', 'dynamic_payback', 'fnpv', 'npvr', 'present_value_of_investment'].sort(),
    );
    for (const name of FINANCE_CALCULATOR_NAMES) {
      const c: FinanceCalculator = FINANCE_CALCULATORS[name];
      expect(c.officeArgs ?? [], name).toEqual(withRate.includes(name) ? ['ratePercent'] : []);
    }
  });

  it('money calculators accept moneyUnit and name their money arguments; the others refuse it', () => {
    const nonMoney = ['water_per_product', 'eqi', 'eqi_exceedances', 'change_rate'];
    for (const name of FINANCE_CALCULATOR_NAMES) {
      const c: FinanceCalculator = FINANCE_CALCULATORS[name];
      const p = props(name);
      if (nonMoney.includes(name)) {
        expect(c.money, name).toBeUndefined();
        expect(p).not.toContain('moneyUnit');
      } else {
        expect(c.money, name).toBe(true);
        expect(p, name).toContain('moneyUnit');
        expect(c.moneyArgs?.length, name).toBeGreaterThan(0);
        for (const a of c.moneyArgs ?? []) expect(p, `${name}.${a}`).toContain(a);
      }
    }
    expect(run('change_rate', { baseline: 1, current: 2, moneyUnit: 'yuan' })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
    expect(run('fnpv', { netFlows: [-1, 2], ratePercent: 8, moneyUnit: 'dollar' })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
  });

  it('npvr explains that the source’s (现值指数) is not the profitability index', () => {
    const { help } = FINANCE_CALCULATORS.npvr;
    expect(help.zh).toContain('（现值指数）');
    expect(help.zh).toContain('PI = 1 + NPVR');
    expect(help.en).toContain('profitability index');
  });

  it('land per investment says cultivated land (耕地) in mu per 10k yuan everywhere', () => {
    const c = FINANCE_CALCULATORS.land_per_investment;
    for (const t of [c.label.zh, c.help.zh, c.unitOfMeasure.zh]) expect(t).toContain('亩');
    expect(c.help.zh).toContain('耕地');
    expect(c.unitOfMeasure).toEqual({ zh: '亩耕地/万元', en: 'mu of cultivated land per 10k yuan' });
    expect(c.label.en).toContain('Cultivated land');
  });

  it('the EQI says what it is when nothing is emitted', () => {
    expect(FINANCE_CALCULATORS.eqi.help.zh).toContain('没有任何排放时 EQI 为 0');
    expect(FINANCE_CALCULATORS.eqi.help.en).toContain('with nothing emitted the EQI is 0');
  });
});
