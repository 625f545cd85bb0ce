import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyOfUrl, signatureHolds } from '../support/fixtures/reports';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The portal never serves unpublished data or another tenant's, by any URL (issue #11). On the demo:
 * 哈尔滨市 published its 2024 special evaluation (four units of 社会管理部门); its 2025 cycle has a
 * trial run whose reports the office has rendered (they are in the bucket) but nothing published;
 * 宾县 has published nothing. Every public route is tried with other tenants' codes, unpublished
 * and withdrawn cycles, units not published, every kind × format × unit, path traversal, guessed
 * report keys and altered presigned URLs, and generated parameters.
 */
let s: TestStack;
let admin: string;
const T = '230100';
let C24: string;
let C25: string;
let published: Set<string>;
/** What must never appear in a public answer: the unpublished cycle and the units not published. */
let markers: string[];
/** A real published report's link and key, and an unpublished (internal) report's key. */
let officePdf: string;
let internalKey: string;

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  admin = await s.token(T, 'hrb-admin');
  const cycles = (await s.call('GET', '/v1/cycles', { token: admin })).body.items;
  C24 = cycles.find((c: { year: number }) => c.year === 2024).id;
  const c25 = cycles.find((c: { year: number }) => c.year === 2025);
  C25 = c25.id;
  const view = (await s.call('GET', `/v1/cycles/${C24}/publication`, { token: admin })).body;
  if (!view.publication)
    await s.call('POST', `/v1/cycles/${C24}/publication`, { token: admin, body: { note: '公开' } });
  const snapshot = (await s.call('GET', `/v1/public/${T}/results/${C24}`)).body;
  published = new Set(snapshot.groups.flatMap((g: any) => g.rows.map((r: any) => r.unit)));
  // The office renders the 2025 trial run's reports: they exist, unpublished, under the same prefix.
  const trial = (await s.call('GET', `/v1/cycles/${C25}/evaluation`, { token: admin })).body.runs[0].id;
  const internal = await s.call('GET', `/v1/cycles/${C25}/reports/office/pdf?run=${trial}`, { token: admin });
  internalKey = keyOfUrl(internal.body.url);
  const fgw = (await s.call('GET', '/v1/units/FGW', { token: admin })).body;
  markers = [C25, c25.name, fgw.name, internal.body.sha256];
  officePdf = (
    await s.fetch(new Request(`${s.url}/v1/public/${T}/results/${C24}/reports/office/pdf`))
  ).headers.get('location')!;
}, 300_000);
afterAll(() => s.stop());

/**
 * A public request with no token: status, body text and the redirect, if any. A problem's
 * `instance` (the path asked for, echoed) is left out of `text`: it says only what the caller sent.
 */
async function get(path: string) {
  const res = await s.fetch(new Request(`${s.url}${path}`, { redirect: 'manual' }));
  let text = await res.text();
  if ((res.headers.get('content-type') ?? '').includes('problem+json')) {
    const { instance: _, ...problem } = JSON.parse(text);
    text = JSON.stringify(problem);
  }
  return { status: res.status, text, location: res.headers.get('location') ?? '' };
}

/** Refused (4xx, a problem document), and nothing unpublished in the answer. */
function refused(r: { status: number; text: string; location: string }, where: string) {
  expect(r.status, `${where} → ${r.status} ${r.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(r.status, where).toBeLessThan(500);
  expect(r.location, where).toBe('');
  expect(JSON.parse(r.text).code, where).toEqual(expect.any(String));
  for (const m of markers) expect(r.text, `${where} leaked ${m}`).not.toContain(m);
}

const routesOf = (tenant: string, cycle: string, unit = 'MZJ') => [
  `/v1/public/${tenant}/results/${cycle}`,
  `/v1/public/${tenant}/results/${cycle}/units/${unit}`,
  ...['unit', 'office', 'congress'].flatMap((kind) =>
    ['pdf', 'xlsx', 'html'].map(
      (f) =>
        `/v1/public/${tenant}/results/${cycle}/reports/${kind}/${f}${kind === 'unit' ? `?unit=${unit}` : ''}`,
    ),
  ),
];

describe('the portal serves only what was published, and only under its tenant', () => {
  it('the published cycle is there (the control)', async () => {
    for (const path of routesOf(T, C24)) {
      const r = await get(path);
      expect([200, 302], path).toContain(r.status);
      for (const m of markers) expect(r.text, path).not.toContain(m);
      if (r.status === 302)
        expect(keyOfUrl(r.location).startsWith(`tenants/${T}/reports/${C24}/`)).toBe(true);
    }
  });

  it('another tenant’s code with this tenant’s cycle finds nothing, nor does a tenant that does not exist', async () => {
    for (const tenant of ['230125', '230000', '110000', '230102'])
      for (const path of routesOf(tenant, C24)) refused(await get(path), path);
  });

  it('a cycle not published finds nothing, though its reports exist in the bucket', async () => {
    expect(await s.data.blobs.head(T, internalKey.split('/').slice(2))).toBeDefined();
    for (const path of routesOf(T, C25, 'FGW')) refused(await get(path), path);
    const list = await get(`/v1/public/${T}/results`);
    expect(list.status).toBe(200);
    for (const m of markers) expect(list.text).not.toContain(m);
  });

  it('a unit not published finds nothing (not evaluated, or not a unit at all)', async () => {
    for (const unit of ['FGW', 'CZJ', 'ZZZ', '__proto__', 'constructor', 'toString'])
      for (const path of [
        `/v1/public/${T}/results/${C24}/units/${unit}`,
        `/v1/public/${T}/results/${C24}/reports/unit/pdf?unit=${unit}`,
      ])
        refused(await get(path), path);
  });

  it('every kind × format × unit: only a published unit’s report, and the overall ones without a unit', async () => {
    for (const kind of ['unit', 'office', 'congress', 'annual', 'UNIT'])
      for (const format of ['pdf', 'xlsx', 'html', 'docx', 'PDF'])
        for (const unit of [undefined, 'MZJ', 'FGW', '', '..%2FMZJ']) {
          const path = `/v1/public/${T}/results/${C24}/reports/${kind}/${format}${unit === undefined ? '' : `?unit=${unit}`}`;
          const valid =
            ['unit', 'office', 'congress'].includes(kind) && ['pdf', 'xlsx', 'html'].includes(format);
          const ok = valid && (kind === 'unit' ? unit === 'MZJ' : unit === undefined);
          const r = await get(path);
          if (ok) {
            expect(r.status, path).toBe(302);
            expect(keyOfUrl(r.location).startsWith(`tenants/${T}/reports/${C24}/${format}/`), path).toBe(
              true,
            );
          } else refused(r, path);
        }
  });

  it('path traversal reaches nothing', async () => {
    const paths = [
      `/v1/public/${T}/results/..%2F..%2Fcycles%2F${C25}`,
      `/v1/public/${T}/results/${C24}%2F..%2F${C25}`,
      `/v1/public/${T}/results/${C24}%2F..%2F..%2F230125%2Fresults%2F${C24}`,
      `/v1/public/${T}/results/${C24}/units/..%2FFGW`,
      `/v1/public/${T}/results/${C24}/units/%2E%2E%2F%2E%2E%2FFGW`,
      `/v1/public/${T}/results/${C24}/reports/office/..%2F..%2F..%2F${C25}%2Freports%2Foffice%2Fpdf`,
      `/v1/public/${T}/results/${C24}/reports/unit/pdf?unit=..%2F..%2F..%2F230125%2FMZJ`,
      `/v1/public/${T}/results/${C24}/reports/unit/pdf?unit=MZJ%00`,
      `/v1/public/230125%2F..%2F${T}/results/${C24}`,
      `/v1/public/${T}%00/results/${C24}`,
      `/v1/public/${T}/results/${C25}%00${C24}`,
      `/v1/public/${T}/results/${C24}/reports/office/pdf%2F..%2F..%2F..%2F${C25}`,
      `/v1/public/${T}/results/%252e%252e%252f${C25}`,
    ];
    for (const path of paths) refused(await get(path), path);
  });

  it('guessed report keys: a real published report’s key and digest work nowhere else', async () => {
    const key = keyOfUrl(officePdf);
    const sha = key.split('/').at(-1)!;
    expect(key).toBe(`tenants/${T}/reports/${C24}/pdf/${sha}`);
    // The public API takes no key: the digest in any parameter is only an unknown name.
    const guesses = [
      `/v1/public/230125/results/${C24}/reports/office/pdf`,
      `/v1/public/230125/results/${sha}`,
      `/v1/public/${T}/results/${sha}`,
      `/v1/public/${T}/results/${C24}/reports/${sha}/pdf`,
      `/v1/public/${T}/results/${C24}/reports/office/${sha}`,
      `/v1/public/${T}/results/${C24}/units/${sha}`,
      `/v1/public/${T}/results/${C24}/reports/unit/pdf?unit=${sha.slice(0, 32)}`,
      `/v1/public/230125/results/${C24}/reports/unit/pdf?unit=MZJ`,
      `/v1/public/${T}/results/${C25}/reports/office/pdf?key=${encodeURIComponent(internalKey)}`,
      `/v1/public/${T}/results/${C24}/reports/office/pdf/${sha}`,
      `/v1/public/${T}/reports/${C24}/pdf/${sha}`,
      `/v1/public/${T}/${key}`,
    ];
    for (const path of guesses) refused(await get(path), path);
    // Only the office's own key, through its own presigned link, reads the published file.
    expect(
      (await get(`/v1/public/${T}/results/${C24}/reports/office/pdf?key=${encodeURIComponent(internalKey)}`))
        .location,
    ).not.toContain(internalKey);
  });

  it('a presigned URL altered to another tenant’s prefix, or to another object, fails its signature', async () => {
    // s3rver checks no V4 signatures; the signature is recomputed here as S3 would.
    expect(signatureHolds(officePdf)).toBe(true);
    const otherTenant = officePdf.replace(`/tenants/${T}/`, '/tenants/230125/');
    const otherObject = officePdf.replace(
      keyOfUrl(officePdf).split('/').slice(1).join('/'),
      internalKey.split('/').slice(1).join('/'),
    );
    const otherCycle = officePdf.replace(`/reports/${C24}/`, `/reports/${C25}/`);
    expect(otherObject).toContain(internalKey);
    for (const altered of [otherTenant, otherObject, otherCycle]) {
      expect(altered).not.toBe(officePdf);
      expect(signatureHolds(altered), altered).toBe(false);
    }
    // And a longer life or another name than the one signed fails as well.
    expect(signatureHolds(officePdf.replace('X-Amz-Expires=900', 'X-Amz-Expires=604800'))).toBe(false);
    expect(
      signatureHolds(
        officePdf.replace('response-content-disposition=attachment', 'response-content-disposition=inline'),
      ),
    ).toBe(false);
    // Nothing is stored under the other tenant's prefix to be read by any URL.
    expect(await s.data.blobs.list('230125', ['reports'])).toEqual([]);
    expect((await fetch(otherTenant)).status).toBe(404);
  });

  it('generated parameters never reach anything but the published cycle (fast-check)', async () => {
    const tenant = fc.oneof(fc.constantFrom(T, '230125', '230000', '110000'), fc.string({ maxLength: 12 }));
    const cycle = fc.oneof(
      fc.constantFrom(C24, C25, `cy${'a'.repeat(12)}`),
      fc.string({ maxLength: 20 }),
      fc.stringMatching(/^cy[a-z2-7]{12}$/),
    );
    const unit = fc.oneof(fc.constantFrom('MZJ', 'JYJ', 'FGW', 'CZJ'), fc.string({ maxLength: 12 }));
    const kind = fc.oneof(fc.constantFrom('unit', 'office', 'congress'), fc.string({ maxLength: 10 }));
    const format = fc.oneof(fc.constantFrom('pdf', 'xlsx', 'html'), fc.string({ maxLength: 6 }));
    const shape = fc.constantFrom('list', 'cycle', 'unit', 'file', 'fileNoUnit');
    await fc.assert(
      fc.asyncProperty(shape, tenant, cycle, unit, kind, format, async (sh, t, c, u, k, f) => {
        const e = encodeURIComponent;
        const path =
          sh === 'list'
            ? `/v1/public/${e(t)}/results`
            : sh === 'cycle'
              ? `/v1/public/${e(t)}/results/${e(c)}`
              : sh === 'unit'
                ? `/v1/public/${e(t)}/results/${e(c)}/units/${e(u)}`
                : `/v1/public/${e(t)}/results/${e(c)}/reports/${e(k)}/${e(f)}${sh === 'file' ? `?unit=${e(u)}` : ''}`;
        const r = await get(path);
        expect(r.status, path).toBeLessThan(500);
        for (const m of markers) expect(r.text, `${path} leaked ${m}`).not.toContain(m);
        if (r.status >= 400) return;
        // Reached: only the tenants' lists, and only the published cycle of 哈尔滨市.
        if (sh === 'list') {
          // The demo's tenants (哈尔滨市, 宾县, 黑龙江省): only 哈尔滨市 published anything.
          expect(['230100', '230125', '230000'], path).toContain(t);
          const items = JSON.parse(r.text).items.map((i: { cycle: string }) => i.cycle);
          expect(items, path).toEqual(t === T ? [C24] : []);
          return;
        }
        expect(t, path).toBe(T);
        expect(c, path).toBe(C24);
        if (sh === 'unit' || (sh === 'file' && k === 'unit')) expect(published.has(u), path).toBe(true);
        if (r.status === 302)
          expect(keyOfUrl(r.location).startsWith(`tenants/${T}/reports/${C24}/`)).toBe(true);
      }),
      { numRuns: 300, seed: 20250303 },
    );
  });

  it('a withdrawn publication is gone from every route at once', async () => {
    const current = (await s.call('GET', `/v1/cycles/${C24}/publication`, { token: admin })).body.publication;
    const w = await s.call('POST', `/v1/cycles/${C24}/publication/withdraw`, {
      token: admin,
      body: { version: current.version, reason: '撤回核对' },
    });
    expect(w.status).toBe(200);
    for (const path of routesOf(T, C24)) refused(await get(path), path);
    const list = await get(`/v1/public/${T}/results`);
    expect(JSON.parse(list.text).items).toEqual([]);
  });
});
