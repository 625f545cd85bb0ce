import { TOKEN_COOKIE } from '@jixiao/core';
import { Hono, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ApiClient, SignInRequired } from './api';
import { homePage } from './home';
import { LANG_COOKIE, type Lang, parseLang, t } from './i18n';
import { registerIndicators } from './indicator-systems';
import { registerOrg } from './org';
import { type ConsoleEnv, type Ctx, problemPage, render, view } from './render';
import { beginSignIn, finishSignIn, type OidcClient } from './sign-in-flow';
import { registerTenants } from './tenants';
import type { Me } from './types';
import { BASE, MessagePage } from './ui';

export interface ConsoleOptions {
  /** Calls the product's own JSON API (same process). The console never touches data directly. */
  api: (req: Request) => Promise<Response>;
  /** The identity provider the sign-in button uses (cloud: Cognito's hosted UI; local: the dev issuer). */
  oidc: OidcClient;
  /** The product's structured logger (one JSON line per entry); failures of the console go there. */
  log?: (entry: Record<string, unknown>) => void;
}
const SIGN_IN = `${BASE}/sign-in`;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Language: `?lang=` switches and remembers it in a cookie; otherwise the cookie; Chinese by default. */
const language: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  const asked = parseLang(c.req.query('lang'));
  if (asked) {
    setCookie(c, LANG_COOKIE, asked, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'Lax' });
  }
  c.set('lang', asked ?? parseLang(getCookie(c, LANG_COOKIE)) ?? 'zh');
  await next();
};

const hostOf = (u: string | undefined): string | undefined => {
  if (!u || u === 'null') return undefined;
  try {
    return new URL(u).host.toLowerCase();
  } catch {
    return undefined;
  }
};

/**
 * Forms carry no token, so a state-changing request must come from one of our own pages: its
 * Origin (or, failing that, its Referer) must name the host the request was sent to.
 */
const sameOrigin: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  if (!UNSAFE.has(c.req.method)) return next();
  const from = hostOf(c.req.header('origin')) ?? hostOf(c.req.header('referer'));
  const own = new Set(
    [new URL(c.req.url).host, c.req.header('host'), c.req.header('x-forwarded-host')?.split(',')[0]?.trim()]
      .filter((h): h is string => !!h)
      .map((h) => h.toLowerCase()),
  );
  if (from && own.has(from)) return next();
  const v = view(c);
  return render(
    c,
    <MessagePage v={v} title={t(v.lang, 'forbiddenTitle')} body={t(v.lang, 'csrfBody')} />,
    403,
  );
};

function SignInPage(props: { lang: Lang; url: URL; failed: boolean }) {
  const { lang } = props;
  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t(lang, 'signIn')} · ${t(lang, 'productName')}`}</title>
        <style
          dangerouslySetInnerHTML={{
            __html:
              'body{margin:0;font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#f5f6f8;color:#1f2328}' +
              'main{max-width:420px;margin:80px auto;background:#fff;border:1px solid #d8dde3;border-radius:6px;padding:32px;text-align:center}' +
              'h1{color:#8b1a1a;margin:0 0 4px;font-size:2rem}.tag{color:#57606a;margin:0 0 24px}' +
              '.button{display:inline-block;background:#8b1a1a;color:#fff;border-radius:4px;padding:10px 32px;text-decoration:none;font-size:1.1rem}' +
              'a:focus{outline:3px solid #f0b429;outline-offset:2px}.lang{margin-top:24px}',
          }}
        />
      </head>
      <body>
        <main>
          <h1>{t(lang, 'productName')}</h1>
          <p class="tag">{t(lang, 'productTagline')}</p>
          <p>{t(lang, 'signInIntro')}</p>
          {props.failed ? <p role="alert">{t(lang, 'signInFailed')}</p> : ''}
          <p>
            <a class="button" href={`${BASE}/auth/login`}>
              {t(lang, 'signIn')}
            </a>
          </p>
          <p class="lang">
            <a href={`${props.url.pathname}?lang=${other}`} hreflang={other}>
              {t(lang, 'switchLang')}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}

/** The server-rendered console, mounted by the API app at `/console`. */
export function createConsole(opts: ConsoleOptions): Hono {
  const app = new Hono<ConsoleEnv>();

  app.onError((err, c) => {
    if (err instanceof SignInRequired) return c.redirect(SIGN_IN, 303);
    (opts.log ?? ((e) => process.stderr.write(`${JSON.stringify(e)}\n`)))({
      level: 'error',
      msg: 'console error',
      path: c.req.path,
      error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
    });
    const v = view(c as Ctx);
    return render(
      c as Ctx,
      <MessagePage v={v} title={t(v.lang, 'errorTitle')} body={t(v.lang, 'errorBody')} />,
      500,
    );
  });

  app.use('*', language);
  app.use('*', sameOrigin);

  app.get('/sign-in', (c) =>
    render(
      c,
      <SignInPage
        lang={c.get('lang')}
        url={new URL(c.req.url)}
        failed={c.req.query('failed') !== undefined}
      />,
    ),
  );
  app.get('/auth/login', (c) => beginSignIn(c, opts.oidc));
  app.get('/auth/callback', async (c) => {
    const outcome = await finishSignIn(c, opts.oidc);
    return c.redirect(outcome.ok ? BASE : `${SIGN_IN}?failed=${outcome.reason}`, 303);
  });
  app.post('/sign-out', (c) => {
    deleteCookie(c, TOKEN_COOKIE, { path: '/' });
    return c.redirect(SIGN_IN, 303);
  });

  // Everything else needs a signed-in caller, as the API sees it.
  app.use('*', async (c, next) => {
    const token = getCookie(c, TOKEN_COOKIE);
    if (!token) return c.redirect(SIGN_IN, 303);
    const api = new ApiClient(opts.api, token, c.get('lang'));
    c.set('api', api);
    const me = await api.get<Me>('/v1/me');
    if (!me.ok) return problemPage(c, me.problem);
    c.set('me', me.data);
    await next();
  });

  app.get('/', homePage);
  registerTenants(app);
  registerOrg(app);
  registerIndicators(app);

  app.all('*', (c) => {
    // Mounted with app.route('/console', …), `/console/` does not match '/'.
    if (c.req.method === 'GET' && c.req.path === `${BASE}/`) return homePage(c);
    const v = view(c);
    return render(
      c,
      <MessagePage v={v} title={t(v.lang, 'notFoundTitle')} body={t(v.lang, 'notFoundBody')} />,
      404,
    );
  });

  // The console's own variables stay inside; callers mount a plain Hono app.
  return new Hono().route('/', app);
}
