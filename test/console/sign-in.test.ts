import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleStack, startConsole } from './support';

let s: ConsoleStack;
beforeAll(async () => {
  s = await startConsole();
});
afterAll(() => s.stop());

describe('sign-in and session', () => {
  it('redirects to the sign-in page without a token', async () => {
    const res = await s.anonymous().get('/console');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/sign-in');
  });

  it('redirects to the sign-in page when the API answers 401, and passes a good token on', async () => {
    const res = await s.anonymous('expired-token').get('/console/units');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/sign-in');
    // The same page with a real token: the API accepted the cookie's token as the bearer.
    const admin = await s.as('230100', 'hrb-admin');
    const ok = await admin.get('/console/units');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('王丽（市考核办）');
  });

  it('shows the product name and a button that starts the OIDC sign-in', async () => {
    const res = await s.anonymous().get('/console/sign-in');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(html).toContain('绩效管理平台');
    expect(html).toMatch(/<a class="button" href="\/console\/auth\/login">登录<\/a>/);
  });

  it('the sign-in button starts the authorization-code flow at the embedded issuer', async () => {
    const res = await s.anonymous().get('/console/auth/login');
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(`${to.origin}${to.pathname}`).toBe(`${s.url}/oauth2/authorize`);
    expect(to.searchParams.get('response_type')).toBe('code');
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it('signs out by clearing the token cookie, then visits the issuer’s logout page', async () => {
    const admin = await s.as('230100', 'hrb-admin');
    const res = await admin.post('/console/sign-out', {});
    expect(res.status).toBe(303);
    // The issuer's logout page (Cognito's shape; the embedded issuer serves it) ends its own session.
    expect(res.headers.get('location')).toBe(
      `${s.url}/logout?client_id=jixiao-local&logout_uri=${encodeURIComponent(`${s.url}/console`)}`,
    );
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/jx_token=;/);
    expect(setCookie).toMatch(/Max-Age=0/);
    expect(setCookie).toMatch(/Path=\//);
  });

  it('shows the API refusal when the tenant is suspended', async () => {
    // The platform operator suspends 宾县 through the API. (The API remembers a tenant's plan for
    // up to 30 s, so nobody of 宾县 has used it before this in this file.)
    const ops = await s.as(undefined, 'ops');
    const t = await ops.api('GET', '/v1/platform/tenants/230125');
    const patched = await ops.api('PATCH', '/v1/platform/tenants/230125', {
      version: t.body.version,
      planStatus: 'suspended',
    });
    expect(patched.status).toBe(200);
    const bx = await s.as('230125', 'bx-admin');
    const res = await bx.get('/console');
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('本单位的订阅已暂停或终止，请联系平台运营方。');
  });
});
