import { CONTRACTS } from '@jixiao/api/contracts';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putLibrary, putMapping, releasedYear, seedTenant } from '../support/fixtures/province';
import { coveredRoutes, startTestStack, type TestStack } from '../support/stack';

/**
 * Comparisons over HTTP on a hand-made province whose every standardised value is known: 宾县 (A)
 * and 方正县 (B) share 2024 and 2025 with 黑龙江省 and with 哈尔滨市, 齐齐哈尔市 (D, its L3 unmapped)
 * 2025 with the province. The library weighs S1 40, S2 20 (lower is better), S3 40, S4 10 (no one
 * has it). 2025 values: A 80 / 30 / 90, B 70 / 20 / 80, D 95 / 80 / —; 2024: A 64 / 40 / 72,
 * B 70 / 20 / 80.
 *
 * Efficacy (60 + 40·(x − min)/(max − min)): S1 A 76, B 60, D 100; S2 A 93.33…, B 100, D 60;
 * S3 A 100, B 60. Composite (weights renormalised over what a tenant has): A 89.0667, B 68,
 * D (40·100 + 20·60)/60 = 86.6667. 增幅 A +25 %, −25 %, +25 %; B 0: A 100, B 60.
 */
let s: TestStack;
const tok: Record<string, string> = {};
const A = '230125';
const B = '230124';
const D = '230200';
const HLJ = '230000';
const HRB = '230100';

beforeAll(async () => {
  s = await startTestStack();
  const admin = (id: string) => ({ id, name: `${id}（考核办）`, roles: ['tenant_admin' as const] });
  await seedTenant(s, A, { system: true });
  await seedTenant(s, B, { users: [admin('fz-admin')], system: true });
  await seedTenant(s, D, { users: [admin('qq-admin')], system: true });
  for (const [k, t, u] of [
    ['a', A, 'bx-admin'],
    ['b', B, 'fz-admin'],
    ['d', D, 'qq-admin'],
    ['hlj', HLJ, 'hlj-admin'],
    ['analyst', HLJ, 'hlj-analyst'],
    ['hrb', HRB, 'hrb-admin'],
  ] as const)
    tok[k] = await s.token(t, u);
  await putLibrary(s, tok.hlj!);
  await putMapping(s, tok.a!);
  await putMapping(s, tok.b!);
  await putMapping(s, tok.d!, { withoutL3: true });
  const years: [string, string, string, number, Record<string, Record<string, number>>, string[]][] = [
    [
      'a',
      A,
      'bx-admin',
      2024,
      { FGJ: { L1: 60, L2: 20, L3: 70 }, CZJ: { L1: 68, L2: 20, L3: 74 } },
      ['province', 'city'],
    ],
    [
      'b',
      B,
      'fz-admin',
      2024,
      { FGJ: { L1: 70, L2: 10, L3: 80 }, CZJ: { L1: 70, L2: 10, L3: 80 } },
      ['province', 'city'],
    ],
    [
      'a',
      A,
      'bx-admin',
      2025,
      { FGJ: { L1: 90, L2: 10, L3: 80 }, CZJ: { L1: 70, L2: 20, L3: 100 } },
      ['province', 'city'],
    ],
    [
      'b',
      B,
      'fz-admin',
      2025,
      { FGJ: { L1: 60, L2: 5, L3: 70 }, CZJ: { L1: 80, L2: 15, L3: 90 } },
      ['province', 'city'],
    ],
    [
      'd',
      D,
      'qq-admin',
      2025,
      { FGJ: { L1: 100, L2: 50, L3: 1 }, CZJ: { L1: 90, L2: 30, L3: 1 } },
      ['province'],
    ],
  ];
  for (const [who, t, user, year, values, to] of years) {
    const { cycle } = await releasedYear(s, t, user, year, values);
    for (const kind of to) {
      const r = await as(who, 'POST', `/v1/cycles/${cycle}/shares`, { to: kind });
      expect(r.status, r.text).toBe(201);
    }
  }
}, 120_000);
afterAll(() => s.stop());

const as = (who: string, method: string, path: string, body?: unknown) =>
  s.call(method, path, { token: tok[who], ...(body === undefined ? {} : { body }) });

function expectProblem(r: { status: number; body: any; text: string }, status: number, code?: string) {
  expect(r.status, r.text.slice(0, 400)).toBe(status);
  if (code) expect(r.body.code).toBe(code);
  expect(r.body.message.zh).toMatch(/[\u4e00-\u9fff]/);
}

const row = (c: any, tenant: string) => c.rows.find((r: any) => r.tenant === tenant);
const scores = (r: any) => r.cells.map((c: any) => c.score?.shown ?? null);

let all2025: any;

describe('the comparison of everyone who shared (ALL, efficacy)', () => {
  it('standardises, weighs, ranks and grades as stated', async () => {
    const r = await as('analyst', 'GET', '/v1/comparisons?year=2025');
    expect(r.status, r.text).toBe(200);
    all2025 = r.body;
    expect(all2025).toMatchObject({
      recipient: HLJ,
      year: 2025,
      group: { code: 'ALL', members: 3 },
      method: 'efficacy',
      grades: { excellent: 20, good: 30, fair: 30 },
      previousYear: 2024,
      missing: [],
    });
    expect(all2025.indicators.map((i: any) => [i.code, i.weight])).toEqual([
      ['S1', 40],
      ['S2', 20],
      ['S3', 40],
      ['S4', 10],
    ]);
    expect(all2025.indicators[3].level).toBeNull();
    expect(all2025.explanation.map((e: any) => e.zh).join('')).toContain('功效系数');
    expect(all2025.rows.map((x: any) => [x.tenant, x.composite.shown, x.rank, x.grade])).toEqual([
      [A, '89.07', 1, 'excellent'],
      [D, '86.67', 2, 'good'],
      [B, '68.00', 3, 'poor'],
    ]);
    expect(scores(row(all2025, A))).toEqual(['76.00', '93.33', '100.00', null]);
    expect(scores(row(all2025, B))).toEqual(['60.00', '100.00', '60.00', null]);
    expect(scores(row(all2025, D))).toEqual(['100.00', '60.00', null, null]);
    expect(row(all2025, A).cells.map((c: any) => c.value)).toEqual([80, 30, 90, null]);
    // 增幅 beside the level.
    expect(
      row(all2025, A)
        .cells.slice(0, 3)
        .map((c: any) => c.change),
    ).toEqual([25, -25, 25]);
    expect([row(all2025, A).improvement.shown, row(all2025, A).improvementRank]).toEqual(['100.00', 1]);
    expect([row(all2025, B).improvement.shown, row(all2025, B).improvementRank]).toEqual(['60.00', 2]);
    expect([row(all2025, D).improvement, row(all2025, D).improvementRank]).toEqual([null, null]);
    // Coverage: of the tenant's own points, and of the group's weight.
    expect(row(all2025, D).coverage).toEqual({
      mappedPoints: 70,
      totalPoints: 100,
      mappedLeaves: 2,
      totalLeaves: 3,
    });
    expect(row(all2025, A).weightCoverage).toBeCloseTo((100 / 110) * 100, 6);
    expect(row(all2025, D).weightCoverage).toBeCloseTo((60 / 110) * 100, 6);
  });

  it('states another method when asked: percentile ranks', async () => {
    const r = await as('analyst', 'GET', '/v1/comparisons?year=2025&method=percentile');
    expect(r.body.method).toBe('percentile');
    // S1 over A 80, B 70, D 95: 100·(B + 0.5·E)/N.
    expect(row(r.body, A).cells[0].score.shown).toBe('50.00');
    expect(row(r.body, B).cells[0].score.shown).toBe('16.67');
    expect(row(r.body, D).cells[0].score.shown).toBe('83.33');
  });

  it('shows trends: each year standardised on its own', async () => {
    const r = await as('analyst', 'GET', '/v1/comparisons/trend');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ group: { code: 'ALL' }, method: 'efficacy', years: [2024, 2025] });
    const a = r.body.series.find((x: any) => x.tenant === A);
    expect(a.points).toEqual([
      { year: 2024, composite: '60.00', rank: 2 },
      { year: 2025, composite: '89.07', rank: 1 },
    ]);
    const d = r.body.series.find((x: any) => x.tenant === D);
    expect(d.points[0]).toEqual({ year: 2024, composite: null, rank: null });
  });
});

describe('peer groups (分类考核)', () => {
  it('are kept by the office with members under it and weights from the library', async () => {
    const body = {
      name: '县域组',
      members: [A, B, '230126'],
      weights: { S1: 50, S3: 50 },
      method: 'zscore',
    };
    const made = await as('hlj', 'PUT', '/v1/peer-groups/COUNTY', body);
    expect(made.status, made.text).toBe(201);
    expect(made.body).toMatchObject({
      owner: HLJ,
      code: 'COUNTY',
      members: [B, A, '230126'].sort(),
      grades: { excellent: 20, good: 30, fair: 30 },
      version: 1,
    });
    expectProblem(await as('hlj', 'PUT', '/v1/peer-groups/COUNTY', body), 409, 'version_conflict');
    const bad = await as('hlj', 'PUT', '/v1/peer-groups/ALL', {
      ...body,
      members: [A, '220100', HLJ],
      weights: { S1: 0, NOPE: 0 },
    });
    expectProblem(bad, 422, 'validation_failed');
    expect(bad.body.errors.map((e: any) => e.path).sort()).toEqual(
      ['params.code', 'body.members.1', 'body.members.2', 'body.weights.NOPE', 'body.weights'].sort(),
    );
    expectProblem(
      await as('hrb', 'PUT', '/v1/peer-groups/X', { ...body, members: [D] }),
      422,
      'validation_failed',
    );
    expectProblem(await as('a', 'PUT', '/v1/peer-groups/X', body), 403, 'tenant_level_not_allowed');
    expectProblem(await as('analyst', 'PUT', '/v1/peer-groups/X', body), 403, 'forbidden');
    expect((await as('analyst', 'GET', '/v1/peer-groups')).body.items.map((g: any) => g.code)).toEqual([
      'COUNTY',
    ]);
    expect((await as('hrb', 'GET', '/v1/peer-groups')).body.items).toEqual([]);
  });

  it('compare within the group by its own weights and method, naming members that did not share', async () => {
    const r = await as('analyst', 'GET', '/v1/comparisons?year=2025&group=COUNTY');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ group: { code: 'COUNTY', name: '县域组', members: 3 }, method: 'zscore' });
    expect(r.body.indicators.map((i: any) => i.code)).toEqual(['S1', 'S3']);
    // z-scores over A and B: mean 75 / 85, population sd 5: ±1.
    expect(r.body.rows.map((x: any) => [x.tenant, x.composite.shown, x.rank])).toEqual([
      [A, '1.00', 1],
      [B, '-1.00', 2],
    ]);
    expect(r.body.missing).toEqual([{ tenant: '230126', name: '巴彦县' }]);
    expectProblem(await as('analyst', 'GET', '/v1/comparisons?year=2025&group=NOPE'), 404, 'not_found');
  });

  it('can be deleted by version', async () => {
    await as('hlj', 'PUT', '/v1/peer-groups/TEMP', { name: '临时', members: [D], weights: { S1: 1 } });
    expectProblem(await as('hlj', 'DELETE', '/v1/peer-groups/TEMP?version=2'), 409, 'version_conflict');
    expect((await as('hlj', 'DELETE', '/v1/peer-groups/TEMP?version=1')).status).toBe(204);
    expectProblem(await as('hlj', 'DELETE', '/v1/peer-groups/TEMP?version=1'), 404, 'not_found');
  });
});

describe('what-if and rank sensitivity', () => {
  it('gives the comparison’s own ranks with the group’s own weights', async () => {
    const r = await as('analyst', 'POST', '/v1/comparisons/what-if', { year: 2025, weights: {} });
    expect(r.status, r.text).toBe(200);
    expect(r.body.weights).toEqual({ S1: 40, S2: 20, S3: 40, S4: 10 });
    for (const x of r.body.rows) {
      const exact = row(all2025, x.tenant);
      expect(x.rank).toBe(exact.rank);
      expect(x.baseRank).toBe(exact.rank);
      expect(x.moved).toBe(0);
      expect(x.grade).toBe(exact.grade);
      expect(x.composite).toBeCloseTo(Number(exact.composite.exact), 3);
    }
    expect(r.body.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('moves ranks when weights change, and refuses a code the group does not use', async () => {
    // S2 alone: B (lowest spending) first, then A, then D.
    const r = await as('analyst', 'POST', '/v1/comparisons/what-if', {
      year: 2025,
      weights: { S1: 0, S2: 100, S3: 0, S4: 0 },
    });
    expect(r.body.rows.map((x: any) => [x.tenant, x.rank, x.baseRank, x.moved])).toEqual([
      [B, 1, 3, 2],
      [A, 2, 1, -1],
      [D, 3, 2, -1],
    ]);
    const wrong = await as('analyst', 'POST', '/v1/comparisons/what-if', {
      year: 2025,
      group: 'COUNTY',
      weights: { S2: 10 },
    });
    expectProblem(wrong, 422, 'validation_failed');
    expect(wrong.body.errors[0].path).toBe('body.weights.S2');
  });

  it('follows every change of what it is made from (a share withdrawn, a group changed)', async () => {
    const ask = { year: 2025, weights: {} };
    expect((await as('analyst', 'POST', '/v1/comparisons/what-if', ask)).body.rows).toHaveLength(3);
    const share = (await as('d', 'GET', '/v1/sharing')).body.items.find((r: any) => r.year === 2025);
    const path = `/v1/cycles/${share.cycle}/shares/${HLJ}/withdraw`;
    expect((await as('d', 'POST', path, { version: share.version, reason: '更正' })).status).toBe(200);
    const without = await as('analyst', 'POST', '/v1/comparisons/what-if', ask);
    expect(without.body.rows.map((x: any) => [x.tenant, x.rank])).toEqual([
      [A, 1],
      [B, 2],
    ]);
    expect((await as('d', 'POST', `/v1/cycles/${share.cycle}/shares`, { to: 'province' })).status).toBe(201);
    expect((await as('analyst', 'POST', '/v1/comparisons/what-if', ask)).body.rows).toHaveLength(3);
    const county = { year: 2025, group: 'COUNTY', weights: {} };
    expect((await as('analyst', 'POST', '/v1/comparisons/what-if', county)).body.method).toBe('zscore');
    const g = (await as('hlj', 'GET', '/v1/peer-groups')).body.items.find((x: any) => x.code === 'COUNTY');
    const { owner: _o, code: _c, createdAt: _ca, updatedAt: _u, ...put } = g;
    const changed = await as('hlj', 'PUT', '/v1/peer-groups/COUNTY', { ...put, method: 'efficacy' });
    expect(changed.status, changed.text).toBe(200);
    const after = await as('analyst', 'POST', '/v1/comparisons/what-if', county);
    expect(after.body.method).toBe('efficacy');
    expect(after.body.rows.map((x: any) => [x.tenant, x.composite])).toEqual([
      [A, 100],
      [B, 60],
    ]);
    const back = await as('hlj', 'PUT', '/v1/peer-groups/COUNTY', { ...put, version: changed.body.version });
    expect(back.body.method).toBe('zscore');
  });

  it('perturbs weights within the band, the same seed giving the same answer', async () => {
    const ask = { year: 2025, band: 0.2, draws: 200, seed: 7 };
    const one = await as('analyst', 'POST', '/v1/comparisons/sensitivity', ask);
    expect(one.status, one.text).toBe(200);
    const two = await as('analyst', 'POST', '/v1/comparisons/sensitivity', ask);
    expect(two.body.rows).toEqual(one.body.rows);
    expect(one.body).toMatchObject({ group: 'ALL', method: 'efficacy', band: 0.2, draws: 200, seed: 7 });
    for (const x of one.body.rows) {
      expect(x.rank).toBe(row(all2025, x.tenant).rank);
      expect(x.minRank).toBeLessThanOrEqual(x.rank);
      expect(x.maxRank).toBeGreaterThanOrEqual(x.rank);
      expect(x.p5).toBeGreaterThanOrEqual(x.minRank);
      expect(x.p95).toBeLessThanOrEqual(x.maxRank);
      expect(x.stayInGrade).toBeGreaterThanOrEqual(0);
      expect(x.stayInGrade).toBeLessThanOrEqual(1);
    }
    expect(one.body.summary.zh).toMatch(
      /^3 个地区中 \d 个在全部 200 次扰动中保持等次，\d 个保持名次（各指标权重在 ±20% 内随机变动）。$/,
    );
    expect(one.body.summary.en).toMatch(/of 3 regions kept their grade in all 200 draws/);
    // The most draws the schema allows fit the bound for a province of this size.
    const most = await as('analyst', 'POST', '/v1/comparisons/sensitivity', { year: 2025, draws: 10_000 });
    expect(most.status).toBe(200);
    expectProblem(
      await as('analyst', 'POST', '/v1/comparisons/sensitivity', { year: 2025, draws: 10_001 }),
      422,
    );
  });
});

describe('a city compares the counties that shared with it', () => {
  it('sees its counties only, under the province’s library', async () => {
    const r = await as('hrb', 'GET', '/v1/comparisons?year=2025');
    expect(r.status, r.text).toBe(200);
    expect(r.body.recipient).toBe(HRB);
    expect(r.body.rows.map((x: any) => x.tenant)).toEqual([A, B]);
    expect(r.body.indicators.map((i: any) => i.code)).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect((await as('hrb', 'GET', '/v1/shared-results/years')).body.years).toEqual([2024, 2025]);
  });
});

async function workbook(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb;
}

/** The rows of a sheet's table as cell values, from the header row (row 2) on. */
function table(ws: ExcelJS.Worksheet) {
  const out: unknown[][] = [];
  ws.eachRow((r, n) => {
    if (n >= 2) out.push((r.values as unknown[]).slice(1));
  });
  return out;
}

describe('the workbook', () => {
  it('opens with exceljs, and its numbers are the JSON’s', async () => {
    const r = await as('analyst', 'GET', '/v1/comparisons/export.xlsx?year=2025');
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const disposition = r.headers.get('content-disposition') ?? '';
    expect(disposition).toContain('filename="comparison-230000-2025-ALL.xlsx"');
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(
      '黑龙江省2025年度跨地区绩效比较（全部共享地区）.xlsx',
    );
    const wb = await workbook(r.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['综合排名', '指标明细', '说明']);
    const ranking = table(wb.getWorksheet('综合排名')!);
    expect(ranking[0]!.slice(0, 6)).toEqual([
      '名次',
      '地区',
      '行政区划代码',
      '层级',
      '综合得分（加权）',
      '等次',
    ]);
    const rows = ranking.slice(1);
    expect(rows.map((x) => [x[0], x[2], x[4], x[5], x[6], x[7]])).toEqual(
      all2025.rows.map((x: any) => [
        x.rank,
        x.tenant,
        Number(x.composite.shown),
        { excellent: '优秀', good: '良好', fair: '一般', poor: '较差' }[x.grade as string],
        x.improvement ? Number(x.improvement.shown) : '—',
        x.improvementRank ?? '—',
      ]),
    );
    expect(rows.map((x) => x[8])).toEqual(all2025.rows.map((x: any) => x.weightCoverage));
    const detail = table(wb.getWorksheet('指标明细')!).slice(1);
    expect(detail).toHaveLength(all2025.rows.length * all2025.indicators.length);
    const a = detail.filter((x) => x[1] === A);
    expect(a.map((x) => [x[2], x[5], x[6], x[7]])).toEqual(
      row(all2025, A).cells.map((c: any) => [
        c.standard,
        c.value ?? '—',
        c.score ? Number(c.score.shown) : '—',
        c.change ?? '—',
      ]),
    );
    const notes = wb.getWorksheet('说明')!;
    const text = JSON.stringify(table(notes));
    expect(text).toContain('功效系数法');
    expect(text).toContain('示例');
    const ws = wb.getWorksheet('综合排名')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: '2:2' });
  });

  it('exports a peer group with another method, and a city’s own', async () => {
    const r = await as(
      'analyst',
      'GET',
      '/v1/comparisons/export.xlsx?year=2025&group=COUNTY&method=percentile',
    );
    expect(r.status).toBe(200);
    expect(
      decodeURIComponent((r.headers.get('content-disposition') ?? '').split("filename*=UTF-8''")[1]!),
    ).toBe('黑龙江省2025年度跨地区绩效比较（县域组）.xlsx');
    const city = await as('hrb', 'GET', '/v1/comparisons/export.xlsx?year=2025');
    const wb = await workbook(city.bytes);
    expect(
      table(wb.getWorksheet('综合排名')!)
        .slice(1)
        .map((x) => x[2]),
    ).toEqual([A, B]);
    expectProblem(
      await as('a', 'GET', '/v1/comparisons/export.xlsx?year=2025'),
      403,
      'tenant_level_not_allowed',
    );
  });
});

describe('bad input', () => {
  it('answers malformed bodies and queries with a 4xx problem, never a 5xx (fast-check)', async () => {
    const bodies: [string, string, string, Record<string, unknown>][] = [
      ['analyst', 'POST', '/v1/comparisons/what-if', { year: 2025, weights: { S1: 1 } }],
      ['analyst', 'POST', '/v1/comparisons/sensitivity', { year: 2025, draws: 20, band: 0.3 }],
      ['hlj', 'PUT', '/v1/peer-groups/FUZZ', { name: '模糊', members: [A], weights: { S1: 1 } }],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...bodies),
        fc.oneof(fc.jsonValue(), fc.record({ field: fc.string({ maxLength: 12 }), value: fc.jsonValue() })),
        async ([who, method, path, base], mutation) => {
          const body =
            mutation && typeof mutation === 'object' && 'field' in mutation && 'value' in mutation
              ? { ...base, [Object.keys(base)[0]!]: mutation.value, [String(mutation.field)]: mutation.value }
              : mutation;
          const r = await as(who, method, path, body);
          expect(r.status, `${path} ${JSON.stringify(body).slice(0, 200)}`).toBeLessThan(500);
          if (r.status >= 400) expect(r.headers.get('content-type')).toContain('application/problem+json');
        },
      ),
      { numRuns: 120, seed: 1212 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/v1/comparisons',
          '/v1/comparisons/trend',
          '/v1/comparisons/export.xlsx',
          '/v1/shared-results',
        ),
        fc.string({ maxLength: 20 }),
        async (path, v) => {
          const q = `?year=${encodeURIComponent(v)}&group=${encodeURIComponent(v)}&method=${encodeURIComponent(v)}`;
          const r = await as('analyst', 'GET', path + q);
          expect(r.status, path + q).toBeLessThan(500);
        },
      ),
      { numRuns: 80, seed: 2025 },
    );
  });
});

describe('coverage of the routes', () => {
  it('walked every route of peer groups, shared results and comparisons', async () => {
    const list = await as('analyst', 'GET', '/v1/shared-results?year=2025&limit=2');
    expect(list.body.items).toHaveLength(2);
    expect((await as('analyst', 'GET', `/v1/shared-results/2025/${D}`)).status).toBe(200);
    const own = [CONTRACTS.peerGroups, CONTRACTS.sharedResults, CONTRACTS.comparisons]
      .flatMap((c) => Object.values(c) as { method: string; path: string }[])
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(own.filter((k) => !coveredRoutes.has(k))).toEqual([]);
  });
});
