import type { MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';

/** How long a browser or a shared cache may keep a portal page (the API's public answers: the same). */
export const PORTAL_MAX_AGE = 300;

/**
 * The portal's result pages are the console's one exception to `no-store` (app.tsx): they show
 * only published, frozen snapshots, the same to everyone, so they may be cached for five minutes
 * (`public, max-age=300`) and revalidated by ETag (304 when unchanged). `Vary: Cookie`, because
 * the language comes from the `jx_lang` cookie. Not cached: anything but a 200, and an answer
 * that sets a cookie (`?lang=` switching), which must never be handed to someone else.
 */
const publicCache: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.status !== 200 || c.res.headers.has('set-cookie')) return;
  c.res.headers.set('cache-control', `public, max-age=${PORTAL_MAX_AGE}`);
  c.res.headers.append('vary', 'Cookie');
};

/** The middlewares of a cached portal page: ETag outside, so a 304 keeps the caching headers. */
export const portalCache = [etag(), publicCache] as const;
