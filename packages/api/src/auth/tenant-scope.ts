import { hasRole, type Identity } from '@jixiao/core';
import type { DataLayer, DataScope } from '@jixiao/data';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../deps';
import { PUBLIC_PREFIX } from '../http/route';

/**
 * Whose data a request may touch, once the caller is known: the token's tenant; a provincial
 * analyst without one, their province; an operator, the platform. A public route (no token) works
 * for the tenant its path names. Nobody else gets a scope (their requests keep the function's
 * own data access, which reaches the tenant registry only).
 */
export function scopeOf(path: string, identity: Identity | undefined): DataScope | undefined {
  if (path.startsWith(PUBLIC_PREFIX)) {
    const tenant = path.slice(PUBLIC_PREFIX.length).split('/', 1)[0] ?? '';
    return /^\d{6}$/.test(tenant) ? { kind: 'tenant', tenant } : undefined;
  }
  return identity && callerScope(identity);
}

/** The scope of a signed-in caller, whatever they ask for. */
export function callerScope(identity: Identity): DataScope | undefined {
  if (identity.tenant) return { kind: 'tenant', tenant: identity.tenant };
  if (identity.province && hasRole(identity, 'provincial_analyst'))
    return { kind: 'province', province: identity.province };
  if (hasRole(identity, 'platform_operator')) return { kind: 'platform' };
  return undefined;
}

/** The data layer of a scope: its role's sessions in the cloud, the one data layer without IAM. */
export const scopedData = (deps: AppDeps, scope: DataScope | undefined): DataLayer =>
  scope && deps.dataFor ? deps.dataFor(scope) : deps.data;

/**
 * The one place a request's data layer is narrowed to its scope, right after `authenticate`:
 * handlers (and everything they call through `c.get('deps')`) then reach DynamoDB and S3 with
 * credentials of that scope's role (`deps.dataFor`, `@jixiao/data` data-sessions), so a key built
 * for another tenant is refused by IAM, not only by our code. Without `dataFor` (the embedded
 * stack, which has no IAM) every scope is the one data layer. The scoped deps are made once per
 * data layer (the auth middleware has already checked the caller's session through it).
 */
export function tenantScope(): MiddlewareHandler<AppEnv> {
  const scoped = new WeakMap<object, AppDeps>();
  return async (c, next) => {
    const deps = c.get('deps');
    const data = scopedData(deps, scopeOf(c.req.path, c.get('identity')));
    if (data !== deps.data) {
      let d = scoped.get(data);
      if (!d) {
        d = { ...deps, data };
        scoped.set(data, d);
      }
      c.set('deps', d);
    }
    return next();
  };
}
