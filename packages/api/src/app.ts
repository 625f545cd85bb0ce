import { OpenAPIHono } from '@hono/zod-openapi';
import { errors } from '@jixiao/core';
import { createConsole } from '@jixiao/web';
import { authenticate } from './auth/authenticate';
import type { AppDeps, AppEnv } from './deps';
import { jsonBodyGuard } from './http/body-guard';
import { problemResponse, toAppError, validationHook } from './http/problem';
import { requestLog } from './http/request-log';
import { docsPage, OPENAPI_INFO } from './openapi';
import { financeRoutes } from './routes/finance';
import { indicatorSystemRoutes } from './routes/indicator-systems';
import { platformTenantRoutes } from './routes/platform-tenants';
import { selfRoutes } from './routes/tenant-self';
import { unitGroupRoutes } from './routes/unit-groups';
import { unitRoutes } from './routes/units';
import { userRoutes } from './routes/users';

/**
 * Builds the whole product's HTTP app from its dependencies. The same function serves Lambda
 * (functions/api) and the embedded stack (packages/local); nothing in here knows which.
 */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook, strict: true });

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
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

  app.use('/v1/*', jsonBodyGuard(deps.maxBodyBytes));
  app.use('/v1/*', authenticate());

  app.get('/health', (c) =>
    c.json({ status: 'ok', version: deps.version ?? 'dev', time: deps.now().toISOString() }),
  );

  platformTenantRoutes(app);
  selfRoutes(app);
  unitGroupRoutes(app);
  unitRoutes(app);
  userRoutes(app);
  indicatorSystemRoutes(app);
  financeRoutes(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  app.doc31('/openapi.json', OPENAPI_INFO);
  app.get('/docs', (c) => c.html(docsPage(app.getOpenAPI31Document(OPENAPI_INFO))));

  // The console is a client of the API above: it calls it in-process with the user's token.
  app.route(
    '/console',
    createConsole({ api: (req) => Promise.resolve(app.fetch(req)), oidc: deps.oidc, log: deps.log }),
  );
  app.get('/', (c) => c.redirect('/console'));

  return app;
}

export type App = ReturnType<typeof createApp>;
