import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleStack, startConsole } from './support';

/**
 * The console's sign-out button ends the session on the server: the cookie's token (which is the
 * bearer token itself) stops working wherever it is replayed, and the browser goes on to the
 * issuer's logout page and back to the console, which asks to sign in.
 */
let s: ConsoleStack;
beforeAll(async () => {
  s = await startConsole();
});
afterAll(() => s.stop());

describe('the sign-out button', () => {
  it('ends the session server-side, not just the cookie', async () => {
    // A session of its own (not the file's shared token for this user).
    const token = await s.stack.issuer.signFor('230100', 'hrb-observer');
    const browser = s.anonymous(token);
    const home = await browser.get('/console');
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain(
      '<form method="post" action="/console/sign-out"><button type="submit">退出登录</button>',
    );

    const out = await browser.post('/console/sign-out', {});
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/^jx_token=;/);

    // The browser follows: the issuer's logout page, back to the console, on to sign in.
    const logout = await s.stack.fetch(new Request(out.headers.get('location')!));
    expect(logout.status).toBe(302);
    expect(logout.headers.get('location')).toBe(`${s.url}/console`);
    const back = await s.anonymous().get('/console');
    expect(back.headers.get('location')).toBe('/console/sign-in');

    // Someone who kept the cookie's value gets nothing with it, as a cookie or as a bearer token.
    const replayed = await browser.get('/console');
    expect(replayed.status).toBe(303);
    expect(replayed.headers.get('location')).toBe('/console/sign-in');
    const api = await s.stack.call('GET', '/v1/units', { token });
    expect(api.status).toBe(401);
    expect(api.body.code).toBe('token_revoked');

    // Signing in again works at once.
    const again = await s.stack.issuer.signFor('230100', 'hrb-observer');
    expect((await s.anonymous(again).get('/console')).status).toBe(200);
  });

  it('from another site does nothing: the session goes on', async () => {
    const token = await s.stack.issuer.signFor('230100', 'hrb-observer');
    const res = await s
      .anonymous(token)
      .post('/console/sign-out', {}, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect((await s.stack.call('GET', '/v1/units', { token })).status).toBe(200);
  });
});
