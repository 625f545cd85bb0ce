import { CONTRACTS } from '@jixiao/api/contracts';
import { TOKEN_COOKIE } from '@jixiao/core';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ApiClient, type ApiFetch } from '../client/api-client';
import { problemPage } from '../components/message-page';
import { BASE, type ConsoleEnv } from '../context';

export const SIGN_IN = `${BASE}/sign-in`;

/**
 * Everything past sign-in needs a caller, as the API sees it: the session cookie's token becomes
 * the request's typed API client, and `GET /v1/me` the caller. No token: to the sign-in page.
 */
export const session =
  (api: ApiFetch): MiddlewareHandler<ConsoleEnv> =>
  async (c, next) => {
    const token = getCookie(c, TOKEN_COOKIE);
    if (!token) return c.redirect(SIGN_IN, 303);
    const client = new ApiClient(api, token, c.get('lang'));
    c.set('api', client);
    const me = await client.call(CONTRACTS.identity.me, {});
    if (!me.ok) return problemPage(c, me.problem);
    c.set('me', me.data);
    await next();
  };
