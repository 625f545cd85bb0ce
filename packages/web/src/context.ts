import type { CONTRACTS } from '@jixiao/api/contracts';
import type { Context } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import type { ApiClient, SuccessOf } from './client/api-client';
import type { Lang } from './i18n';

/** Where the console is mounted; every link of the console starts here. */
export const BASE = '/console';

/** `GET /v1/me`: the caller and their tenant, as the API's contract declares it. */
export type Me = SuccessOf<typeof CONTRACTS.identity.me>;

/** What the console keeps for one request: the language, and once signed in the API client and caller. */
export type ConsoleEnv = {
  Variables: {
    lang: Lang;
    api: ApiClient;
    me: Me;
  };
};

export type Ctx = Context<ConsoleEnv>;

/** The view of the current request (language, caller if signed in, URL). */
export interface View {
  lang: Lang;
  me: Me | undefined;
  url: URL;
}

export const viewOf = (c: Ctx): View => ({
  lang: c.get('lang'),
  me: c.get('me') as Me | undefined,
  url: new URL(c.req.url),
});

/**
 * The view, read by a component while the page renders (inside `c.render`), from the request
 * context: no component receives the language or the caller through its props.
 */
export const useView = (): View => viewOf(useRequestContext<ConsoleEnv>());

/** A path segment of a console URL. */
export const seg = (s: string) => encodeURIComponent(s);

/** Appends the defined, non-empty query parameters to a console URL. */
export function withQuery(href: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `${href}${href.includes('?') ? '&' : '?'}${s}` : href;
}

/** After a change: back to a page, which shows the flash (`?ok=created`). */
export const redirectOk = (c: Ctx, href: string, ok: string) => c.redirect(`${href}?ok=${ok}`, 303);

/** The rows a list page asks the API for at a time. */
export const PAGE_SIZE = 20;

/** A path parameter of the page's route ('' if the route has none by that name). */
export const param = (c: Ctx, name: string): string => c.req.param(name) ?? '';
