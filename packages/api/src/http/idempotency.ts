import { createHash } from 'node:crypto';
import { AppError } from '@jixiao/core';
import { PLATFORM_SCOPE } from '@jixiao/data';
import type { Context } from 'hono';
import type { AppEnv } from '../deps';

const KEY = /^[A-Za-z0-9_.-]{8,64}$/;

/**
 * Runs a create at most once per Idempotency-Key (per tenant, caller and scope): a retry with the same key
 * and body gets the first result again (and the `Idempotent-Replayed` header); a different body is
 * refused (422); a failed attempt releases the key so the client can retry. Without a key the
 * create simply runs. The route sends the result with its own status, so a replay answers alike.
 * The key is the caller's own: another user replaying it (a unit's user, say, now that units create
 * their own systems) runs the create afresh rather than receiving what the first caller was shown.
 */
export async function idempotent<T>(
  c: Context<AppEnv>,
  scope: string,
  body: unknown,
  run: () => Promise<T>,
): Promise<T> {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return run();
  if (!KEY.test(key)) {
    throw new AppError({
      status: 422,
      code: 'validation_failed',
      zh: 'Idempotency-Key 须为 8-64 位字母、数字或 ._-。',
      en: 'Idempotency-Key must be 8-64 characters of letters, digits or ._-',
      fields: [{ path: 'header.idempotency-key', zh: '格式不正确', en: 'invalid format' }],
    });
  }
  const repo = c.get('deps').data.idempotency;
  const identity = c.get('identity');
  const owner = identity.tenant ?? PLATFORM_SCOPE;
  const caller = createHash('sha256').update(identity.sub).digest('base64url').slice(0, 16);
  const scoped = `${scope}.${caller}`;
  const hash = createHash('sha256').update(JSON.stringify(body)).digest('base64url');
  const claim = await repo.claim(owner, scoped, key, hash);
  if (claim.kind === 'replay') {
    c.header('idempotent-replayed', 'true');
    return claim.body as T;
  }
  let result: T;
  try {
    result = await run();
  } catch (e) {
    await repo.release(owner, scoped, key);
    throw e;
  }
  await repo.complete(owner, scoped, key, result);
  return result;
}
