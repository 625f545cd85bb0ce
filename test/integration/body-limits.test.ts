import { request } from 'node:http';
import { UPLOAD_MAX_BYTES } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Every body is limited as it streams (#14 item 2), over the embedded stack's real Node HTTP
 * server: a 400 MB chunked body, generated as it is sent (no 400 MB buffer here), is refused with
 * 413 after the server has pulled only a little of it, while the server's memory (this process:
 * the stack runs in-process) stays flat. A body just under each limit still gets through.
 */

const MB = 1024 * 1024;
const JSON_LIMIT = 256 * 1024; // MAX_BODY_BYTES' default
const FORM_LIMIT = 3 * JSON_LIMIT;
const MULTIPART_LIMIT = UPLOAD_MAX_BYTES + 64 * 1024;
const HUGE = 400 * MB;
/** What the client may have pushed before the 413 reached it: loopback socket buffers, both ends. */
const PULLED_BOUND = 16 * MB;
/** How much the server process may grow while refusing a 400 MB body. */
const MEMORY_BOUND = 64 * MB;

interface Sent {
  status: number;
  type: string | null;
  connection: string | null;
  text: string;
  /** Bytes the client handed to its socket before the answer (an upper bound of what the server read). */
  written: number;
  /** Growth of this process's memory while sending, from just before the first byte. */
  grewRss: number;
  grewArrayBuffers: number;
}

/**
 * POSTs `head` then `size - head.length` bytes of `fill`, chunked (no Content-Length) unless
 * `declare` says otherwise, writing only as fast as the socket takes it, and stopping as soon as
 * the answer arrives. With `declare` and `withhold`, the headers go out and no body byte at all.
 */
function send(
  url: string,
  path: string,
  headers: Record<string, string>,
  size: number,
  o: { head?: string; fill?: number; declare?: boolean; withhold?: boolean } = {},
): Promise<Sent> {
  const head = Buffer.from(o.head ?? '');
  const chunk = Buffer.alloc(64 * 1024, o.fill ?? 0x61);
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakAb = start.arrayBuffers;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakAb = Math.max(peakAb, m.arrayBuffers);
  };
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, {
      method: 'POST',
      headers: { ...headers, ...(o.declare ? { 'content-length': String(size) } : {}) },
    });
    let written = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => {
        sample();
        req.destroy();
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'] ?? null,
          connection: res.headers.connection ?? null,
          text: Buffer.concat(parts).toString('utf8'),
          written,
          grewRss: peakRss - start.rss,
          grewArrayBuffers: peakAb - start.arrayBuffers,
        });
      });
    });
    // The server closes a connection once it has refused its body: a write then fails, after the answer.
    req.on('error', (e) => {
      if (!answered) reject(new Error(`no answer after ${written} bytes: ${e.message}`));
    });
    if (o.withhold) {
      req.flushHeaders();
      return;
    }
    const pump = () => {
      while (!answered && written < size) {
        sample();
        let piece: Buffer;
        if (written === 0 && head.length) piece = head;
        else piece = chunk.subarray(0, Math.min(chunk.length, size - written));
        written += piece.length;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

let s: TestStack;
let token: string;
const ORIGIN = () => ({ origin: s.url });

beforeAll(async () => {
  s = await startTestStack();
  token = await s.token('230100', 'hrb-admin');
});
afterAll(() => s.stop());

/** A refusal as every suite expects it: 413 problem+json, in both languages, with the limit. */
function expectRefused(r: Sent, limit: number) {
  expect(r.status, r.text.slice(0, 200)).toBe(413);
  expect(r.type).toContain('application/problem+json');
  const body = JSON.parse(r.text);
  expect(body).toMatchObject({ code: 'payload_too_large', status: 413, detail: { limitBytes: limit } });
  expect(body.message.zh).toContain('请求体过大');
  expect(body.message.en).toContain('too large');
  expect(r.connection).toBe('close');
}

describe('a 400 MB chunked body is refused as it streams', () => {
  const cases = [
    {
      name: 'a /v1 JSON route, without a token',
      path: '/v1/unit-groups',
      headers: () => ({ 'content-type': 'application/json' }),
      limit: JSON_LIMIT,
    },
    {
      name: 'an upload route (its own limit), without a token',
      path: '/v1/indicator-systems/import',
      headers: () => ({
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
      limit: UPLOAD_MAX_BYTES,
    },
    {
      name: 'a console form, signed in',
      path: '/console/unit-groups',
      headers: () => ({
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `jx_token=${token}`,
        ...ORIGIN(),
      }),
      limit: FORM_LIMIT,
    },
    {
      name: 'a console form, signed out',
      path: '/console/unit-groups',
      headers: () => ({ 'content-type': 'application/x-www-form-urlencoded', ...ORIGIN() }),
      limit: FORM_LIMIT,
    },
    {
      name: 'a console multipart upload, signed in',
      path: '/console/indicator-systems/import',
      headers: () => ({
        'content-type': 'multipart/form-data; boundary=x',
        cookie: `jx_token=${token}`,
        ...ORIGIN(),
      }),
      limit: MULTIPART_LIMIT,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: 413 after pulling a few MB, memory flat`, async () => {
      const r = await send(s.url, c.path, c.headers(), HUGE);
      expectRefused(r, c.limit);
      expect(r.written).toBeLessThan(c.limit + PULLED_BOUND);
      expect(r.grewRss).toBeLessThan(MEMORY_BOUND);
      expect(r.grewArrayBuffers).toBeLessThan(MEMORY_BOUND);
      console.info(
        `body limit, ${c.name}: 413 after the client wrote ${(r.written / MB).toFixed(1)} MB of 400; ` +
          `rss +${(r.grewRss / MB).toFixed(1)} MB, arrayBuffers +${(r.grewArrayBuffers / MB).toFixed(1)} MB`,
      );
    });
  }

  it('refuses a declared Content-Length over the limit without reading a byte of it', async () => {
    for (const [path, headers, limit] of [
      ['/v1/unit-groups', { 'content-type': 'application/json' }, JSON_LIMIT],
      [
        '/console/unit-groups',
        { 'content-type': 'application/x-www-form-urlencoded', ...ORIGIN() },
        FORM_LIMIT,
      ],
    ] as const) {
      const r = await send(s.url, path, headers, HUGE, { declare: true, withhold: true });
      expectRefused(r, limit);
      expect(r.written).toBe(0);
    }
  });
});

describe('a body just under its limit still gets through', () => {
  it('JSON: a valid body padded with whitespace to one byte under the limit, chunked', async () => {
    const r = await send(
      s.url,
      '/v1/unit-groups',
      { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      JSON_LIMIT - 1,
      { head: JSON.stringify({ code: 'BIGJSON', name: '刚好未超限' }), fill: 0x20 },
    );
    expect(r.status, r.text).toBe(201);
    expect(JSON.parse(r.text)).toMatchObject({ code: 'BIGJSON' });
  });

  it('JSON: one byte over is refused', async () => {
    const r = await send(
      s.url,
      '/v1/unit-groups',
      { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      JSON_LIMIT + 1,
      { head: JSON.stringify({ code: 'BIGJSON2', name: '超限' }), fill: 0x20 },
    );
    expectRefused(r, JSON_LIMIT);
  });

  it('an upload at its limit reaches the workbook reader (which finds it is no workbook)', async () => {
    const r = await send(
      s.url,
      '/v1/indicator-systems/import',
      {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        authorization: `Bearer ${token}`,
      },
      UPLOAD_MAX_BYTES,
    );
    expect(r.status, r.text.slice(0, 300)).not.toBe(413);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(JSON.parse(r.text).code).not.toBe('payload_too_large');
  });

  it('a console form just under its limit is saved (its padding field is ignored)', async () => {
    const head = new URLSearchParams({ code: 'BIGFORM', name: '大表单' }).toString();
    const r = await send(
      s.url,
      '/console/unit-groups',
      {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `jx_token=${token}`,
        ...ORIGIN(),
      },
      FORM_LIMIT - 1,
      { head: `${head}&pad=` },
    );
    expect(r.status, r.text.slice(0, 300)).toBe(303);
    const saved = await s.call('GET', '/v1/unit-groups/BIGFORM', { token });
    expect(saved.status).toBe(200);
    expect(saved.body.name).toBe('大表单');
  });
});
