import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveProvinceIds, seedProvinceVictims } from '../support/fixtures/province-routes';
import {
  type AppRoute,
  appRoutes,
  DEMO,
  ROUTE_FIXTURES,
  requestFor,
  resolveDemoIds,
} from '../support/routes';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The security headers (#14 item 3) on every route of the product (read from the app, with the
 * isolation suite's fixtures, so a new route is covered or this fails): called by an allowed user
 * (哈尔滨市's admin, with a bearer token on the API and the console's cookie on the console) and
 * by nobody, success and error answers alike, and on unknown paths.
 */
let s: TestStack;
let routes: AppRoute[];
let token: string;

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  routes = appRoutes(s.app).sort(lastSignOut);
  token = await s.token('230100', 'hrb-admin');
  const get = async (path: string) => (await s.call('GET', path, { token })).body;
  await resolveDemoIds(get);
  await seedProvinceVictims(s, DEMO);
  await resolveProvinceIds(get, DEMO);
}, 240_000);
afterAll(() => s.stop());

/** A policy's directives, by name. */
function directives(csp: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

/** What every response carries, whoever asked and however it went; failures say where. */
function headerFailures(where: string, h: Headers): string[] {
  const bad: string[] = [];
  const want = (name: string, value: string) => {
    if (h.get(name) !== value) bad.push(`${where}: ${name} is ${h.get(name)}, not ${value}`);
  };
  want('x-content-type-options', 'nosniff');
  want('x-frame-options', 'DENY');
  want('referrer-policy', 'same-origin');
  if (h.has('strict-transport-security')) bad.push(`${where}: HSTS on plain http`);
  const d = directives(h.get('content-security-policy'));
  const exactly = (name: string, ...values: string[]) => {
    if (JSON.stringify(d.get(name)) !== JSON.stringify(values))
      bad.push(`${where}: CSP ${name} is ${d.get(name)?.join(' ')}, not ${values.join(' ')}`);
  };
  exactly('default-src', "'self'");
  exactly('script-src', "'self'");
  exactly('object-src', "'none'");
  exactly('base-uri', "'none'");
  exactly('frame-ancestors', "'none'");
  // The file store (s3rver, on its own port): evidence is uploaded to it and previewed from it.
  const store = d.get('connect-src')?.[1] ?? '';
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(store) || store === new URL(s.url).origin)
    bad.push(`${where}: connect-src names no file store (${d.get('connect-src')?.join(' ')})`);
  exactly('connect-src', "'self'", store);
  exactly('img-src', "'self'", 'data:', store);
  // The dev issuer answers on the stack's own origin.
  exactly('form-action', "'self'", s.url);
  if (h.has('content-disposition') && h.get('cache-control') !== 'no-store')
    bad.push(`${where}: a download cached (${h.get('cache-control')})`);
  return bad;
}

/**
 * Answers that depend on who is signed in: the API's (bearer) and the console's (cookie), except
 * the console's pages that are the same for everyone and keep their caching (assets, the portal).
 */
const signedIn = (path: string) =>
  path.startsWith('/v1/') || (path.startsWith('/console') && !/^\/console\/(assets|public)(\/|$)/.test(path));

/** Signing out ends the user's session (and, with #14's revocation, the token): it goes last. */
const lastSignOut = (a: AppRoute, b: AppRoute) =>
  Number(a.path.endsWith('/sign-out')) - Number(b.path.endsWith('/sign-out'));

/** The same request as `requestFor`'s, as the route's allowed user sends it, or with no credentials. */
function call(route: AppRoute, who: 'user' | 'nobody'): Request {
  const r = requestFor(s.url, route, ROUTE_FIXTURES[route.key] ?? {}, token);
  const headers = new Headers(r.headers);
  if (who === 'nobody' || !route.path.startsWith('/v1/')) headers.delete('authorization');
  if (who === 'nobody' || route.path.startsWith('/v1/')) headers.delete('cookie');
  return new Request(r, { headers });
}

describe('security headers on every route', () => {
  it('covers every route of the product', () => {
    expect(routes.filter((r) => !(r.key in ROUTE_FIXTURES)).map((r) => r.key)).toEqual([]);
    expect(routes.length).toBeGreaterThan(200);
  });

  for (const who of ['user', 'nobody'] as const) {
    it(`are on every answer to ${who === 'user' ? 'an allowed user' : 'an unauthenticated caller'}`, async () => {
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      let downloads = 0;
      for (const route of routes) {
        const res = await s.fetch(call(route, who));
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.headers.has('content-disposition')) downloads++;
        const where = `${route.key} → ${res.status}`;
        failures.push(...headerFailures(where, res.headers));
        if (who === 'user' && signedIn(route.path) && res.headers.get('cache-control') !== 'no-store')
          failures.push(`${where}: signed-in answer cached (${res.headers.get('cache-control')})`);
      }
      console.info(
        `security headers, ${who}: ${routes.length} routes, ${downloads} downloads, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
      );
      expect(failures).toEqual([]);
      // Both outcomes were seen: answers and refusals.
      expect([...statuses.keys()].some((st) => st < 400)).toBe(true);
      expect([...statuses.keys()].some((st) => st >= 400)).toBe(true);
      // The allowed user downloads files (workbooks, PDFs, evidence): each was checked for no-store.
      if (who === 'user') expect(downloads).toBeGreaterThanOrEqual(5);
    });
  }

  it('are on problem+json errors and on unknown paths', async () => {
    // Another admin than the one who signed out above.
    const token = await s.token('230125', 'bx-admin');
    const cases: [string, RequestInit, number][] = [
      ['/v1/unit-groups', {}, 401],
      ['/v1/unit-groups', { headers: { authorization: `Bearer ${token}` }, method: 'POST', body: '{' }, 415],
      [
        '/v1/unit-groups',
        {
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          method: 'POST',
          body: '{',
        },
        400,
      ],
      [
        '/v1/unit-groups',
        {
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          method: 'POST',
          body: `{"a":"${'x'.repeat(300 * 1024)}"}`,
        },
        413,
      ],
      ['/v1/no-such-thing', { headers: { authorization: `Bearer ${token}` } }, 404],
      ['/no-such-thing', {}, 404],
      ['/console/no-such-thing', { headers: { cookie: `jx_token=${token}` } }, 404],
    ];
    for (const [path, init, status] of cases) {
      const res = await s.fetch(new Request(`${s.url}${path}`, init));
      expect(res.status, path).toBe(status);
      expect(headerFailures(path, res.headers)).toEqual([]);
      if (path.startsWith('/v1/')) expect(res.headers.get('content-type')).toContain('problem+json');
      if (init.headers) expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('keep the public routes’ own caching for anonymous readers', async () => {
    const results = await s.call('GET', '/v1/public/230100/results');
    expect(results.status).toBe(200);
    expect(results.headers.get('cache-control')).toBe('public, max-age=300');
    expect(headerFailures('public results', results.headers)).toEqual([]);
  });

  it('allow the docs page’s one inline style by its hash, and no other inline style or script', async () => {
    const res = await s.fetch(new Request(`${s.url}/docs`));
    const html = await res.text();
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    expect(html).not.toMatch(/<script/);
    const hash = `'sha256-${createHash('sha256').update(styles[0]!, 'utf8').digest('base64')}'`;
    const d = directives(res.headers.get('content-security-policy'));
    expect(d.get('style-src')).toEqual(["'self'", hash]);
    expect(d.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
  });
});
