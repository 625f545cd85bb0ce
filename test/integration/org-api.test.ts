import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

let s: TestStack;
let admin: string;
beforeAll(async () => {
  s = await startTestStack();
  admin = await s.token('230100', 'hrb-admin');
});
afterAll(() => s.stop());

describe('organisation API on the embedded stack', () => {
  it('creates a unit group, a unit in it and a user of that unit, then reads them back', async () => {
    const g = await s.call('POST', '/v1/unit-groups', {
      token: admin,
      body: { code: 'TEST', name: '测试分组' },
    });
    expect(g.status).toBe(201);
    expect(g.body).toMatchObject({ code: 'TEST', name: '测试分组', version: 1, sortOrder: 100 });

    const u = await s.call('POST', '/v1/units', {
      token: admin,
      body: {
        code: 'SFJ',
        name: '哈尔滨市司法局',
        type: 'department',
        group: 'TEST',
        uscc: '11230100MB1234567P',
      },
    });
    expect(u.status).toBe(201);
    expect(u.body).toMatchObject({ code: 'SFJ', group: 'TEST', active: true });

    const user = await s.call('POST', '/v1/users', {
      token: admin,
      body: { name: '钱进', roles: ['unit_user'], unit: 'SFJ', phone: '13900000001' },
    });
    expect(user.status).toBe(201);
    expect(user.body.id).toMatch(/^u[a-z2-7]{16}$/);

    const byGroup = await s.call('GET', '/v1/units?group=TEST', { token: admin });
    expect(byGroup.body.items.map((x: { code: string }) => x.code)).toEqual(['SFJ']);
    const byUnit = await s.call('GET', '/v1/users?unit=SFJ', { token: admin });
    expect(byUnit.body.items.map((x: { id: string }) => x.id)).toEqual([user.body.id]);
  });

  it('rejects a unit whose group does not exist or whose division lies outside the tenant', async () => {
    const noGroup = await s.call('POST', '/v1/units', {
      token: admin,
      body: { code: 'ZZ1', name: '某单位', type: 'department', group: 'NOPE' },
    });
    expect(noGroup.status).toBe(422);
    expect(noGroup.body).toMatchObject({ code: 'invalid_reference', errors: [{ path: 'body.group' }] });
    const outside = await s.call('POST', '/v1/units', {
      token: admin,
      body: {
        code: 'ZZ2',
        name: '某区',
        type: 'district_government',
        group: 'DISTRICT',
        divisionCode: '230202',
      },
    });
    expect(outside.status).toBe(422);
    expect(outside.body.errors[0].path).toBe('body.divisionCode');
    const unknown = await s.call('POST', '/v1/units', {
      token: admin,
      body: {
        code: 'ZZ3',
        name: '某区',
        type: 'district_government',
        group: 'DISTRICT',
        divisionCode: '230199',
      },
    });
    expect(unknown.body.code).toBe('unknown_division_code');
    expect((await s.call('GET', '/v1/units/ZZ1', { token: admin })).status).toBe(404);
  });

  it('answers 409 on a duplicate code and on a stale version, and applies a fresh one', async () => {
    const dup = await s.call('POST', '/v1/unit-groups', {
      token: admin,
      body: { code: 'ECON', name: '重复' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('already_exists');

    const first = await s.call('PATCH', '/v1/units/CZJ', {
      token: admin,
      body: { version: 1, shortName: '财政' },
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await s.call('PATCH', '/v1/units/CZJ', {
      token: admin,
      body: { version: 1, shortName: '市财政' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', detail: { currentVersion: 2 } });
    const after = await s.call('GET', '/v1/units/CZJ', { token: admin });
    expect(after.body.shortName).toBe('财政');
  });

  it('moves a unit to another group and finds it under the new group only', async () => {
    const cur = await s.call('GET', '/v1/units/GXJ', { token: admin });
    const moved = await s.call('PATCH', '/v1/units/GXJ', {
      token: admin,
      body: { version: cur.body.version, group: 'ENFORCE' },
    });
    expect(moved.status).toBe(200);
    const econ = await s.call('GET', '/v1/units?group=ECON&limit=200', { token: admin });
    const enforce = await s.call('GET', '/v1/units?group=ENFORCE&limit=200', { token: admin });
    expect(econ.body.items.some((u: { code: string }) => u.code === 'GXJ')).toBe(false);
    expect(enforce.body.items.some((u: { code: string }) => u.code === 'GXJ')).toBe(true);
  });

  it('replays a create with the same Idempotency-Key and refuses the key with another body', async () => {
    const headers = { 'idempotency-key': 'create-group-0001' };
    const a = await s.call('POST', '/v1/unit-groups', {
      token: admin,
      headers,
      body: { code: 'IDEM', name: '幂等' },
    });
    const b = await s.call('POST', '/v1/unit-groups', {
      token: admin,
      headers,
      body: { code: 'IDEM', name: '幂等' },
    });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(b.body).toEqual(a.body);
    const c = await s.call('POST', '/v1/unit-groups', {
      token: admin,
      headers,
      body: { code: 'IDEM2', name: '别的' },
    });
    expect(c.status).toBe(422);
    expect(c.body.code).toBe('idempotency_key_reused');
    // A failed create releases its key, so the corrected retry goes through.
    const h2 = { 'idempotency-key': 'create-unit-0002' };
    const bad = await s.call('POST', '/v1/units', {
      token: admin,
      headers: h2,
      body: { code: 'IDU', name: '单位', type: 'department', group: 'MISSING' },
    });
    expect(bad.status).toBe(422);
    const good = await s.call('POST', '/v1/units', {
      token: admin,
      headers: h2,
      body: { code: 'IDU', name: '单位', type: 'department', group: 'ECON' },
    });
    expect(good.status).toBe(201);
  });

  it('pages with signed cursors through every unit exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const q = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const r = await s.call('GET', `/v1/units?limit=4${q}`, { token: admin });
      expect(r.status).toBe(200);
      seen.push(...r.body.items.map((u: { code: string }) => u.code));
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain('ZWFW');
    const tampered = await s.call('GET', `/v1/units?cursor=${encodeURIComponent('eyJzIjoiVCJ9.abc')}`, {
      token: admin,
    });
    expect(tampered.status).toBe(400);
    expect(tampered.body.code).toBe('invalid_cursor');
  });

  it('refuses to delete a group with units and deletes an empty one', async () => {
    const busy = await s.call('DELETE', '/v1/unit-groups/ECON?version=1', { token: admin });
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe('in_use');
    await s.call('POST', '/v1/unit-groups', { token: admin, body: { code: 'EMPTY', name: '空分组' } });
    expect((await s.call('DELETE', '/v1/unit-groups/EMPTY?version=9', { token: admin })).status).toBe(409);
    expect((await s.call('DELETE', '/v1/unit-groups/EMPTY?version=1', { token: admin })).status).toBe(204);
    expect((await s.call('GET', '/v1/unit-groups/EMPTY', { token: admin })).status).toBe(404);
  });

  it('keeps an admin from removing their own admin role, and requires a unit for unit roles', async () => {
    const me = await s.call('GET', '/v1/users/hrb-admin', { token: admin });
    const lock = await s.call('PATCH', '/v1/users/hrb-admin', {
      token: admin,
      body: { version: me.body.version, roles: ['observer'] },
    });
    expect(lock.status).toBe(409);
    expect(lock.body.code).toBe('self_lockout');
    const noUnit = await s.call('POST', '/v1/users', {
      token: admin,
      body: { name: '无单位', roles: ['unit_user'] },
    });
    expect(noUnit.status).toBe(422);
    expect(noUnit.body.errors[0].path).toBe('body.unit');
  });
});

describe('who may do what', () => {
  it('answers 401 without a token, with a forged token, and with a token from another issuer key', async () => {
    expect((await s.call('GET', '/v1/units')).status).toBe(401);
    const forged = await s.call('GET', '/v1/units', { token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('content-type')).toContain('application/problem+json');
    expect(forged.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('lets a unit user see only its own unit and its own unit users, and change nothing', async () => {
    const fgw = await s.token('230100', 'hrb-fgw');
    const list = await s.call('GET', '/v1/units', { token: fgw });
    expect(list.body.items.map((u: { code: string }) => u.code)).toEqual(['FGW']);
    expect((await s.call('GET', '/v1/units/JYJ', { token: fgw })).status).toBe(404);
    expect((await s.call('GET', '/v1/units/FGW', { token: fgw })).status).toBe(200);
    const users = await s.call('GET', '/v1/users', { token: fgw });
    expect(users.body.items.every((u: { unit?: string }) => u.unit === 'FGW')).toBe(true);
    expect((await s.call('GET', '/v1/users/hrb-jyj', { token: fgw })).status).toBe(404);
    const write = await s.call('PATCH', '/v1/units/FGW', { token: fgw, body: { version: 1, name: '改名' } });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('forbidden');
  });

  it('lets the operator onboard a tenant by division code but not read tenant data', async () => {
    const ops = await s.token(undefined, 'ops');
    const created = await s.call('POST', '/v1/platform/tenants', { token: ops, body: { code: '230200' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: '齐齐哈尔市',
      level: 'city',
      provinceCode: '230000',
      planStatus: 'trial',
    });
    const unknown = await s.call('POST', '/v1/platform/tenants', { token: ops, body: { code: '239999' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'unknown_division_code', errors: [{ path: 'body.code' }] });
    expect(
      (await s.call('POST', '/v1/platform/tenants', { token: ops, body: { code: '230200' } })).status,
    ).toBe(409);
    expect((await s.call('GET', '/v1/units', { token: ops })).status).toBe(403);
    expect((await s.call('GET', '/v1/platform/tenants', { token: admin })).status).toBe(403);
  });

  it("shows a provincial analyst its province's tenants and nothing inside them", async () => {
    const analyst = await s.token('230000', 'hlj-analyst');
    const r = await s.call('GET', '/v1/province/tenants?limit=200', { token: analyst });
    expect(r.status).toBe(200);
    const codes = r.body.items.map((t: { code: string }) => t.code);
    expect(codes).toEqual(expect.arrayContaining(['230100', '230125']));
    expect((await s.call('GET', '/v1/units', { token: analyst })).status).toBe(403);
  });

  it("locks a suspended tenant's users out and lets them back in when reactivated", async () => {
    const ops = await s.token(undefined, 'ops');
    const bx = await s.token('230125', 'bx-admin');
    const t = await s.call('GET', '/v1/platform/tenants/230125', { token: ops });
    const susp = await s.call('PATCH', '/v1/platform/tenants/230125', {
      token: ops,
      body: { version: t.body.version, planStatus: 'suspended' },
    });
    expect(susp.status).toBe(200);
    // A fresh app instance has no plan cache; the running one refreshes within its TTL.
    s.deps.tenantCacheSeconds = 0;
    const blocked = await s.call('GET', '/v1/units', { token: bx });
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('tenant_suspended');
    await s.call('PATCH', '/v1/platform/tenants/230125', {
      token: ops,
      body: { version: susp.body.version, planStatus: 'active' },
    });
    expect((await s.call('GET', '/v1/units', { token: bx })).status).toBe(200);
  });

  it('logs one JSON line per request with tenant and request id', async () => {
    const before = s.logs.length;
    await s.call('GET', '/v1/tenant', { token: admin, headers: { 'x-request-id': 'trace-abc-123' } });
    const line = s.logs.slice(before).find((l) => l.requestId === 'trace-abc-123');
    expect(line).toMatchObject({
      msg: 'request',
      tenant: '230100',
      sub: 'hrb-admin',
      status: 200,
      path: '/v1/tenant',
    });
  });
});

describe('role rules', () => {
  it('grants the provincial analyst role only in a province tenant', async () => {
    const city = await s.call('POST', '/v1/users', {
      token: admin,
      body: { name: '分析', roles: ['provincial_analyst'] },
    });
    expect(city.status).toBe(422);
    expect(city.body.errors[0].path).toBe('body.roles');
    const hlj = await s.token('230000', 'hlj-admin');
    const prov = await s.call('POST', '/v1/users', {
      token: hlj,
      body: { name: '分析', roles: ['provincial_analyst'] },
    });
    expect(prov.status).toBe(201);
  });
});

describe('clearing optional fields', () => {
  it('clears a field sent as null and leaves absent ones alone', async () => {
    const cur = await s.call('GET', '/v1/units/DAOLI', { token: admin });
    expect(cur.body.divisionCode).toBe('230102');
    const r = await s.call('PATCH', '/v1/units/DAOLI', {
      token: admin,
      body: { version: cur.body.version, shortName: '道里', divisionCode: null },
    });
    expect(r.status).toBe(200);
    expect(r.body.divisionCode).toBeUndefined();
    expect(r.body.uscc).toBe(cur.body.uscc);
    const r2 = await s.call('PATCH', '/v1/units/DAOLI', {
      token: admin,
      body: { version: r.body.version, shortName: null },
    });
    expect(r2.body.shortName).toBeUndefined();
  });

  it('refuses to clear the unit of a unit user, and clears it for an expert', async () => {
    const fgw = await s.call('GET', '/v1/users/hrb-fgw', { token: admin });
    const bad = await s.call('PATCH', '/v1/users/hrb-fgw', {
      token: admin,
      body: { version: fgw.body.version, unit: null },
    });
    expect(bad.status).toBe(422);
    const created = await s.call('POST', '/v1/users', {
      token: admin,
      body: { name: '专家', roles: ['expert'], unit: 'JYJ' },
    });
    const cleared = await s.call('PATCH', `/v1/users/${created.body.id}`, {
      token: admin,
      body: { version: 1, unit: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.unit).toBeUndefined();
    const inUnit = await s.call('GET', '/v1/users?unit=JYJ', { token: admin });
    expect(inUnit.body.items.some((u: { id: string }) => u.id === created.body.id)).toBe(false);
  });
});
