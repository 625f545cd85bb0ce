import { errors, planAllowsUse, TOKEN_COOKIE } from '@jixiao/core';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../deps';
import { PUBLIC_PREFIX } from '../http/route';
import { sessionGuardOf } from './session-guard';
import { scopedData, scopeOf } from './tenant-scope';

/**
 * The one auth middleware: a bearer token (API clients) or the console's HttpOnly cookie, verified
 * against the JWKS; then the session must not have ended (sign-out, disabled, roles changed: see
 * `session-guard.ts`) and the tenant's plan must allow use. Sets `identity` for handlers.
 * Routes under `/v1/public/` need no sign-in (the public consultation, art. 11): they get an
 * identity with no roles and no tenant, so no policy action can pass for them.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  const planCache = new Map<string, { status: string; until: number }>();
  return async (c, next) => {
    const deps = c.get('deps');
    if (c.req.path.startsWith(PUBLIC_PREFIX)) {
      c.set('identity', { sub: 'public', name: 'public', roles: [] });
      return next();
    }
    const header = c.req.header('authorization');
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? getCookie(c, TOKEN_COOKIE);
    if (!token) throw errors.unauthenticated();
    const { issuedAt, ...identity } = await deps.verifyToken(token);
    // Through the caller's own scope: in the cloud the function's role reads no user records.
    await sessionGuardOf(deps).check(identity, issuedAt, scopedData(deps, scopeOf(c.req.path, identity)));
    if (identity.tenant) {
      const now = deps.now().getTime();
      let cached = planCache.get(identity.tenant);
      if (!cached || cached.until < now) {
        const tenant = await deps.data.tenants.get(identity.tenant);
        cached = {
          status: tenant?.planStatus ?? 'ended',
          until: now + (deps.tenantCacheSeconds ?? 30) * 1000,
        };
        planCache.set(identity.tenant, cached);
      }
      if (!planAllowsUse(cached.status)) throw errors.tenantSuspended();
    }
    c.set('identity', identity);
    return next();
  };
}
