import { type ReportData, type ReportFormat, reportDataSchema } from '@jixiao/core';
import { documentOf } from './content';
import { renderHtml } from './html/render';
import { renderPdf } from './pdf/render';
import { renderXlsx } from './xlsx/render';

/** The sheet model and its writer, for workbooks that are tables rather than reports (#12's comparison). */
export { type Cell, type Column, type Fact, num, type Sheet, type Table } from './document';
export { renderSheets } from './xlsx/render';

/**
 * Renders a report's data (built by @jixiao/core's report builders) to a file. The data is
 * checked against its schema first; the content is built once (./content) and laid out by the
 * format's writer, so the PDF, the workbook and the web page show the same numbers.
 */
export interface RenderedReport {
  body: Uint8Array;
  contentType: string;
}

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

export async function renderReport(data: ReportData, format: ReportFormat): Promise<RenderedReport> {
  const parsed = reportDataSchema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new Error(`renderReport: the report data does not match its schema (${where})`);
  }
  const doc = documentOf(parsed.data);
  const contentType = REPORT_CONTENT_TYPES[format];
  switch (format) {
    case 'pdf':
      return { body: await renderPdf(doc), contentType };
    case 'xlsx':
      return { body: await renderXlsx(doc), contentType };
    case 'html':
      return { body: new TextEncoder().encode(renderHtml(doc)), contentType };
    default:
      throw new Error(`renderReport: unknown format ${String(format)}`);
  }
}
