import type { RouteConfig } from '@hono/zod-openapi';
import type { Problem } from '@jixiao/core';
import type { z } from 'zod';
import type { Lang } from '../i18n';

/**
 * The console's only way to data: the product's own JSON API, called in-process with the user's
 * token, typed by the API's route contracts (`@jixiao/api/contracts`): the path, parameters,
 * body and answer of every call come from the route's zod schemas, never from strings written
 * here. Every authorization decision stays with the API.
 */

type Schema = z.ZodType;
type Request<R> = R extends { request: infer Q } ? NonNullable<Q> : Record<never, never>;
type JsonOf<C> = C extends { content: { 'application/json': { schema: infer S extends Schema } } }
  ? z.output<S>
  : undefined;

/** What a successful call returns: the 200/201 JSON body the contract declares (undefined for 204). */
export type SuccessOf<R extends RouteConfig> = {
  [K in keyof R['responses'] & (200 | 201 | 202 | 204)]: JsonOf<R['responses'][K]>;
}[keyof R['responses'] & (200 | 201 | 202 | 204)];

type ParamsIn<R> =
  Request<R> extends { params: infer P extends Schema } ? { params: z.input<P> } : { params?: never };
type QueryIn<R> =
  Request<R> extends { query: infer P extends Schema } ? { query?: Partial<z.input<P>> } : { query?: never };
type BodyIn<R> =
  Request<R> extends { body: { content: { 'application/json': { schema: infer S extends Schema } } } }
    ? { body: z.input<S> }
    : { body?: never };

/** The input of a call: path parameters, query and JSON body as the contract declares them. */
export type CallInput<R extends RouteConfig> = ParamsIn<R> &
  QueryIn<R> &
  BodyIn<R> & {
    idempotencyKey?: string;
    /** Extra request headers (e.g. the public's forwarded address, for the survey's rate limit). */
    headers?: Record<string, string>;
  };

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; problem: Problem };

/** Thrown when the API says the caller is not signed in; the console answers with a redirect. */
export class SignInRequired extends Error {
  constructor() {
    super('sign-in required');
    this.name = 'SignInRequired';
  }
}

export type ApiFetch = (req: globalThis.Request) => Promise<Response>;

const fallbackProblem = (status: number): Problem => ({
  type: 'about:blank',
  title: status >= 500 ? 'internal' : 'http_error',
  status,
  code: status >= 500 ? 'internal' : 'http_error',
  message:
    status >= 500
      ? { zh: '系统暂时无法处理您的请求，请稍后重试。', en: 'The system could not handle your request.' }
      : { zh: `请求失败（${status}）。`, en: `The request failed (${status}).` },
  instance: '',
  requestId: '',
});

/** The problem document in an error answer (or a plain one when the body is not a problem). */
async function problemOf(res: Response): Promise<Problem> {
  const text = await res.text();
  try {
    const b = JSON.parse(text) as Partial<Problem>;
    if (
      b?.message &&
      typeof b.message.zh === 'string' &&
      typeof b.message.en === 'string' &&
      typeof b.code === 'string'
    ) {
      return { ...fallbackProblem(res.status), ...b, status: res.status } as Problem;
    }
  } catch {
    // not JSON: fall through
  }
  return fallbackProblem(res.status);
}

/** The route's path with its parameters filled in and the defined query parameters appended. */
export function pathOf(
  route: RouteConfig,
  params?: Record<string, unknown>,
  query?: Record<string, unknown>,
): string {
  const path = route.path.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined || v === null)
      throw new TypeError(`missing path parameter ${name} for ${route.path}`);
    return encodeURIComponent(String(v));
  });
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export class ApiClient {
  constructor(
    private readonly fetcher: ApiFetch,
    private readonly token: string,
    private readonly lang: Lang,
  ) {}

  private headers(accept: string): Record<string, string> {
    return {
      authorization: `Bearer ${this.token}`,
      accept,
      'accept-language': this.lang === 'en' ? 'en' : 'zh-CN',
    };
  }

  private async send(method: string, path: string, headers: Record<string, string>, body?: BodyInit) {
    const res = await this.fetcher(
      new globalThis.Request(`http://internal${path}`, { method, headers, body }),
    );
    if (res.status === 401) throw new SignInRequired();
    return res;
  }

  /** One JSON call of a route of the API. */
  async call<R extends RouteConfig>(route: R, input: CallInput<R>): Promise<ApiResult<SuccessOf<R>>> {
    const headers = this.headers('application/json, application/problem+json');
    const {
      params,
      query,
      body,
      idempotencyKey,
      headers: extra,
    } = input as {
      params?: Record<string, unknown>;
      query?: Record<string, unknown>;
      body?: unknown;
      idempotencyKey?: string;
      headers?: Record<string, string>;
    };
    if (extra) Object.assign(headers, extra);
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const res = await this.send(
      route.method.toUpperCase(),
      pathOf(route, params, query),
      headers,
      body === undefined ? undefined : JSON.stringify(body),
    );
    if (!res.ok) return { ok: false, status: res.status, problem: await problemOf(res) };
    const text = await res.text();
    return { ok: true, status: res.status, data: (text ? JSON.parse(text) : undefined) as SuccessOf<R> };
  }

  /**
   * A call whose request or answer is a file (upload, download): the body is sent as given and the
   * answer returned as is, for the caller to pass through; a failure comes back as its problem.
   */
  async file<R extends RouteConfig>(
    route: R,
    input: {
      params?: Record<string, unknown>;
      query?: Record<string, unknown>;
      body?: BodyInit;
      contentType?: string;
    },
  ): Promise<{ ok: true; response: Response } | { ok: false; status: number; problem: Problem }> {
    const headers = this.headers('*/*');
    if (input.contentType) headers['content-type'] = input.contentType;
    const path = pathOf(route, input.params, input.query);
    const res = await this.send(route.method.toUpperCase(), path, headers, input.body);
    if (!res.ok) return { ok: false, status: res.status, problem: await problemOf(res) };
    return { ok: true, response: res };
  }

  /** Uploads a file to a route that answers JSON (an import): the answer is typed by the contract. */
  async upload<R extends RouteConfig>(
    route: R,
    input: { params?: Record<string, unknown>; body: BodyInit; contentType: string },
  ): Promise<ApiResult<SuccessOf<R>>> {
    const r = await this.file(route, input);
    if (!r.ok) return r;
    return { ok: true, status: r.response.status, data: (await r.response.json()) as SuccessOf<R> };
  }

  /** Follows `nextCursor` through a list route, up to `maxPages` pages of 100. */
  async all<R extends RouteConfig>(
    route: R,
    input: CallInput<R>,
    maxPages = 20,
  ): Promise<ApiResult<{ items: ItemOf<SuccessOf<R>>[]; complete: boolean }>> {
    const items: ItemOf<SuccessOf<R>>[] = [];
    let cursor: string | undefined;
    const base = input as { query?: Record<string, unknown> };
    for (let i = 0; i < maxPages; i++) {
      const r = await this.call(route, {
        ...input,
        query: { ...base.query, limit: 100, cursor },
      } as CallInput<R>);
      if (!r.ok) return r;
      const page = r.data as { items?: ItemOf<SuccessOf<R>>[]; nextCursor?: string };
      items.push(...(page.items ?? []));
      cursor = page.nextCursor;
      if (!cursor) return { ok: true, status: 200, data: { items, complete: true } };
    }
    return { ok: true, status: 200, data: { items, complete: false } };
  }
}

type ItemOf<P> = P extends { items: (infer I)[] } ? I : never;
