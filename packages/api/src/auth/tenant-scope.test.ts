import type { Identity } from '@jixiao/core';
import type { DataLayer, DataScope } from '@jixiao/data';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { buildCloudDeps } from '../cloud';
import type { AppDeps, AppEnv } from '../deps';
import { scopeOf, tenantScope } from './tenant-scope';

const who = (over: Partial<Identity>): Identity => ({ sub: 'u1', name: 'u', roles: [], ...over });

describe('scopeOf', () => {
  it("is the token's tenant, whatever the role (a provincial analyst works in the province's tenant)", () => {
    expect(scopeOf('/v1/units', who({ tenant: '110100', roles: ['tenant_admin'] }))).toEqual({
      kind: 'tenant',
      tenant: '110100',
    });
    expect(
      scopeOf(
        '/v1/comparisons',
        who({ tenant: '230000', province: '230000', roles: ['provincial_analyst'] }),
      ),
    ).toEqual({ kind: 'tenant', tenant: '230000' });
  });

  it('is the province for an analyst without a tenant, the platform for an operator, else none', () => {
    expect(
      scopeOf('/v1/province/tenants', who({ province: '230000', roles: ['provincial_analyst'] })),
    ).toEqual({
      kind: 'province',
      province: '230000',
    });
    expect(scopeOf('/v1/platform/tenants', who({ roles: ['platform_operator'] }))).toEqual({
      kind: 'platform',
    });
    expect(scopeOf('/v1/me', who({ province: '230000', roles: ['observer'] }))).toBeUndefined();
    expect(scopeOf('/v1/me', undefined)).toBeUndefined();
  });

  it("is the path's tenant on a public route, and none for a path that names no tenant", () => {
    const pub = who({ sub: 'public', roles: [] });
    expect(scopeOf('/v1/public/230124/results', pub)).toEqual({ kind: 'tenant', tenant: '230124' });
    expect(scopeOf('/v1/public/2301245/results', pub)).toBeUndefined();
    expect(scopeOf('/v1/public/23012/results', pub)).toBeUndefined();
    expect(scopeOf('/v1/public/', pub)).toBeUndefined();
    // A token's tenant never decides a public route's scope.
    expect(scopeOf('/v1/public/230124/plans', who({ tenant: '110100' }))).toEqual({
      kind: 'tenant',
      tenant: '230124',
    });
  });
});

describe('tenantScope', () => {
  const base = { name: 'base' } as unknown as DataLayer;
  const made = new Map<string, DataLayer>();
  const dataFor = (s: DataScope) => {
    const k = JSON.stringify(s);
    if (!made.has(k)) made.set(k, { name: k } as unknown as DataLayer);
    return made.get(k)!;
  };
  const appWith = (deps: Partial<AppDeps>, identity?: Identity) => {
    const app = new Hono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('deps', { data: base, ...deps } as AppDeps);
      if (identity) c.set('identity', identity);
      await next();
    });
    app.use('*', tenantScope());
    app.get('*', (c) => {
      const d = c.get('deps');
      return c.json({ data: (d.data as unknown as { name: string }).name, same: d === c.get('deps') });
    });
    return app;
  };

  it("hands handlers the scope's data layer, and the same deps object for the same scope", async () => {
    const app = appWith({ dataFor }, who({ tenant: '110100' }));
    const seen = new Set<unknown>();
    const capture = new Hono<AppEnv>();
    capture.use('*', async (c, next) => {
      c.set('deps', { data: base, dataFor } as AppDeps);
      c.set('identity', who({ tenant: '110100' }));
      await next();
    });
    capture.use('*', tenantScope());
    capture.get('*', (c) => {
      seen.add(c.get('deps'));
      return c.text('ok');
    });
    await capture.request('/v1/units');
    await capture.request('/v1/units');
    expect(seen.size).toBe(1);
    expect(await (await app.request('/v1/units')).json()).toMatchObject({
      data: JSON.stringify({ kind: 'tenant', tenant: '110100' }),
    });
  });

  it('keeps the one data layer without dataFor (the embedded stack) and when there is no scope', async () => {
    expect(await (await appWith({}, who({ tenant: '110100' })).request('/v1/units')).json()).toMatchObject({
      data: 'base',
    });
    expect(
      await (await appWith({ dataFor }, who({ roles: ['observer'] })).request('/v1/me')).json(),
    ).toMatchObject({
      data: 'base',
    });
  });
});

describe('the cloud deps', () => {
  const env = {
    AWS_REGION: 'cn-north-1',
    TABLE_NAME: 'jixiao',
    BUCKET_NAME: 'jixiao-data',
    CURSOR_SECRET: 'a-cursor-secret-of-32-characters',
    TOKEN_ISSUER: 'https://sso.example.gov.cn/oidc',
    TOKEN_AUDIENCE: 'jixiao-console',
    OIDC_AUTHORIZE_URL: 'https://sso.example.gov.cn/oidc/authorize',
    OIDC_TOKEN_URL: 'https://sso.example.gov.cn/oidc/token',
  };
  const roles = {
    TENANT_DATA_ROLE_ARN: 'arn:aws-cn:iam::111122223333:role/tenant',
    PROVINCE_DATA_ROLE_ARN: 'arn:aws-cn:iam::111122223333:role/province',
    PLATFORM_DATA_ROLE_ARN: 'arn:aws-cn:iam::111122223333:role/platform',
  };

  it('make a scoped data layer per scope when the data roles are given, and none otherwise', async () => {
    const deps = await buildCloudDeps({ ...env, ...roles });
    const a = deps.dataFor!({ kind: 'tenant', tenant: '110100' });
    expect(a).not.toBe(deps.data);
    expect(deps.dataFor!({ kind: 'tenant', tenant: '110100' })).toBe(a);
    expect(deps.dataFor!({ kind: 'platform' })).not.toBe(a);
    expect((await buildCloudDeps(env)).dataFor).toBeUndefined();
  });

  it('refuse some of the data roles without the others', async () => {
    const { PLATFORM_DATA_ROLE_ARN: _, ...two } = roles;
    await expect(buildCloudDeps({ ...env, ...two })).rejects.toThrow(/go together/);
  });
});
