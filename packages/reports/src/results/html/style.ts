import { CHART_FONT_STACK } from '../../charts';

/**
 * The reports' stylesheet, inlined (a report is one self-contained file). Screen: a centred A4-wide
 * column that narrows on a phone (wide tables scroll sideways). Print: A4 pages, table headers
 * repeated on every page, rows and charts never cut, the annex on its own page. The official
 * layout follows GB/T 9704 (公文): 2号 title in a 小标宋-like face, 3号 仿宋 body indented 2em,
 * 黑体 headings, the signature and date on the right.
 */

const SANS = CHART_FONT_STACK;
const TITLE_FACE =
  "'FZXiaoBiaoSong-B05S', '方正小标宋简体', 'STZhongsong', '华文中宋', 'Noto Serif SC', 'Noto Serif CJK SC', 'SimSun', serif";
const FANGSONG =
  "'FangSong', 'FangSong_GB2312', '仿宋_GB2312', 'STFangsong', 'Noto Serif SC', 'Noto Serif CJK SC', serif";
const HEITI = "'SimHei', '黑体', 'Noto Sans SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

export const REPORT_CSS = `
@page { size: A4; margin: 18mm 16mm 20mm; }
@page official { size: A4; margin: 37mm 26mm 35mm 28mm; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #f3f4f6; color: #111827; font: 15px/1.7 ${SANS}; }
.report { max-width: 210mm; margin: 0 auto; padding: 24px 20px 40px; background: #fff; }
.report-head { text-align: center; margin-bottom: 24px; }
h1 { font-size: 24px; line-height: 1.4; margin: 8px 0; }
.subtitle { margin: 2px 0; color: #374151; }
h2 { font-size: 19px; margin: 28px 0 10px; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 16px; margin: 20px 0 8px; break-after: avoid; page-break-after: avoid; }
p { margin: 8px 0; }
.scroll { overflow-x: auto; margin: 12px 0; }
.scroll:focus { outline: 2px solid #1f5fa8; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
caption { caption-side: top; text-align: left; font-weight: 700; padding: 4px 0; }
th, td { border: 1px solid #9ca3af; padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead th { background: #e5edf7; text-align: center; }
tbody th { font-weight: 600; background: #f9fafb; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.center { text-align: center; }
.facts th { width: 9em; }
.empty { color: #4b5563; }
figure { margin: 16px 0; text-align: center; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 13.5px; color: #374151; }
.colophon { margin-top: 32px; border-top: 1px solid #d1d5db; padding-top: 8px; font-size: 12.5px; color: #4b5563; }
.official { font-family: ${FANGSONG}; font-size: 16pt; line-height: 28pt; }
.official h1 { font-family: ${TITLE_FACE}; font-size: 22pt; line-height: 1.5; font-weight: 400; text-align: center; margin: 0 0 28pt; }
.official .addressee { text-indent: 0; margin: 0; }
.official h2 { font-family: ${HEITI}; font-size: 16pt; font-weight: 400; margin: 0; text-indent: 2em; }
.official h3 { font-family: ${HEITI}; font-size: 16pt; font-weight: 400; margin: 14pt 0 0; }
.official p { text-indent: 2em; margin: 0; }
/* 落款: the signature centred over the date, the date four characters in from the right (GB/T 9704 7.3.5.1). */
.official .closing { margin-top: 56pt; display: flex; justify-content: flex-end; padding-right: 4em; }
.official .closing div { text-align: center; }
.official .closing p { text-indent: 0; }
.official .annex { margin-top: 48pt; }
.official .annex-label { font-family: ${HEITI}; text-indent: 0; }
.official .annex h2 { text-align: center; text-indent: 0; font-family: ${TITLE_FACE}; font-size: 18pt; margin: 14pt 0; }
.official table, .official figcaption, .official .colophon { font-family: ${SANS}; font-size: 11pt; line-height: 1.6; }
.official .colophon p { text-indent: 0; }
@media (max-width: 600px) {
  .report { padding: 16px 12px 32px; }
  h1 { font-size: 20px; }
  .official { font-size: 16px; line-height: 1.8; }
  .official h1 { font-size: 22px; }
}
@media print {
  body { background: #fff; font-size: 10.5pt; }
  .report { max-width: none; margin: 0; padding: 0; }
  .official { page: official; font-size: 16pt; }
  .scroll { overflow: visible; }
  thead { display: table-header-group; }
  tr, .facts { break-inside: avoid; page-break-inside: avoid; }
  .annex { break-before: page; page-break-before: always; margin-top: 0; }
  a { color: inherit; text-decoration: none; }
}
`;
