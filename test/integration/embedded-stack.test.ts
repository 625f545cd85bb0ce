import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PortInUseError, startStack } from '@jixiao/local';
import { afterAll, describe, expect, it } from 'vitest';

/** `npm start`'s promises: data survives a restart, demo data is seeded once, ports are explained. */
const dir = mkdtempSync(join(tmpdir(), 'jixiao-persist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = { log: () => {} };

describe('the embedded stack', () => {
  it('keeps data under its data folder across a restart and seeds demo data only once', async () => {
    const first = await startStack({ dataDir: dir, ...quiet });
    expect(first.seeded).toBe(true);
    const token = await first.issuer.signFor('230100', 'hrb-admin');
    const created = await first.fetch(
      new Request(`${first.url}/v1/unit-groups`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'KEEP', name: '重启后仍在' }),
      }),
    );
    expect(created.status).toBe(201);
    await first.stop();

    const second = await startStack({ dataDir: dir, ...quiet });
    expect(second.seeded).toBe(false);
    // The issuer URL (and so `iss`) changes with the random port; sign afresh for this run.
    const fresh = await second.issuer.signFor('230100', 'hrb-admin');
    const again = await second.fetch(
      new Request(`${second.url}/v1/unit-groups/KEEP`, { headers: { authorization: `Bearer ${fresh}` } }),
    );
    expect(again.status).toBe(200);
    expect((await again.json()).name).toBe('重启后仍在');
    await second.stop();
  });

  it('says which port is taken', async () => {
    const a = await startStack(quiet);
    const port = Number(new URL(a.url).port);
    await expect(startStack({ port, ...quiet })).rejects.toBeInstanceOf(PortInUseError);
    await expect(startStack({ port, ...quiet })).rejects.toMatchObject({ service: 'app', port });
    await a.stop();
  });

  it('serves the dev token endpoint and the JWKS', async () => {
    const s = await startStack(quiet);
    const jwks = await (await s.fetch(new Request(`${s.url}/.well-known/jwks.json`))).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
    const tok = await s.fetch(
      new Request(`${s.url}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenant: '230125', user: 'bx-czj' }),
      }),
    );
    const { access_token } = await tok.json();
    const me = await (
      await s.fetch(new Request(`${s.url}/v1/me`, { headers: { authorization: `Bearer ${access_token}` } }))
    ).json();
    expect(me.identity).toMatchObject({ sub: 'bx-czj', tenant: '230125', unit: 'CZJ', roles: ['unit_user'] });
    const bad = await s.fetch(
      new Request(`${s.url}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(bad.status).toBe(422);
    await s.stop();
  });
});
