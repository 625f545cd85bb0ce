import { describe, expect, it } from 'vitest';
import { debtRatio, debtServiceRatio, revenueGrowthRate, structureShare, structureShares } from './fiscal';

const value = <T>(r: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}`);
  return r.value;
};

describe('收入增长率 = (本年 − 上年) / 上年', () => {
  it('a county general budget revenue: 125000 → 132000 万元 is +5.6%', () => {
    // (132000 − 125000) / 125000 = 7000 / 125000 = 0.056
    expect(value(revenueGrowthRate(132_000, 125_000))).toBeCloseTo(0.056, 12);
  });

  it('a fall is negative: 12.5 → 11.25 亿元 is −10%', () => {
    // (11.25 − 12.5) / 12.5 = −1.25 / 12.5 = −0.1
    expect(value(revenueGrowthRate(11.25, 12.5))).toBe(-0.1);
  });

  it('in percent, scales the difference before dividing so round figures stay exact', () => {
    // (132000 − 125000) × 100 / 125000 = 700000 / 125000 = 5.6 (one rounding, to the nearest double)
    expect(value(revenueGrowthRate(132_000, 125_000, 'percent'))).toBe(5.6);
  });

  it('last year zero is division_by_zero; negative revenues are invalid', () => {
    expect(revenueGrowthRate(100, 0)).toMatchObject({
      ok: false,
      code: 'division_by_zero',
      detail: { field: 'previous' },
    });
    expect(revenueGrowthRate(100, -1)).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(revenueGrowthRate(-1, 100)).toMatchObject({ ok: false, code: 'invalid_input' });
  });
});

describe('结构比重 (财政收入结构、支出结构、债务结构)', () => {
  it('tax 98000 + non-tax 34000 = 132000 万元', () => {
    // 98000/132000 = 0.742424…, 34000/132000 = 0.257575…
    const shares = value(structureShares({ 税收收入: 98_000, 非税收入: 34_000 }, { total: 132_000 }));
    expect(shares.税收收入).toBeCloseTo(0.742424, 6);
    expect(shares.非税收入).toBeCloseTo(0.257576, 6);
    expect((shares.税收收入 ?? 0) + (shares.非税收入 ?? 0)).toBeCloseTo(1, 12);
  });

  it('uses the sum of the parts when no total is stated', () => {
    expect(value(structureShares({ a: 1, b: 3 }))).toEqual({ a: 0.25, b: 0.75 });
  });

  it('parts that do not add up to the stated total are a parts_mismatch', () => {
    const r = structureShares({ 税收收入: 98_000, 非税收入: 34_000 }, { total: 130_000 });
    expect(r).toMatchObject({ ok: false, code: 'parts_mismatch', detail: { field: 'total' } });
    expect(r.ok === false && r.zh).toContain('132000');
    // within the tolerance (a total rounded to the unit shown) is accepted
    expect(structureShares({ a: 0.1, b: 0.2 }, { total: 0.3 }).ok).toBe(true);
    expect(structureShares({ a: 100, b: 200 }, { total: 301, relativeTolerance: 0.01 }).ok).toBe(true);
  });

  it('rejects empty, negative and all-zero structures', () => {
    expect(structureShares({})).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(structureShares({ a: -1, b: 2 })).toMatchObject({
      ok: false,
      code: 'invalid_input',
      detail: { field: 'parts.a' },
    });
    expect(structureShares({ a: 0, b: 0 })).toMatchObject({ ok: false, code: 'division_by_zero' });
    expect(structureShares({ a: 0 }, { total: 0 })).toMatchObject({ ok: false, code: 'division_by_zero' });
    expect(structureShares({ a: 1e308, b: 1e308 })).toMatchObject({ ok: false, code: 'not_finite' });
  });

  it('one share: part / total, part ≤ total', () => {
    expect(value(structureShare(34_000, 132_000))).toBeCloseTo(0.257576, 6);
    expect(structureShare(1, 0)).toMatchObject({ ok: false, code: 'division_by_zero' });
    expect(structureShare(5, 4)).toMatchObject({ ok: false, code: 'parts_mismatch' });
    expect(value(structureShare(70_000, 100_000, 'percent'))).toBe(70);
  });
});

describe('债务规模', () => {
  it('债务率 = 债务余额 / 综合财力: 180000 / 240000 = 75%', () => {
    expect(value(debtRatio(180_000, 240_000))).toBe(0.75);
  });

  it('负债率 = 债务余额 / GDP: 180000 / 3000000 = 6%', () => {
    expect(value(debtRatio(180_000, 3_000_000, 'gdp'))).toBeCloseTo(0.06, 12);
  });

  it('in percent: 债务率 75, 负债率 6', () => {
    expect(value(debtRatio(180_000, 240_000, 'fiscal_capacity', 'percent'))).toBe(75);
    expect(value(debtRatio(180_000, 3_000_000, 'gdp', 'percent'))).toBe(6);
  });

  it('偿债率 = 当年还本付息额 / 综合财力: 21600 / 240000 = 9%', () => {
    expect(value(debtServiceRatio(21_600, 240_000))).toBeCloseTo(0.09, 12);
    expect(value(debtServiceRatio(21_600, 240_000, 'percent'))).toBe(9);
    expect(debtServiceRatio(1, 0)).toMatchObject({
      ok: false,
      code: 'division_by_zero',
      detail: { field: 'fiscalCapacity' },
    });
  });

  it('names the base in its errors', () => {
    const r = debtRatio(100, 0, 'gdp');
    expect(r).toMatchObject({ ok: false, code: 'division_by_zero', detail: { field: 'base' } });
    expect(r.ok === false && r.zh).toContain('地区生产总值');
    expect(debtRatio(-5, 100)).toMatchObject({ ok: false, code: 'invalid_input' });
  });
});
