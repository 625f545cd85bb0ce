import type { Lang } from './i18n';

/** An RFC 9457 problem as the API returns it. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code: string;
  message: { zh: string; en: string };
  errors?: { path: string; zh: string; en: string }[];
  requestId?: string;
}

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; problem: Problem };

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Thrown when the API says the caller is not signed in; the console answers with a redirect. */
export class SignInRequired extends Error {
  constructor() {
    super('sign-in required');
    this.name = 'SignInRequired';
  }
}

export type ApiFetch = (req: Request) => Promise<Response>;

const fallbackProblem = (status: number): Problem => ({
  status,
  code: status >= 500 ? 'internal' : 'http_error',
  message:
    status >= 500
      ? { zh: '系统暂时无法处理您的请求，请稍后重试。', en: 'The system could not handle your request.' }
      : { zh: `请求失败（${status}）。`, en: `The request failed (${status}).` },
});

function asProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object') {
    const b = body as Partial<Problem>;
    if (b.message && typeof b.message.zh === 'string' && typeof b.message.en === 'string') {
      return {
        ...b,
        status: typeof b.status === 'number' ? b.status : status,
        code: typeof b.code === 'string' ? b.code : 'http_error',
        message: b.message,
        errors: Array.isArray(b.errors) ? b.errors : undefined,
      };
    }
  }
  return fallbackProblem(status);
}

/**
 * The console's only way to data: the product's own JSON API, called in-process with the user's
 * token. Every authorization decision stays with the API.
 */
export class ApiClient {
  constructor(
    private readonly fetcher: ApiFetch,
    private readonly token: string,
    private readonly lang: Lang,
  ) {}

  async call<T>(
    method: string,
    path: string,
    opts: { body?: unknown; idempotencyKey?: string } = {},
  ): Promise<ApiResult<T>> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.token}`,
      accept: 'application/json, application/problem+json',
      'accept-language': this.lang === 'en' ? 'en' : 'zh-CN',
    };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    const res = await this.fetcher(
      new Request(`http://internal${path}`, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      }),
    );
    if (res.status === 401) throw new SignInRequired();
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (res.ok) return { ok: true, status: res.status, data: body as T };
    return { ok: false, status: res.status, problem: asProblem(res.status, body) };
  }

  get<T>(path: string) {
    return this.call<T>('GET', path);
  }

  /**
   * A call whose request or response is not JSON (file upload, download): the body is sent as
   * given and the response is returned as is, for the caller to pass through or read.
   */
  async raw(
    method: string,
    path: string,
    opts: { body?: BodyInit; contentType?: string; accept?: string } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.token}`,
      accept: opts.accept ?? '*/*',
      'accept-language': this.lang === 'en' ? 'en' : 'zh-CN',
    };
    if (opts.contentType) headers['content-type'] = opts.contentType;
    const res = await this.fetcher(
      new Request(`http://internal${path}`, { method, headers, body: opts.body }),
    );
    if (res.status === 401) throw new SignInRequired();
    return res;
  }

  /** The problem in a failed raw response. */
  static async problemOf(res: Response): Promise<Problem> {
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return asProblem(res.status, body);
  }

  /** Follows `nextCursor` through a list, up to `maxPages` pages of 100. */
  async all<T>(path: string, maxPages = 20): Promise<ApiResult<{ items: T[]; complete: boolean }>> {
    const items: T[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < maxPages; i++) {
      const r = await this.get<Page<T>>(withQuery(path, { limit: '100', cursor }));
      if (!r.ok) return r;
      items.push(...(r.data.items ?? []));
      cursor = r.data.nextCursor;
      if (!cursor) return { ok: true, status: 200, data: { items, complete: true } };
    }
    return { ok: true, status: 200, data: { items, complete: false } };
  }
}

/** Appends the defined, non-empty query parameters to a path. */
export function withQuery(path: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

export const seg = (s: string) => encodeURIComponent(s);
