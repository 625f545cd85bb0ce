import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { cleanText } from '../../charts';
import type { Block, Chart, ReportDocument } from '../document';
import { fontOf } from './fonts';
import { ensureRoom, newPage, type Page, useFont } from './page';
import { COLORS, OFFICIAL, type PdfStyle, STANDARD } from './style';
import { drawFacts, drawTable } from './table';

/**
 * A report as an A4 PDF: Noto Sans SC embedded as a subset, charts drawn as vectors from their
 * SVG, tables paged with their header repeated, 第 N 页 共 M 页 on every page. The same data gives
 * the same bytes: the dates and the file ID come from the data's day (pdfkit derives the /ID from
 * the document info, CreationDate included, which it would otherwise take from the clock).
 */

function paragraph(
  p: Page,
  raw: string,
  o: {
    size?: number;
    indent?: number;
    align?: 'left' | 'center' | 'right';
    color?: string;
    weight?: 'regular' | 'bold';
  } = {},
): void {
  const text = cleanText(raw);
  const size = o.size ?? p.style.body;
  useFont(p, o.weight ?? 'regular', size);
  const options = {
    width: p.width,
    indent: o.indent ?? p.style.indent,
    align: o.align ?? ('justify' as const),
    lineGap: p.style.lineGap,
  };
  // Keep at least two lines on this page (no orphan line at its foot).
  ensureRoom(p, Math.min(p.doc.heightOfString(text, options), 2 * (size * 1.45 + p.style.lineGap)));
  p.doc.fillColor(o.color ?? COLORS.text).text(text, p.left, p.doc.y, options);
  p.doc.fillColor(COLORS.text);
}

function heading(p: Page, text: string, size: number, before: number): void {
  p.doc.y += before;
  // A heading is never the last line of a page: room for it and a few lines after it.
  ensureRoom(p, size * 1.5 + 4 * (p.style.body * 1.45 + p.style.lineGap));
  paragraph(p, text, { size, indent: p.style.headingIndent, weight: 'bold', align: 'left' });
  p.doc.y += 2;
}

function chart(p: Page, c: Chart): void {
  const { doc } = p;
  // SVG pixels at 0.8 pt, never wider than the text area.
  const width = Math.min(p.width, c.width * 0.8);
  const height = (width * c.height) / c.width;
  useFont(p, 'regular', p.style.small);
  const captionHeight = doc.heightOfString(c.caption, { width: p.width }) + 4;
  doc.y += 6;
  ensureRoom(p, height + captionHeight);
  const y = doc.y;
  SVGtoPDF(doc as never, c.svg, p.left + (p.width - width) / 2, y, {
    width,
    height,
    // Every family of the chart's font stack is drawn in the embedded font.
    fontCallback: (_family, bold) => (bold ? 'bold' : 'regular'),
    warningCallback: () => {},
  });
  doc.y = y + height + 2;
  useFont(p, 'regular', p.style.small);
  doc.fillColor(COLORS.muted).text(c.caption, p.left, doc.y, { width: p.width, align: 'center' });
  doc.fillColor(COLORS.text);
  doc.y += 6;
}

function block(p: Page, b: Block): void {
  switch (b.type) {
    case 'heading':
      heading(p, b.text, p.style.heading, p.style === OFFICIAL ? 0 : 10);
      break;
    case 'subheading':
      heading(p, b.text, p.style.subheading, p.style === OFFICIAL ? 0 : 6);
      break;
    case 'paragraph':
      paragraph(p, b.text);
      p.doc.y += p.style === OFFICIAL ? 0 : 4;
      break;
    case 'facts':
      drawFacts(p, b.caption, b.facts);
      break;
    case 'table':
      drawTable(p, b.table);
      break;
    case 'chart':
      chart(p, b.chart);
      break;
  }
}

/** Title block of a standard report: centred title, subtitle lines, a rule. */
function titleBlock(p: Page, d: ReportDocument): void {
  paragraph(p, d.title, { size: p.style.title, weight: 'bold', align: 'center', indent: 0 });
  p.doc.y += 4;
  for (const line of d.subtitle)
    paragraph(p, line, { size: p.style.subtitle, align: 'center', indent: 0, color: COLORS.muted });
  p.doc.y += 6;
  p.doc
    .moveTo(p.left, p.doc.y)
    .lineTo(p.left + p.width, p.doc.y)
    .lineWidth(0.75)
    .strokeColor(COLORS.rule)
    .stroke();
  p.doc.y += 8;
}

/**
 * 公文 layout: the title centred (with a blank line under it), 主送 flush left, the body, then the
 * signature centred over the date, the date four characters in from the right (GB/T 9704 7.3.5.1),
 * and the annex on a new page under 附件.
 */
function officialBody(p: Page, d: ReportDocument): void {
  const s = p.style;
  const pitch = s.body * 1.45 + s.lineGap;
  paragraph(p, d.title, { size: s.title, weight: 'bold', align: 'center', indent: 0 });
  p.doc.y += pitch;
  if (d.addressee) paragraph(p, d.addressee, { indent: 0, align: 'left' });
  for (const b of d.body) block(p, b);
  if (d.closing) {
    p.doc.y += 2 * pitch;
    ensureRoom(p, 2 * pitch);
    useFont(p, 'regular', s.body);
    const dateWidth = p.doc.widthOfString(d.closing.date);
    const signWidth = p.doc.widthOfString(d.closing.signature);
    const right = p.left + p.width - 4 * s.body;
    const centre = right - dateWidth / 2;
    const y = p.doc.y;
    const signX = Math.max(p.left, Math.min(centre - signWidth / 2, p.left + p.width - signWidth));
    p.doc.text(d.closing.signature, signX, y, { width: p.left + p.width - signX, lineGap: s.lineGap });
    p.doc.text(d.closing.date, Math.max(p.left, right - dateWidth), p.doc.y, {
      width: p.left + p.width - Math.max(p.left, right - dateWidth),
      lineGap: s.lineGap,
    });
  }
  if (d.annex) {
    newPage(p);
    paragraph(p, d.annex.label, { weight: 'bold', indent: 0, align: 'left' });
    p.doc.y += s.lineGap;
    paragraph(p, d.annex.title, { size: 18, weight: 'bold', align: 'center', indent: 0 });
    p.doc.y += s.lineGap;
    // The annex's tables and notes are set smaller than the letter's body.
    const annex: Page = { ...p, style: { ...STANDARD, margins: s.margins, table: s.table } };
    for (const b of d.annex.body) block(annex, b);
  }
}

/** 第 N 页 共 M 页 under every page, and (standard) the report's title over every page but the first. */
function pageFurniture(p: Page, d: ReportDocument): void {
  const { doc, style } = p;
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const { margins } = doc.page;
    // Writing in the margin: pdfkit would otherwise start a new page below the bottom margin.
    const bottom = margins.bottom;
    margins.bottom = 0;
    useFont(p, 'regular', style.small);
    doc.fillColor(COLORS.muted);
    const y = style === OFFICIAL ? doc.page.height - bottom + 7 * (72 / 25.4) : doc.page.height - bottom + 22;
    doc.text(`第 ${i + 1} 页 共 ${range.count} 页`, p.left, y, {
      width: p.width,
      align: 'center',
      lineBreak: false,
    });
    if (style !== OFFICIAL && i > 0) {
      doc.text(d.title, p.left, margins.top - 26, {
        width: p.width,
        align: 'right',
        lineBreak: false,
        ellipsis: true,
        height: style.small * 1.5,
      });
      doc
        .moveTo(p.left, margins.top - 12)
        .lineTo(p.left + p.width, margins.top - 12)
        .lineWidth(0.5)
        .strokeColor(COLORS.rule)
        .stroke();
    }
    margins.bottom = bottom;
  }
  doc.fillColor(COLORS.text);
}

export function renderPdf(d: ReportDocument): Promise<Uint8Array> {
  const style: PdfStyle = d.style === 'official' ? OFFICIAL : STANDARD;
  const regular = fontOf('regular');
  const bold = fontOf('bold');
  const doc = new PDFDocument({
    size: 'A4',
    margins: style.margins,
    bufferPages: true,
    // The parsed CJK font as the default (pdfkit would otherwise load Helvetica's metrics for nothing).
    font: regular as unknown as string,
    lang: 'zh-CN',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: d.title,
      Author: d.info.author,
      Subject: d.info.subject,
      Keywords: d.info.keywords,
      Creator: '绩效 jixiao',
      Producer: 'PDFKit',
      CreationDate: d.info.date,
      ModDate: d.info.date,
    },
  });
  doc.registerFont('regular', regular as never);
  doc.registerFont('bold', bold as never);
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Uint8Array) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const p: Page = {
    doc,
    style,
    left: style.margins.left,
    width: doc.page.width - style.margins.left - style.margins.right,
  };
  doc.y = style.margins.top;
  if (d.style === 'official') officialBody(p, d);
  else {
    titleBlock(p, d);
    for (const b of d.body) block(p, b);
  }
  p.doc.y += 12;
  paragraph(p, d.colophon, { size: style.small, indent: 0, align: 'left', color: COLORS.muted });
  pageFurniture(p, d);
  doc.end();
  return done.then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
}
