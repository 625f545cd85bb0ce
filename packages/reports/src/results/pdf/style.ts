/**
 * Page geometry and type sizes of the PDF, in points (1 pt = 1/72 in; A4 = 595.28 × 841.89).
 * standard: an ordinary report. official: GB/T 9704 (公文) — margins 37/26/35/28 mm, a 2号 (22 pt)
 * title, 3号 (16 pt) body on a ~29 pt line pitch (22 lines a page), paragraphs indented two
 * characters. Only Noto Sans SC is embedded, so bold stands in for 黑体 and 小标宋.
 */

const MM = 72 / 25.4;

export interface PdfStyle {
  margins: { top: number; bottom: number; left: number; right: number };
  title: number;
  subtitle: number;
  heading: number;
  subheading: number;
  body: number;
  /** Extra space between lines of body text. */
  lineGap: number;
  /** First-line indent of paragraphs (two characters). */
  indent: number;
  /** Headings are indented like paragraphs (公文 一级标题). */
  headingIndent: number;
  table: number;
  small: number;
}

export const STANDARD: PdfStyle = {
  margins: { top: 56, bottom: 62, left: 56, right: 56 },
  title: 20,
  subtitle: 10.5,
  heading: 14,
  subheading: 12,
  body: 10.5,
  lineGap: 4,
  indent: 21,
  headingIndent: 0,
  table: 9,
  small: 8.5,
};

export const OFFICIAL: PdfStyle = {
  margins: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
  title: 22,
  subtitle: 16,
  heading: 16,
  subheading: 16,
  body: 16,
  // Noto Sans SC's line is 1.448 em (23.2 pt at 16 pt); +5.8 pt gives the 29 pt pitch.
  lineGap: 5.8,
  indent: 32,
  headingIndent: 32,
  table: 10,
  small: 9,
};

export const COLORS = {
  text: '#111827',
  muted: '#4b5563',
  rule: '#9ca3af',
  headFill: '#e5edf7',
  rowHeadFill: '#f9fafb',
} as const;
