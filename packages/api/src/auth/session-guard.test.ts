import type { Identity, User } from '@jixiao/core';
import { type DataLayer, type IdentityDirectory, PLATFORM_SCOPE, tableBackedDirectory } from '@jixiao/data';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSessionGuard, endSessions, SESSION_CACHE_SECONDS, sessionGuardOf } from './session-guard';

/**
 * The session guard against an in-memory table and a fake clock: who is refused, from which
 * `iat`, and how long another instance's revocation takes to reach this one.
 */
const admin: Identity = { sub: 'hrb-admin', name: '王丽', tenant: '230100', roles: ['tenant_admin'] };
const ops: Identity = { sub: 'ops', name: '平台运营', roles: ['platform_operator'] };

let users: Map<string, Pick<User, 'active'>>;
let validFrom: Map<string, number>;
let reads: number;
let nowMs: number;
let slept: number[];

const data = () =>
  ({
    org: {
      getUser: async (t: string, id: string) => {
        reads++;
        return users.get(`${t}/${id}`);
      },
    },
    revocations: {
      validFrom: async (owner: string, id: string) => validFrom.get(`${owner}/${id}`),
      revoke: async (owner: string, id: string, from: number) => {
        const k = `${owner}/${id}`;
        validFrom.set(k, Math.max(validFrom.get(k) ?? 0, from));
      },
    },
  }) as unknown as DataLayer;

/**
 * An instance of the API: its own guard (and cache) over the shared table and clock, reading
 * through its own data layer as the auth middleware reads through the caller's scope.
 */
const instance = (directory: IdentityDirectory = tableBackedDirectory) => {
  const guard = createSessionGuard({
    directory,
    clock: () => nowMs,
    sleep: async (ms) => {
      slept.push(ms);
      nowMs += ms;
    },
  });
  const scoped = data();
  return {
    check: (who: Identity, iat: number) => guard.check(who, iat, scoped),
    revoke: (owner: string | undefined, userId: string) => guard.revoke(owner, userId, scoped),
    forget: guard.forget,
  };
};
type Instance = ReturnType<typeof instance>;

const refused = (guard: Instance, who: Identity, iat: number) =>
  guard.check(who, iat).then(
    () => false,
    (e: { code?: string; status?: number }) => e.code === 'token_revoked' && e.status === 401,
  );

beforeEach(() => {
  users = new Map([
    ['230100/hrb-admin', { active: true }],
    ['230100/hrb-fgw', { active: true }],
  ]);
  validFrom = new Map();
  reads = 0;
  nowMs = 1_700_000_100_700; // …100.7 s
  slept = [];
});

describe('the session guard', () => {
  it('accepts an active user never signed out, and refuses a disabled, a missing or an unnamed one', async () => {
    const guard = instance();
    expect(await refused(guard, admin, 1_700_000_000)).toBe(false);
    users.set('230100/hrb-fgw', { active: false });
    expect(await refused(guard, { ...admin, sub: 'hrb-fgw' }, 1_700_000_000)).toBe(true);
    expect(await refused(guard, { ...admin, sub: 'gone' }, 1_700_000_000)).toBe(true);
    const cognito: IdentityDirectory = { ...tableBackedDirectory, userIdOf: (i) => i.username };
    expect(await refused(instance(cognito), admin, 1_700_000_000)).toBe(true); // no username: no record
    expect(await refused(instance(cognito), { ...admin, username: 'hrb-admin' }, 1_700_000_000)).toBe(false);
  });

  it('refuses every token issued before the revocation and accepts every one issued after it returns', async () => {
    const guard = instance();
    await guard.revoke('230100', 'hrb-admin'); // at 100.7 s
    expect(validFrom.get('230100/hrb-admin')).toBe(1_700_000_101);
    // It returned only once the clock reached the next whole second: 300 ms later.
    expect(slept).toEqual([300]);
    expect(nowMs).toBe(1_700_000_101_000);
    // A token from the very second of the revocation, issued before it, is refused...
    expect(await refused(guard, admin, 1_700_000_100)).toBe(true);
    // ...and one issued once it returned (same clock) is accepted, whatever the millisecond.
    expect(await refused(guard, admin, 1_700_000_101)).toBe(false);
  });

  it('waits a whole second when revoking on a second boundary (a token of that second may predate it)', async () => {
    nowMs = 1_700_000_100_000;
    const guard = instance();
    await guard.revoke('230100', 'hrb-admin');
    expect(slept).toEqual([1000]);
    expect(await refused(guard, admin, 1_700_000_100)).toBe(true);
    expect(await refused(guard, admin, 1_700_000_101)).toBe(false);
  });

  it('sees its own revocation at once and another instance’s within the cache time', async () => {
    const mine = instance();
    const other = instance();
    const iat = 1_700_000_000;
    expect(await refused(other, admin, iat)).toBe(false); // `other` now remembers hrb-admin
    await mine.revoke('230100', 'hrb-admin');
    expect(await refused(mine, admin, iat)).toBe(true);
    // `other` read hrb-admin 0.3 s ago (the revocation's wait): it trusts that until 30 s after.
    nowMs += (SESSION_CACHE_SECONDS - 0.3) * 1000 - 1;
    expect(await refused(other, admin, iat)).toBe(false);
    nowMs += 1;
    expect(await refused(other, admin, iat)).toBe(true);
  });

  it('reads a user once per cache period, however many requests', async () => {
    const guard = instance();
    for (let i = 0; i < 50; i++) await guard.check(admin, 1_700_000_000);
    expect(reads).toBe(1);
    nowMs += SESSION_CACHE_SECONDS * 1000;
    await guard.check(admin, 1_700_000_000);
    expect(reads).toBe(2);
  });

  it('a disabling seen by another instance within the cache time as well', async () => {
    const other = instance();
    expect(await refused(other, admin, 1_700_000_000)).toBe(false);
    users.set('230100/hrb-admin', { active: false });
    expect(await refused(other, admin, 1_700_000_000)).toBe(false);
    nowMs += SESSION_CACHE_SECONDS * 1000;
    expect(await refused(other, admin, 1_700_000_000)).toBe(true);
  });

  it('forgets a user when their record changes on this instance (enabled again: at once)', async () => {
    const guard = instance();
    users.set('230100/hrb-admin', { active: false });
    expect(await refused(guard, admin, 1_700_000_000)).toBe(true);
    users.set('230100/hrb-admin', { active: true });
    expect(await refused(guard, admin, 1_700_000_000)).toBe(true); // still remembered
    guard.forget('230100', 'hrb-admin');
    expect(await refused(guard, admin, 1_700_000_000)).toBe(false);
  });

  it('checks a platform user by sign-out only: they have no record the product manages', async () => {
    const guard = instance();
    expect(await refused(guard, ops, 1_700_000_000)).toBe(false);
    expect(reads).toBe(0);
    await guard.revoke(undefined, 'ops');
    expect(validFrom.get(`${PLATFORM_SCOPE}/ops`)).toBe(1_700_000_101);
    expect(await refused(guard, ops, 1_700_000_100)).toBe(true);
    expect(await refused(guard, ops, 1_700_000_101)).toBe(false);
  });
});

describe('ending a user’s sessions', () => {
  it('revokes here first, then signs the account out at the issuer', async () => {
    const calls: string[] = [];
    const directory: IdentityDirectory = {
      ...tableBackedDirectory,
      signOut: async (id) => {
        calls.push(`issuer:${id}:${validFrom.has(`230100/${id}`) ? 'after' : 'before'} our revocation`);
      },
    };
    const verifyToken = async () => ({ ...admin, issuedAt: 0 });
    await endSessions({ data: data(), directory, verifyToken }, '230100', 'hrb-fgw');
    expect(calls).toEqual(['issuer:hrb-fgw:after our revocation']);
  });
});

describe('the guard of an app', () => {
  it('is one per token verifier: the per-scope copies of the deps share it', () => {
    const deps = {
      data: data(),
      directory: tableBackedDirectory,
      verifyToken: async () => ({ ...admin, issuedAt: 0 }),
    };
    const scoped = { ...deps, data: data() };
    expect(sessionGuardOf(scoped)).toBe(sessionGuardOf(deps));
    expect(sessionGuardOf({ ...deps, verifyToken: async () => ({ ...ops, issuedAt: 0 }) })).not.toBe(
      sessionGuardOf(deps),
    );
  });
});
