import { TOKEN_COOKIE } from '@jixiao/core';
import { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { BASE, type ConsoleEnv, useView } from '../context';
import { t } from '../i18n';
import { SIGN_IN } from './session';
import { beginSignIn, finishSignIn, type OidcClient, signOutDestination } from './sign-in-flow';

/** Ends every session of the token's user on the server (the product wires in the API's `signOutToken`). */
export type EndSessions = (token: string) => Promise<unknown>;

function SignInPage(props: { failed: boolean }) {
  const { lang, url } = useView();
  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <>
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
        <a href={`${url.pathname}?lang=${other}`} hreflang={other}>
          {t(lang, 'switchLang')}
        </a>
      </p>
    </>
  );
}

/**
 * Signing in and out: the sign-in page, the OIDC authorization-code flow (login → IdP → callback,
 * which sets the session cookie), and sign-out. Served before any session exists.
 */
export function authPages(oidc: OidcClient, endSessions: EndSessions) {
  const app = new Hono<ConsoleEnv>();
  app.get('/sign-in', (c) =>
    c.render(<SignInPage failed={c.req.query('failed') !== undefined} />, {
      title: t(c.get('lang'), 'signIn'),
      bare: true,
    }),
  );
  app.get('/auth/login', (c) => beginSignIn(c, oidc));
  app.get('/auth/callback', async (c) => {
    const outcome = await finishSignIn(c, oidc);
    return c.redirect(outcome.ok ? BASE : `${SIGN_IN}?failed=${outcome.reason}`, 303);
  });
  // Signing out ends the sessions server-side first: deleting the cookie alone would leave its
  // token working for anyone who kept a copy. Then the issuer's own session (its logout page).
  app.post('/sign-out', async (c) => {
    const token = getCookie(c, TOKEN_COOKIE);
    if (token) await endSessions(token);
    deleteCookie(c, TOKEN_COOKIE, { path: '/' });
    return c.redirect(signOutDestination(c.req.url, oidc, SIGN_IN), 303);
  });
  return app;
}
