import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** The dev issuer's answers are OAuth-style (`error`, `error_description`), in Chinese and English. */
const oauthError = (error: string, zh: string, en: string) => ({ error, error_description: `${zh} / ${en}` });

/**
 * The hosts a browser may name when it talks to the dev issuer: the loopback names on the port it
 * serves, and its own URL's host. A page on another name that re-binds its DNS to 127.0.0.1 (DNS
 * rebinding) sends its own name as `Host`, so it cannot mint tokens or read codes.
 */
export function allowedHosts(issuerUrl: string): Set<string> {
  const url = new URL(issuerUrl);
  const port = url.port ? `:${url.port}` : '';
  return new Set(['127.0.0.1', 'localhost', '[::1]', url.hostname].map((h) => `${h}${port}`.toLowerCase()));
}

/**
 * Refuses (421 Misdirected Request) a request whose `Host` is not one of `allowedHosts`, before
 * anything else reads it. An in-process `Request` has no `Host` header; its URL's host stands in
 * (over HTTP, @hono/node-server builds the URL from `Host` too).
 */
export function hostGuard(issuerUrl: string): MiddlewareHandler {
  const allowed = allowedHosts(issuerUrl);
  return async (c, next) => {
    const host = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
    if (!allowed.has(host)) {
      return c.json(oauthError('invalid_request', '不受信任的主机名', 'untrusted Host'), 421);
    }
    return next();
  };
}

/**
 * The largest body any of the dev issuer's forms takes: the authorize form is about 400 bytes, a
 * token request about 300, a /dev/token JSON body under 100.
 */
export const DEV_ISSUER_MAX_BODY_BYTES = 8 * 1024;

/**
 * Counts a body as it is read (a chunked one too) and answers 413 once it passes the limit; a
 * declared Content-Length over it is refused unread.
 */
export const formLimit = (): MiddlewareHandler =>
  bodyLimit({
    maxSize: DEV_ISSUER_MAX_BODY_BYTES,
    onError: (c) =>
      c.json(
        oauthError(
          'invalid_request',
          `请求体超过 ${DEV_ISSUER_MAX_BODY_BYTES} 字节`,
          `request body over ${DEV_ISSUER_MAX_BODY_BYTES} bytes`,
        ),
        413,
      ),
  });
