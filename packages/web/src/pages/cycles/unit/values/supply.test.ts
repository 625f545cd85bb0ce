import { describe, expect, it } from 'vitest';
import { parsePasted } from './supply';

const UNITS = [
  { code: 'FGW', name: '哈尔滨市发展和改革委员会', shortName: '市发改委' },
  { code: 'JYJ', name: '哈尔滨市教育局' },
];

describe('parsePasted: rows copied from Excel become supplied values', () => {
  it('reads tab- and comma-separated rows by code, name or short name', () => {
    const { rows, errors } = parsePasted('FGW\t12.5\n哈尔滨市教育局，８\n市发改委x, 3', UNITS);
    expect(rows).toEqual([
      { line: 1, unit: 'FGW', value: 12.5 },
      { line: 2, unit: 'JYJ', value: 8 },
    ]);
    expect(errors).toEqual([{ line: 3, key: 'cuPasteUnknownUnit', params: { line: 3, unit: '市发改委x' } }]);
  });

  it('skips a header row and blank lines, reads thousands separators in tab rows', () => {
    const { rows, errors } = parsePasted('单位\t数值\r\n\r\nfgw\t1,234.5\n', UNITS);
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ line: 3, unit: 'FGW', value: 1234.5 }]);
  });

  it('reports every bad line: wrong columns, not a number, a unit twice, nothing at all', () => {
    const { errors } = parsePasted('FGW\t1\nJYJ\tabc\nFGW\t2\nJYJ', UNITS);
    expect(errors.map((e) => [e.line, e.key])).toEqual([
      [2, 'cuPasteNotNumber'],
      [3, 'cuPasteDuplicate'],
      [4, 'cuPasteColumns'],
    ]);
    expect(parsePasted(' \n', UNITS).errors[0]?.key).toBe('cuPasteEmpty');
  });
});
