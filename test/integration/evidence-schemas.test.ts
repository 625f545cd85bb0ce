import { CONTRACTS } from '@jixiao/api/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../../packages/local/src/demo-evidence';
import { coveredRoutes, startTestStack, type TestStack } from '../support/stack';

/**
 * Every route of the evidence contract answers 2xx once, through the test stack, which checks each
 * answer against the route's OpenAPI schema exactly (no undeclared field: the S3 version ids kept
 * with each version must never show). The last test fails if a route of the contract was not walked.
 */
let s: TestStack;
let cycle: string;
const tok: Record<string, string> = {};

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  tok.admin = await s.token('230100', 'hrb-admin');
  tok.fgw = await s.token('230100', 'hrb-fgw');
  tok.ops = await s.token(undefined, 'ops');
  cycle = (await s.call('GET', '/v1/cycles', { token: tok.admin })).body.items.find(
    (c: { year: number }) => c.year === 2025,
  ).id;
}, 240_000);
afterAll(() => s?.stop());

async function ok(method: string, path: string, who: string, body?: unknown) {
  const r = await s.call(method, path, { token: tok[who], ...(body === undefined ? {} : { body }) });
  expect(r.status, `${method} ${path}: ${r.text.slice(0, 300)}`).toBeLessThan(300);
  return r;
}

async function post(t: { url: string; fields: Record<string, string> }, bytes: Uint8Array) {
  const form = new FormData();
  for (const [k, v] of Object.entries(t.fields)) form.append(k, v);
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
  expect((await fetch(t.url, { method: 'POST', body: form })).status).toBeLessThan(300);
}

describe('every 2xx answer of the evidence routes matches its schema', () => {
  it('reads: the overview, the lists, the storage', async () => {
    const o = await ok('GET', `/v1/cycles/${cycle}/evidence`, 'admin');
    expect(o.body.units.length).toBeGreaterThan(10);
    const list = await ok('GET', `/v1/cycles/${cycle}/evidence/units/FGW`, 'fgw');
    // The demo year's ledger has two versions.
    expect(list.body.items.some((d: { versions: unknown[] }) => d.versions.length === 2)).toBe(true);
    await ok('GET', `/v1/cycles/${cycle}/evidence/units/FGW?leaf=D2-1`, 'admin');
    await ok('GET', `/v1/cycles/${cycle}/evidence/office`, 'admin');
    await ok('GET', '/v1/tenant/storage', 'fgw');
    await ok('GET', '/v1/platform/tenants/230100/storage', 'ops');
  });

  it("a unit's upload: ticket, confirm, download, and a discarded one", async () => {
    const base = `/v1/cycles/${cycle}/evidence/units/FGW`;
    const pdf = tinyPdf('schema walk');
    const t = await ok('POST', `${base}/uploads`, 'fgw', {
      leaf: 'D2-1',
      fileName: '契约检查.pdf',
      size: pdf.length,
    });
    await post(t.body, pdf);
    const doc = await ok('POST', `${base}/uploads/${t.body.upload}/confirm`, 'fgw');
    await ok('GET', `${base}/${doc.body.id}/versions/1/download?disposition=inline`, 'fgw');
    const d = await ok('POST', `${base}/uploads`, 'fgw', { leaf: 'D2-1', fileName: '草稿.pdf', size: 10 });
    await ok('DELETE', `${base}/uploads/${d.body.upload}`, 'fgw');
  });

  it("the office's documents: ticket, confirm, download, and a discarded one", async () => {
    const base = `/v1/cycles/${cycle}/evidence/office`;
    const pdf = tinyPdf('office paper');
    const t = await ok('POST', `${base}/uploads`, 'admin', { fileName: '评议会议程.pdf', size: pdf.length });
    await post(t.body, pdf);
    const doc = await ok('POST', `${base}/uploads/${t.body.upload}/confirm`, 'admin');
    await ok('GET', `${base}/${doc.body.id}/versions/1/download`, 'admin');
    const d = await ok('POST', `${base}/uploads`, 'admin', { fileName: '草稿.pdf', size: 10 });
    await ok('DELETE', `${base}/uploads/${d.body.upload}`, 'admin');
  });

  it('settings and quota', async () => {
    const st = (await ok('GET', '/v1/tenant/storage', 'admin')).body;
    await ok('PUT', '/v1/tenant/evidence-settings', 'admin', {
      ...st.settings,
      ...(st.version ? { version: st.version } : {}),
    });
    await ok('PUT', '/v1/platform/tenants/230100/storage-quota', 'ops', { quotaBytes: 30 * 1024 ** 3 });
  });

  it('walked every route of the evidence contract', () => {
    const own = Object.values(CONTRACTS.evidence).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(own.length).toBe(15);
    expect(own.filter((k) => !coveredRoutes.has(k))).toEqual([]);
  });
});
