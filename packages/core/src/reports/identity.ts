import { canonicalJson } from '../cycles/audit';
import { REPORT_LAYOUT_VERSION, type ReportData, type ReportFormat } from './model';

/**
 * The string a rendered report is named by: the layout's version, the format and the data as
 * canonical JSON (object keys sorted at every depth, arrays in their order, undefined left out).
 * Its SHA-256 names the stored file (packages/data/src/reports/paths.ts), so equal data under the
 * same layout is rendered once, and any change of a number, a word or the layout gives a new file.
 */
export function reportIdentity(data: ReportData, format: ReportFormat): string {
  return `${REPORT_LAYOUT_VERSION}\n${format}\n${canonicalJson(data)}`;
}
