import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportFileName } from './file-name';
import { reportIdentity } from './identity';
import { REPORT_FORMATS, REPORT_LAYOUT_VERSION, type ReportData } from './model';
import { sampleReports } from './testing';

const { unit, office, congress } = sampleReports();

/** The same data with every object's keys in another order (arrays untouched). */
function reorder(x: unknown, seed: number): unknown {
  if (Array.isArray(x)) return x.map((v, i) => reorder(v, seed + i));
  if (x === null || typeof x !== 'object') return x;
  const entries = Object.entries(x);
  const shuffled = entries
    .map((e, i) => ({ e, k: (i * 7919 + seed * 104729) % (entries.length + 13) }))
    .sort((a, b) => a.k - b.k || 0)
    .map(({ e }) => e)
    .reverse();
  return Object.fromEntries(shuffled.map(([k, v]) => [k, reorder(v, seed + k.length)]));
}

/** Paths to every number, and every string that holds a decimal number, in the data. */
function numericPaths(x: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(x)) return x.flatMap((v, i) => numericPaths(v, [...path, i]));
  if (x !== null && typeof x === 'object')
    return Object.entries(x).flatMap(([k, v]) => numericPaths(v, [...path, k]));
  if (typeof x === 'number' || (typeof x === 'string' && /^-?\d+(\.\d+)?$/.test(x))) return [path];
  return [];
}

function bump(data: ReportData, path: (string | number)[]): ReportData {
  const copy = structuredClone(data) as unknown as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  const v = at[last];
  at[last] = typeof v === 'number' ? v + 1 : `${v}1`;
  return copy as unknown as ReportData;
}

describe('a report’s identity (what its stored file is named by)', () => {
  it('is the layout version, the format and the canonical JSON', () => {
    const id = reportIdentity(office, 'pdf');
    const [version, format, json] = id.split('\n');
    expect([version, format]).toEqual([REPORT_LAYOUT_VERSION, 'pdf']);
    expect(JSON.parse(json!)).toEqual(office);
    // Keys sorted: "appeals" comes before "bands", which comes before "header".
    expect(json!.indexOf('"appeals"')).toBeLessThan(json!.indexOf('"bands"'));
    expect(json!.indexOf('"bands"')).toBeLessThan(json!.indexOf('"header"'));
  });

  it('differs between formats and kinds', () => {
    const ids = REPORT_FORMATS.flatMap((f) => [unit, office, congress].map((d) => reportIdentity(d, f)));
    expect(new Set(ids).size).toBe(9);
  });

  it('does not depend on the order of keys', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ReportData>(unit, office, congress),
        fc.integer({ min: 0, max: 1000 }),
        (d, seed) => {
          const r = reorder(d, seed) as ReportData;
          expect(reportIdentity(r, 'html')).toBe(reportIdentity(d, 'html'));
        },
      ),
    );
  });

  it('changes when any number changes', () => {
    const cases = [unit, office, congress].flatMap((d) => numericPaths(d).map((p) => [d, p] as const));
    expect(cases.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.constantFrom(...cases), ([d, p]) => {
        expect(reportIdentity(bump(d, p), 'xlsx')).not.toBe(reportIdentity(d, 'xlsx'));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the order of arrays (a ranking reordered is another report)', () => {
    const swapped = { ...office, groups: [...office.groups].reverse() };
    expect(reportIdentity(swapped, 'pdf')).not.toBe(reportIdentity(office, 'pdf'));
  });
});

describe('a report’s file name', () => {
  it('names the cycle, the unit for a unit report, and the kind', () => {
    expect(reportFileName(unit, 'pdf')).toBe(
      '哈尔滨市2024年度市直部门和区县政府绩效评估-南岗区-单位绩效评估报告.pdf',
    );
    expect(reportFileName(office, 'xlsx')).toBe(
      '哈尔滨市2024年度市直部门和区县政府绩效评估-绩效评估总体情况报告.xlsx',
    );
    expect(reportFileName(congress, 'html')).toBe(
      '哈尔滨市2024年度市直部门和区县政府绩效评估-向人大常委会的年度报告.html',
    );
  });

  it('strips what a file name may not hold', () => {
    const odd = {
      ...unit,
      header: { ...unit.header, cycle: { ...unit.header.cycle, name: '..2024/2025 年度:"评估"*?<>|\u0007' } },
      unit: { ...unit.unit, name: 'a\\b' },
    };
    expect(reportFileName(odd, 'pdf')).toBe('2024 2025年度评估-a b-单位绩效评估报告.pdf');
    const empty = {
      ...unit,
      header: { ...unit.header, cycle: { ...unit.header.cycle, name: '///' } },
      unit: { ...unit.unit, name: '' },
    };
    expect(reportFileName(empty, 'pdf')).toBe(`${unit.header.cycle.id}-NGQ-单位绩效评估报告.pdf`);
  });

  it('never holds a forbidden character, whatever the names', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.constantFrom(...REPORT_FORMATS), (cycle, name, format) => {
        const d = {
          ...unit,
          header: { ...unit.header, cycle: { ...unit.header.cycle, name: cycle } },
          unit: { ...unit.unit, name },
        };
        const got = reportFileName(d, format);
        expect([...got].some((c) => '/\\:*?"<>|'.includes(c) || c.charCodeAt(0) < 32 || c === '\u007f')).toBe(
          false,
        );
        expect(got.startsWith('.')).toBe(false);
        expect(got.endsWith(`-单位绩效评估报告.${format}`)).toBe(true);
      }),
    );
  });
});
