import { startTestStack, type TestStack } from '../support/stack';

/**
 * The console tier: the server-rendered console at `/console`, served by the whole product on an
 * in-memory embedded stack with demo data, driven as a browser would (cookie, form posts with the
 * page's origin). Every page is rendered from what the real API answers.
 */

/** A form as a browser would submit it: pairs in order (repeated names allowed), or a record. */
export type FormInput = Record<string, string | string[]> | [string, string][];

export interface RequestOptions {
  /** The `jx_lang` cookie. */
  lang?: 'zh' | 'en';
  /** Headers that replace the defaults (e.g. `{}` for a POST without Origin). */
  headers?: Record<string, string>;
}

export interface Session {
  /** The token the console keeps in its `jx_token` cookie. */
  token: string;
  get(path: string, opts?: RequestOptions): Promise<Response>;
  post(path: string, form: FormInput, opts?: RequestOptions): Promise<Response>;
  postMultipart(path: string, fd: FormData): Promise<Response>;
  /** Calls the JSON API directly as this user (to seed data and read stored records back). */
  api: (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => ReturnType<TestStack['call']>;
}

export interface ConsoleStack {
  stack: TestStack;
  url: string;
  /** A browser with no cookie, or with the given raw token in `jx_token`. */
  anonymous(token?: string): Pick<Session, 'get' | 'post'>;
  /** A browser signed in as a demo user (`tenant` undefined for the platform operator). */
  as(tenant: string | undefined, user: string): Promise<Session>;
  stop(): Promise<void>;
}

const cookieOf = (token?: string, lang?: string) =>
  [token ? `jx_token=${token}` : '', lang ? `jx_lang=${lang}` : ''].filter(Boolean).join('; ');

function encodeForm(form: FormInput): string {
  const body = new URLSearchParams();
  const entries = Array.isArray(form) ? form : Object.entries(form);
  for (const [k, v] of entries) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return body.toString();
}

/** One stack per test file: start it in `beforeAll`, stop it in `afterAll` (options: the stack's, e.g. `demoProvince`). */
export async function startConsole(opts: Parameters<typeof startTestStack>[0] = {}): Promise<ConsoleStack> {
  const stack = await startTestStack(opts);
  const url = stack.url;
  const browser = (token?: string) => {
    const get = (path: string, opts: RequestOptions = {}) => {
      const cookie = cookieOf(token, opts.lang);
      return stack.fetch(
        new Request(`${url}${path}`, { headers: { ...(cookie ? { cookie } : {}), ...opts.headers } }),
      );
    };
    const post = (path: string, form: FormInput, opts: RequestOptions = {}) => {
      const cookie = cookieOf(token, opts.lang);
      return stack.fetch(
        new Request(`${url}${path}`, {
          method: 'POST',
          body: encodeForm(form),
          headers: {
            ...(cookie ? { cookie } : {}),
            'content-type': 'application/x-www-form-urlencoded',
            ...(opts.headers ?? { origin: url }),
          },
        }),
      );
    };
    const postMultipart = (path: string, fd: FormData) =>
      stack.fetch(
        new Request(`${url}${path}`, {
          method: 'POST',
          body: fd,
          headers: { ...(token ? { cookie: cookieOf(token) } : {}), origin: url },
        }),
      );
    return { get, post, postMultipart };
  };
  return {
    stack,
    url,
    anonymous: (token?: string) => browser(token),
    async as(tenant, user) {
      const token = await stack.token(tenant, user);
      return {
        token,
        ...browser(token),
        api: (method, path, body, headers) => stack.call(method, path, { token, body, headers }),
      };
    },
    stop: () => stack.stop(),
  };
}

// ─── Reading pages ──────────────────────────────────────────────────────────────────────────────

export const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The hidden Idempotency-Key a rendered create form carries. */
export const idemOf = (html: string) => /name="_idem" value="([^"]+)"/.exec(html)?.[1];

/** The markup of one form field's wrapper (from its `class="field"` to the next field). */
export function fieldHtml(html: string, name: string): string {
  const i = html.indexOf(`id="f-${name}"`);
  if (i < 0) throw new Error(`no field ${name}`);
  const start = html.lastIndexOf('class="field"', i);
  const end = html.indexOf('class="field"', i);
  return html.slice(start, end < 0 ? undefined : end);
}

/** What a browser would submit from the form with this id (text, hidden, checked boxes, selects, textareas). */
export function formFields(html: string, formId: string): [string, string][] {
  const start = html.indexOf(`id="${formId}"`);
  if (start < 0) throw new Error(`no form ${formId}`);
  const end = html.indexOf('</form>', start);
  const form = html.slice(start, end);
  const out: [string, string][] = [];
  const attr = (tag: string, name: string) => {
    const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
    return m ? unescapeHtml(m[1]!) : undefined;
  };
  const re = /<input\b[^>]*>|<select\b[^>]*>[\s\S]*?<\/select>|<textarea\b[^>]*>[\s\S]*?<\/textarea>/g;
  for (const m of form.matchAll(re)) {
    const tag = m[0];
    const name = attr(tag, 'name');
    if (!name) continue;
    if (tag.startsWith('<input')) {
      const type = attr(tag, 'type') ?? 'text';
      if (type === 'checkbox' && !/\schecked[\s>=/]/.test(tag)) continue;
      if (type === 'file' || type === 'submit') continue;
      out.push([name, attr(tag, 'value') ?? '']);
    } else if (tag.startsWith('<select')) {
      const selected = /<option value="([^"]*)" selected/.exec(tag) ?? /<option value="([^"]*)"/.exec(tag);
      out.push([name, unescapeHtml(selected?.[1] ?? '')]);
    } else {
      out.push([name, unescapeHtml(/<textarea\b[^>]*>([\s\S]*?)<\/textarea>/.exec(tag)?.[1] ?? '')]);
    }
  }
  return out;
}

export const fieldValue = (fields: [string, string][], name: string) => fields.find(([k]) => k === name)?.[1];

export const withValue = (fields: [string, string][], name: string, value: string): [string, string][] =>
  fields.map(([k, v]) => [k, k === name ? value : v]);

/** The markup of one table row, by its id. */
export function rowHtml(html: string, id: string): string {
  const i = html.indexOf(`id="${id}"`);
  if (i < 0) throw new Error(`no row ${id}`);
  return html.slice(html.lastIndexOf('<tr', i), html.indexOf('</tr>', i));
}

/** The value of the option selected in the named select. */
export const selectedOption = (html: string, name: string) =>
  new RegExp(
    `name="${name.replace(/\./g, '\\.')}"[^>]*>(?:(?!</select>)[\\s\\S])*?<option value="([^"]*)" selected`,
  ).exec(html)?.[1];

/** An instant as the console shows it: Beijing time (UTC+8), in Chinese or English form. */
export function beijingTime(iso: string, lang: 'zh' | 'en'): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const [y, m, day, h, min] = [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
  ];
  return lang === 'zh'
    ? `${y}年${m}月${day}日 ${p2(h)}:${p2(min)}`
    : `${y}-${p2(m)}-${p2(day)} ${p2(h)}:${p2(min)}`;
}

// ─── Seeding through the API ────────────────────────────────────────────────────────────────────

/** Creates a draft indicator system through the API (`{ template }` or `{ content }`) and returns its id. */
export async function createSystem(admin: Session, body: { template: string } | { content: unknown }) {
  const r = await admin.api('POST', '/v1/indicator-systems', body);
  if (r.status !== 201) throw new Error(`create system: ${r.status} ${r.text}`);
  return r.body.id as string;
}

/** Moves a version through the filing lifecycle through the API, one action after another. */
export async function transitionSystem(admin: Session, id: string, actions: string[], v = 1) {
  for (const action of actions) {
    const cur = await admin.api('GET', `/v1/indicator-systems/${id}/versions/${v}`);
    const r = await admin.api('POST', `/v1/indicator-systems/${id}/versions/${v}/transitions`, {
      action,
      version: cur.body.version,
    });
    if (r.status !== 200) throw new Error(`${action} ${id}: ${r.status} ${r.text}`);
  }
}
