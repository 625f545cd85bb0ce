import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../deps';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The request's id: the caller's `x-request-id` when it is sane, else a new one. */
export const requestIdOf = (given: string | undefined): string =>
  given && REQUEST_ID.test(given) ? given : crypto.randomUUID();

/**
 * The route that answered, as its method and path template (`GET /v1/cycles/:cycle`): the last
 * matched route registered for a method (middleware is registered for all). Low-cardinality, for
 * metrics; `unmatched` when only middleware matched (a 404, or an answer before routing).
 */
export function routeTemplateOf(c: Context): string {
  const route = matchedRoutes(c).findLast((r) => r.method !== 'ALL');
  return route ? `${route.method} ${route.path}` : 'unmatched';
}

/**
 * Assigns a request id (or keeps a sane one from the caller) and logs one JSON line per request,
 * and hands its outcome to the metrics where there are any. The line names who and where, never
 * what: no headers (tokens, cookies), no query string, no body.
 */
export function requestLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = requestIdOf(c.req.header('x-request-id'));
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    const id = c.get('identity');
    const deps = c.get('deps');
    const route = routeTemplateOf(c);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    deps.log({
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      requestId,
      tenant: id?.tenant ?? null,
      sub: id?.sub ?? null,
      method: c.req.method,
      path: c.req.path,
      route,
      status: c.res.status,
      ms,
    });
    deps.metrics?.request({ route, status: c.res.status, ms });
  };
}
