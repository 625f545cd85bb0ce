import { type AppDeps, createApp, signOutToken } from '@jixiao/api';
import { ALL_ROUTES } from '@jixiao/api/contracts';
import { FILE_RESOURCES } from '@jixiao/api/files';
import { JSON_RESOURCES } from '@jixiao/api/json';
import { createConsole } from './app';

/**
 * The whole product on one app: every API resource, with the console mounted at `/console` as a
 * client of that API (called in-process with the user's token). The embedded stack serves this,
 * and so does the console's cloud function.
 */
export function createProduct(deps: AppDeps) {
  const app = createApp(deps, [...JSON_RESOURCES, ...FILE_RESOURCES], { describe: ALL_ROUTES });
  app.route(
    '/console',
    createConsole({
      api: (req) => Promise.resolve(app.fetch(req)),
      oidc: deps.oidc,
      endSessions: (token) => signOutToken(deps, token),
      log: deps.log,
    }),
  );
  app.get('/', (c) => c.redirect('/console'));
  return app;
}
