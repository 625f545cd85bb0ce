import { ALL_ROUTES } from '@jixiao/api/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppRoute, appRoutes, DEMO, fillPath, ROUTE_FIXTURES, resolveDemoIds } from '../support/routes';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Bad input on every API endpoint answers a problem+json 4xx: wrong content type, malformed JSON,
 * oversize bodies, wrong types, missing and unknown fields, unknown codes, garbage paths and
 * queries. Generated inputs (fast-check) drive it; nothing half-written is left behind.
 */
const MAX_BODY = 8 * 1024;
let s: TestStack;
let admin: string;
let ops: string;
let unit: string;
let expert: string;
let apiRoutes: AppRoute[];

/** Actions only a unit's own user may take (the office may not write a unit's plan or report). */
const UNIT_ONLY = new Set([
  'plans:write',
  'progress:write',
  'self:write',
  'appeals:write',
  'rectification:report',
]);
/**
 * Bodies whose every field is optional, so `{}` is a valid request the rules then answer (a 4xx
 * problem, never 2xx here): publishing (its fixture names a cycle that may not be published).
 */
const ALL_OPTIONAL = new Set(['POST /v1/cycles/:cycleId/publication']);
const permissionOf = new Map(
  ALL_ROUTES.map((r) => [
    `${r.method.toUpperCase()} ${r.path.replace(/\{(\w+)\}/g, ':$1')}`,
    (r as { 'x-permission'?: string })['x-permission'],
  ]),
);

beforeAll(async () => {
  s = await startTestStack({ maxBodyBytes: MAX_BODY, demoYear: true });
  admin = await s.token('230100', 'hrb-admin');
  ops = await s.token(undefined, 'ops');
  unit = await s.token('230100', 'hrb-fgw');
  expert = await s.token('230100', 'hrb-expert');
  await resolveDemoIds(async (path) => (await s.call('GET', path, { token: admin })).body);
  apiRoutes = appRoutes(s.app).filter((r) => r.path.startsWith('/v1/'));
}, 240_000);
afterAll(() => s.stop());

/** Who may reach each route's validation: the operator, an expert, the unit's own user (its plan, report and evidence), else the office. */
const tokenFor = (r: AppRoute) => {
  if (r.path.startsWith('/v1/platform')) return ops;
  if (permissionOf.get(r.key) === 'experts:score') return expert;
  if (UNIT_ONLY.has(String(permissionOf.get(r.key))) || r.path.includes('/evidence/units/')) return unit;
  return admin;
};
const withBody = () =>
  // Routes that take a JSON body (an action such as confirming an upload takes none).
  apiRoutes.filter((r) => ['POST', 'PATCH', 'PUT'].includes(r.method) && !!ROUTE_FIXTURES[r.key]!.json);
const uploads = () => apiRoutes.filter((r) => ROUTE_FIXTURES[r.key]!.file);

async function send(r: AppRoute, init: { body?: string; contentType?: string; path?: string }) {
  const headers: Record<string, string> = { authorization: `Bearer ${tokenFor(r)}` };
  if (init.contentType) headers['content-type'] = init.contentType;
  const path = init.path ?? fillPath(r, ROUTE_FIXTURES[r.key]!);
  const res = await s.fetch(new Request(`${s.url}${path}`, { method: r.method, headers, body: init.body }));
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text };
}

function expectProblem(res: { status: number; type: string; text: string }, where: string) {
  expect(res.status, where).toBeGreaterThanOrEqual(400);
  expect(res.status, where).toBeLessThan(500);
  expect(res.type, where).toContain('application/problem+json');
  const p = JSON.parse(res.text);
  expect(typeof p.code, where).toBe('string');
  expect(p.message.zh, where).toMatch(/[\u4e00-\u9fff]/);
  expect(p.message.en, where).toMatch(/[A-Za-z]/);
}

async function orgItemCount(): Promise<number> {
  let n = 0;
  for (const prefix of ['GROUP#', 'UNIT#', 'USER#'])
    n += (await s.data.store.all({ pk: 'T#230100#ORG', skPrefix: prefix }, 'count')).length;
  return n + (await s.data.store.all({ pk: 'PLATFORM#TENANTS', skPrefix: 'TENANT#' }, 'count')).length;
}

describe('bad input on every endpoint with a body', () => {
  it('covers every body-taking API route', () => {
    expect(withBody().length).toBeGreaterThanOrEqual(8);
  });

  it('answers 415 to a wrong content type, 400 to malformed JSON, 413 to an oversize body', async () => {
    for (const r of withBody()) {
      const valid = JSON.stringify(ROUTE_FIXTURES[r.key]!.json);
      const wrongType = await send(r, { body: valid, contentType: 'text/plain' });
      expectProblem(wrongType, `${r.key} text/plain`);
      expect(wrongType.status).toBe(415);
      const form = await send(r, { body: 'a=1', contentType: 'application/x-www-form-urlencoded' });
      expect(form.status, r.key).toBe(415);
      const malformed = await send(r, { body: '{"code": "X",', contentType: 'application/json' });
      expectProblem(malformed, `${r.key} malformed`);
      expect(malformed.status).toBe(400);
      const huge = await send(r, {
        body: JSON.stringify({ name: 'x'.repeat(MAX_BODY) }),
        contentType: 'application/json',
      });
      expectProblem(huge, `${r.key} oversize`);
      expect(huge.status).toBe(413);
      const missing = await send(r, { body: '{}', contentType: 'application/json' });
      expectProblem(missing, `${r.key} empty object`);
      if (!ALL_OPTIONAL.has(r.key)) expect(missing.status).toBe(422);
      const notObject = await send(r, { body: '[1,2,3]', contentType: 'application/json' });
      expect(notObject.status, r.key).toBe(422);
    }
  });

  it('never answers 5xx nor half-writes, whatever JSON arrives (fast-check)', async () => {
    const before = await orgItemCount();
    let created = 0;
    const routes = withBody();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(
          fc.jsonValue(),
          // a valid body with one field replaced by anything
          fc.record({ field: fc.string({ maxLength: 12 }), value: fc.jsonValue() }),
        ),
        async (route, mutation) => {
          const base = { ...ROUTE_FIXTURES[route.key]!.json };
          const body =
            mutation && typeof mutation === 'object' && 'field' in mutation && 'value' in mutation
              ? {
                  ...base,
                  [Object.keys(base)[0] ?? String(mutation.field)]: mutation.value,
                  [String(mutation.field)]: mutation.value,
                }
              : mutation;
          const res = await send(route, { body: JSON.stringify(body), contentType: 'application/json' });
          if (res.status < 300) {
            if (res.status === 201) created++;
            return;
          }
          expectProblem(res, `${route.key} ${JSON.stringify(body).slice(0, 200)}`);
        },
      ),
      { numRuns: 300, seed: 20261127 },
    );
    expect(await orgItemCount()).toBe(before + created);
  });

  it('answers 4xx to unknown codes, garbage path parameters and queries (fast-check)', async () => {
    const getRoutes = apiRoutes.filter((r) => r.method === 'GET');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...getRoutes),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        async (route, param, queryValue) => {
          const path = route.path.replace(/:([A-Za-z]+)/g, () => encodeURIComponent(param) || 'x');
          const q = `?limit=${encodeURIComponent(queryValue)}&cursor=${encodeURIComponent(queryValue)}&group=${encodeURIComponent(queryValue)}&parent=${encodeURIComponent(queryValue)}`;
          const res = await send(route, { path: path + q });
          expect(res.status, `${route.key} ${path}${q}`).toBeLessThan(500);
          if (res.status >= 400) expectProblem(res, `${route.key} ${path}${q}`);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('names the field paths of every problem in Chinese and English', async () => {
    const res = await s.call('POST', '/v1/users', {
      token: admin,
      body: { name: 42, roles: ['king'], email: 'not-an-email', extra: true },
    });
    expect(res.status).toBe(422);
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.roles.0', 'body.email']));
    expect(res.body.errors.find((e: { path: string }) => e.path === 'body.name').zh).toContain('类型错误');
    const en = await s.call('POST', '/v1/users', {
      token: admin,
      body: {},
      headers: { 'accept-language': 'en-GB' },
    });
    expect(en.body.title).toBe('The submitted data is invalid; check the fields listed.');
  });

  it('checks uploads: their own type only, a size limit, and a clear answer to a broken file', async () => {
    expect(uploads().length).toBeGreaterThanOrEqual(1);
    for (const r of uploads()) {
      const type = ROUTE_FIXTURES[r.key]!.file!.type;
      const asJson = await send(r, { body: '{}', contentType: 'application/json' });
      expectProblem(asJson, `${r.key} json`);
      expect(asJson.status).toBe(415);
      const broken = await send(r, { body: 'PK\u0003\u0004 broken zip', contentType: type });
      expectProblem(broken, `${r.key} broken`);
      const huge = await send(r, { body: 'x'.repeat(5 * 1024 * 1024 + 1), contentType: type });
      expectProblem(huge, `${r.key} oversize`);
      expect(huge.status).toBe(413);
    }
  });

  it('answers 4xx problems to bad report, publication and public-results parameters', async () => {
    const C = DEMO.pubCycle;
    const long = 'x'.repeat(600);
    const paths = [
      `/v1/cycles/${C}/reports?run=x`,
      `/v1/cycles/${C}/reports?run=${long}`,
      `/v1/cycles/${C}/reports/unit/pdf`,
      `/v1/cycles/${C}/reports/office/pdf?unit=FGW`,
      `/v1/cycles/${C}/reports/unit/pdf?unit=%3Cscript%3E`,
      `/v1/cycles/${C}/reports/unit/pdf?unit=${long}`,
      `/v1/cycles/${C}/reports/unit/pdf?unit=FGW&run=rn`,
      `/v1/cycles/${C}/reports/unit/exe?unit=FGW`,
      `/v1/cycles/${C}/reports/all/pdf`,
      `/v1/cycles/${C}/reports/office/pdf?run=rnzzzzzzzzzzzz`,
      `/v1/public/230100/results/${C}/reports/unit/pdf`,
      `/v1/public/230100/results/${C}/reports/office/pdf?unit=FGW`,
      `/v1/public/230100/results/${C}/reports/unit/pdf?unit=${long}`,
      `/v1/public/230100/results/${C}/units/${long}`,
      `/v1/public/2301000/results/${C}`,
      `/v1/public/230100/results/${C}x`,
    ];
    for (const path of paths) {
      const res = await s.fetch(
        new Request(`${s.url}${path}`, { headers: { authorization: `Bearer ${admin}` } }),
      );
      expectProblem(
        { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() },
        path,
      );
    }
  });

  it('answers unknown routes with a problem+json 404', async () => {
    const res = await s.call('GET', '/v1/nothing-here', { token: admin });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('route_not_found');
  });
});
