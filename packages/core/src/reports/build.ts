import type { CongressReportInputs, OfficeReportInputs, UnitReportInputs } from './inputs';
import type { CongressReport, OfficeReport, ReportData, ReportFormat, UnitReport } from './model';

/* Skeleton: the builders are written in ./unit-report.ts, ./office-report.ts, ./congress-report.ts. */

export function buildUnitReport(_inputs: UnitReportInputs): UnitReport {
  throw new Error('buildUnitReport: not built yet');
}

export function buildOfficeReport(_inputs: OfficeReportInputs): OfficeReport {
  throw new Error('buildOfficeReport: not built yet');
}

export function buildCongressReport(_inputs: CongressReportInputs): CongressReport {
  throw new Error('buildCongressReport: not built yet');
}

/**
 * The string a report file is named by (its SHA-256 is the object's name): the layout version,
 * the format and the data in a canonical JSON (keys sorted), so equal data gives equal names.
 */
export function reportIdentity(_data: ReportData, _format: ReportFormat): string {
  throw new Error('reportIdentity: not built yet');
}

/** The file name people see, e.g. `2024年度…-市民政局-单位绩效评估报告.pdf`. */
export function reportFileName(_data: ReportData, _format: ReportFormat): string {
  throw new Error('reportFileName: not built yet');
}
