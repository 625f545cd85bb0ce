import { CONTRACTS } from '@jixiao/api/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expertsFixtures } from '../support/fixtures/experts';
import { type AppRoute, appRoutes, fillPath, resolveDemoIds } from '../support/routes';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The bad-input suite's rules on the expert review's API routes, each called by a role that may
 * call it (the office, or the expert for their own workspace): a wrong content type, malformed
 * JSON, empty and non-object bodies, generated bodies and garbage path parameters all answer a
 * bilingual problem+json 4xx, never a 5xx.
 */
let s: TestStack;
let routes: AppRoute[];
const tok: Record<string, string> = {};
const permissionOf = new Map(
  Object.values(CONTRACTS.experts).map((r) => [
    `${r.method.toUpperCase()} ${r.path.replace(/\{(\w+)\}/g, ':$1')}`,
    r['x-permission'],
  ]),
);

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  tok.admin = await s.token('230100', 'hrb-admin');
  tok.expert = await s.token('230100', 'hrb-expert');
  await resolveDemoIds(async (path) => (await s.call('GET', path, { token: tok.admin })).body);
  routes = appRoutes(s.app).filter((r) => r.path.startsWith('/v1/') && r.key in expertsFixtures);
}, 180_000);
afterAll(() => s?.stop());

const tokenFor = (r: AppRoute) => (permissionOf.get(r.key) === 'experts:score' ? tok.expert : tok.admin);

async function send(r: AppRoute, init: { body?: string; contentType?: string; path?: string }) {
  const headers: Record<string, string> = { authorization: `Bearer ${tokenFor(r)}` };
  if (init.contentType) headers['content-type'] = init.contentType;
  const path = init.path ?? fillPath(r, expertsFixtures[r.key]!);
  const res = await s.fetch(new Request(`${s.url}${path}`, { method: r.method, headers, body: init.body }));
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

function expectProblem(res: { status: number; type: string; text: string }, where: string) {
  expect(res.status, where).toBeGreaterThanOrEqual(400);
  expect(res.status, where).toBeLessThan(500);
  expect(res.type, where).toContain('application/problem+json');
  const p = JSON.parse(res.text);
  expect(p.message.zh, where).toMatch(/[\u4e00-\u9fff]/);
  expect(p.message.en, where).toMatch(/[A-Za-z]/);
}

describe('bad input on the expert review', () => {
  const withBody = () => routes.filter((r) => ['POST', 'PATCH', 'PUT'].includes(r.method));

  it('answers 415, 400 and 422 to a wrong type, malformed JSON and an empty or non-object body', async () => {
    expect(withBody().length).toBe(7);
    for (const r of withBody()) {
      const valid = JSON.stringify(expertsFixtures[r.key]!.json);
      expect((await send(r, { body: valid, contentType: 'text/plain' })).status, r.key).toBe(415);
      const malformed = await send(r, { body: '{"x": 1,', contentType: 'application/json' });
      expectProblem(malformed, r.key);
      expect(malformed.status).toBe(400);
      for (const body of ['{}', '[1,2,3]']) {
        const res = await send(r, { body, contentType: 'application/json' });
        expectProblem(res, `${r.key} ${body}`);
        expect(res.status, `${r.key} ${body}`).toBe(422);
      }
    }
  });

  it('never answers 5xx, whatever JSON arrives (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...withBody()),
        fc.record({ field: fc.string({ maxLength: 12 }), value: fc.jsonValue() }),
        async (route, m) => {
          const base = { ...expertsFixtures[route.key]!.json };
          const body = { ...base, [Object.keys(base)[0]!]: m.value, [m.field]: m.value };
          const res = await send(route, { body: JSON.stringify(body), contentType: 'application/json' });
          if (res.status >= 300) expectProblem(res, `${route.key} ${JSON.stringify(body).slice(0, 200)}`);
        },
      ),
      { numRuns: 150, seed: 20261130 },
    );
  });

  it('answers 4xx to garbage path parameters and queries (fast-check)', async () => {
    const gets = routes.filter((r) => r.method === 'GET' || r.method === 'DELETE');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...gets), fc.string({ maxLength: 30 }), async (route, junk) => {
        const path = route.path.replace(/:([A-Za-z]+)/g, () => encodeURIComponent(junk) || 'x');
        const q = `?round=${encodeURIComponent(junk)}&version=${encodeURIComponent(junk)}&limit=${encodeURIComponent(junk)}`;
        const res = await send(route, { path: path + q });
        expect(res.status, `${route.key} ${path}${q}`).toBeLessThan(500);
        if (res.status >= 400) expectProblem(res, `${route.key} ${path}${q}`);
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
