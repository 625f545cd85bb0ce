import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { AUTH_CALLBACK_PATH } from '@jixiao/core';
import { DEV_AUDIENCE, MAX_CODES } from '@jixiao/local';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/** The embedded issuer answers only to loopback names, keeps few single-use codes, and limits its forms. */
let s: TestStack;
let port: string;
beforeAll(async () => {
  s = await startTestStack();
  port = new URL(s.url).port;
});
afterAll(() => s.stop());

/** A request over the socket with any `Host` (fetch would send the URL's). */
const raw = (method: string, path: string, host: string, body = '') =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

/** Starts a sign-in as hrb-admin: the code the authorize form redirects with, and its PKCE verifier. */
async function authorize() {
  const verifier = randomBytes(32).toString('base64url');
  const res = await s.fetch(
    new Request(
      `${s.url}/oauth2/authorize`,
      form({
        response_type: 'code',
        client_id: DEV_AUDIENCE,
        redirect_uri: `${s.url}${AUTH_CALLBACK_PATH}`,
        state: 'state-0123456789',
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
        tenant: '230100',
        user: 'hrb-admin',
      }),
    ),
  );
  expect(res.status).toBe(303);
  return { code: new URL(res.headers.get('location')!).searchParams.get('code')!, verifier };
}

const exchange = (grant: { code: string; verifier: string }) =>
  s.fetch(
    new Request(
      `${s.url}/oauth2/token`,
      form({
        grant_type: 'authorization_code',
        client_id: DEV_AUDIENCE,
        code: grant.code,
        code_verifier: grant.verifier,
        redirect_uri: `${s.url}${AUTH_CALLBACK_PATH}`,
      }),
    ),
  );

describe('the Host allow-list (DNS rebinding)', () => {
  const mint = JSON.stringify({ tenant: '230100', user: 'hrb-admin' });

  it('mints a token for the loopback names on its port', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      const r = await raw('POST', '/dev/token', host, mint);
      expect(r.status, host).toBe(200);
      expect(JSON.parse(r.text).access_token, host).toMatch(/^ey/);
    }
  });

  it('answers 421 and nothing else to any other Host, on every issuer path', async () => {
    for (const host of [
      `rebind.example:${port}`,
      'rebind.example',
      `127.0.0.1:${Number(port) + 1}`,
      '127.0.0.1',
    ]) {
      const r = await raw('POST', '/dev/token', host, mint);
      expect(r.status, host).toBe(421);
      expect(r.text).not.toContain('access_token');
      expect(JSON.parse(r.text)).toMatchObject({ error: 'invalid_request' });
    }
    for (const [method, path] of [
      ['GET', '/.well-known/jwks.json'],
      ['GET', '/.well-known/openid-configuration'],
      ['GET', '/dev/sign-in'],
      ['GET', '/oauth2/authorize?response_type=code'],
      ['POST', '/oauth2/authorize'],
      ['POST', '/oauth2/token'],
    ] as const) {
      expect((await raw(method, path, `rebind.example:${port}`)).status, path).toBe(421);
    }
  });

  it('guards the issuer only: the product answers as it would (a 401 without a token)', async () => {
    expect((await raw('GET', '/v1/units', `rebind.example:${port}`)).status).toBe(401);
  });
});

describe('authorization codes', () => {
  it('exchanges a code once for a token with iat and an 8-hour exp', async () => {
    const grant = await authorize();
    const first = await exchange(grant);
    expect(first.status).toBe(200);
    const { access_token } = (await first.json()) as { access_token: string };
    const claims = decodeJwt(access_token);
    expect(claims.exp! - claims.iat!).toBe(8 * 3600);
    const me = await s.call('GET', '/v1/me', { token: access_token });
    expect(me.body.identity).toMatchObject({ sub: 'hrb-admin', tenant: '230100' });
    const again = await exchange(grant);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: 'invalid_grant' });
  });

  it(`keeps at most ${MAX_CODES} unused codes: the oldest is dropped`, async () => {
    const oldest = await authorize();
    const second = await authorize();
    for (let i = 0; i < MAX_CODES - 1; i++) await authorize();
    expect((await exchange(oldest)).status).toBe(400);
    expect((await exchange(second)).status).toBe(200);
  });
});

describe('form body limits', () => {
  /** A chunked body (no Content-Length) of `total` bytes, counting what the server pulls. */
  const chunked = (total: number) => {
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    const state = { pulled: 0 };
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (state.pulled >= total) return controller.close();
        state.pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    return { body, state };
  };

  it('refuses a chunked form over 8 KiB while reading it, without reading the rest', async () => {
    for (const path of ['/oauth2/token', '/oauth2/authorize', '/dev/token']) {
      const { body, state } = chunked(64 * 1024 * 1024);
      const res = await s.fetch(
        new Request(`${s.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
          duplex: 'half',
        } as RequestInit),
      );
      expect(res.status, path).toBe(413);
      expect(await res.json()).toMatchObject({ error: 'invalid_request' });
      expect(state.pulled, path).toBeLessThan(1024 * 1024);
    }
  });

  it('refuses a declared Content-Length over the limit unread', async () => {
    const r = await raw('POST', '/dev/token', `127.0.0.1:${port}`, 'x'.repeat(9 * 1024));
    expect(r.status).toBe(413);
  });
});
