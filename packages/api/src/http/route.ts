import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { type Action, authorize, can, type Identity } from '@jixiao/core';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps';
import { validationHook } from './problem';

/**
 * Who may call a route: a policy action (403 for a role that may never do it), or any signed-in
 * caller. Written beside the route in its contract, and shown in OpenAPI as `x-permission`.
 */
export type Permission = Action | 'signed-in' | 'public';

/** Where the routes that need no sign-in live (the public consultation and published plans). */
export const PUBLIC_PREFIX = '/v1/public/';

const permit =
  (permission: Permission): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (permission !== 'signed-in' && permission !== 'public') authorize(c.get('identity'), permission);
    await next();
  };

type Contract = Omit<RouteConfig, 'middleware' | 'security'> & { 'x-permission': Permission };

/**
 * A route of the API as data: method, path, request and response schemas, and the permission.
 * The route file implements it, OpenAPI documents it, and the console's client is typed by it.
 * The permission is checked before the request is validated, so a caller who may not do
 * something learns nothing from validation errors.
 */
export const defineRoute = <const R extends Contract>(r: R) => {
  const open = r['x-permission'] === 'public';
  if (open !== r.path.startsWith(PUBLIC_PREFIX))
    throw new TypeError(`${r.path}: public routes, and only they, live under ${PUBLIC_PREFIX}`);
  return createRoute({
    ...r,
    security: open ? [] : [{ bearerAuth: [] }],
    middleware: [permit(r['x-permission'])] as const,
  });
};

/** One resource's sub-app, mounted by `createApp` with `app.route`. */
export const resourceApp = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook, strict: true });
export type ResourceApp = ReturnType<typeof resourceApp>;

/**
 * Whether the identity may call a route, by the same policy the route enforces: the console asks
 * this before it offers a link, button or form, so what a user is offered is what they may do.
 */
export const mayCall = (identity: Identity, route: { 'x-permission': Permission }): boolean =>
  route['x-permission'] === 'signed-in' ||
  route['x-permission'] === 'public' ||
  can(identity, route['x-permission']);
