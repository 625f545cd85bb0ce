import { Hono, type MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { serveAsset } from './assets';
import { sameOrigin } from './auth/same-origin';
import { SIGN_IN, session } from './auth/session';
import { authPages, type EndSessions } from './auth/sign-in';
import type { OidcClient } from './auth/sign-in-flow';
import { type ApiFetch, SignInRequired } from './client/api-client';
import { messagePage } from './components/message-page';
import { BASE, type ConsoleEnv } from './context';
import { LANG_COOKIE, parseLang, t } from './i18n';
import { renderer } from './layout/renderer';
import { auditPages } from './pages/audit';
import { comparisonPages } from './pages/comparisons';
import { cyclePages } from './pages/cycles';
import { storagePages } from './pages/evidence';
import { expertPoolPages } from './pages/experts';
import { guidancePages } from './pages/guidance';
import { homePage } from './pages/home';
import { indicatorSystemPages } from './pages/indicator-systems';
import { indicatorTemplatePages } from './pages/indicator-templates';
import { peerGroupPages } from './pages/peer-groups';
import { publicPages } from './pages/public';
import { publicationPages } from './pages/publication';
import { reportPages } from './pages/reports';
import { cycleSharingPages, sharingPages } from './pages/sharing';
import { standardsPages } from './pages/standards';
import { tenantPages } from './pages/tenants';
import { unitGroupPages } from './pages/unit-groups';
import { unitPages } from './pages/units';
import { userPages } from './pages/users';

export interface ConsoleOptions {
  /** Calls the product's own JSON API (same process). The console never touches data directly. */
  api: ApiFetch;
  /** The identity provider the sign-in button uses (cloud: Cognito's hosted UI; local: the dev issuer). */
  oidc: OidcClient;
  /** Signing out ends the token's sessions server-side (the API's `signOutToken`). */
  endSessions: EndSessions;
  /** The product's structured logger (one JSON line per entry); failures of the console go there. */
  log?: (entry: Record<string, unknown>) => void;
}

/** Language: `?lang=` switches and remembers it in a cookie; otherwise the cookie; Chinese by default. */
const language: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  const asked = parseLang(c.req.query('lang'));
  if (asked) {
    setCookie(c, LANG_COOKIE, asked, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'Lax' });
  }
  c.set('lang', asked ?? parseLang(getCookie(c, LANG_COOKIE)) ?? 'zh');
  await next();
};

/**
 * Pages show one user's data: never stored by a cache. Exceptions say so for themselves: the assets
 * (immutable), and the public portal's result pages (published snapshots, the same for everyone:
 * `public, max-age=300` with an ETag, pages/portal/cache.ts).
 */
const noStore: MiddlewareHandler = async (c, next) => {
  c.header('cache-control', 'no-store');
  await next();
};

/**
 * The server-rendered console, mounted by the product at `/console`: the request's language, the
 * same-origin check for forms, the layout (renderer), static assets, sign-in, then — for a signed-in
 * caller, with a typed API client — each area's pages, and a 404.
 */
export function createConsole(opts: ConsoleOptions): Hono {
  const app = new Hono<ConsoleEnv>();
  const log = opts.log ?? ((e) => process.stderr.write(`${JSON.stringify(e)}\n`));

  app.onError((err, c) => {
    if (err instanceof SignInRequired) return c.redirect(SIGN_IN, 303);
    log({
      level: 'error',
      msg: 'console error',
      path: c.req.path,
      error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
    });
    const lang = c.get('lang') ?? 'zh';
    return messagePage(c, 500, { title: t(lang, 'errorTitle'), body: t(lang, 'errorBody') });
  });

  app.use('*', noStore, language, renderer, sameOrigin);
  app.get('/assets/:file', serveAsset);
  app.route('/', authPages(opts.oidc, opts.endSessions));
  // The public's pages need no sign-in (they call only the API's public routes).
  app.route('/public', publicPages(opts.api));

  app.use('*', session(opts.api));
  app.get('/', homePage);
  app.route('/tenants', tenantPages);
  app.route('/unit-groups', unitGroupPages);
  app.route('/units', unitPages);
  app.route('/users', userPages);
  app.route('/indicator-systems', indicatorSystemPages);
  app.route('/indicator-templates', indicatorTemplatePages);
  app.route('/cycles', cyclePages);
  app.route('/cycles', reportPages);
  app.route('/cycles', publicationPages);
  // Cross-region comparison (#12): a sharer's sharing and mapping, a recipient's comparison pages.
  app.route('/cycles', cycleSharingPages);
  app.route('/sharing', sharingPages);
  app.route('/standards', standardsPages);
  app.route('/comparisons/groups', peerGroupPages);
  app.route('/comparisons', comparisonPages);
  app.route('/guidance', guidancePages);
  app.route('/audit', auditPages);
  app.route('/experts', expertPoolPages);
  app.route('/storage', storagePages);

  app.all('*', (c) => {
    // Mounted with app.route('/console', …), `/console/` does not match '/'.
    if (c.req.method === 'GET' && c.req.path === `${BASE}/`) return homePage(c);
    const lang = c.get('lang');
    return messagePage(c, 404, { title: t(lang, 'notFoundTitle'), body: t(lang, 'notFoundBody') });
  });

  // The console's own variables stay inside; callers mount a plain Hono app.
  return new Hono().route('/', app);
}
