import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Assigns a request id (or keeps a sane one from the caller) and logs one JSON line per request. */
export function requestLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    const id = c.get('identity');
    c.get('deps').log({
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      requestId,
      tenant: id?.tenant ?? null,
      sub: id?.sub ?? null,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
