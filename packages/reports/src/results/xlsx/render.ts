import ExcelJS from 'exceljs';
import type { ReportDocument } from '../document';
import { writeSheet } from './sheet';
import { stampZipEntries } from './zip-dates';

/**
 * A report as an Excel workbook: a summary sheet and the details (see ../content for which), with
 * numbers as numbers. The same data gives the same bytes: the workbook's created/modified dates
 * and every ZIP entry's time are the data's day, never the clock.
 */
export async function renderXlsx(d: ReportDocument): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = d.info.author;
  wb.lastModifiedBy = d.info.author;
  wb.title = d.title;
  wb.subject = d.info.subject;
  wb.keywords = d.info.keywords;
  wb.created = d.info.date;
  wb.modified = d.info.date;
  for (const s of d.sheets) writeSheet(wb, s, d.title);
  const buf = await wb.xlsx.writeBuffer();
  const bytes = new Uint8Array(buf as ArrayBuffer);
  return stampZipEntries(bytes, d.info.date);
}
