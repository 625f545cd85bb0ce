import { REPORT_KIND_LABELS } from '../vocabulary/report-labels';
import type { ReportData, ReportFormat } from './model';
import { formalText } from './text';

/**
 * Characters a file name may not hold on Windows, macOS or in a Content-Disposition header
 * (/ \ : * ? " < > | and control characters): each becomes nothing.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const NOT_IN_FILE_NAMES = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;

const clean = (s: string): string => formalText(s.replace(NOT_IN_FILE_NAMES, ' ')).replace(/^\.+/, '');

/**
 * The file name people see when they download a report: the cycle's name, the unit's name for a
 * unit report, and the report's kind, e.g. `哈尔滨市2024年度民生领域专项绩效评估-市教育局-单位绩效评估报告.pdf`,
 * `…-绩效评估总体情况报告.xlsx`, `…-向人大常委会的年度报告.html`.
 */
export function reportFileName(data: ReportData, format: ReportFormat): string {
  const parts = [
    clean(data.header.cycle.name) || data.header.cycle.id,
    ...(data.kind === 'unit' ? [clean(data.unit.name) || data.unit.code] : []),
    REPORT_KIND_LABELS[data.kind].zh,
  ];
  return `${parts.join('-')}.${format}`;
}
