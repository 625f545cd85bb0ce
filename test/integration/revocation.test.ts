import { randomUUID } from 'node:crypto';
import { AdminUserGlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Role } from '@jixiao/core';
import { keys } from '@jixiao/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { stacksForBothIssuers } from '../support/both-issuers';
import type { TestStack } from '../support/stack';

/**
 * Revocation (#14 item 1) on the embedded stack, with the identities of both deployments: the
 * embedded issuer's (`sub` is the user record's id) and Cognito's (a generated `sub`, the record's
 * id as `username`; the pool's admin API is a local stand-in). A disabled, demoted or signed-out
 * user's old token is refused at once on the instance that made the change (other instances:
 * within the session guard's 30 s, see its unit test), as a bearer token and as the console's cookie.
 */
const both = stacksForBothIssuers();
const { cognito } = both;
let cloud: TestStack;
let local: TestStack;
beforeAll(() => {
  ({ cloud, local } = both);
});

interface Person {
  id: string;
  name: string;
  roles: Role[];
}

/** A token freshly signed for a tenant user of 哈尔滨市, as each deployment's issuer signs it. */
type Signer = (s: TestStack, p: Person) => Promise<string>;
const embeddedToken: Signer = (s, p) => s.issuer.signFor('230100', p.id);
const cognitoToken: Signer = (s, p) =>
  s.issuer.sign({ sub: randomUUID(), username: p.id, name: p.name, tenant: '230100', roles: p.roles });

const adminOf = (s: TestStack, sign: Signer) =>
  sign(s, { id: 'hrb-admin', name: '王丽（市考核办）', roles: ['tenant_admin'] });

async function createUser(s: TestStack, admin: string, name: string, roles: Role[]): Promise<Person> {
  const r = await s.call('POST', '/v1/users', { token: admin, body: { name, roles } });
  expect(r.status, r.text).toBe(201);
  return { id: r.body.id, name, roles };
}

async function patchUser(s: TestStack, admin: string, id: string, body: Record<string, unknown>) {
  const { version } = (await s.call('GET', `/v1/users/${id}`, { token: admin })).body;
  const r = await s.call('PATCH', `/v1/users/${id}`, { token: admin, body: { version, ...body } });
  expect(r.status, r.text).toBe(200);
}

const createGroup = (s: TestStack, token: string, code: string) =>
  s.call('POST', '/v1/unit-groups', { token, body: { code, name: `吊销测试 ${code}` } });

/** A form post to the console, as a browser on the console's own page sends it. */
const consolePost = (s: TestStack, path: string, token: string) =>
  s.fetch(
    new Request(`${s.url}${path}`, {
      method: 'POST',
      headers: {
        cookie: `jx_token=${token}`,
        origin: s.url,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: '',
    }),
  );
const consoleGet = (s: TestStack, path: string, token: string) =>
  s.fetch(new Request(`${s.url}${path}`, { headers: { cookie: `jx_token=${token}` } }));
/** The API with the console's cookie instead of a bearer token. */
const apiByCookie = (s: TestStack, path: string, token: string) =>
  s.fetch(new Request(`${s.url}${path}`, { headers: { cookie: `jx_token=${token}` } }));

function expectRevoked(r: { status: number; body: any; headers: Headers }) {
  expect(r.status).toBe(401);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  expect(r.headers.get('www-authenticate')).toContain('Bearer');
  expect(r.body.code).toBe('token_revoked');
  expect(r.body.message.zh).toMatch(/请重新登录/);
  expect(r.body.message.en).toMatch(/Please sign in again/);
}

describe.each([
  ['the embedded issuer', () => local, embeddedToken, 'L'],
  ['Cognito', () => cloud, cognitoToken, 'C'],
])('signed in by %s', (_, stack, sign, tag) => {
  it("refuses a disabled tenant admin's old token: it can no longer create a unit group", async () => {
    const s = stack();
    const admin = await adminOf(s, sign);
    const other = await createUser(s, admin, `副管理员${tag}`, ['tenant_admin']);
    const old = await sign(s, other);
    const first = await createGroup(s, old, `RVA${tag}`);
    expect(first.status, first.text).toBe(201);

    await patchUser(s, admin, other.id, { active: false });
    expectRevoked(await createGroup(s, old, `RVB${tag}`));
    expect((await s.call('GET', `/v1/unit-groups/RVB${tag}`, { token: admin })).status).toBe(404);

    // Enabled again: the old token stays refused; a new sign-in works.
    await patchUser(s, admin, other.id, { active: true });
    expectRevoked(await s.call('GET', '/v1/units', { token: old }));
    expect((await createGroup(s, await sign(s, other), `RVC${tag}`)).status).toBe(201);
  });

  it("takes a demoted user's power with their old token; a new sign-in carries the new roles", async () => {
    const s = stack();
    const admin = await adminOf(s, sign);
    const user = await createUser(s, admin, `降级者${tag}`, ['tenant_admin']);
    const old = await sign(s, user);
    expect((await s.call('GET', '/v1/units', { token: old })).status).toBe(200);

    await patchUser(s, admin, user.id, { roles: ['observer'] });
    expectRevoked(await createGroup(s, old, `RVD${tag}`));
    const demoted = await sign(s, { ...user, roles: ['observer'] });
    expect((await s.call('GET', '/v1/units', { token: demoted })).status).toBe(200);
    expect((await createGroup(s, demoted, `RVE${tag}`)).status).toBe(403);
  });

  it("refuses a unit user's old token once they are moved to another unit", async () => {
    const s = stack();
    const admin = await adminOf(s, sign);
    const r = await s.call('POST', '/v1/users', {
      token: admin,
      body: { name: `调岗者${tag}`, roles: ['unit_user'], unit: 'FGW' },
    });
    expect(r.status, r.text).toBe(201);
    const person = { id: r.body.id, name: `调岗者${tag}`, roles: ['unit_user'] as Role[] };
    const old =
      s === cloud
        ? await s.issuer.sign({
            sub: randomUUID(),
            username: person.id,
            name: person.name,
            tenant: '230100',
            roles: person.roles,
            unit: 'FGW',
          })
        : await sign(s, person);
    expect((await s.call('GET', '/v1/units/FGW', { token: old })).status).toBe(200);
    await patchUser(s, admin, person.id, { unit: 'JYJ' });
    expectRevoked(await s.call('GET', '/v1/units/FGW', { token: old }));
  });

  it('leaves other users, and changes that are not roles, unit or status, alone', async () => {
    const s = stack();
    const admin = await adminOf(s, sign);
    const user = await createUser(s, admin, `改名者${tag}`, ['observer']);
    const token = await sign(s, user);
    await patchUser(s, admin, user.id, { name: `已改名${tag}` });
    expect((await s.call('GET', '/v1/units', { token })).status).toBe(200);
    expect((await s.call('GET', '/v1/units', { token: admin })).status).toBe(200);
  });

  it('signs out server-side: the token is refused as a bearer token and as the cookie', async () => {
    const s = stack();
    const admin = await adminOf(s, sign);
    const user = await createUser(s, admin, `退出者${tag}`, ['observer']);
    const token = await sign(s, user);
    expect((await consoleGet(s, '/console', token)).status).toBe(200);
    cognito.resetHistory();

    const out = await consolePost(s, '/console/sign-out', token);
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/jx_token=;.*Max-Age=0/);
    // Then the issuer's logout page (here Cognito's shape, served by the embedded issuer).
    const to = new URL(out.headers.get('location')!);
    expect(`${to.origin}${to.pathname}`).toBe(`${s.url}/logout`);
    expect(to.searchParams.get('logout_uri')).toBe(`${s.url}/console`);

    expectRevoked(await s.call('GET', '/v1/units', { token }));
    const byCookie = await apiByCookie(s, '/v1/units', token);
    expect(byCookie.status).toBe(401);
    expect(((await byCookie.json()) as { code: string }).code).toBe('token_revoked');
    const page = await consoleGet(s, '/console', token);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/console/sign-in');

    // Signing in again right away works: the sign-out returned only once the old second was over.
    const again = await sign(s, user);
    expect((await s.call('GET', '/v1/units', { token: again })).status).toBe(200);
    // The signed-out token cannot be replayed to sign its user out of the new session.
    expect((await consolePost(s, '/console/sign-out', token)).status).toBe(303);
    expect((await s.call('GET', '/v1/units', { token: again })).status).toBe(200);

    const globalSignOuts = cognito.commandCalls(AdminUserGlobalSignOutCommand).map((c) => c.args[0].input);
    expect(globalSignOuts).toEqual(s === cloud ? [{ UserPoolId: 'cn-north-1_Test', Username: user.id }] : []);
  });

  it('treats a user whose record is gone as signed out', async () => {
    const s = stack();
    const admin = await adminOf(s, sign);
    const user = await createUser(s, admin, `已删除${tag}`, ['observer']);
    const token = await sign(s, user);
    // Removed underneath the API (no route deletes users), before this instance looked the user up.
    await s.data.org.deleteUser('230100', user.id, 1);
    expectRevoked(await s.call('GET', '/v1/units', { token }));
  });
});

describe('with a data layer per scope, as in the cloud', () => {
  it('still refuses at once on the instance that disabled the user', async () => {
    // Handlers get a copy of the deps with their scope's data layer (tenant-scope.ts); the
    // revocation made through it must reach the guard the auth middleware asks.
    local.deps.dataFor = () => ({ ...local.deps.data });
    try {
      const admin = await local.issuer.signFor('230100', 'hrb-admin');
      const user = await createUser(local, admin, '分域停用', ['observer']);
      const token = await embeddedToken(local, user);
      expect((await local.call('GET', '/v1/units', { token })).status).toBe(200);
      await patchUser(local, admin, user.id, { active: false });
      expectRevoked(await local.call('GET', '/v1/units', { token }));
    } finally {
      delete local.deps.dataFor;
    }
  });
});

describe('the embedded stack', () => {
  it('signs the platform operator out too', async () => {
    const token = await local.issuer.signFor(undefined, 'ops');
    expect((await local.call('GET', '/v1/platform/tenants', { token })).status).toBe(200);
    expect((await consolePost(local, '/console/sign-out', token)).status).toBe(303);
    expectRevoked(await local.call('GET', '/v1/platform/tenants', { token }));
    const again = await local.issuer.signFor(undefined, 'ops');
    expect((await local.call('GET', '/v1/platform/tenants', { token: again })).status).toBe(200);
  });

  it("has the issuer's logout page in Cognito's shape: back to the console, or 400", async () => {
    const back = `${local.url}/console`;
    const ok = await local.fetch(
      new Request(`${local.url}/logout?client_id=jixiao-local&logout_uri=${encodeURIComponent(back)}`),
    );
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe(back);
    for (const q of [
      `client_id=jixiao-local&logout_uri=${encodeURIComponent('https://evil.example/console')}`,
      `client_id=other&logout_uri=${encodeURIComponent(back)}`,
      '',
    ]) {
      expect((await local.fetch(new Request(`${local.url}/logout?${q}`))).status).toBe(400);
    }
  });

  it('never moves a revocation back', async () => {
    await local.data.revocations.revoke('230100', 'hrb-jyj', 2_000_000_000);
    await local.data.revocations.revoke('230100', 'hrb-jyj', 1_000_000_000);
    expect(await local.data.revocations.validFrom('230100', 'hrb-jyj')).toBe(2_000_000_000);
    const item = await local.data.store.get(keys.revocation('230100', 'hrb-jyj'));
    expect(item).toEqual({ validFrom: 2_000_000_000 });
  });
});
