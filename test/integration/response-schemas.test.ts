import { ALL_ROUTES } from '@jixiao/api/contracts';
import { sampleInputs } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseMismatch } from '../support/contract-check';
import { coveredRoutes, startTestStack, type TestStack } from '../support/stack';

/**
 * Walks every route of the API with a request that succeeds, through the test stack, which checks
 * each 2xx answer against the route's OpenAPI response schema (exactly: no undeclared fields).
 * A new route without a step here fails the last test.
 */
let s: TestStack;
const tok: Record<string, string> = {};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  s = await startTestStack();
  tok.admin = await s.token('230100', 'hrb-admin');
  tok.unit = await s.token('230100', 'hrb-fgw');
  tok.ops = await s.token(undefined, 'ops');
  tok.analyst = await s.token('230000', 'hlj-analyst');
});
afterAll(() => s.stop());

async function ok(method: string, path: string, who: keyof typeof tok, body?: unknown) {
  const r = await s.call(method, path, { token: tok[who], ...(body === undefined ? {} : { body }) });
  expect(r.status, `${method} ${path}: ${r.text.slice(0, 300)}`).toBeLessThan(300);
  return r;
}

describe('every 2xx answer matches its OpenAPI response schema', () => {
  it('identity, reference data and the province', async () => {
    await ok('GET', '/v1/me', 'admin');
    await ok('GET', '/v1/me', 'ops');
    await ok('GET', '/v1/tenant', 'admin');
    await ok('GET', '/v1/divisions/230100', 'admin');
    await ok('GET', '/v1/divisions?parent=230100', 'admin');
    await ok('GET', '/v1/province/tenants', 'analyst');
    await ok('GET', '/v1/finance/calculators', 'admin');
    await ok('POST', '/v1/finance/calculators/fnpv', 'admin', {
      args: { netFlows: [-100, 110], ratePercent: 10 },
    });
  });

  it('the platform', async () => {
    await ok('GET', '/v1/platform/tenants', 'ops');
    await ok('POST', '/v1/platform/tenants', 'ops', { code: '230300' });
    const t = await ok('GET', '/v1/platform/tenants/230300', 'ops');
    await ok('PATCH', '/v1/platform/tenants/230300', 'ops', {
      version: t.body.version,
      planStatus: 'active',
    });
  });

  it('the organisation', async () => {
    await ok('GET', '/v1/unit-groups', 'admin');
    await ok('POST', '/v1/unit-groups', 'admin', { code: 'SCHEMA', name: '契约检查分组' });
    const g = await ok('GET', '/v1/unit-groups/SCHEMA', 'admin');
    const g2 = await ok('PATCH', '/v1/unit-groups/SCHEMA', 'admin', {
      version: g.body.version,
      name: '契约检查',
    });
    await ok('GET', '/v1/units?group=ECON', 'admin');
    await ok('GET', '/v1/units', 'unit');
    await ok('POST', '/v1/units', 'admin', {
      code: 'SCHEMAU',
      name: '契约检查单位',
      type: 'department',
      group: 'ECON',
    });
    const u = await ok('GET', '/v1/units/SCHEMAU', 'admin');
    await ok('PATCH', '/v1/units/SCHEMAU', 'admin', { version: u.body.version, name: '契约检查单位二' });
    await ok('GET', '/v1/users', 'admin');
    const created = await ok('POST', '/v1/users', 'admin', { name: '契约', roles: ['observer'] });
    const user = await ok('GET', `/v1/users/${created.body.id}`, 'admin');
    await ok('PATCH', `/v1/users/${created.body.id}`, 'admin', {
      version: user.body.version,
      name: '契约二',
    });
    await ok('DELETE', `/v1/unit-groups/SCHEMA?version=${g2.body.version}`, 'admin');
  });

  it('indicator systems, templates, trial and Excel', async () => {
    await ok('GET', '/v1/indicator-templates', 'admin');
    await ok('GET', '/v1/indicator-templates/department', 'admin');
    const created = await ok('POST', '/v1/indicator-systems', 'admin', {
      template: 'department',
      groups: { approval: ['ECON'] },
    });
    const id = created.body.id as string;
    await ok('GET', '/v1/indicator-systems', 'admin');
    await ok('GET', '/v1/indicator-systems', 'unit');
    await ok('GET', `/v1/indicator-systems/${id}`, 'admin');
    const v1 = await ok('GET', `/v1/indicator-systems/${id}/versions/1`, 'admin');
    const {
      issues: _i,
      weights: _w,
      id: _id,
      systemVersion: _sv,
      status: _st,
      version,
      createdAt: _c,
      updatedAt: _u,
      template: _t,
      versions: _vs,
      allowed: _al,
      owner: _o,
      ...content
    } = v1.body;
    const put0 = await ok('PUT', `/v1/indicator-systems/${id}/versions/1`, 'admin', { version, content });
    const put = await ok('POST', `/v1/indicator-systems/${id}/versions/1/weight-corrections`, 'admin', {
      version: put0.body.version,
      correction: { method: 'scale', path: 'dimensions' },
    });
    const units = sampleInputs(content, [
      { unit: 'FGW', group: 'ECON' },
      { unit: 'JYJ', group: 'SOCIAL' },
    ]);
    await ok('POST', `/v1/indicator-systems/${id}/versions/1/trial`, 'admin', { units });
    await ok('POST', `/v1/indicator-systems/${id}/versions/1/transitions`, 'admin', {
      action: 'submit',
      version: put.body.version,
    });
    await ok('POST', `/v1/indicator-systems/${id}/versions`, 'admin', { from: 1 });
    const v2 = await ok('GET', `/v1/indicator-systems/${id}/versions/2`, 'admin');
    await ok('DELETE', `/v1/indicator-systems/${id}/versions/2?version=${v2.body.version}`, 'admin');
    const file = await s.call('GET', `/v1/indicator-systems/${id}/versions/1/export.xlsx`, {
      token: tok.admin,
    });
    expect(file.status).toBe(200);
    const imported = await s.call('POST', '/v1/indicator-systems/import', {
      token: tok.admin,
      raw: file.bytes as Uint8Array<ArrayBuffer>,
      headers: { 'content-type': XLSX },
    });
    expect(imported.status).toBe(201);
  });

  it('catches a field the schema does not declare, and a wrong type', async () => {
    const unit = (await ok('GET', '/v1/units/FGW', 'admin')).body;
    expect(responseMismatch('GET', '/v1/units/FGW', 200, unit)).toBeUndefined();
    expect(responseMismatch('GET', '/v1/units/FGW', 200, { ...unit, secret: 1 })).toMatch(/does not declare/);
    expect(responseMismatch('GET', '/v1/units/FGW', 200, { ...unit, version: 'x' })).toMatch(/version/);
    expect(responseMismatch('GET', '/v1/nowhere', 200, {})).toMatch(/no contract/);
  });

  it('walked every route of the API', () => {
    const all = ALL_ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
    expect(all.filter((k) => !coveredRoutes.has(k))).toEqual([]);
  });
});
