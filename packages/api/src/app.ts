import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { errors } from '@jixiao/core';
import { authenticate } from './auth/authenticate';
import { tenantScope } from './auth/tenant-scope';
import type { AppDeps, AppEnv } from './deps';
import { DEFAULT_MAX_BODY_BYTES, jsonBodyGuard, type UploadRoute, uploadRoutesOf } from './http/body-guard';
import { bodyLimitOf, streamingBodyLimit } from './http/body-limit';
import { problemResponse, toAppError, validationHook } from './http/problem';
import { requestLog } from './http/request-log';
import type { ResourceApp } from './http/route';
import { securityHeaders } from './http/security-headers';
import { docsPage, OPENAPI_INFO } from './openapi';

export interface AppOptions {
  /**
   * Every route of the API (`ALL_ROUTES`), for the app that serves the API's description
   * (`/openapi.json`, `/docs`): routes another function serves are documented from their contracts.
   * Left out by a function that does not describe the API, so it never builds every resource's
   * schemas just to start (the JSON API function: 9× a hello-world's import time instead of 12×).
   */
  describe?: readonly RouteConfig[];
}

/**
 * Builds the API's HTTP app from its dependencies and the resources it serves. The same function
 * serves every Lambda (each with its own resources, so each bundles only what it needs) and the
 * embedded stack (all of them); nothing in here knows which. The OpenAPI document always lists
 * every route, served or not, since it is generated from the route contracts.
 */
export function createApp(deps: AppDeps, resources: readonly ResourceApp[], opts: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook, strict: true });

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', securityHeaders(deps));
  app.use('*', requestLog());
  app.onError((err, c) => {
    const e = toAppError(err);
    if (e.status >= 500) {
      deps.log({
        level: 'error',
        msg: 'unhandled error',
        requestId: c.get('requestId'),
        error:
          err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
      });
    }
    return problemResponse(e, c);
  });
  app.notFound((c) => problemResponse(errors.routeNotFound(), c));

  // The routes this app serves that take a file (read on the first body, when all are mounted).
  let uploads: UploadRoute[] | undefined;
  const servedRoutes = () =>
    app.openAPIRegistry.definitions.flatMap((d) => (d.type === 'route' ? [d.route] : []));
  const uploadRoutes = () => (uploads ??= uploadRoutesOf(servedRoutes()));
  // Every body (API, console forms and uploads) is limited as it streams, before authentication.
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  app.use(
    '*',
    streamingBodyLimit((c) =>
      bodyLimitOf(
        { method: c.req.method, path: c.req.path, contentType: c.req.header('content-type') },
        maxBodyBytes,
        uploadRoutes(),
      ),
    ),
  );
  app.use('/v1/*', jsonBodyGuard(uploadRoutes));
  app.use('/v1/*', authenticate());
  app.use('/v1/*', tenantScope());

  app.get('/health', (c) =>
    c.json({ status: 'ok', version: deps.version ?? 'dev', time: deps.now().toISOString() }),
  );

  for (const resource of resources) app.route('/', resource);

  if (opts.describe) {
    // Routes another function serves are documented here too, from their contracts.
    const registry = app.openAPIRegistry;
    const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
    const served = new Set(servedRoutes().map(key));
    for (const { middleware: _, ...route } of opts.describe)
      if (!served.has(key(route))) registry.registerPath(route);
    registry.registerComponent('securitySchemes', 'bearerAuth', {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    app.doc31('/openapi.json', OPENAPI_INFO);
    app.get('/docs', (c) => c.html(docsPage(app.getOpenAPI31Document(OPENAPI_INFO))));
  }

  return app;
}

export type App = ReturnType<typeof createApp>;
