import type { IssuerLogout } from '@jixiao/api';
import { AUTH_CALLBACK_PATH, TOKEN_COOKIE } from '@jixiao/core';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { BASE } from '../context';

/**
 * Console sign-in: OpenID Connect authorization code flow with PKCE, run on the server. The same
 * code talks to Cognito's hosted UI in the cloud and to the embedded issuer locally; only the
 * URLs differ. The resulting access token goes into an HttpOnly cookie the API accepts.
 */
export interface OidcClient {
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  /** The issuer's logout page, visited after signing out (absent: back to the sign-in page). */
  logout?: IssuerLogout;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

const FLOW_COOKIE = 'jx_auth';
const FLOW_SECONDS = 600;

const b64url = (bytes: ArrayBuffer | Uint8Array) =>
  Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64url');
const random = (n: number) => b64url(crypto.getRandomValues(new Uint8Array(n)));

export async function pkceChallenge(verifier: string): Promise<string> {
  return b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

const secure = (c: Context) => new URL(c.req.url).protocol === 'https:';
const redirectUri = (c: Context) => `${new URL(c.req.url).origin}${AUTH_CALLBACK_PATH}`;

/** Starts sign-in: remembers state and verifier in a short-lived cookie, sends the browser to the IdP. */
export async function beginSignIn(c: Context, oidc: OidcClient): Promise<Response> {
  const state = random(24);
  const verifier = random(48);
  setCookie(c, FLOW_COOKIE, `${state}.${verifier}`, {
    httpOnly: true,
    secure: secure(c),
    sameSite: 'Lax',
    path: '/console/auth',
    maxAge: FLOW_SECONDS,
  });
  const url = new URL(oidc.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: oidc.clientId,
    redirect_uri: redirectUri(c),
    scope: 'openid profile',
    state,
    code_challenge: await pkceChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  return c.redirect(url.toString(), 302);
}

export type CallbackOutcome = { ok: true } | { ok: false; reason: 'state' | 'denied' | 'exchange' };

/** Finishes sign-in: checks state, exchanges the code (with the PKCE verifier), sets the session cookie. */
export async function finishSignIn(c: Context, oidc: OidcClient): Promise<CallbackOutcome> {
  const [state, verifier] = (getCookie(c, FLOW_COOKIE) ?? '').split('.');
  deleteCookie(c, FLOW_COOKIE, { path: '/console/auth' });
  const code = c.req.query('code');
  if (!state || !verifier || c.req.query('state') !== state) return { ok: false, reason: 'state' };
  if (!code) return { ok: false, reason: 'denied' };
  let res: Response;
  try {
    res = await (oidc.fetch ?? fetch)(oidc.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: oidc.clientId,
        code,
        redirect_uri: redirectUri(c),
        code_verifier: verifier,
      }),
    });
  } catch {
    return { ok: false, reason: 'exchange' };
  }
  const body = (await res.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown };
  if (!res.ok || typeof body.access_token !== 'string') return { ok: false, reason: 'exchange' };
  setCookie(c, TOKEN_COOKIE, body.access_token, {
    httpOnly: true,
    secure: secure(c),
    sameSite: 'Lax',
    path: '/',
    maxAge: typeof body.expires_in === 'number' ? body.expires_in : 3600,
  });
  return { ok: true };
}

/**
 * Where the browser goes once the console has signed out: the issuer's logout page, so its own
 * sign-in session ends too (else its next sign-in would not ask who you are), and from there
 * back to the console (the logout URL Cognito's client registers); without one, straight to the
 * sign-in page.
 */
export function signOutDestination(requestUrl: string, oidc: OidcClient, signInPath: string): string {
  if (!oidc.logout) return signInPath;
  const url = new URL(oidc.logout.url);
  url.searchParams.set('client_id', oidc.clientId);
  url.searchParams.set(oidc.logout.returnParam, `${new URL(requestUrl).origin}${BASE}`);
  return url.toString();
}
