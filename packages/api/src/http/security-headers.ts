import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv } from '../deps';
import { DOCS_STYLE_HASH } from '../openapi';

/** What the policy needs to know about where the product's pages may talk to. */
export interface PolicySources {
  /** The file store's origin: evidence is uploaded to it (XHR) and image evidence is shown from it. */
  storage?: string;
  /** The identity provider's origin: signing in and out may end there after a form post. */
  issuer?: string;
  /** Served over HTTPS only (the cloud). */
  hsts: boolean;
}

/**
 * The headers every response of the product carries (API, console, portal, docs, assets, errors):
 *
 * - a Content-Security-Policy that runs scripts only from our own files (the console has no inline
 *   script or event handler), allows no plugins, no <base>, no framing, and form posts only to
 *   ourselves and the identity provider. Styles come from our style sheets, plus the docs page's
 *   one <style> by its hash; `style-src-attr 'unsafe-inline'` is for the style attributes ECharts
 *   writes into the portal's server-drawn SVG charts (fonts and sizes; no script can run from them);
 * - `X-Frame-Options: DENY` (frame-ancestors for old browsers), `X-Content-Type-Options: nosniff`;
 * - `Referrer-Policy: same-origin`: our URLs (tenant and cycle ids, survey links) never leave in a
 *   Referer, while our own form posts keep theirs for the same-origin check when Origin is missing;
 * - HSTS for a year, subdomains included, only where the product is served over HTTPS.
 */
export function policyHeaders(src: PolicySources): MiddlewareHandler<AppEnv> {
  const extra = (origin: string | undefined) => (origin ? [origin] : []);
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", DOCS_STYLE_HASH],
      styleSrcAttr: ["'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', ...extra(src.storage)],
      connectSrc: ["'self'", ...extra(src.storage)],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'", ...extra(src.issuer)],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    strictTransportSecurity: src.hsts ? 'max-age=31536000; includeSubDomains' : false,
  }) as MiddlewareHandler<AppEnv>;
}

/**
 * Nothing that depends on who asks, or that is a file, is kept by a cache: a response to a request
 * with a bearer token, and every download (anything sent as an attachment or inline file). The
 * console marks its signed-in pages itself; the public routes keep their own caching.
 */
export const noStoreForCallers: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.req.header('authorization') || c.res.headers.has('content-disposition'))
    c.res.headers.set('cache-control', 'no-store');
};

const originOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Sets the security headers on every response (`policyHeaders`, `noStoreForCallers`). The file
 * store's origin is read once from the data layer's settings: s3rver's on the embedded stack, the
 * bucket's regional host in the cloud.
 */
export function securityHeaders(deps: AppDeps): MiddlewareHandler<AppEnv> {
  let policy: Promise<MiddlewareHandler<AppEnv>> | undefined;
  const build = async () => {
    const storage = await deps.data.blobs.origin().catch((err: unknown) => {
      // Pages still work, except uploading evidence and previewing images: say so.
      deps.log({ level: 'warn', msg: 'csp: file store origin unknown', error: String(err) });
      return undefined;
    });
    return policyHeaders({ storage, issuer: originOf(deps.oidc.authorizeUrl), hsts: deps.hsts === true });
  };
  return async (c, next) => {
    policy ??= build();
    return (await policy)(c, async () => {
      await noStoreForCallers(c, next);
    });
  };
}
