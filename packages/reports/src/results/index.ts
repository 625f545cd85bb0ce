import type { ReportData, ReportFormat } from '@jixiao/core';

/**
 * Renders a report's data (built by @jixiao/core's report builders) to a file. Skeleton: the
 * renderers are ./pdf, ./xlsx and ./html; charts come from ../charts.
 */
export interface RenderedReport {
  body: Uint8Array;
  contentType: string;
}

export async function renderReport(_data: ReportData, _format: ReportFormat): Promise<RenderedReport> {
  throw new Error('renderReport: not built yet');
}
