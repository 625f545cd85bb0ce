import { CONTRACTS } from '@jixiao/api/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyOfUrl } from '../support/fixtures/reports';
import { coveredRoutes, startTestStack, type TestStack } from '../support/stack';

/**
 * The public's published results (no sign-in) on the demo: 哈尔滨市's 2024 special evaluation,
 * published after its appeals. The list, a cycle by unit group, a unit with its report's data, and
 * the report files (302 to a presigned GET of the file rendered from the frozen snapshot); cached
 * answers; a cycle not published, or withdrawn, is not there.
 */
let s: TestStack;
let admin: string;
const T = '230100';
let C24: string;
let C25: string;
let results: any;
let publication: any;

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  admin = await s.token(T, 'hrb-admin');
  const cycles = (await s.call('GET', '/v1/cycles', { token: admin })).body.items;
  C24 = cycles.find((c: { year: number }) => c.year === 2024).id;
  C25 = cycles.find((c: { year: number }) => c.year === 2025).id;
  const view = (await s.call('GET', `/v1/cycles/${C24}/publication`, { token: admin })).body;
  // The demo publishes its 2024 results when replayed; a stack without that part publishes here.
  publication =
    view.publication ??
    (await s.call('POST', `/v1/cycles/${C24}/publication`, { token: admin, body: { note: '公开' } })).body;
  results = (
    await s.call('GET', `/v1/cycles/${C24}/evaluation/runs/${publication.run}/results`, { token: admin })
  ).body;
}, 300_000);
afterAll(() => s.stop());

/** A public request: no token, no cookie. */
const pub = (path: string) => s.call('GET', path);
const file = (path: string) => s.fetch(new Request(`${s.url}${path}`, { redirect: 'manual' }));
const PR = (cycle = C24) => `/v1/public/${T}/results/${cycle}`;

function expectProblem(r: { status: number; body: any }, status: number) {
  expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(status);
  expect(r.body.message.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(r.body.message.en).toMatch(/[A-Za-z]/);
}

describe('published results, as the public reads them', () => {
  it('lists the tenant’s published cycles, cacheable', async () => {
    const r = await pub(`/v1/public/${T}/results`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('public, max-age=300');
    expect(r.body.tenant).toEqual({ code: T, name: '哈尔滨市' });
    expect(r.body.items).toEqual([
      {
        cycle: C24,
        cycleName: '哈尔滨市 2024 年度民生领域专项绩效评估',
        year: 2024,
        publishedAt: publication.published.at,
        units: results.rows.length,
        groups: 1,
      },
    ]);
    const bx = await pub('/v1/public/230125/results');
    expect(bx.status).toBe(200);
    expect(bx.body).toEqual({ tenant: { code: '230125', name: '宾县' }, items: [] });
    expectProblem(await pub('/v1/public/110000/results'), 404);
    expectProblem(await pub('/v1/public/2301/results'), 422);
  });

  it('shows a published cycle by unit group with grades, the distribution and the reports', async () => {
    const r = await pub(PR());
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('public, max-age=300');
    expect(r.body).toMatchObject({
      tenant: { code: T, name: '哈尔滨市' },
      cycle: { id: C24, year: 2024 },
      number: publication.number,
      publishedAt: publication.published.at,
      note: publication.note,
    });
    expect(r.body.groups).toHaveLength(1);
    const [group] = r.body.groups;
    expect(group).toMatchObject({ code: 'SOCIAL', providers: false });
    expect(group.rows.map((x: any) => x.rank)).toEqual(
      [...group.rows.map((x: any) => x.rank)].sort((a, b) => a - b),
    );
    for (const row of results.rows) {
      const shown = group.rows.find((x: any) => x.unit === row.unit);
      expect(shown).toMatchObject({
        name: row.name,
        total: row.total.shown,
        rank: row.rank,
        of: row.of,
        grade: { code: row.grade, label: row.gradeLabel },
      });
      expect(shown.dimensions.length).toBeGreaterThan(0);
    }
    const counted = r.body.grades.reduce((n: number, g: any) => n + g.count, 0);
    expect(counted).toBe(results.rows.length);
    expect(r.body.bands.reduce((n: number, b: any) => n + b.count, 0)).toBe(results.rows.length);
    expect(r.body.reports.map((l: any) => `${l.kind}/${l.format}`)).toEqual([
      'office/pdf',
      'office/xlsx',
      'office/html',
      'congress/pdf',
      'congress/xlsx',
      'congress/html',
    ]);
    for (const l of r.body.reports) expect(l.href).toBe(`${PR()}/reports/${l.kind}/${l.format}`);
  });

  it('shows one unit’s published report data and its downloads', async () => {
    const row = results.rows.find((x: any) => x.unit === 'MZJ');
    const r = await pub(`${PR()}/units/MZJ`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('public, max-age=300');
    expect(r.body.report).toMatchObject({
      kind: 'unit',
      unit: { code: 'MZJ', name: row.name, group: { code: 'SOCIAL' } },
      total: row.total.shown,
      rank: row.rank,
      grade: { code: row.grade },
    });
    expect(r.body.report.header.publishedOn).toBeDefined();
    expect(r.body.report.appeals.length).toBeGreaterThan(0);
    expect(r.body.reports.map((l: any) => l.href)).toEqual(
      ['pdf', 'xlsx', 'html'].map((f) => `${PR()}/reports/unit/${f}?unit=MZJ`),
    );
    expectProblem(await pub(`${PR()}/units/FGW`), 404);
  });

  it('answers each report link with a short-cached redirect to the file rendered from the snapshot', async () => {
    const links = [...(await pub(PR())).body.reports, ...(await pub(`${PR()}/units/JYJ`)).body.reports] as {
      kind: string;
      format: string;
      href: string;
    }[];
    for (const l of links) {
      const res = await file(l.href);
      expect(res.status, l.href).toBe(302);
      expect(res.headers.get('cache-control')).toBe('public, max-age=60');
      const location = res.headers.get('location')!;
      expect(keyOfUrl(location)).toMatch(
        new RegExp(`^tenants/${T}/reports/${C24}/${l.format}/[0-9a-f]{64}$`),
      );
      const got = await fetch(location);
      expect(got.status).toBe(200);
      expect((await got.arrayBuffer()).byteLength).toBeGreaterThan(200);
    }
    // Rendered once: asking again redirects to the same file and stores nothing new.
    const count = (await s.data.blobs.list(T, ['reports', C24])).length;
    const again = await file(links[0]!.href);
    const first = await file(links[0]!.href);
    expect(keyOfUrl(again.headers.get('location')!)).toBe(keyOfUrl(first.headers.get('location')!));
    expect((await s.data.blobs.list(T, ['reports', C24])).length).toBe(count);
  });

  it('publishes the documents of the publication: the office’s internal report is another file', async () => {
    const internal = (await s.call('GET', `/v1/cycles/${C24}/reports/office/pdf`, { token: admin })).body;
    const res = await file(`${PR()}/reports/office/pdf`);
    expect(keyOfUrl(res.headers.get('location')!)).not.toContain(internal.sha256);
  });
});

describe('what is not published is not there', () => {
  it('a cycle never published: 404 for the cycle, its units and its files', async () => {
    expectProblem(await pub(PR(C25)), 404);
    expectProblem(await pub(`${PR(C25)}/units/FGW`), 404);
    const f = await file(`${PR(C25)}/reports/office/pdf`);
    expect(f.status).toBe(404);
    expect((await pub(`/v1/public/${T}/results`)).body.items.map((i: any) => i.cycle)).not.toContain(C25);
  });

  it('a withdrawn cycle: 404 everywhere until it is published again', async () => {
    const current = (await s.call('GET', `/v1/cycles/${C24}/publication`, { token: admin })).body.publication;
    const w = await s.call('POST', `/v1/cycles/${C24}/publication/withdraw`, {
      token: admin,
      body: { version: current.version, reason: '核对中' },
    });
    expect(w.status).toBe(200);
    expectProblem(await pub(PR()), 404);
    expectProblem(await pub(`${PR()}/units/MZJ`), 404);
    expect((await file(`${PR()}/reports/unit/pdf?unit=MZJ`)).status).toBe(404);
    expect((await pub(`/v1/public/${T}/results`)).body.items).toEqual([]);
    const again = await s.call('POST', `/v1/cycles/${C24}/publication`, {
      token: admin,
      body: { version: w.body.version, note: '核对后重新公开' },
    });
    expect(again.status).toBe(201);
    const r = await pub(PR());
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ number: current.number + 1, note: '核对后重新公开' });
  });

  it('walked every route of the public results', async () => {
    const own = Object.values(CONTRACTS.publicResults).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(own.filter((k) => !coveredRoutes.has(k))).toEqual([]);
    // The file route answers 302 (not a 2xx the stack checks): walked above, checked here once more.
    const res = await file(`${PR()}/reports/congress/html`);
    expect(res.status).toBe(302);
    expect(Object.keys(CONTRACTS.publicReports)).toEqual(['file']);
  });
});
