import { ROLE_LABELS, type Role } from '@jixiao/core';
import type { Child } from 'hono/jsx';
import type { FormErrors } from './forms';
import { type Lang, type MessageKey, t } from './i18n';
import type { Me } from './types';

export const BASE = '/console';

/** What every page needs to render: the language, the caller (if signed in) and the request URL. */
export interface View {
  lang: Lang;
  me?: Me;
  url: URL;
}

const CSS = `
*{box-sizing:border-box}
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
.signin{max-width:420px;margin:80px auto;text-align:center}
.signin .brand{font-size:2rem;font-weight:700;color:#8b1a1a;margin-bottom:4px}
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
`;

/** The link that switches language, keeping the current page and query. */
function langHref(url: URL, lang: Lang): string {
  const q = new URLSearchParams(url.search);
  q.delete('ok');
  q.set('lang', lang === 'zh' ? 'en' : 'zh');
  return `${url.pathname}?${q.toString()}`;
}

interface NavItem {
  href: string;
  label: MessageKey;
  roles?: Role[];
}

const NAV: NavItem[] = [
  { href: BASE, label: 'navHome' },
  { href: `${BASE}/tenants`, label: 'navTenants', roles: ['platform_operator'] },
  { href: `${BASE}/unit-groups`, label: 'navUnitGroups', roles: ['tenant_admin'] },
  { href: `${BASE}/units`, label: 'navUnits', roles: ['tenant_admin'] },
  { href: `${BASE}/users`, label: 'navUsers', roles: ['tenant_admin'] },
  {
    href: `${BASE}/indicator-systems`,
    label: 'navIndicators',
    roles: ['tenant_admin', 'unit_user', 'data_provider', 'expert', 'evaluator', 'observer'],
  },
];

const isCurrent = (path: string, href: string) =>
  href === BASE ? path === `${BASE}/` || path === BASE : path === href || path.startsWith(`${href}/`);

export const roleLabel = (lang: Lang, role: string): string => ROLE_LABELS[role as Role]?.[lang] ?? role;

/** `wide` lets wide tables (the indicator tree) use more of the screen. */
export function Layout(props: { v: View; title: string; wide?: boolean; children?: Child }) {
  const { v } = props;
  const { lang, me } = v;
  const roles = (me?.identity.roles ?? []) as string[];
  const nav = NAV.filter((n) => !n.roles || n.roles.some((r) => roles.includes(r)));
  return (
    <html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{`${props.title} · ${t(lang, 'productName')}`}</title>
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <a class="skip" href="#main">
          {t(lang, 'skipToMain')}
        </a>
        <header class="top">
          <a class="brand" href={BASE}>
            {t(lang, 'productName')}
          </a>
          {me?.tenant ? <span class="tenant">{me.tenant.fullName}</span> : null}
          <div class="who">
            {me ? (
              <span>
                {me.identity.name}{' '}
                <span class="roles">
                  {roles.map((r) => roleLabel(lang, r)).join(lang === 'zh' ? '、' : ', ')}
                </span>
              </span>
            ) : null}
            <a
              href={langHref(v.url, lang)}
              hreflang={lang === 'zh' ? 'en' : 'zh'}
              aria-label={t(lang, 'switchLangLabel')}
            >
              {t(lang, 'switchLang')}
            </a>
            {me ? (
              <form method="post" action={`${BASE}/sign-out`}>
                <button type="submit">{t(lang, 'signOut')}</button>
              </form>
            ) : null}
          </div>
        </header>
        {me ? (
          <nav class="main" aria-label={t(lang, 'nav')}>
            <ul>
              {nav.map((n) => (
                <li>
                  <a href={n.href} aria-current={isCurrent(v.url.pathname, n.href) ? 'page' : undefined}>
                    {t(lang, n.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <main id="main" class={props.wide ? 'wide' : undefined}>
          {props.children}
        </main>
      </body>
    </html>
  );
}

const FLASH_KEYS: Record<string, MessageKey> = {
  created: 'flashCreated',
  updated: 'flashUpdated',
  deleted: 'flashDeleted',
  submitted: 'flashSubmitted',
  approved: 'flashApproved',
  returned: 'flashReturned',
  retired: 'flashRetired',
};

/** The `?ok=` flash after a redirect. */
export function Flash(props: { v: View }) {
  const ok = props.v.url.searchParams.get('ok') ?? '';
  const key: MessageKey | undefined = FLASH_KEYS[ok];
  if (!key) return null;
  return (
    <p class="flash" role="status">
      {t(props.v.lang, key)}
    </p>
  );
}

/** The form-level error box: the problem's message, issues not tied to a field, a reload link on conflicts. */
export function ErrorSummary(props: { v: View; errors: FormErrors; reloadHref?: string }) {
  const { errors, v } = props;
  if (!errors.message && errors.other.length === 0) return null;
  return (
    <div class="alert" role="alert">
      <strong>{errors.message ?? t(v.lang, 'fixErrors')}</strong>
      {errors.other.length ? (
        <ul>
          {errors.other.map((o) => (
            <li>{o}</li>
          ))}
        </ul>
      ) : null}
      {errors.code === 'version_conflict' && props.reloadHref ? (
        <p>
          <a href={props.reloadHref}>{t(v.lang, 'reload')}</a>
        </p>
      ) : null}
      {errors.requestId ? (
        <p class="muted">
          {t(v.lang, 'requestId')}
          {t(v.lang, 'colon')}
          {errors.requestId}
        </p>
      ) : null}
    </div>
  );
}

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? `f-${name}-hint` : '', error ? `f-${name}-error` : ''].filter(Boolean).join(' ') || undefined;

function FieldError(props: { name: string; error?: string }) {
  return props.error ? (
    <p class="error" id={`f-${props.name}-error`}>
      {props.error}
    </p>
  ) : null;
}

export function TextField(props: {
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'email' | 'tel' | 'number';
  inputmode?: 'numeric' | 'email' | 'tel' | 'text';
  maxlength?: number;
  pattern?: string;
  autocomplete?: string;
  readonly?: boolean;
}) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      <input
        type={props.type ?? 'text'}
        id={id}
        name={props.name}
        value={props.value ?? ''}
        required={props.required}
        readonly={props.readonly}
        inputmode={props.inputmode}
        maxlength={props.maxlength}
        pattern={props.pattern}
        autocomplete={props.autocomplete ?? 'off'}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
      />
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}

export function TextArea(props: {
  name: string;
  label: string;
  value?: string;
  error?: string;
  maxlength?: number;
}) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        name={props.name}
        rows={3}
        maxlength={props.maxlength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, undefined, props.error)}
      >
        {props.value ?? ''}
      </textarea>
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: {
  name: string;
  label: string;
  options: Option[];
  value?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  /** Label of an empty first option; none when absent. */
  empty?: string;
}) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
      >
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}

export function CheckboxField(props: { name: string; label: string; checked: boolean; error?: string }) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label class="check" for={id}>
        <input
          type="checkbox"
          id={id}
          name={props.name}
          value="true"
          checked={props.checked}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy(props.name, undefined, props.error)}
        />
        {props.label}
      </label>
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}

export function CheckboxGroup(props: {
  name: string;
  legend: string;
  options: Option[];
  values: string[];
  error?: string;
  hint?: string;
}) {
  const id = `f-${props.name}`;
  return (
    <fieldset
      class="field"
      id={id}
      aria-invalid={props.error ? 'true' : undefined}
      aria-describedby={describedBy(props.name, props.hint, props.error)}
    >
      <legend>{props.legend}</legend>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.options.map((o) => (
        <label class="check">
          <input type="checkbox" name={props.name} value={o.value} checked={props.values.includes(o.value)} />
          {o.label}
        </label>
      ))}
      <FieldError name={props.name} error={props.error} />
    </fieldset>
  );
}

export const Hidden = (props: { name: string; value: string | number }) => (
  <input type="hidden" name={props.name} value={String(props.value)} />
);

export function Pager(props: { v: View; nextCursor?: string; hasPrev: boolean }) {
  const { v } = props;
  if (!props.nextCursor && !props.hasPrev) return null;
  const first = new URLSearchParams(v.url.search);
  first.delete('cursor');
  first.delete('ok');
  first.delete('lang');
  const next = new URLSearchParams(first);
  if (props.nextCursor) next.set('cursor', props.nextCursor);
  const qs = (q: URLSearchParams) => (q.size ? `?${q.toString()}` : '');
  return (
    <nav class="pager" aria-label="pagination">
      {props.hasPrev ? <a href={`${v.url.pathname}${qs(first)}`}>{t(v.lang, 'firstPage')}</a> : null}
      {props.nextCursor ? (
        <a href={`${v.url.pathname}${qs(next)}`} rel="next">
          {t(v.lang, 'nextPage')}
        </a>
      ) : null}
    </nav>
  );
}

export const ActiveBadge = (props: { v: View; active: boolean }) => (
  <span class={props.active ? 'badge ok' : 'badge off'}>
    {t(props.v.lang, props.active ? 'active' : 'inactive')}
  </span>
);

/** A full-page message (not found, refused, failed), inside the layout. */
export function MessagePage(props: { v: View; title: string; body: string; requestId?: string }) {
  const { v } = props;
  return (
    <Layout v={v} title={props.title}>
      <div class="card" role={props.title === t(v.lang, 'notFoundTitle') ? undefined : 'alert'}>
        <h1>{props.title}</h1>
        <p>{props.body}</p>
        {props.requestId ? (
          <p class="muted">
            {t(v.lang, 'requestId')}
            {t(v.lang, 'colon')}
            {props.requestId}
          </p>
        ) : null}
        <p>
          <a href={BASE}>{t(v.lang, 'backHome')}</a>
        </p>
      </div>
    </Layout>
  );
}
