import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../deps';
import { noStoreForCallers, policyHeaders } from './security-headers';

const appWith = (hsts: boolean) =>
  new Hono<AppEnv>()
    .use(
      '*',
      policyHeaders({
        hsts,
        storage: 'https://b.s3.cn-north-1.amazonaws.com.cn',
        issuer: 'https://id.example.cn',
      }),
    )
    .use('*', noStoreForCallers)
    .get('/public', (c) => c.json({}, 200, { 'cache-control': 'public, max-age=300' }))
    .get('/file', (c) => c.body('x', 200, { 'content-disposition': 'attachment; filename="a.xlsx"' }));

describe('the security headers', () => {
  it('send HSTS for a year, subdomains included, only where the product is served over HTTPS', async () => {
    const cloud = await appWith(true).request('/public');
    expect(cloud.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const local = await appWith(false).request('/public');
    expect(local.headers.get('strict-transport-security')).toBeNull();
  });

  it('let pages reach the file store and the identity provider, nothing else', async () => {
    const csp = (await appWith(true).request('/public')).headers.get('content-security-policy');
    expect(csp).toContain("connect-src 'self' https://b.s3.cn-north-1.amazonaws.com.cn");
    expect(csp).toContain("img-src 'self' data: https://b.s3.cn-north-1.amazonaws.com.cn");
    expect(csp).toContain("form-action 'self' https://id.example.cn");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
  });

  it('keep a public answer’s caching, but not for a caller with a token, nor for a file', async () => {
    const app = appWith(false);
    expect((await app.request('/public')).headers.get('cache-control')).toBe('public, max-age=300');
    const withToken = await app.request('/public', { headers: { authorization: 'Bearer x' } });
    expect(withToken.headers.get('cache-control')).toBe('no-store');
    expect((await app.request('/file')).headers.get('cache-control')).toBe('no-store');
  });
});
