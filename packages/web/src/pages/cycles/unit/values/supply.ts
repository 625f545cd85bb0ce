import { numberFrom } from '../../../../forms';
import type { MessageKey } from '../../../../i18n';

/**
 * 一数一源 bulk entry: rows pasted from Excel — two columns, the unit (code, name or short name) and
 * the value, separated by a tab (what Excel copies) or a comma — read on the console's server side
 * into the body of the API's supplied-values call. Every line that cannot be read is reported by
 * its number; nothing is sent while any line is wrong.
 */

export interface UnitRef {
  code: string;
  name: string;
  shortName?: string | undefined;
}

export interface PastedRow {
  /** 1-based line of the pasted text. */
  line: number;
  unit: string;
  value: number;
}

export interface LineError {
  line: number;
  key: MessageKey;
  params: Record<string, string | number>;
}

const cellsOf = (line: string): string[] => {
  const cells = line.includes('\t') ? line.split('\t') : line.split(/[,，]/);
  const out = cells.map((c) => c.trim());
  while (out.length > 0 && out.at(-1) === '') out.pop();
  return out;
};

/** A value as Excel copies it: full-width digits, thousands separators (in a tab row) and spaces allowed. */
const pastedNumber = (text: string, tabbed: boolean): number | undefined => {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  const v = numberFrom(tabbed ? t.replace(/,(?=\d{3}(\D|$))/g, '') : t);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

export function parsePasted(
  text: string,
  units: readonly UnitRef[],
): { rows: PastedRow[]; errors: LineError[] } {
  const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();
  const byKey = new Map<string, string>();
  // Codes win over names, names over short names (a later `set` would overwrite: fill in reverse order).
  for (const u of units) if (u.shortName) byKey.set(norm(u.shortName), u.code);
  for (const u of units) byKey.set(norm(u.name), u.code);
  for (const u of units) byKey.set(norm(u.code), u.code);
  const rows: PastedRow[] = [];
  const errors: LineError[] = [];
  const seen = new Map<string, number>();
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const cells = cellsOf(raw);
    const tabbed = raw.includes('\t');
    const first = rows.length === 0 && errors.length === 0;
    if (cells.length !== 2) {
      errors.push({ line, key: 'cuPasteColumns', params: { line, n: cells.length } });
      return;
    }
    const [who = '', what = ''] = cells;
    const code = byKey.get(norm(who));
    const value = pastedNumber(what, tabbed);
    // A header row copied with the table (单位, 数值): skipped when it is the first line read.
    if (first && code === undefined && value === undefined) return;
    if (code === undefined) errors.push({ line, key: 'cuPasteUnknownUnit', params: { line, unit: who } });
    if (value === undefined) errors.push({ line, key: 'cuPasteNotNumber', params: { line, value: what } });
    if (code === undefined || value === undefined) return;
    const before = seen.get(code);
    if (before !== undefined) {
      errors.push({ line, key: 'cuPasteDuplicate', params: { line, unit: who, before } });
      return;
    }
    seen.set(code, line);
    rows.push({ line, unit: code, value });
  });
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 0, key: 'cuPasteEmpty', params: {} });
  return { rows, errors };
}
