import { createHash } from 'node:crypto';
import { AppError } from '@jixiao/core';
import { PLATFORM_SCOPE } from '@jixiao/data';
import type { Context } from 'hono';
import type { AppEnv } from '../deps';

const KEY = /^[A-Za-z0-9_.-]{8,64}$/;

/**
 * Runs a create at most once per Idempotency-Key (per tenant and route): a retry with the same key
 * and body replays the first response; a different body is refused (422); a failed attempt
 * releases the key so the client can retry.
 */
export async function idempotent<T>(
  c: Context<AppEnv>,
  scope: string,
  body: unknown,
  run: () => Promise<{ status: 201 | 200; body: T }>,
): Promise<never> {
  // Typed as never so route handlers can return it whatever their declared response type.
  return (await respond(c, scope, body, run)) as never;
}

async function respond<T>(
  c: Context<AppEnv>,
  scope: string,
  body: unknown,
  run: () => Promise<{ status: 201 | 200; body: T }>,
): Promise<Response> {
  const key = c.req.header('idempotency-key');
  if (key === undefined) {
    const r = await run();
    return c.json(r.body as object, r.status);
  }
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
  const owner = c.get('identity').tenant ?? PLATFORM_SCOPE;
  const hash = createHash('sha256').update(JSON.stringify(body)).digest('base64url');
  const claim = await repo.claim(owner, scope, key, hash);
  if (claim.kind === 'replay') {
    c.header('idempotent-replayed', 'true');
    return c.json(claim.body as object, claim.status as 200 | 201);
  }
  let result: { status: 201 | 200; body: T };
  try {
    result = await run();
  } catch (e) {
    await repo.release(owner, scope, key);
    throw e;
  }
  await repo.complete(owner, scope, key, result.status, result.body);
  return c.json(result.body as object, result.status);
}
