import { cleanText } from '../../charts';
import type { Cell, Column, Fact, Table } from '../document';
import { cellText } from '../document';
import { bottomOf, ensureRoom, fitPrefix, newPage, type Page, useFont } from './page';
import { COLORS } from './style';

/**
 * Tables in the PDF: column widths shared out by the columns' widths, text wrapped in its cell,
 * rows never cut between pages but moved whole to the next page, where the header row is drawn
 * again under the caption marked （续）. A row taller than a whole page (absurdly long text) is
 * continued over pages, cell by cell.
 */

const PAD = 3;
const LINE_GAP = 1.5;

interface Layout {
  widths: number[];
  aligns: Array<'left' | 'center' | 'right'>;
  size: number;
}

function layoutOf(p: Page, columns: readonly Column[], rows: readonly Cell[][]): Layout {
  const total = columns.reduce((a, c) => a + c.width, 0) || 1;
  const widths = columns.map((c) => (p.width * c.width) / total);
  const aligns = columns.map((c, i) => {
    if (c.align) return c.align;
    // A column of numbers reads right-aligned.
    return rows.length > 0 && rows.every((r) => r[i] === undefined || typeof r[i] !== 'string')
      ? 'right'
      : 'left';
  });
  return { widths, aligns, size: p.style.table };
}

const textWidth = (w: number): number => Math.max(1, w - 2 * PAD);

function rowHeight(p: Page, l: Layout, texts: readonly string[], weight: 'regular' | 'bold'): number {
  useFont(p, weight, l.size);
  let h = 0;
  texts.forEach((t, i) => {
    h = Math.max(h, p.doc.heightOfString(t || ' ', { width: textWidth(l.widths[i]!), lineGap: LINE_GAP }));
  });
  return h + 2 * PAD;
}

function drawRow(
  p: Page,
  l: Layout,
  texts: readonly string[],
  height: number,
  o: {
    weight: 'regular' | 'bold';
    fills?: readonly (string | undefined)[];
    aligns?: Array<'left' | 'center' | 'right'>;
  },
): void {
  const { doc } = p;
  const y = doc.y;
  let x = p.left;
  texts.forEach((t, i) => {
    const w = l.widths[i]!;
    doc.save();
    const fill = o.fills?.[i];
    if (fill) doc.rect(x, y, w, height).fill(fill);
    doc.rect(x, y, w, height).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    doc.restore();
    useFont(p, o.weight, l.size);
    doc.fillColor(COLORS.text).text(t, x + PAD, y + PAD, {
      width: textWidth(w),
      // `height` keeps pdfkit from starting a page of its own: rows are paged here.
      height: height - 2 * PAD + 0.01,
      align: (o.aligns ?? l.aligns)[i],
      lineGap: LINE_GAP,
    });
    x += w;
  });
  doc.x = p.left;
  doc.y = y + height;
}

function caption(p: Page, text: string): void {
  useFont(p, 'bold', p.style.table + 1);
  p.doc.fillColor(COLORS.text).text(cleanText(text), p.left, p.doc.y, { width: p.width });
  p.doc.y += 2;
}

const captionHeight = (p: Page, text: string): number => {
  useFont(p, 'bold', p.style.table + 1);
  return p.doc.heightOfString(cleanText(text), { width: p.width }) + 2;
};

export function drawTable(p: Page, t: Table): void {
  const { doc } = p;
  doc.y += 4;
  if (t.rows.length === 0) {
    useFont(p, 'regular', p.style.table + 1);
    const text = cleanText(`${t.caption}：${t.empty ?? '无。'}`);
    ensureRoom(p, doc.heightOfString(text, { width: p.width }));
    doc.fillColor(COLORS.muted).text(text, p.left, doc.y, { width: p.width });
    doc.fillColor(COLORS.text);
    doc.y += 4;
    return;
  }
  const l = layoutOf(p, t.columns, t.rows);
  const headers = t.columns.map((c) => cleanText(c.header));
  const headAligns = headers.map(() => 'center' as const);
  const headHeight = rowHeight(p, l, headers, 'bold');
  const head = (continued: boolean) => {
    caption(p, continued ? `${t.caption}（续）` : t.caption);
    drawRow(p, l, headers, headHeight, {
      weight: 'bold',
      fills: headers.map(() => COLORS.headFill),
      aligns: headAligns,
    });
  };
  const rows = t.rows.map((r) => r.map((c) => cleanText(cellText(c))));
  const heights = rows.map((r) => rowHeight(p, l, r, 'regular'));
  const top = captionHeight(p, t.caption) + headHeight;
  const whole = top + heights.reduce((a, h) => a + h, 0);
  const pageRoom = bottomOf(p) - p.doc.page.margins.top;
  // A short table stays on one page; a long one keeps its caption, header and first rows together.
  ensureRoom(
    p,
    whole <= pageRoom * 0.4
      ? whole
      : Math.min(top + heights.slice(0, 3).reduce((a, h) => a + h, 0), top + 120),
  );
  head(false);
  rows.forEach((texts, r) => {
    let rest = texts;
    for (let first = true; ; first = false) {
      const h = first ? heights[r]! : rowHeight(p, l, rest, 'regular');
      if (doc.y + h <= bottomOf(p)) {
        drawRow(p, l, rest, h, { weight: 'regular' });
        break;
      }
      if (h <= pageRoom - top) {
        newPage(p);
        head(true);
        continue;
      }
      // Taller than a page: draw what fits here, continue the rest on the next page.
      const room = bottomOf(p) - doc.y - 2 * PAD;
      if (room < 3 * l.size) {
        newPage(p);
        head(true);
        continue;
      }
      useFont(p, 'regular', l.size);
      const split = rest.map((s, i) => fitPrefix(p, s, textWidth(l.widths[i]!), room, LINE_GAP));
      drawRow(
        p,
        l,
        split.map(([now]) => now),
        room + 2 * PAD,
        { weight: 'regular' },
      );
      rest = split.map(([, later]) => later);
      newPage(p);
      head(true);
    }
  });
  doc.y += 6;
}

/** A summary of labelled values: two facts to a row (label, value, label, value). */
export function drawFacts(p: Page, captionText: string, facts: readonly Fact[]): void {
  const rows: Cell[][] = [];
  for (let i = 0; i < facts.length; i += 2) {
    const a = facts[i]!;
    const b = facts[i + 1];
    rows.push([a.label, cellText(a.value), b?.label ?? '', b ? cellText(b.value) : ''].map(cleanText));
  }
  const columns: Column[] = [
    { header: '项目', width: 11 },
    { header: '内容', width: 19, align: 'left' },
    { header: '项目', width: 11 },
    { header: '内容', width: 19, align: 'left' },
  ];
  const { doc } = p;
  doc.y += 4;
  const l = layoutOf(p, columns, rows);
  ensureRoom(p, captionHeight(p, captionText) + rowHeight(p, l, rows[0]?.map(cellText) ?? [''], 'regular'));
  caption(p, captionText);
  for (const r of rows) {
    const texts = r.map(cellText);
    const h = rowHeight(p, l, texts, 'regular');
    ensureRoom(p, h);
    // Labels on a light fill, like the HTML's row headers.
    drawRow(p, l, texts, h, {
      weight: 'regular',
      fills: [COLORS.rowHeadFill, undefined, COLORS.rowHeadFill, undefined],
    });
  }
  doc.y += 6;
}
