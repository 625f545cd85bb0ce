/**
 * The console's one style sheet, served as a hashed asset (`/console/assets/console.<hash>.css`):
 * no inline <style> and no style attributes, so a strict Content-Security-Policy can forbid both.
 */
export const CONSOLE_CSS = `*{box-sizing:border-box}
html{font-size:16px}
body{margin:0;font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1f2328;background:#f5f6f8;line-height:1.6}
a{color:#0b5cad}
a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f0b429;outline-offset:1px}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:10}
header.top{background:#8b1a1a;color:#fff;padding:10px 24px;display:flex;flex-wrap:wrap;align-items:center;gap:8px 24px}
header.top .brand{font-size:1.2rem;font-weight:700;color:#fff;text-decoration:none}
header.top .tenant{font-size:.95rem;opacity:.95}
header.top .who{margin-left:auto;display:flex;align-items:center;gap:12px;font-size:.9rem;flex-wrap:wrap}
header.top .who a{color:#fff}
header.top .roles{opacity:.85}
header.top form{margin:0}
header.top button{background:transparent;border:1px solid #fff;color:#fff;border-radius:4px;padding:2px 10px;cursor:pointer;font:inherit}
nav.main{background:#fff;border-bottom:1px solid #d8dde3;padding:0 24px}
nav.main ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px}
nav.main a{display:block;padding:10px 14px;text-decoration:none;color:#1f2328;border-bottom:3px solid transparent}
nav.main a[aria-current=page]{border-bottom-color:#8b1a1a;font-weight:600}
main{max-width:1100px;margin:24px auto;padding:0 24px}
h1{font-size:1.5rem;margin:0 0 16px}
h2{font-size:1.15rem;margin:0 0 12px}
.card{background:#fff;border:1px solid #d8dde3;border-radius:6px;padding:16px 20px;margin-bottom:16px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:16px;margin-bottom:16px}
.stat{font-size:2rem;font-weight:700}
.stat a{text-decoration:none}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #d8dde3}
th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #e6e9ed;vertical-align:top}
th{background:#f0f2f5;font-weight:600}
td.num{text-align:right}
.toolbar{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-end;margin-bottom:16px}
.toolbar .spacer{flex:1}
.button,button.primary{display:inline-block;background:#8b1a1a;color:#fff;border:0;border-radius:4px;padding:8px 16px;font:inherit;text-decoration:none;cursor:pointer}
button.secondary{background:#fff;color:#1f2328;border:1px solid #8a949e;border-radius:4px;padding:6px 14px;font:inherit;cursor:pointer}
button.danger{background:#fff;color:#a4121b;border:1px solid #a4121b;border-radius:4px;padding:6px 14px;font:inherit;cursor:pointer}
form.stacked .field{margin-bottom:14px}
.field label,.field legend{display:block;font-weight:600;margin-bottom:4px}
.field .hint{display:block;color:#57606a;font-size:.85rem}
.field input[type=text],.field input[type=email],.field input[type=tel],.field input[type=number],.field select,.field textarea{width:100%;max-width:480px;padding:6px 8px;border:1px solid #8a949e;border-radius:4px;font:inherit;background:#fff}
.field [aria-invalid=true]{border-color:#a4121b;border-width:2px}
.field .error{color:#a4121b;font-size:.9rem;margin:4px 0 0}
fieldset.field{border:0;padding:0;margin:0 0 14px}
.check{display:flex;gap:6px;align-items:center;font-weight:400}
.alert{border:1px solid #a4121b;background:#fdf0f0;color:#6e0b10;border-radius:6px;padding:12px 16px;margin-bottom:16px}
.alert ul{margin:6px 0 0;padding-left:20px}
.flash{border:1px solid #1a7f37;background:#eefbf1;color:#0f5323;border-radius:6px;padding:10px 16px;margin-bottom:16px}
.muted{color:#57606a}
.pager{display:flex;gap:16px;margin-top:12px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dl.facts dt{color:#57606a}
dl.facts dd{margin:0}
ul.steps{padding-left:20px;margin:0}
ul.steps li{margin:4px 0}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:.85rem;background:#eef1f4}
.badge.ok{background:#e6f4ea;color:#0f5323}
.badge.off{background:#f3e8e8;color:#6e0b10}
main.wide{max-width:1440px}
.badge.st-draft{background:#fff4d6;color:#6b4a00}
.badge.st-submitted{background:#e3eefc;color:#0b4a8b}
.badge.st-approved{background:#e6f4ea;color:#0f5323}
.badge.st-retired{background:#eceef1;color:#57606a}
a.button.secondary-link{background:#fff;color:#1f2328;border:1px solid #8a949e;padding:7px 15px}
form.inline{display:inline;margin:0}
.lifecycle .actions{display:flex;flex-wrap:wrap;gap:10px;align-items:center}
.lifecycle .return-form{margin-top:14px;border-top:1px solid #e6e9ed;padding-top:12px}
.lifecycle .return-form textarea{width:100%;max-width:640px;padding:6px 8px;border:1px solid #8a949e;border-radius:4px;font:inherit}
.two{display:grid;grid-template-columns:2fr 1fr;gap:16px}
.two .card{margin-bottom:16px}
@media (max-width:800px){.two{grid-template-columns:1fr}}
ol.versions{margin:0;padding-left:20px}
ol.versions a[aria-current=page]{font-weight:700}
.note{white-space:pre-wrap}
.issues{border:1px solid #c77700;background:#fff8e6;border-radius:6px;padding:12px 16px;margin-bottom:16px}
.issues h2{font-size:1rem;color:#6b4a00}
.issues ol{margin:0;padding-left:22px}
ul.node-issues{margin:4px 0 0;padding:0;list-style:none;color:#a4121b;font-size:.88rem}
ul.node-issues li::before{content:"⚠ "}
tr.has-issue>td,tr.has-issue>th{background:#fff4f4}
tr:target>td,tr:target>th{outline:2px solid #f0b429}
.scroll{overflow-x:auto;margin-bottom:16px}
table.tree{font-size:.9rem}
table.tree td.criteria{min-width:280px;color:#3d444d}
table.tree td.name{min-width:220px}
table.tree td.name.d1{padding-left:26px}
table.tree td.name.d2{padding-left:46px}
table.tree td:nth-child(n+2):nth-child(-n+7),table.tree th:nth-child(n+2):nth-child(-n+7){white-space:nowrap}
table.tree td.params{min-width:180px}
.tpl .dims li{break-inside:avoid}
.field textarea.code-area{max-width:none}
table.tree td.params{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}
table.tree tr.lv1>td{background:#f7f3f0;font-weight:600}
table.tree tr.lv1.has-issue>td{background:#fff0f0}
.code{color:#57606a;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px}
.sides table{font-size:.9rem}
.grade{display:inline-block;border-radius:10px;padding:0 10px;font-weight:600;background:#eef1f4}
.grade.g0{background:#e6f4ea;color:#0f5323}
.grade.g1{background:#e3eefc;color:#0b4a8b}
.grade.g2{background:#fff4d6;color:#6b4a00}
.grade.g-last{background:#fde8e8;color:#8b1a1a}
.tpl-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:16px}
.tpl{display:flex;flex-direction:column;margin:0}
.tpl h2{color:#8b1a1a}
.tpl h3{font-size:.95rem;margin:12px 0 6px}
.tpl .dims{list-style:none;padding:0;margin:6px 0 12px;font-size:.9rem;columns:2}
.tpl .dims .w{color:#57606a}
.tpl .tpl-actions{margin-top:auto;display:flex;justify-content:space-between;align-items:center}
.wbar{display:flex;height:10px;border-radius:5px;overflow:hidden;background:#eef1f4}
.c0{background:#8b1a1a}.c1{background:#c77700}.c2{background:#0b5cad}.c3{background:#1a7f37}.c4{background:#6f42c1}.c5{background:#57606a}
.dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:5px}
button.mini{background:#fff;color:#1f2328;border:1px solid #8a949e;border-radius:4px;padding:1px 7px;font:inherit;font-size:.82rem;cursor:pointer;margin:1px}
button.mini.danger{color:#a4121b;border-color:#a4121b}
.default-submit{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
form.editor .cell input[type=text],form.editor .cell select,form.editor .cell textarea{width:100%;padding:4px 6px;border:1px solid #8a949e;border-radius:4px;font:inherit;background:#fff}
form.editor .cell [aria-invalid=true]{border-color:#a4121b;border-width:2px}
form.editor .cell label{display:block;font-size:.82rem;color:#57606a}
form.editor .cell .hint{display:block;font-size:.78rem;color:#57606a}
form.editor .error{color:#a4121b;font-size:.85rem;margin:2px 0 0}
form.editor .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px 12px}
form.editor .grid .wide{grid-column:span 3}
form.editor .grid .short{max-width:160px}
table.edit-tree{font-size:.92rem}
table.edit-tree td{padding:4px 6px}
table.edit-tree tr.lv1>td{background:#f7f3f0}
table.edit-tree tr.leaf>td{border-bottom:0}
table.edit-tree tr.leaf-detail>td{padding-top:0;padding-bottom:10px}
table.edit-tree .indent{display:flex;align-items:center;gap:6px}
table.edit-tree .indent.d1{padding-left:20px}
table.edit-tree .indent.d2{padding-left:40px}
.indent-detail.d2{padding-left:20px}
table.edit-tree .lvl{font-size:.75rem;color:#57606a;white-space:nowrap}
table.edit-tree .cell.code{width:110px}
table.edit-tree .cell.weight{width:80px}
table.edit-tree td.ops{white-space:nowrap}
table.items .cell.code{width:100px}
table.items .cell.weight{width:90px}
output.sum{display:block;font-size:.82rem;white-space:nowrap}
output.sum.ok{color:#0f5323}
output.sum.bad{color:#a4121b;font-weight:700}
.notice{border:1px solid #0b5cad;background:#eef5fd;color:#0b3d73;border-radius:6px;padding:10px 16px;margin-bottom:16px}
.savebar{position:sticky;bottom:0;background:#f5f6f8;border-top:1px solid #d8dde3;padding:10px 0;margin-top:8px}
textarea.code-area{width:100%;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.82rem;padding:6px 8px;border:1px solid #8a949e;border-radius:4px}
details.breakdown{border:1px solid #d8dde3;border-radius:6px;padding:8px 12px;margin:8px 0;background:#fff}
details.breakdown summary{cursor:pointer;font-weight:600}
details.breakdown table{font-size:.88rem;margin-top:8px}
details.breakdown .indent.d1{padding-left:18px;display:inline-block}
details.breakdown .indent.d2{padding-left:36px;display:inline-block}
details.breakdown tr.branch>td{background:#f7f3f0;font-weight:600}
details.breakdown td:nth-child(n+2):nth-child(-n+4),details.breakdown th:nth-child(n+2):nth-child(-n+4){white-space:nowrap}
table.results td.total{font-weight:700}
.mt{margin-top:24px}
.facts.mt-s{margin-top:12px}
fieldset.plain{border:0;padding:0;margin:0;min-width:0}
fieldset.plain>legend{padding:0;font-size:.82rem;color:#57606a}
ol.tie-keys{margin:4px 0;padding-left:1.6em}
svg.wbar{display:block;width:100%;height:10px;border-radius:5px;overflow:hidden;background:#eef1f4}
svg.wbar .c0{fill:#8b1a1a}svg.wbar .c1{fill:#c77700}svg.wbar .c2{fill:#0b5cad}svg.wbar .c3{fill:#1a7f37}svg.wbar .c4{fill:#6f42c1}svg.wbar .c5{fill:#57606a}
ul.plain{list-style:none;margin:0;padding:0}
details.prov{display:inline-block;vertical-align:baseline;font-weight:400}
details.prov>summary{display:inline;list-style:none;cursor:pointer}
details.prov>summary::-webkit-details-marker{display:none}
details.prov[open]{display:block;margin:4px 0}
.prov-body{border-left:3px solid #c9a227;background:#fffbea;padding:6px 10px;margin-top:4px;font-size:.85rem;font-weight:400;max-width:560px}
.prov-body p{margin:2px 0}
blockquote.prov-quote{margin:4px 0;padding:0;white-space:pre-wrap;color:#1f2328}
.badge.prov-source{background:#fbe9d0;color:#7a3e00}
.badge.prov-example{background:#eceef1;color:#57606a}
.prov-legend{font-size:.9rem;color:#3d444d;margin:0 0 8px}
.office-params{font-size:.82rem;color:#0b4a8b;font-weight:400}
.party{font-size:.82rem;color:#57606a;font-weight:400}
.weight-correction{border-color:#c77700}
.wc-list{border-top:1px solid #e6e9ed;padding-top:10px;margin-top:10px}
.wc-list h3{font-size:1rem;margin:0 0 4px}
.wc-list .hint{color:#57606a;font-size:.85rem;margin:4px 0 8px}
.wc-sum{font-weight:600;color:#6b4a00}
.wc-forms{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px}
.wc-table input[type=number]{width:7em;padding:4px 6px;border:1px solid #8a949e;border-radius:4px;font:inherit}
.wc-table [aria-invalid=true]{border-color:#a4121b;border-width:2px}
.wc-lower .error{color:#a4121b;font-size:.85rem;margin:2px 0 0}
.wc-lower button{margin-top:8px}
body.bare main{max-width:420px;margin:80px auto;background:#fff;border:1px solid #d8dde3;border-radius:6px;padding:32px;text-align:center}
body.bare h1{color:#8b1a1a;margin:0 0 4px;font-size:2rem}
body.bare .tag{color:#57606a;margin:0 0 24px}
body.bare .button{padding:10px 32px;font-size:1.1rem}
body.bare .lang{margin-top:24px}
ol.cy-steps{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}
pre.code{white-space:pre-wrap;max-height:20rem;overflow:auto}
.public{max-width:720px;margin:0 auto}
.public h1{font-size:1.35rem}
.public .field input[type=text],.public .field textarea{max-width:none;font-size:1rem;padding:10px 12px}
.public button.primary{min-height:48px;padding:12px 24px;font-size:1.05rem}
@media (max-width:600px){main{margin:12px auto;padding:0 12px}header.top{padding:8px 12px}.public button.primary{width:100%}.public dl.facts{grid-template-columns:1fr;gap:0}.public dl.facts dt{margin-top:8px}.card{padding:12px 14px}}
/* Surveys: big choices on a phone; printable QR slips. */
.public fieldset.likert{border:0;padding:0;margin:0 0 1rem}
.public fieldset.likert legend{font-weight:600;margin-bottom:.4rem}
.public label.choice{display:flex;align-items:center;gap:.6rem;min-height:48px;padding:.5rem .8rem;margin:.35rem 0;border:1px solid #cfd4dc;border-radius:8px;background:#fff;font-size:1.05rem}
.public label.choice input{width:1.4rem;height:1.4rem}
.slips{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:1rem}
.slip{border:1px dashed #999;padding:.8rem;text-align:center;break-inside:avoid;background:#fff}
.slip-link{word-break:break-all;font-size:.8rem}
table.rows input[type=text]{width:100%}
/* Reports: a report's files as a row of buttons (console and portal). */
ul.downloads{display:flex;flex-wrap:wrap;gap:8px;list-style:none;margin:0 0 8px;padding:0}
ul.downloads a.button{display:inline-flex;align-items:center;min-height:44px;padding:8px 16px}
ul.downloads .size{font-size:.85rem}
.report-kind h3{font-size:1rem;margin:12px 0 6px}
/* Cross-region comparison (#12): the recipient's tabs, charts at their own size (shrinking to fit), rank movement, choices in columns. */
nav.tabs ul{list-style:none;margin:0 0 16px;padding:0;display:flex;flex-wrap:wrap;gap:4px;border-bottom:1px solid #d8dde3}
nav.tabs a{display:block;padding:6px 12px;text-decoration:none;color:#1f2328;border-bottom:3px solid transparent}
nav.tabs a[aria-current=page]{border-bottom-color:#8b1a1a;font-weight:600}
th.num{text-align:right}
table.nowrap td{white-space:nowrap}
#years a[aria-current=page]{font-weight:700;color:#1f2328}
figure.chart{margin:0 0 12px;min-width:0}
figure.chart svg{display:block;max-width:100%;height:auto}
figure.chart figcaption{color:#57606a;font-size:.88rem;margin-top:4px}
.move.up{color:#0f5323;font-weight:600}
.move.down{color:#a4121b;font-weight:600}
.checks{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:2px 12px}
.checks label.check,fieldset.member-block>legend{font-weight:400}
fieldset.member-block{margin:8px 0}
table.mapping select,table.mapping input,#whatif-weights input,#weights-table input{padding:4px 6px;border:1px solid #8a949e;border-radius:4px;font:inherit;background:#fff;max-width:100%}
table.mapping input,#whatif-weights input,#weights-table input{width:8em}
table.mapping .hint{display:block;color:#57606a;font-size:.82rem}
form[aria-busy=true] #whatif-weights{opacity:.85}
@media print{header.top,nav.main,.no-print,.skip{display:none}}
`;
