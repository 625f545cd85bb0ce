import type { ReportKind } from '@jixiao/core';

/**
 * What a report says, independent of the file it is written to: the content builders
 * (./content) turn a report's data into this once, and the HTML, PDF and XLSX writers lay it
 * out, so the three formats show the same headings, tables and numbers.
 */

/** A number as the results show it: its value, the text shown and its decimal places. */
export interface Num {
  value: number;
  text: string;
  places: number;
}

/** A table cell: text, or a number (a number in XLSX, its shown text elsewhere). */
export type Cell = string | Num;

export interface Column {
  header: string;
  /** Width in Latin-character units (Excel's column width); the PDF shares it out proportionally. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface Table {
  caption: string;
  columns: Column[];
  rows: Cell[][];
  /** Said instead of the table when it has no rows. */
  empty?: string;
}

/** A labelled value (单位名称：…) of a summary. */
export interface Fact {
  label: string;
  value: Cell;
}

export interface Chart {
  /** Drawn on first read (ECharts costs tens of ms a chart; a workbook never reads it). */
  readonly svg: string;
  /** What the chart shows, as its caption (its SVG carries the full description for screen readers). */
  caption: string;
  width: number;
  height: number;
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'subheading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'facts'; caption: string; facts: Fact[] }
  | { type: 'table'; table: Table }
  | { type: 'chart'; chart: Chart };

/** A worksheet: a title, optional facts, and tables (the first table's header row is frozen when it is alone). */
export interface Sheet {
  name: string;
  title: string;
  facts?: Fact[];
  tables: Table[];
  /** Printed across the page (wide tables). */
  landscape?: boolean;
}

export interface ReportDocument {
  kind: ReportKind;
  /** standard: a report with a title block; official: the layout of a government's report (公文). */
  style: 'standard' | 'official';
  title: string;
  /** Lines under the title (the cycle, the tenant, the dates). */
  subtitle: string[];
  /** Document properties: who issued it and what it is. */
  info: { author: string; subject: string; keywords: string; date: Date };
  /** 主送 (official style): the addressee line. */
  addressee?: string;
  body: Block[];
  /** 落款 and 成文日期 (official style), right-aligned under the body. */
  closing?: { signature: string; date: string };
  /** 附件 (official style), starting on a new page. */
  annex?: { label: string; title: string; body: Block[] };
  /** The provenance line at the end: data date, run, layout version. */
  colophon: string;
  /** The workbook's sheets. */
  sheets: Sheet[];
}

/** A chart drawn when its SVG is first read, once. */
export function lazyChart(draw: () => string, caption: string, width: number, height: number): Chart {
  let svg: string | undefined;
  return {
    caption,
    width,
    height,
    get svg() {
      svg ??= draw();
      return svg;
    },
  };
}

/** Decimal places of a shown number ("95.80" → 2, "96" → 0). */
export const placesOf = (shown: string): number => {
  const dot = shown.indexOf('.');
  return dot < 0 ? 0 : shown.length - dot - 1;
};

/**
 * A shown decimal string (or a count) as a number cell. A string that is not a number stays text,
 * so a renderer never prints NaN.
 */
export function num(shown: string | number): Cell {
  if (typeof shown === 'number') {
    return Number.isFinite(shown)
      ? { value: shown, text: String(shown), places: Number.isInteger(shown) ? 0 : placesOf(String(shown)) }
      : '';
  }
  const value = Number(shown);
  if (shown.trim() === '' || !Number.isFinite(value)) return shown;
  return { value, text: shown, places: placesOf(shown) };
}

/** The text a cell shows. */
export const cellText = (c: Cell): string => (typeof c === 'string' ? c : c.text);

/** The day the data was taken, as the documents' date: midnight in Asia/Shanghai (UTC+8, no daylight saving). */
export function dayOf(asOf: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(asOf);
  const t = m ? Date.parse(`${m[1]}T00:00:00+08:00`) : Number.NaN;
  if (Number.isNaN(t)) throw new Error(`report data: header.asOf "${asOf}" is not a day (YYYY-MM-DD)`);
  return new Date(t);
}
