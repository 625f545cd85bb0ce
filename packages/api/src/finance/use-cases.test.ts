import { AppError } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { calculatorSchema } from './contract';
import { compute, listCalculators } from './use-cases';

const failure = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
};

describe('the finance calculators as the API lists and runs them', () => {
  it('lists each calculator with its help, office arguments and money flag, as the contract says', () => {
    const items = listCalculators();
    for (const item of items) expect(calculatorSchema.safeParse(item).success, item.name).toBe(true);
    const byName = Object.fromEntries(items.map((i) => [i.name, i]));
    expect(byName.npvr).toMatchObject({ officeArgs: ['ratePercent'], money: true });
    expect(byName.npvr?.help.zh).toContain('（现值指数）');
    expect(byName.benefit_cost_ratio?.officeArgs).toEqual(['ratePercent']);
    expect(byName.eqi).toMatchObject({ officeArgs: [], money: false, moneyArgs: [] });
    expect(byName.employment_per_investment?.moneyArgs).toEqual(['directInvestment', 'indirectInvestment']);
    expect(JSON.stringify(byName.fnpv?.args)).toContain('moneyUnit');
  });

  it('computes with moneyUnit: 5 000 万元 given in 元 is 0.07 人/万元 for 350 jobs', () => {
    const r = compute('employment_per_investment', {
      directJobs: 350,
      directInvestment: 50_000_000,
      moneyUnit: 'yuan',
    });
    expect(r.name).toBe('employment_per_investment');
    expect(r.value).toBeCloseTo(0.07, 12);
  });

  it('keeps the problem answers: bad arguments at body.args…, no answer a bilingual 422, unknown a 404', () => {
    const bad = failure(() => compute('fnpv', { netFlows: [-1, 2], ratePercent: 8, moneyUnit: 'dollar' }));
    expect(bad.status).toBe(422);
    expect(bad.fields.map((f) => f.path)).toContain('body.args.moneyUnit');
    const zero = failure(() => compute('eqi', { emitted: [1, 2], maxAllowed: [5, 0] }));
    expect(zero).toMatchObject({ status: 422, code: 'division_by_zero' });
    expect(zero.fields[0]).toMatchObject({ path: 'body.args' });
    expect(zero.fields[0]?.zh).toContain('第 2 种污染物的国家最大允许排放量为 0');
    const noBaseline = failure(() => compute('change_rate', { baseline: 0, current: 1 }));
    expect(noBaseline).toMatchObject({ status: 422, code: 'division_by_zero' });
    expect(failure(() => compute('constructor', {})).status).toBe(404);
  });
});
