import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOKEN_CLOCK_SKEW_SECONDS, TOKEN_MAX_AGE_SECONDS } from '@jixiao/api';
import { DEV_AUDIENCE, type Stack, startStack } from '@jixiao/local';
import { importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Tokens signed with the embedded issuer's own key (read from its key file) but with lifetimes it
 * would never give, sent to the API through the one auth middleware.
 */
const dir = mkdtempSync(join(tmpdir(), 'jixiao-tokens-'));
let s: Stack;
let key: CryptoKey;
beforeAll(async () => {
  s = await startStack({ dataDir: dir, demoYear: false, log: () => {} });
  const jwk = JSON.parse(readFileSync(join(dir, 'issuer-key.json'), 'utf8')) as JWK;
  key = (await importJWK(jwk, 'RS256')) as CryptoKey;
});
afterAll(async () => {
  await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

const now = () => Math.floor(Date.now() / 1000);
const HOUR = 3600;

const sign = (times: JWTPayload) =>
  new SignJWT({
    sub: 'hrb-admin',
    iss: s.url,
    aud: DEV_AUDIENCE,
    tenant: '230100',
    roles: ['tenant_admin'],
    ...times,
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'jixiao-dev-1' })
    .sign(key);

const units = async (token: string) => {
  const res = await s.fetch(
    new Request(`${s.url}/v1/units`, { headers: { authorization: `Bearer ${token}` } }),
  );
  const { headers } = res;
  return {
    status: res.status,
    type: headers.get('content-type'),
    www: headers.get('www-authenticate'),
    body: (await res.json()) as any,
  };
};

describe('token lifetime through the API', () => {
  it('accepts a token signed with the issuer key and a sane lifetime', async () => {
    expect((await units(await sign({ iat: now() - 30, exp: now() + HOUR }))).status).toBe(200);
  });

  it.each([
    ['no exp', () => ({ iat: now() }), 'token_invalid'],
    ['no iat', () => ({ exp: now() + HOUR }), 'token_invalid'],
    ['an iat two minutes ahead', () => ({ iat: now() + 120, exp: now() + HOUR }), 'token_invalid'],
    ['an exp two minutes past', () => ({ iat: now() - HOUR, exp: now() - 120 }), 'token_expired'],
    [
      'an iat older than the maximum age',
      () => ({ iat: now() - TOKEN_MAX_AGE_SECONDS - TOKEN_CLOCK_SKEW_SECONDS - 60, exp: now() + HOUR }),
      'token_expired',
    ],
  ])('refuses a token with %s: 401 problem+json in Chinese and English', async (_, times, code) => {
    const r = await units(await sign(times()));
    expect(r.status).toBe(401);
    expect(r.type).toContain('application/problem+json');
    expect(r.body.code).toBe(code);
    expect(r.body.message.zh).toMatch(/请重新登录/);
    expect(r.body.message.en).toMatch(/Please sign in again/);
    expect(r.www).toContain('Bearer');
  });
});
