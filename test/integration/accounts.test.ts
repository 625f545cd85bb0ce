import type { User } from '@jixiao/core';
import { tableBackedDirectory } from '@jixiao/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/** Creating and changing users mirrors their sign-in accounts, and a failing identity provider loses nothing. */
const calls: { tenant: string; user: User }[] = [];
let failNext = false;
let s: TestStack;
let admin: string;

beforeAll(async () => {
  s = await startTestStack({
    directory: {
      ...tableBackedDirectory,
      async upsertUser(tenant, user) {
        if (failNext) {
          failNext = false;
          throw Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });
        }
        calls.push({ tenant: tenant.code, user });
      },
    },
  });
  admin = await s.token('230100', 'hrb-admin');
});
afterAll(() => s.stop());

describe('sign-in accounts follow tenant users', () => {
  it('mirrors a new user and every change to it', async () => {
    const created = await s.call('POST', '/v1/users', {
      token: admin,
      body: { name: '孙悦', roles: ['unit_user'], unit: 'JYJ', email: 'sunyue@example.gov.cn' },
    });
    expect(created.status).toBe(201);
    expect(calls.at(-1)).toMatchObject({ tenant: '230100', user: { id: created.body.id, unit: 'JYJ' } });
    const disabled = await s.call('PATCH', `/v1/users/${created.body.id}`, {
      token: admin,
      body: { version: 1, active: false },
    });
    expect(disabled.status).toBe(200);
    expect(calls.at(-1)!.user).toMatchObject({ id: created.body.id, active: false });
  });

  it('answers 503 when the identity provider is throttled on a create, keeps nothing, and a retry with the same key makes one user', async () => {
    failNext = true;
    const body = { name: '周航', roles: ['expert'] };
    const headers = { 'idempotency-key': 'create-zhouhang-1' };
    const r = await s.call('POST', '/v1/users', { token: admin, body, headers });
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBeTruthy();
    const named = async () =>
      (await s.call('GET', '/v1/users?limit=200', { token: admin })).body.items.filter(
        (u: { name: string }) => u.name === '周航',
      );
    expect(await named()).toEqual([]);
    const again = await s.call('POST', '/v1/users', { token: admin, body, headers });
    expect(again.status).toBe(201);
    expect(await named()).toHaveLength(1);
    expect(calls.at(-1)!.user).toMatchObject({ id: again.body.id });
  });

  it('answers 503 when the identity provider is throttled on a change, keeps the change, and syncs on the next save', async () => {
    const created = await s.call('POST', '/v1/users', {
      token: admin,
      body: { name: '吴迪', roles: ['expert'] },
    });
    failNext = true;
    const r = await s.call('PATCH', `/v1/users/${created.body.id}`, {
      token: admin,
      body: { version: created.body.version, phone: '13900000001' },
    });
    expect(r.status).toBe(503);
    const kept = (await s.call('GET', `/v1/users/${created.body.id}`, { token: admin })).body;
    expect(kept.phone).toBe('13900000001');
    const again = await s.call('PATCH', `/v1/users/${created.body.id}`, {
      token: admin,
      body: { version: kept.version, phone: '13900000002' },
    });
    expect(again.status).toBe(200);
    expect(calls.at(-1)!.user).toMatchObject({ id: created.body.id, phone: '13900000002' });
  });
});
