import { describe, expect, it } from 'vitest';
import { employmentPerInvestment } from './employment';
import { energyPerNetOutput, landPerInvestment, waterPerProduct } from './resource-use';

const value = <T>(r: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}`);
  return r.value;
};

describe('单位投资就业人数 = 新增总就业人数（本项目与相关项目）/ 项目总投资（直接与间接）', () => {
  it('a county industrial park: (200 + 150) jobs / (4200 + 800) 万元 = 0.07 人/万元', () => {
    // 350 / 5000 = 0.07
    expect(
      value(
        employmentPerInvestment({
          directJobs: 200,
          relatedJobs: 150,
          directInvestment: 4200,
          indirectInvestment: 800,
        }),
      ),
    ).toBeCloseTo(0.07, 12);
  });

  it('related jobs and indirect investment default to 0', () => {
    // 120 / 3000 = 0.04
    expect(value(employmentPerInvestment({ directJobs: 120, directInvestment: 3000 }))).toBeCloseTo(0.04, 12);
  });

  it('zero investment is division_by_zero; negative inputs are rejected', () => {
    expect(employmentPerInvestment({ directJobs: 10, directInvestment: 0 })).toMatchObject({
      ok: false,
      code: 'division_by_zero',
    });
    expect(employmentPerInvestment({ directJobs: -1, directInvestment: 10 })).toMatchObject({
      ok: false,
      code: 'invalid_input',
      detail: { field: 'directJobs' },
    });
    expect(
      employmentPerInvestment({ directJobs: 1, directInvestment: 10, indirectInvestment: -20 }),
    ).toMatchObject({
      ok: false,
      code: 'invalid_input',
      detail: { field: 'indirectInvestment' },
    });
  });
});

describe('资源利用指标', () => {
  it('单位净产值综合能耗: 2400 吨标准煤 / 16000 万元 = 0.15 吨标准煤/万元', () => {
    expect(value(energyPerNetOutput(2400, 16000))).toBeCloseTo(0.15, 12);
  });

  it('单位投资占用耕地: 120 亩 / 8000 万元 = 0.015 亩/万元', () => {
    expect(value(landPerInvestment(120, 8000))).toBeCloseTo(0.015, 12);
  });

  it('单位产品生产耗水量: 360000 m³ / 12000 t = 30 m³/t', () => {
    expect(value(waterPerProduct(360_000, 12_000))).toBe(30);
  });

  it('zero denominators are division_by_zero, negative net output and negative quantities are invalid', () => {
    const zero = energyPerNetOutput(2400, 0);
    expect(zero).toMatchObject({ ok: false, code: 'division_by_zero', detail: { field: 'netOutputValue' } });
    expect(zero.ok === false && zero.zh).toContain('项目净产值');
    expect(zero.ok === false && zero.en).toContain('Net output value');
    expect(energyPerNetOutput(2400, -500)).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(landPerInvestment(-1, 8000)).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(landPerInvestment(120, 0)).toMatchObject({ ok: false, code: 'division_by_zero' });
    expect(waterPerProduct(100, 0)).toMatchObject({ ok: false, code: 'division_by_zero' });
    expect(waterPerProduct(Number.NaN, 1)).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  it('never returns Infinity, even when the quotient overflows', () => {
    expect(waterPerProduct(1e308, 1e-308)).toMatchObject({ ok: false, code: 'not_finite' });
  });
});
