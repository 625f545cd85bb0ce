/**
 * The public portal's style sheet, on top of the console's (`/console/assets/portal.<hash>.css`,
 * linked by pages rendered with `portal: true`, whose <body> has class `portal`). Mobile first: one
 * column at 360 px with nothing wider than the screen (tables and charts scroll or shrink inside
 * their own box), tap targets at least 44 px high, colours at WCAG AA contrast, grades with their
 * words. No inline style anywhere, so a strict Content-Security-Policy can forbid it.
 */
export const PORTAL_CSS = `body.portal{overflow-wrap:anywhere}
body.portal header.top .who a,body.portal header.top .brand{display:inline-flex;align-items:center;min-height:44px}
body.portal main{max-width:880px}
body.portal .public{max-width:none}
body.portal h2{margin-top:8px}
body.portal h3{font-size:1.02rem;margin:12px 0 8px}
body.portal .lead{font-size:1.02rem}
body.portal p a,body.portal ul.links a,body.portal a.more{display:inline-block;min-height:44px;padding:10px 0}
body.portal ul.links>li{border-bottom:1px solid #e6e9ed;padding:4px 0}
body.portal ul.links>li:last-child{border-bottom:0}
body.portal ul.links p{margin:0 0 6px}
body.portal .scroll{max-width:100%;overflow-x:auto;margin-bottom:8px}
body.portal .scroll:focus{outline:3px solid #f0b429}
body.portal table{min-width:100%}
body.portal thead th{white-space:nowrap}
body.portal tbody th[scope=row]{background:#fff;font-weight:600}
body.portal table caption{text-align:left;font-weight:600;color:#3d444d;padding:0 0 6px}
body.portal table.results th[scope=row] a{display:inline-block;min-height:44px;padding:10px 0}
body.portal table.results td,body.portal table.results th{vertical-align:middle}
body.portal td.num,body.portal th.num{text-align:right;white-space:nowrap}
body.portal .grade{border:1px solid currentColor;white-space:nowrap}
body.portal .big{font-size:1.6rem}
body.portal .overdue{color:#a4121b}
.charts{display:grid;grid-template-columns:1fr;gap:12px;margin-bottom:12px}
@media (min-width:720px){.charts{grid-template-columns:1fr 1fr}}
figure.chart{margin:0;background:#fff;border:1px solid #d8dde3;border-radius:6px;padding:8px;min-width:0}
figure.chart svg{display:block;width:100%;max-width:100%;height:auto}
figure.chart figcaption{color:#57606a;font-size:.88rem;margin-top:4px}
ul.trend-list{margin:0 0 16px}
ul.grade-counts{display:flex;flex-wrap:wrap;gap:4px 16px;margin:0 0 16px}
details.dimension{background:#fff;border:1px solid #d8dde3;border-radius:6px;margin:8px 0}
details.dimension>summary{cursor:pointer;min-height:44px;padding:10px 12px;font-weight:600}
details.dimension[open]>summary{border-bottom:1px solid #e6e9ed}
details.dimension>p,details.dimension>.scroll{margin:8px 12px}
details.dimension .dim-points{font-weight:400;white-space:nowrap}
.badge.verdict-strength{background:#e6f4ea;color:#0f5323}
.badge.verdict-weakness{background:#fde8e8;color:#8b1a1a}
.badge.verdict-par{background:#eceef1;color:#3d444d}
ul.items>li{border-top:1px solid #e6e9ed;padding:8px 0}
ul.items>li:first-child{border-top:0}
ul.items p{margin:2px 0}
@media (max-width:600px){body.portal h1{font-size:1.25rem}body.portal table{font-size:.92rem}body.portal th,body.portal td{padding:6px 8px}}
`;
