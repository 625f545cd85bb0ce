import { errors, type Identity } from '@jixiao/core';
import { type DataLayer, type IdentityDirectory, PLATFORM_SCOPE } from '@jixiao/data';
import type { AppDeps } from '../deps';

/**
 * How long an instance trusts what it read about a user's sessions. Another instance's revocation
 * reaches this one within this time of being written (reads are strongly consistent): the bound of
 * revocation is 30 s, inside the 60 s promised; the instance that revokes sees it at once.
 */
export const SESSION_CACHE_SECONDS = 30;

/** Users remembered per instance; beyond it the oldest entry is dropped (and read again when needed). */
const MAX_CACHED = 10_000;

export interface SessionGuard {
  /**
   * Throws 401 `token_revoked` unless the user still exists, is active and `issuedAt` is not before
   * their revocation. Reads through `data`, the caller's own scope (`tenant-scope.ts`): in the cloud
   * the function's role reaches no user or session record by itself.
   */
  check(identity: Identity, issuedAt: number, data: DataLayer): Promise<void>;
  /**
   * Ends every session of the user begun up to now: tokens issued before the next whole second are
   * refused from then on. Returns once the clock has reached that second, so a token issued after
   * it returns (same clock) is accepted: "before" and "after" are decided, never a coin toss on `iat`.
   */
  revoke(owner: string | undefined, userId: string, data: DataLayer): Promise<void>;
  /** Drops what this instance remembers of the user (their record changed here, e.g. enabled again). */
  forget(owner: string | undefined, userId: string): void;
}

interface UserSessions {
  /** The user record exists and is active (platform users: always; see `load`). */
  allowed: boolean;
  validFrom: number | undefined;
  until: number;
}

export interface SessionGuardOptions {
  directory: IdentityDirectory;
  cacheSeconds?: number;
  /** Milliseconds since the epoch. Real time, as tokens' `iat` is real time (tests fake it). */
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function createSessionGuard(opts: SessionGuardOptions): SessionGuard {
  const clock = opts.clock ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const ttl = (opts.cacheSeconds ?? SESSION_CACHE_SECONDS) * 1000;
  const cache = new Map<string, UserSessions>();
  const keyOf = (owner: string, userId: string) => `${owner}/${userId}`;

  // A tenant user is checked against their record (gone or disabled: refused). Platform users
  // have no record the product manages (none exist in the cloud table; operators are the issuer's
  // accounts), so for them only sign-out counts.
  async function load(data: DataLayer, owner: string, userId: string): Promise<Omit<UserSessions, 'until'>> {
    const [user, validFrom] = await Promise.all([
      owner === PLATFORM_SCOPE ? Promise.resolve({ active: true }) : data.org.getUser(owner, userId),
      data.revocations.validFrom(owner, userId),
    ]);
    return { allowed: user?.active === true, validFrom };
  }

  return {
    async check(identity, issuedAt, data) {
      const userId = opts.directory.userIdOf(identity);
      if (!userId) throw errors.tokenRevoked();
      const owner = identity.tenant ?? PLATFORM_SCOPE;
      const key = keyOf(owner, userId);
      const now = clock();
      let state = cache.get(key);
      if (!state || state.until <= now) {
        state = { ...(await load(data, owner, userId)), until: now + ttl };
        cache.delete(key);
        if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
        cache.set(key, state);
      }
      if (!state.allowed || (state.validFrom !== undefined && issuedAt < state.validFrom)) {
        throw errors.tokenRevoked();
      }
    },

    async revoke(owner, userId, data) {
      const scope = owner ?? PLATFORM_SCOPE;
      const validFrom = Math.floor(clock() / 1000) + 1;
      await data.revocations.revoke(scope, userId, validFrom);
      cache.delete(keyOf(scope, userId));
      const wait = validFrom * 1000 - clock();
      if (wait > 0) await sleep(wait);
    },

    forget(owner, userId) {
      cache.delete(keyOf(owner ?? PLATFORM_SCOPE, userId));
    },
  };
}

/**
 * One guard per app, shared by the auth middleware and the use cases that revoke, so a revocation
 * counts at once on the instance that makes it. Keyed by the app's token verifier (the tokens it
 * verifies are the ones guarded): the per-scope copies of the deps that handlers get
 * (`tenant-scope.ts`) share it, so a revocation made in a handler reaches the middleware's cache.
 */
const guards = new WeakMap<object, SessionGuard>();

type GuardDeps = Pick<AppDeps, 'data' | 'directory' | 'verifyToken'>;

export function sessionGuardOf(deps: Pick<AppDeps, 'directory' | 'verifyToken'>): SessionGuard {
  let guard = guards.get(deps.verifyToken);
  if (!guard) {
    guard = createSessionGuard({ directory: deps.directory });
    guards.set(deps.verifyToken, guard);
  }
  return guard;
}

/**
 * Ends a user's sessions: here (their older tokens are refused; written through `deps.data`, the
 * acting caller's scope, which is the user's tenant) and at the issuer where it can
 * (Cognito's global sign-out). Ours first: it is the one that counts, and both are idempotent, so
 * a failed issuer call fails the request and a retry finishes it.
 */
export async function endSessions(deps: GuardDeps, owner: string | undefined, userId: string): Promise<void> {
  await sessionGuardOf(deps).revoke(owner, userId, deps.data);
  await deps.directory.signOut?.(userId);
}
