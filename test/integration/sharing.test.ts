import { CONTRACTS } from '@jixiao/api/contracts';
import { sharedResultSchema } from '@jixiao/core';
import { keys } from '@jixiao/data';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixtureCycle,
  putLibrary,
  putMapping,
  releasedYear,
  releaseRun,
  SYSTEM,
  seedTenant,
} from '../support/fixtures/province';
import { coveredRoutes, startTestStack, type TestStack } from '../support/stack';

/**
 * Sharing by consent (#12) over HTTP, on a small province made for the test (no demo year): the
 * province's library, a county's mapping of its leaves, sharing a released result with the
 * province and with the city, what each recipient then sees (and after a withdrawal, does not),
 * replacement by another cycle of the year, refreshing after a new release, recipients that do not
 * subscribe, guidance sent down, and what a province never reads.
 */
let s: TestStack;
const tok: Record<string, string> = {};
const BX = '230125';
const FZ = '230124';
const QQ = '230200';
const JD = '230321';
const HLJ = '230000';
const HRB = '230100';

const BX_2025 = { FGJ: { L1: 90, L2: 10, L3: 80 }, CZJ: { L1: 70, L2: 20, L3: 100 } };
const FZ_2025 = { FGJ: { L1: 60, L2: 5, L3: 70 }, CZJ: { L1: 80, L2: 15, L3: 90 } };
let C25: string;
let C25b: string;
let C26: string;

beforeAll(async () => {
  s = await startTestStack();
  const admin = (id: string, name: string) => ({ id, name, roles: ['tenant_admin' as const] });
  await seedTenant(s, BX, { system: true });
  await seedTenant(s, FZ, { users: [admin('fz-admin', '方正县考核办')], system: true });
  await seedTenant(s, QQ, { users: [admin('qq-admin', '齐齐哈尔市考核办')], system: true });
  await seedTenant(s, JD, { users: [admin('jd-admin', '鸡东县考核办')], system: true });
  await seedTenant(s, '220000', {
    users: [
      admin('jl-admin', '吉林省绩效办'),
      { id: 'jl-analyst', name: '吉林省分析', roles: ['provincial_analyst'] },
    ],
  });
  const who: [string, string, string][] = [
    ['bx', BX, 'bx-admin'],
    ['fz', FZ, 'fz-admin'],
    ['qq', QQ, 'qq-admin'],
    ['jd', JD, 'jd-admin'],
    ['hrb', HRB, 'hrb-admin'],
    ['hlj', HLJ, 'hlj-admin'],
    ['analyst', HLJ, 'hlj-analyst'],
    ['jl', '220000', 'jl-admin'],
    ['jlAnalyst', '220000', 'jl-analyst'],
  ];
  for (const [k, t, u] of who) tok[k] = await s.token(t, u);
  await putLibrary(s, tok.hlj!);
  C25 = (await releasedYear(s, BX, 'bx-admin', 2025, BX_2025)).cycle;
  C26 = await fixtureCycle(s, BX, 'bx-admin', 2026, '2026 年度部门绩效评估（未发布）');
}, 120_000);
afterAll(() => s.stop());

const as = (who: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  s.call(method, path, {
    token: tok[who],
    ...(body === undefined ? {} : { body }),
    ...(headers ? { headers } : {}),
  });

function expectProblem(r: { status: number; body: any; text: string }, status: number, code?: string) {
  expect(r.status, r.text.slice(0, 400)).toBe(status);
  if (code) expect(r.body.code).toBe(code);
  expect(r.body.message.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(r.body.message.en).toMatch(/[A-Za-z]/);
}

async function auditActions(who: string) {
  const out: any[] = [];
  let cursor: string | undefined;
  do {
    const page = await as(
      who,
      'GET',
      `/v1/audit?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    out.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return out;
}

describe('the standard library', () => {
  it('is read by every tenant of the province and its analyst, in dimension then code order', async () => {
    for (const who of ['bx', 'hrb', 'hlj', 'analyst']) {
      const r = await as(who, 'GET', '/v1/standards');
      expect(r.status, who).toBe(200);
      expect(r.body.items.map((x: any) => x.code)).toEqual(['S1', 'S2', 'S3', 'S4']);
      expect(r.body.items[1]).toMatchObject({ province: HLJ, unit: '万元', direction: 'lower', version: 1 });
    }
    expect((await as('jlAnalyst', 'GET', '/v1/standards')).body.items).toEqual([]);
  });

  it('is kept by the provincial office only, by version', async () => {
    const body = {
      name: '临时指标',
      dimension: '测试',
      definition: '测试用',
      unit: '%',
      direction: 'higher',
      weight: 1,
    };
    expectProblem(await as('hrb', 'PUT', '/v1/standards/S9', body), 403, 'tenant_level_not_allowed');
    expectProblem(await as('bx', 'PUT', '/v1/standards/S9', body), 403, 'tenant_level_not_allowed');
    expectProblem(await as('analyst', 'PUT', '/v1/standards/S9', body), 403, 'forbidden');
    const made = await as('hlj', 'PUT', '/v1/standards/S9', body);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ code: 'S9', province: HLJ, formula: '', source: '', version: 1 });
    expectProblem(await as('hlj', 'PUT', '/v1/standards/S9', body), 409, 'version_conflict');
    const changed = await as('hlj', 'PUT', '/v1/standards/S9', { ...body, weight: 2, version: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ weight: 2, version: 2 });
    expectProblem(await as('hlj', 'DELETE', '/v1/standards/S9?version=1'), 409, 'version_conflict');
    expect((await as('hlj', 'DELETE', '/v1/standards/S9?version=2')).status).toBe(204);
    expectProblem(await as('hlj', 'DELETE', '/v1/standards/S9?version=2'), 404, 'not_found');
    const trail = (await auditActions('hlj')).filter((e) => e.target?.id === 'S9');
    // The trail lists newest first.
    expect(trail.map((e) => e.action)).toEqual(['standard.delete', 'standard.save', 'standard.save']);
  });
});

describe('mapping leaves to the library', () => {
  it('refuses a mapping with problems, naming every one, and saves nothing', async () => {
    expectProblem(await as('bx', 'GET', `/v1/standard-mappings/${SYSTEM}`), 404, 'not_found');
    const r = await as('bx', 'PUT', `/v1/standard-mappings/${SYSTEM}`, {
      items: [
        { leaf: 'L1', standard: 'S1' },
        { leaf: 'L9', standard: 'S2' },
        { leaf: 'L2', standard: 'NOPE' },
        { leaf: 'L3', standard: 'S3', aggregate: 'unit' },
        { leaf: 'L1', standard: 'S4' },
      ],
    });
    expectProblem(r, 422, 'mapping_invalid');
    const paths = r.body.errors.map((e: any) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.items.1', 'body.items.2', 'body.items.3']));
    expect(r.body.errors.length).toBeGreaterThanOrEqual(4);
    for (const e of r.body.errors) {
      expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.en).toMatch(/[a-z]/);
    }
    expect(await s.data.province.mappings.get(BX, SYSTEM)).toBeUndefined();
    expectProblem(
      await as('bx', 'PUT', '/v1/standard-mappings/isnosuchsystem', { items: [] }),
      404,
      'not_found',
    );
  });

  it('saves a mapping (201), then changes it by version only', async () => {
    const made = await putMapping(s, tok.bx!);
    expect(made).toMatchObject({ system: SYSTEM, province: HLJ, version: 1, updated: { by: 'bx-admin' } });
    expect(made.items[1]).toEqual({ leaf: 'L2', standard: 'S2', factor: 1, aggregate: 'sum' });
    expectProblem(
      await as('bx', 'PUT', `/v1/standard-mappings/${SYSTEM}`, { items: made.items }),
      409,
      'version_conflict',
    );
    const again = await as('bx', 'PUT', `/v1/standard-mappings/${SYSTEM}`, { items: made.items, version: 1 });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(2);
    expect((await as('bx', 'GET', `/v1/standard-mappings/${SYSTEM}`)).body).toEqual(again.body);
    expect((await as('bx', 'GET', '/v1/standard-mappings')).body.items).toEqual([again.body]);
    await putMapping(s, tok.fz!);
    await putMapping(s, tok.qq!, { withoutL3: true });
    await putMapping(s, tok.jd!);
    expect((await auditActions('bx')).filter((e) => e.action === 'mapping.save')).toHaveLength(2);
  });
});

describe('sharing with the province', () => {
  it('names whom a tenant may share with, and whether each subscribes', async () => {
    expect((await as('bx', 'GET', '/v1/sharing/recipients')).body.items).toEqual([
      { kind: 'province', code: HLJ, name: '黑龙江省', subscribed: true },
      { kind: 'city', code: HRB, name: '哈尔滨市', subscribed: true },
    ]);
    expect((await as('qq', 'GET', '/v1/sharing/recipients')).body.items).toEqual([
      { kind: 'province', code: HLJ, name: '黑龙江省', subscribed: true },
    ]);
    expect((await as('jd', 'GET', '/v1/sharing/recipients')).body.items[1]).toEqual({
      kind: 'city',
      code: '230300',
      name: '鸡西市',
      subscribed: false,
    });
    expect((await as('hlj', 'GET', '/v1/sharing/recipients')).body.items).toEqual([]);
  });

  it('shares only released results, and only with a recipient that subscribes', async () => {
    expectProblem(
      await as('bx', 'GET', `/v1/cycles/${C26}/shares/preview?to=province`),
      409,
      'precondition_failed',
    );
    expectProblem(
      await as('bx', 'POST', `/v1/cycles/${C26}/shares`, { to: 'province' }),
      409,
      'precondition_failed',
    );
    const jd = await releasedYear(s, JD, 'jd-admin', 2025, BX_2025);
    const refused = await as('jd', 'POST', `/v1/cycles/${jd.cycle}/shares`, { to: 'city' });
    expectProblem(refused, 409, 'recipient_not_subscribed');
    expect(refused.body.message.zh).toContain('鸡西市');
    const qq = await releasedYear(s, QQ, 'qq-admin', 2025, BX_2025);
    expectProblem(
      await as('qq', 'POST', `/v1/cycles/${qq.cycle}/shares`, { to: 'city' }),
      409,
      'precondition_failed',
    );
    expectProblem(await as('hrb', 'GET', `/v1/cycles/${C25}/shares`), 404, 'not_found');
    expect(await s.data.province.shared.all('230300', 2025)).toEqual([]);
  });

  let preview: any;
  it('previews what it would send: the mapped values and coverage, nothing per unit', async () => {
    const r = await as('bx', 'GET', `/v1/cycles/${C25}/shares/preview?to=province`);
    expect(r.status, r.text).toBe(200);
    preview = r.body;
    expect(preview).toMatchObject({
      recipient: HLJ,
      recipientKind: 'province',
      tenant: BX,
      tenantName: '宾县',
      level: 'county',
      parent: HRB,
      year: 2025,
      published: false,
      coverage: { mappedPoints: 100, totalPoints: 100, mappedLeaves: 3, totalLeaves: 3 },
      summary: { units: 2 },
    });
    expect(preview.indicators.map((i: any) => [i.standard, i.value, i.units])).toEqual([
      ['S1', 80, 2],
      ['S2', 30, 2],
      ['S3', 90, 2],
    ]);
    expect(preview.indicators[0].leaves).toEqual([`${SYSTEM}@1:L1`]);
    // Nothing of the units: no unit code, no unit name, no per-unit value.
    expect(r.text).not.toMatch(/FGJ|CZJ|发展和改革局|财政局/);
    expect(await s.data.province.shared.get(HLJ, 2025, BX)).toBeUndefined();
    expect((await as('bx', 'GET', `/v1/cycles/${C25}/shares`)).body.items).toEqual([]);
  });

  let record: any;
  it('shares (201), and the province sees exactly what the preview showed', async () => {
    const r = await as(
      'bx',
      'POST',
      `/v1/cycles/${C25}/shares`,
      { to: 'province', note: '请省绩效办审阅' },
      {
        'idempotency-key': 'share-bx-2025-1',
      },
    );
    expect(r.status, r.text).toBe(201);
    record = r.body;
    expect(record).toMatchObject({
      tenant: BX,
      recipient: HLJ,
      recipientKind: 'province',
      recipientName: '黑龙江省',
      cycle: C25,
      year: 2025,
      runNumber: 1,
      status: 'shared',
      note: '请省绩效办审阅',
      indicators: 3,
      version: 1,
    });
    const replay = await as(
      'bx',
      'POST',
      `/v1/cycles/${C25}/shares`,
      { to: 'province', note: '请省绩效办审阅' },
      {
        'idempotency-key': 'share-bx-2025-1',
      },
    );
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(record);

    const seen = await as('analyst', 'GET', `/v1/shared-results/2025/${BX}`);
    expect(seen.status).toBe(200);
    const { shared: _a, note: _b, ...stored } = seen.body;
    const { shared: _c, note: _d, ...previewed } = preview;
    expect(stored).toEqual(previewed);
    expect(seen.body.note).toBe('请省绩效办审阅');
    expect(sharedResultSchema.parse(seen.body)).toEqual(seen.body);
    expect((await as('analyst', 'GET', '/v1/shared-results/years')).body.years).toEqual([2025]);
    const list = await as('hlj', 'GET', '/v1/shared-results?year=2025');
    expect(list.body.items.map((x: any) => x.tenant)).toEqual([BX]);
    expect((await as('bx', 'GET', `/v1/cycles/${C25}/shares`)).body.items).toEqual([record]);
    expect((await as('bx', 'GET', '/v1/sharing')).body.items).toEqual([record]);
    const cmp = await as('analyst', 'GET', '/v1/comparisons?year=2025');
    expect(cmp.body.rows.map((x: any) => x.tenant)).toEqual([BX]);
  });

  it('shows another province nothing of it', async () => {
    for (const who of ['jl', 'jlAnalyst']) {
      expect((await as(who, 'GET', '/v1/shared-results')).body.items).toEqual([]);
      expect((await as(who, 'GET', '/v1/shared-results/years')).body.years).toEqual([]);
      expectProblem(await as(who, 'GET', `/v1/shared-results/2025/${BX}`), 404, 'not_found');
      expect((await as(who, 'GET', '/v1/comparisons?year=2025')).body.rows).toEqual([]);
      expect((await as(who, 'GET', '/v1/peer-groups')).body.items).toEqual([]);
    }
  });

  it('never lets a province read the tenant’s own records', async () => {
    const run = (await s.data.evaluation.runs.released(BX, C25))!.run;
    for (const who of ['analyst', 'hlj', 'jl', 'jlAnalyst']) {
      for (const path of [
        `/v1/cycles/${C25}`,
        `/v1/cycles/${C25}/values?unit=FGJ`,
        `/v1/cycles/${C25}/evaluation/runs/${run}/results`,
        `/v1/cycles/${C25}/reports`,
        `/v1/cycles/${C25}/shares`,
        `/v1/standard-mappings/${SYSTEM}`,
        '/v1/units/FGJ',
      ]) {
        const r = await as(who, 'GET', path);
        expect([403, 404], `${who} ${path}: ${r.status}`).toContain(r.status);
      }
    }
  });

  it('lets no county or district compare, with words that say who may', async () => {
    const r = await as('bx', 'GET', '/v1/comparisons?year=2025');
    expectProblem(r, 403, 'tenant_level_not_allowed');
    expect(r.body.message.zh).toBe('只有省级或市级绩效管理机构可以查看共享的考核结果。');
    expectProblem(await as('bx', 'GET', '/v1/shared-results'), 403, 'tenant_level_not_allowed');
  });

  it('withdraws by version with a reason: the province no longer sees it', async () => {
    const path = `/v1/cycles/${C25}/shares/${HLJ}/withdraw`;
    expectProblem(await as('bx', 'POST', path, { version: 9, reason: '数据有误' }), 409, 'version_conflict');
    expectProblem(await as('fz', 'POST', path, { version: 1, reason: '冒名' }), 404, 'not_found');
    const r = await as('bx', 'POST', path, { version: record.version, reason: '数据有误，待更正后重新共享' });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({
      status: 'withdrawn',
      version: 2,
      withdrawn: { by: 'bx-admin', reason: '数据有误，待更正后重新共享' },
    });
    expectProblem(await as('analyst', 'GET', `/v1/shared-results/2025/${BX}`), 404, 'not_found');
    expect((await as('analyst', 'GET', '/v1/shared-results')).body.items).toEqual([]);
    expect((await as('analyst', 'GET', '/v1/comparisons?year=2025')).body.rows).toEqual([]);
    expectProblem(await as('bx', 'POST', path, { version: 2, reason: '再撤' }), 409, 'precondition_failed');
    const actions = (await auditActions('bx')).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['share.create', 'share.withdraw']));
    expect((await as('bx', 'GET', '/v1/audit/verify')).body.ok).toBe(true);
  });

  it('shares again after a withdrawal, and refreshes the copy after a new release', async () => {
    const again = await as('bx', 'POST', `/v1/cycles/${C25}/shares`, { to: 'province' });
    expect(again.status, again.text).toBe(201);
    expect(again.body).toMatchObject({ status: 'shared', version: 3, runNumber: 1 });
    expect(again.body.withdrawn).toBeUndefined();
    await releaseRun(s, BX, C25, { ...BX_2025, FGJ: { L1: 100, L2: 10, L3: 80 } });
    const refreshed = await as('bx', 'POST', `/v1/cycles/${C25}/shares`, { to: 'province' });
    expect(refreshed.body).toMatchObject({ status: 'shared', version: 4, runNumber: 2 });
    const seen = await as('analyst', 'GET', `/v1/shared-results/2025/${BX}`);
    expect(seen.body.run.number).toBe(2);
    expect(seen.body.indicators[0]).toMatchObject({ standard: 'S1', value: 85 });
  });

  it('replaces the share by another cycle of the same year, and back', async () => {
    C25b = (await releasedYear(s, BX, 'bx-admin', 2025, { FGJ: { L1: 50, L2: 1, L3: 50 } })).cycle;
    const second = await as('bx', 'POST', `/v1/cycles/${C25b}/shares`, { to: 'province' });
    expect(second.status, second.text).toBe(201);
    const first = (await as('bx', 'GET', `/v1/cycles/${C25}/shares`)).body.items[0];
    expect(first).toMatchObject({ status: 'replaced', version: 5 });
    const seen = await as('analyst', 'GET', `/v1/shared-results/2025/${BX}`);
    expect(seen.body.cycle.id).toBe(C25b);
    expect(seen.body.indicators[0].value).toBe(50);
    expectProblem(
      await as('bx', 'POST', `/v1/cycles/${C25}/shares/${HLJ}/withdraw`, { version: 5, reason: '撤回' }),
      409,
      'precondition_failed',
    );
    // Sharing the first again puts it back and replaces the second.
    expect((await as('bx', 'POST', `/v1/cycles/${C25}/shares`, { to: 'province' })).status).toBe(201);
    expect((await as('bx', 'GET', `/v1/cycles/${C25b}/shares`)).body.items[0].status).toBe('replaced');
    expect((await as('analyst', 'GET', `/v1/shared-results/2025/${BX}`)).body.cycle.id).toBe(C25);
    // Newest change first: the second cycle's record was marked replaced last.
    const all = (await as('bx', 'GET', '/v1/sharing?limit=1')).body;
    expect(all.items).toHaveLength(1);
    expect(all.items[0]).toMatchObject({ cycle: C25b, status: 'replaced' });
    const rest = (await as('bx', 'GET', `/v1/sharing?cursor=${encodeURIComponent(all.nextCursor)}`)).body;
    expect(rest.items.map((r: any) => [r.cycle, r.status])).toEqual([[C25, 'shared']]);
  });
});

describe('sharing with the city', () => {
  it('lets a county share with its city, which sees it beside the province’s copy', async () => {
    const fz = await releasedYear(s, FZ, 'fz-admin', 2025, FZ_2025);
    for (const [who, cycle] of [
      ['bx', C25],
      ['fz', fz.cycle],
    ] as const) {
      const r = await as(who, 'POST', `/v1/cycles/${cycle}/shares`, { to: 'city', note: '报市考核办' });
      expect(r.status, r.text).toBe(201);
      expect(r.body).toMatchObject({ recipient: HRB, recipientKind: 'city', recipientName: '哈尔滨市' });
    }
    const city = await as('hrb', 'GET', '/v1/shared-results?year=2025');
    expect(city.body.items.map((x: any) => [x.tenant, x.recipient, x.recipientKind])).toEqual([
      [FZ, HRB, 'city'],
      [BX, HRB, 'city'],
    ]);
    const cmp = await as('hrb', 'GET', '/v1/comparisons?year=2025');
    expect(cmp.status, cmp.text).toBe(200);
    expect(cmp.body.recipient).toBe(HRB);
    expect(cmp.body.rows.map((r: any) => r.tenant).sort()).toEqual([FZ, BX].sort());
    // The province holds its own copy of 宾县 only (方正县 shared with the city alone).
    expect(
      (await as('analyst', 'GET', '/v1/shared-results?year=2025')).body.items.map((x: any) => x.tenant),
    ).toEqual([BX]);
    // Withdrawing the city's copy leaves the province's.
    const rec = (await as('bx', 'GET', `/v1/cycles/${C25}/shares`)).body.items.find(
      (r: any) => r.recipient === HRB,
    );
    const w = await as('bx', 'POST', `/v1/cycles/${C25}/shares/${HRB}/withdraw`, {
      version: rec.version,
      reason: '改为只报省',
    });
    expect(w.status).toBe(200);
    expectProblem(await as('hrb', 'GET', `/v1/shared-results/2025/${BX}`), 404, 'not_found');
    expect((await as('analyst', 'GET', `/v1/shared-results/2025/${BX}`)).status).toBe(200);
  });

  it('binds a recipient’s cursor to it: another recipient’s cursor is refused', async () => {
    const qq = (await s.data.evaluation.runs.released(QQ, (await s.data.cycles.all(QQ))[0]!.id))!;
    expect(qq.number).toBe(1);
    const shared = await as('qq', 'POST', `/v1/cycles/${qq.cycle}/shares`, { to: 'province' });
    expect(shared.status).toBe(201);
    const page = await as('analyst', 'GET', '/v1/shared-results?limit=1');
    expect(page.body.nextCursor).toBeTruthy();
    const cursor = `cursor=${encodeURIComponent(page.body.nextCursor)}`;
    expect((await as('analyst', 'GET', `/v1/shared-results?limit=1&${cursor}`)).status).toBe(200);
    expectProblem(await as('hrb', 'GET', `/v1/shared-results?limit=1&${cursor}`), 400, 'invalid_cursor');
    expectProblem(
      await as('jlAnalyst', 'GET', `/v1/shared-results?limit=1&${cursor}`),
      400,
      'invalid_cursor',
    );
    expectProblem(await as('jl', 'GET', `/v1/shared-results?limit=1&${cursor}`), 400, 'invalid_cursor');
  });
});

describe('guidance sent down', () => {
  let sent: any;
  it('goes from the city to its subscribing counties, each in its own inbox', async () => {
    const r = await as('hrb', 'POST', '/v1/guidance', {
      title: '关于做好 2026 年度县级政府绩效评估工作的通知',
      reference: '哈绩效办〔2026〕3号',
      body: '各县（市）绩效管理机构：请按市考核办的安排做好年度绩效评估工作。',
    });
    expect(r.status, r.text).toBe(201);
    sent = r.body;
    expect(sent).toMatchObject({ from: HRB, fromName: '哈尔滨市', sent: { by: 'hrb-admin' } });
    expect(sent.id).toMatch(/^gd[a-z2-7]{12}$/);
    expect(sent.to).toEqual([
      { tenant: FZ, name: '方正县' },
      { tenant: BX, name: '宾县' },
    ]);
    for (const who of ['bx', 'fz']) {
      const inbox = await as(who, 'GET', '/v1/guidance/inbox');
      expect(inbox.body.items).toEqual([sent]);
      expect((await as(who, 'GET', `/v1/guidance/inbox/${sent.id}`)).body).toEqual(sent);
    }
    expect((await as('hrb', 'GET', '/v1/guidance/sent')).body.items).toEqual([sent]);
    expect((await as('hrb', 'GET', '/v1/guidance/inbox')).body.items).toEqual([]);
    const trail = (await auditActions('hrb')).filter((e) => e.action === 'guidance.send');
    expect(trail).toHaveLength(1);
    expect(trail[0].after.to).toEqual([FZ, BX]);
  });

  it('reaches no county outside the city, and only the chosen ones when named', async () => {
    expect((await as('jd', 'GET', '/v1/guidance/inbox')).body.items).toEqual([]);
    expectProblem(await as('jd', 'GET', `/v1/guidance/inbox/${sent.id}`), 404, 'not_found');
    expectProblem(await as('qq', 'GET', `/v1/guidance/inbox/${sent.id}`), 404, 'not_found');
    const chosen = await as('hrb', 'POST', '/v1/guidance', {
      title: '仅致方正县',
      body: '请于月底前报送材料。',
      to: [FZ],
    });
    expect(chosen.body.to).toEqual([{ tenant: FZ, name: '方正县' }]);
    expect((await as('bx', 'GET', '/v1/guidance/inbox')).body.items).toHaveLength(1);
    const page = await as('fz', 'GET', '/v1/guidance/inbox?limit=1');
    expect(page.body.items[0].id).toBe(chosen.body.id);
    const wrong = await as('hrb', 'POST', '/v1/guidance', { title: '越级', body: '不应送达', to: [FZ, JD] });
    expectProblem(wrong, 422, 'validation_failed');
    expect(wrong.body.errors.map((e: any) => e.path)).toEqual(['body.to.1']);
    expectProblem(
      await as('bx', 'POST', '/v1/guidance', { title: '县发', body: '不应发出' }),
      403,
      'tenant_level_not_allowed',
    );
    expectProblem(
      await as('hlj', 'POST', '/v1/guidance', { title: '省发', body: '不应发出' }),
      403,
      'tenant_level_not_allowed',
    );
    expectProblem(
      await as('qq', 'POST', '/v1/guidance', { title: '无县', body: '无人接收' }),
      409,
      'precondition_failed',
    );
  });
});

type SdkMiddleware = {
  middlewareStack: {
    add(
      mw: (
        next: (a: { input: Record<string, unknown> }) => Promise<unknown>,
      ) => (a: { input: Record<string, unknown> }) => Promise<unknown>,
      o: { step: 'initialize'; name: string },
    ): void;
  };
};

describe('a send cut short', () => {
  it('is resumed with the same Idempotency-Key: every county gets the document once', async () => {
    // The DynamoDB write of 宾县's copy fails once (fault injection at the SDK): the send stops after
    // the city's record and 方正县's copy.
    const inbox = keys.guidanceInbox(BX).pk;
    let failures = 1;
    (s.clients.dynamo as unknown as SdkMiddleware).middlewareStack.add(
      (next) => async (args) => {
        const pk = (args.input.Item as { pk?: unknown } | undefined)?.pk;
        const text = typeof pk === 'string' ? pk : (pk as { S?: string } | undefined)?.S;
        if (text === inbox && failures > 0) {
          failures--;
          throw Object.assign(new Error('injected: service unavailable'), {
            name: 'ServiceUnavailable',
            $metadata: { httpStatusCode: 503 },
          });
        }
        return next(args);
      },
      { step: 'initialize', name: 'failOneInboxWrite' },
    );
    const body = { title: '关于报送年度绩效自评报告的通知', body: '请于 12 月 20 日前报送。' };
    const headers = { 'idempotency-key': 'guidance-resume-1' };
    const first = await as('hrb', 'POST', '/v1/guidance', body, headers);
    expect(first.status).toBeGreaterThanOrEqual(500);
    expect(failures).toBe(0);
    const before = (await as('fz', 'GET', '/v1/guidance/inbox')).body.items.length;
    const again = await as('hrb', 'POST', '/v1/guidance', body, headers);
    expect(again.status, again.text).toBe(201);
    const id = again.body.id;
    for (const who of ['bx', 'fz']) {
      const items = (await as(who, 'GET', '/v1/guidance/inbox')).body.items.filter((g: any) => g.id === id);
      expect(items).toHaveLength(1);
    }
    expect((await as('fz', 'GET', '/v1/guidance/inbox')).body.items).toHaveLength(before);
    const sentList = (await as('hrb', 'GET', '/v1/guidance/sent?limit=100')).body.items;
    expect(sentList.filter((g: any) => g.title === body.title)).toHaveLength(1);
  });
});

describe('a withdrawal cut short', () => {
  it('never leaves a copy the record calls withdrawn: the retry completes it', async () => {
    const { cycle } = await releasedYear(s, FZ, 'fz-admin', 2023, { FGJ: { L1: 70, L2: 5, L3: 60 } });
    const made = await as('fz', 'POST', `/v1/cycles/${cycle}/shares`, { to: 'province' });
    expect(made.status, made.text).toBe(201);
    expect((await as('analyst', 'GET', `/v1/shared-results/2023/${FZ}`)).status).toBe(200);
    // The write of 方正县's share record fails once, after the copy is gone (fault at the SDK).
    const records = keys.shareRecords(FZ).pk;
    let failures = 1;
    (s.clients.dynamo as unknown as SdkMiddleware).middlewareStack.add(
      (next) => async (args) => {
        const pk = (args.input.Key as { pk?: unknown } | undefined)?.pk;
        const text = typeof pk === 'string' ? pk : (pk as { S?: string } | undefined)?.S;
        if (text === records && args.input.UpdateExpression !== undefined && failures > 0) {
          failures--;
          throw Object.assign(new Error('injected: service unavailable'), {
            name: 'ServiceUnavailable',
            $metadata: { httpStatusCode: 503 },
          });
        }
        return next(args);
      },
      { step: 'initialize', name: 'failOneShareRecordUpdate' },
    );
    const path = `/v1/cycles/${cycle}/shares/${HLJ}/withdraw`;
    const body = { version: made.body.version, reason: '数据待更正' };
    expect((await as('fz', 'POST', path, body)).status).toBeGreaterThanOrEqual(500);
    expect(failures).toBe(0);
    expectProblem(await as('analyst', 'GET', `/v1/shared-results/2023/${FZ}`), 404, 'not_found');
    const again = await as('fz', 'POST', path, body);
    expect(again.status, again.text).toBe(200);
    expect(again.body.status).toBe('withdrawn');
  });
});

describe('bad input', () => {
  it('answers every malformed body with a 4xx problem, never a 5xx (fast-check)', async () => {
    const routes: [string, string, string, Record<string, unknown>][] = [
      ['bx', 'POST', `/v1/cycles/${C25}/shares`, { to: 'province', note: '说明' }],
      ['bx', 'POST', `/v1/cycles/${C25b}/shares/${HLJ}/withdraw`, { version: 1, reason: '撤回' }],
      [
        'bx',
        'PUT',
        `/v1/standard-mappings/${SYSTEM}`,
        { items: [{ leaf: 'L1', standard: 'S1' }], version: 1 },
      ],
      [
        'hlj',
        'PUT',
        '/v1/standards/S8',
        { name: '甲', dimension: '乙', definition: '丙', unit: '%', direction: 'higher', weight: 1 },
      ],
      ['hrb', 'POST', '/v1/guidance', { title: '标题', body: '正文', to: [BX] }],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(fc.jsonValue(), fc.record({ field: fc.string({ maxLength: 12 }), value: fc.jsonValue() })),
        async ([who, method, path, base], mutation) => {
          const body =
            mutation && typeof mutation === 'object' && 'field' in mutation && 'value' in mutation
              ? { ...base, [Object.keys(base)[0]!]: mutation.value, [String(mutation.field)]: mutation.value }
              : mutation;
          const r = await s.call(method, path, { token: tok[who], body });
          expect(r.status, `${method} ${path} ${JSON.stringify(body).slice(0, 200)}`).toBeLessThan(500);
          if (r.status >= 400) {
            expect(r.headers.get('content-type')).toContain('application/problem+json');
            expect(r.body.message.zh).toMatch(/[\u4e00-\u9fff]/);
          }
        },
      ),
      { numRuns: 150, seed: 20261212 },
    );
  });

  it('walked every route of sharing, mappings, the library and guidance', () => {
    const own = [CONTRACTS.sharing, CONTRACTS.standardMappings, CONTRACTS.standards, CONTRACTS.guidance]
      .flatMap((c) => Object.values(c) as { method: string; path: string }[])
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(own.filter((k) => !coveredRoutes.has(k))).toEqual([]);
  });
});
