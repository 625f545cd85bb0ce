import { readPdfLayout } from './pdf-layout';
import { readPdfRules } from './pdf-rules';
import {
  type CheckName,
  checkComplete,
  checkOnPage,
  checkOverflow,
  checkReadable,
  type Finding,
  type FontScale,
  type SheetPages,
  smallestText,
} from './print-checks';
import { loadWorkbook, printableSheets } from './workbook-cells';

/**
 * A workbook and its print by LibreOffice, read back and run through every print check; and the
 * words a failing test shows: per file, per check, the first offending texts with their pages.
 */
export interface PrintReport {
  file: string;
  pages: number;
  sheetPages: SheetPages[];
  /** The smallest printed text in points. */
  minFont: number;
  findings: Finding[];
}

export async function checkPrinted(
  file: string,
  xlsx: Uint8Array,
  pdf: string,
  scale: FontScale,
  minPt = 8,
): Promise<PrintReport> {
  const [pages, rules, wb] = await Promise.all([readPdfLayout(pdf), readPdfRules(pdf), loadWorkbook(xlsx)]);
  if (rules.length !== pages.length)
    throw new Error(`${file}: ${pages.length} pages of text, ${rules.length} of graphics`);
  const printed = { sheets: printableSheets(wb), pages, rules };
  const complete = checkComplete(printed);
  return {
    file,
    pages: pages.length,
    sheetPages: complete.sheetPages,
    minFont: smallestText(pages, scale)?.size ?? Number.POSITIVE_INFINITY,
    findings: [
      ...complete.findings,
      ...checkOverflow(printed),
      ...checkReadable(pages, scale, minPt),
      ...checkOnPage(printed, complete.sheetPages),
    ],
  };
}

export const failedChecks = (r: PrintReport): CheckName[] => [...new Set(r.findings.map((f) => f.check))];

/** `file: check failed ×N` and the first `perCheck` findings of each check (page, sheet, text, detail). */
export function describeFindings(r: PrintReport, perCheck = 3): string[] {
  const lines: string[] = [];
  for (const check of failedChecks(r)) {
    const all = r.findings.filter((f) => f.check === check);
    lines.push(`${r.file}: ${check} failed ×${all.length}`);
    for (const f of all.slice(0, perCheck))
      lines.push(`  p.${f.page ?? '?'}${f.sheet ? ` [${f.sheet}]` : ''} «${f.text}» ${f.detail}`);
  }
  return lines;
}

/** `indicator-kpi-full.xlsx: 9 pages, min 6.6 pt; readable ×254 (words), on the page ×4` (or `clean`). */
export function fileLine(r: PrintReport): string {
  const failed = failedChecks(r).map((c) => `${c} ×${r.findings.filter((f) => f.check === c).length}`);
  return `${r.file}: ${r.pages} page${r.pages === 1 ? '' : 's'}, min ${r.minFont.toFixed(1)} pt; ${failed.length ? failed.join(', ') : 'clean'}`;
}

/** `clients: LibreOffice printed 31 workbooks (84 pages); complete, no overflow, min font 8.4 pt`. */
export function summaryLine(reports: readonly PrintReport[]): string {
  const pages = reports.reduce((n, r) => n + r.pages, 0);
  const count = (c: CheckName) => reports.filter((r) => r.findings.some((f) => f.check === c)).length;
  const state = (c: CheckName, ok: string, bad: string) => (count(c) ? `${count(c)} ${bad}` : ok);
  const min = Math.min(...reports.map((r) => r.minFont));
  return [
    `clients: LibreOffice printed ${reports.length} workbooks (${pages} pages)`,
    [
      state('complete', 'complete', 'incomplete'),
      state('no overflow', 'no overflow', 'overflowing'),
      `min font ${min.toFixed(1)} pt${count('readable') ? ` (${count('readable')} below 8 pt)` : ''}`,
      ...(count('on the page') ? [`${count('on the page')} off A4 or off the page`] : []),
    ].join(', '),
  ].join('; ');
}
