import ExcelJS from 'exceljs';
import { workbookBytes } from '../../xlsx-layout';
import type { ReportDocument, Sheet } from '../document';
import { writeSheet } from './sheet';
import { stampZipEntries } from './zip-dates';

/**
 * A report as an Excel workbook: a summary sheet and the details (see ../content for which), with
 * numbers as numbers. The same data gives the same bytes: the workbook's created/modified dates
 * and every ZIP entry's time are the data's day, never the clock.
 */
export async function renderXlsx(d: ReportDocument): Promise<Uint8Array> {
  return renderSheets(d.title, d.info, d.sheets);
}

/**
 * Sheets alone as a workbook, laid out as a report's are (frozen header, CJK row heights, A4 fit
 * to width, print titles, text that could be a formula kept as text): for a table that is not a
 * report, such as a cross-region comparison. Dated by `info.date`, never the clock.
 */
export async function renderSheets(
  title: string,
  info: ReportDocument['info'],
  sheets: readonly Sheet[],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = info.author;
  wb.lastModifiedBy = info.author;
  wb.title = title;
  wb.subject = info.subject;
  wb.keywords = info.keywords;
  wb.created = info.date;
  wb.modified = info.date;
  for (const s of sheets) writeSheet(wb, s, title);
  return stampZipEntries(await workbookBytes(wb), info.date);
}
