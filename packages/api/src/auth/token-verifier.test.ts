import { AppError } from '@jixiao/core';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TokenVerifier } from '../deps';
import { createTokenVerifier, TOKEN_CLOCK_SKEW_SECONDS, TOKEN_MAX_AGE_SECONDS } from './token-verifier';

const ISSUER = 'https://issuer.test';
const AUDIENCE = 'jixiao-test';
/** The verifier's clock, in whole seconds so that the boundaries are exact. */
const NOW = 1_790_000_000;

let privateKey: CryptoKey;
let verify: TokenVerifier;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey;
  const jwks = createLocalJWKSet({
    keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' }],
  });
  verify = createTokenVerifier({ jwks, issuer: ISSUER, audience: AUDIENCE, now: () => new Date(NOW * 1000) });
});

/** A token signed by the trusted key; `iat`/`exp` as given (undefined leaves the claim out). */
const token = (times: { iat?: number; exp?: number; nbf?: number }, extra: JWTPayload = {}) =>
  new SignJWT({
    sub: 'hrb-admin',
    iss: ISSUER,
    roles: ['tenant_admin'],
    tenant: '230100',
    aud: AUDIENCE,
    ...times,
    ...extra,
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .sign(privateKey);

const refusal = async (jwt: string) => {
  const e = await verify(jwt).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  const app = e as AppError;
  expect(app.status).toBe(401);
  expect(app.zh).toMatch(/登录/);
  expect(app.en).toMatch(/sign in/i);
  return app.code;
};

const SKEW = TOKEN_CLOCK_SKEW_SECONDS;
const HOUR = 3600;

describe('token lifetime', () => {
  it('states its bounds: 60 s of clock skew, 8 h at most', () => {
    expect(SKEW).toBe(60);
    expect(TOKEN_MAX_AGE_SECONDS).toBe(8 * HOUR);
  });

  it('accepts a token issued now that expires in an hour, and says when it was issued', async () => {
    const id = await verify(await token({ iat: NOW - 5, exp: NOW + HOUR }));
    expect(id).toMatchObject({ sub: 'hrb-admin', tenant: '230100', roles: ['tenant_admin'] });
    // The session guard compares it with the user's revocations.
    expect(id.issuedAt).toBe(NOW - 5);
  });

  it('refuses a signed token without exp, or without iat', async () => {
    expect(await refusal(await token({ iat: NOW }))).toBe('token_invalid');
    expect(await refusal(await token({ exp: NOW + HOUR }))).toBe('token_invalid');
  });

  it('accepts an iat up to the skew in the future, and refuses one a second further', async () => {
    await expect(verify(await token({ iat: NOW + SKEW, exp: NOW + SKEW + HOUR }))).resolves.toBeTruthy();
    expect(await refusal(await token({ iat: NOW + SKEW + 1, exp: NOW + SKEW + 1 + HOUR }))).toBe(
      'token_invalid',
    );
  });

  it('accepts an exp passed by less than the skew, and refuses one passed by the skew', async () => {
    await expect(verify(await token({ iat: NOW - HOUR, exp: NOW - SKEW + 1 }))).resolves.toBeTruthy();
    expect(await refusal(await token({ iat: NOW - HOUR, exp: NOW - SKEW }))).toBe('token_expired');
  });

  it('refuses a token older than the maximum age (plus skew) even when its exp is far away', async () => {
    const oldest = NOW - TOKEN_MAX_AGE_SECONDS - SKEW;
    await expect(verify(await token({ iat: oldest, exp: NOW + 30 * 24 * HOUR }))).resolves.toBeTruthy();
    expect(await refusal(await token({ iat: oldest - 1, exp: NOW + 30 * 24 * HOUR }))).toBe('token_expired');
  });

  it('refuses a not-before beyond the skew', async () => {
    expect(await refusal(await token({ iat: NOW, exp: NOW + HOUR, nbf: NOW + SKEW + 1 }))).toBe(
      'token_invalid',
    );
  });

  it('says nothing specific about a token it cannot trust', async () => {
    const other = await generateKeyPair('RS256');
    const forged = await new SignJWT({ roles: ['tenant_admin'], tenant: '230100', aud: AUDIENCE })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('hrb-admin')
      .setIssuer(ISSUER)
      .setIssuedAt(NOW)
      .setExpirationTime(NOW - HOUR)
      .sign(other.privateKey);
    expect(await refusal(forged)).toBe('unauthenticated');
    expect(await refusal(await token({ iat: NOW, exp: NOW + HOUR }, { iss: 'https://elsewhere.test' }))).toBe(
      'unauthenticated',
    );
  });
});

describe('account names', () => {
  it("keeps Cognito's username apart from sub, from access and ID tokens alike", async () => {
    const times = { iat: NOW, exp: NOW + HOUR };
    const access = await verify(await token(times, { sub: 'a1b2-uuid', username: 'hrb-admin' }));
    expect(access).toMatchObject({ sub: 'a1b2-uuid', username: 'hrb-admin' });
    const idToken = await verify(await token(times, { sub: 'a1b2-uuid', 'cognito:username': 'hrb-admin' }));
    expect(idToken).toMatchObject({ sub: 'a1b2-uuid', username: 'hrb-admin' });
    expect(await verify(await token(times))).not.toHaveProperty('username');
  });
});
