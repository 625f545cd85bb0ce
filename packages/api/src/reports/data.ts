import {
  buildCongressReport,
  buildOfficeReport,
  buildUnitReport,
  type OfficeReport,
  type ReportData,
  type ReportKind,
} from '@jixiao/core';
import { officeReportInputs, unitReportInputs } from './report-inputs';
import type { Published, RunInputs } from './run-inputs';

/**
 * A report's data from a run's inputs, by the pure builders of core: the one way both the API and
 * the batch's report step (and publishing) make a report. Undefined when a unit is not in the run.
 */
export async function reportData(
  i: RunInputs,
  kind: ReportKind,
  unit: string | undefined,
  published?: Published,
): Promise<ReportData | undefined> {
  if (kind === 'unit') {
    const inputs = unit ? await unitReportInputs(i, unit, published) : undefined;
    return inputs ? buildUnitReport(inputs) : undefined;
  }
  const office = await officeReport(i, published);
  return kind === 'office' ? office : buildCongressReport({ office });
}

export const officeReport = async (i: RunInputs, published?: Published): Promise<OfficeReport> =>
  buildOfficeReport(await officeReportInputs(i, published));
