import { type Interpolation, type Markup, markup, trusted } from '../../charts';
import type { Block, Cell, Column, Fact, ReportDocument, Table } from '../document';
import { cellText } from '../document';
import { REPORT_CSS } from './style';

/**
 * A report as one self-contained, printable HTML document: lang="zh-CN", inline CSS, charts as
 * inline SVG, no script and no external resource (it is stored, mailed and printed as it is).
 * Every text goes through `markup`, which escapes it.
 */

const alignClass = (c: Column | undefined, cell: Cell): string | undefined =>
  typeof cell !== 'string' || c?.align === 'right' ? 'num' : c?.align === 'center' ? 'center' : undefined;

function td(cell: Cell, column: Column | undefined): Markup {
  const cls = alignClass(column, cell);
  return cls ? markup`<td class="${cls}">${cellText(cell)}</td>` : markup`<td>${cellText(cell)}</td>`;
}

/**
 * A table with its caption and column headers (scope="col"); the first cell of each row heads the
 * row (scope="row"). Wrapped in a focusable region so a phone can scroll it sideways.
 */
function table(t: Table): Markup {
  if (t.rows.length === 0) {
    return markup`<p class="empty"><strong>${t.caption}：</strong>${t.empty ?? '无。'}</p>`;
  }
  const head = t.columns.map((c) => markup`<th scope="col">${c.header}</th>`);
  const rows = t.rows.map((r) => {
    const [first, ...rest] = r;
    const cls = first === undefined ? undefined : alignClass(t.columns[0], first);
    const firstCell = markup`<th scope="row"${cls ? markup` class="${cls}"` : ''}>${first === undefined ? '' : cellText(first)}</th>`;
    return markup`<tr>${firstCell}${rest.map((c, i) => td(c, t.columns[i + 1]))}</tr>`;
  });
  return markup`<div class="scroll" role="region" aria-label="${t.caption}" tabindex="0"><table><caption>${t.caption}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function facts(caption: string, items: readonly Fact[]): Markup {
  const rows = items.map((f) => markup`<tr><th scope="row">${f.label}</th>${td(f.value, undefined)}</tr>`);
  return markup`<div class="scroll" role="region" aria-label="${caption}" tabindex="0"><table class="facts"><caption>${caption}</caption><tbody>${rows}</tbody></table></div>`;
}

function block(b: Block): Markup {
  switch (b.type) {
    case 'heading':
      return markup`<h2>${b.text}</h2>`;
    case 'subheading':
      return markup`<h3>${b.text}</h3>`;
    case 'paragraph':
      return markup`<p>${b.text}</p>`;
    case 'facts':
      return facts(b.caption, b.facts);
    case 'table':
      return table(b.table);
    case 'chart':
      // The SVG comes from ../../charts, which escapes every text it draws.
      return markup`<figure>${trusted(b.chart.svg)}<figcaption>${b.chart.caption}</figcaption></figure>`;
  }
}

const blocks = (bs: readonly Block[]): Interpolation => bs.map(block);

function standardBody(d: ReportDocument): Markup {
  return markup`<main class="report">
<header class="report-head"><h1>${d.title}</h1>${d.subtitle.map((s) => markup`<p class="subtitle">${s}</p>`)}</header>
${blocks(d.body)}
<footer class="colophon"><p>${d.colophon}</p></footer>
</main>`;
}

function officialBody(d: ReportDocument): Markup {
  return markup`<main class="report official">
<h1>${d.title}</h1>
${d.addressee ? markup`<p class="addressee">${d.addressee}</p>` : ''}
${blocks(d.body)}
${d.closing ? markup`<div class="closing"><div><p>${d.closing.signature}</p><p>${d.closing.date}</p></div></div>` : ''}
${d.annex ? markup`<section class="annex" aria-label="${d.annex.label}"><p class="annex-label">${d.annex.label}</p><h2>${d.annex.title}</h2>${blocks(d.annex.body)}</section>` : ''}
<footer class="colophon"><p>${d.colophon}</p></footer>
</main>`;
}

export function renderHtml(d: ReportDocument): string {
  const page = markup`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="${d.info.author}">
<meta name="description" content="${d.info.subject}">
<meta name="keywords" content="${d.info.keywords}">
<title>${d.title}</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
${d.style === 'official' ? officialBody(d) : standardBody(d)}
</body>
</html>
`;
  return page.value;
}
