import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { beginSignIn, finishSignIn, type OidcClient, pkceChallenge } from './sign-in-flow';

const HOST = 'https://jixiao.example.gov.cn';

function setup(tokenAnswer: (body: URLSearchParams) => Response) {
  const seen: URLSearchParams[] = [];
  const oidc: OidcClient = {
    authorizeUrl: 'https://idp.test/oauth2/authorize',
    tokenUrl: 'https://idp.test/oauth2/token',
    clientId: 'client-1',
    fetch: async (_url, init) => {
      const body = new URLSearchParams(String(init?.body));
      seen.push(body);
      return tokenAnswer(body);
    },
  };
  const app = new Hono();
  app.get('/console/auth/login', (c) => beginSignIn(c, oidc));
  app.get('/console/auth/callback', async (c) => c.json(await finishSignIn(c, oidc)));
  return { app, seen };
}

const cookieFrom = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0];

describe('console OIDC sign-in (authorization code + PKCE)', () => {
  it('sends the browser to the IdP with state and an S256 challenge of the remembered verifier', async () => {
    const { app } = setup(() => new Response('{}'));
    const res = await app.request(`${HOST}/console/auth/login`);
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin + to.pathname).toBe('https://idp.test/oauth2/authorize');
    expect(to.searchParams.get('redirect_uri')).toBe(`${HOST}/console/auth/callback`);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    const flow = cookieFrom(res, 'jx_auth')!.split('=')[1]!;
    const [state, verifier] = flow.split('.');
    expect(to.searchParams.get('state')).toBe(state);
    expect(to.searchParams.get('code_challenge')).toBe(await pkceChallenge(verifier!));
    expect(res.headers.getSetCookie().join()).toMatch(/HttpOnly/);
    expect(res.headers.getSetCookie().join()).toMatch(/Secure/);
  });

  it('exchanges the code with the verifier and sets the session cookie', async () => {
    const { app, seen } = setup(() => Response.json({ access_token: 'tok-123', expires_in: 3600 }));
    const login = await app.request(`${HOST}/console/auth/login`);
    const flow = cookieFrom(login, 'jx_auth')!;
    const state = flow.split('=')[1]!.split('.')[0];
    const res = await app.request(`${HOST}/console/auth/callback?code=abc&state=${state}`, {
      headers: { cookie: flow },
    });
    expect(await res.json()).toEqual({ ok: true });
    expect(cookieFrom(res, 'jx_token')).toBe('jx_token=tok-123');
    expect(seen[0]?.get('code')).toBe('abc');
    expect(seen[0]?.get('code_verifier')).toBe(flow.split('=')[1]!.split('.')[1]);
    expect(seen[0]?.get('grant_type')).toBe('authorization_code');
  });

  it('refuses a callback whose state does not match, without calling the IdP', async () => {
    const { app, seen } = setup(() => Response.json({ access_token: 'x' }));
    const login = await app.request(`${HOST}/console/auth/login`);
    const flow = cookieFrom(login, 'jx_auth')!;
    const res = await app.request(`${HOST}/console/auth/callback?code=abc&state=forged`, {
      headers: { cookie: flow },
    });
    expect(await res.json()).toEqual({ ok: false, reason: 'state' });
    expect(seen).toHaveLength(0);
    expect(cookieFrom(res, 'jx_token')).toBeUndefined();
  });

  it('reports a failed exchange and sets no session', async () => {
    const { app } = setup(() => Response.json({ error: 'invalid_grant' }, { status: 400 }));
    const login = await app.request(`${HOST}/console/auth/login`);
    const flow = cookieFrom(login, 'jx_auth')!;
    const state = flow.split('=')[1]!.split('.')[0];
    const res = await app.request(`${HOST}/console/auth/callback?code=abc&state=${state}`, {
      headers: { cookie: flow },
    });
    expect(await res.json()).toEqual({ ok: false, reason: 'exchange' });
    expect(cookieFrom(res, 'jx_token')).toBeUndefined();
  });
});
