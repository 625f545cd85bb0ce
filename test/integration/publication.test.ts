import { createHash } from 'node:crypto';
import { CONTRACTS } from '@jixiao/api/contracts';
import { publishedCycleSchema } from '@jixiao/core';
import { newId } from '@jixiao/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coveredRoutes, startTestStack, type TestStack } from '../support/stack';

/**
 * Publication (绩效结果公开) over HTTP on the demo: 哈尔滨市's 2024 special evaluation (released twice
 * through the real state machine, appeals decided, closed) and the 2025 cycle (in verification,
 * a trial run only). Readiness and its reasons, publishing a frozen snapshot written once, the 409s
 * (not ready, stale version, already published, two offices at once), withdrawing, publishing
 * again under the next number, and the audit trail.
 */
let s: TestStack;
const tok: Record<string, string> = {};
let C24: string;
let C25: string;
const T = '230100';

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  for (const u of ['hrb-admin', 'hrb-observer', 'hrb-jyj', 'hrb-expert']) tok[u] = await s.token(T, u);
  tok.bx = await s.token('230125', 'bx-admin');
  const cycles = (await as('hrb-admin', 'GET', '/v1/cycles')).body.items;
  C24 = cycles.find((c: { year: number }) => c.year === 2024).id;
  C25 = cycles.find((c: { year: number }) => c.year === 2025).id;
}, 300_000);
afterAll(() => s.stop());

const as = (user: string, method: string, path: string, body?: unknown) =>
  s.call(method, path, { token: tok[user], ...(body === undefined ? {} : { body }) });
const admin = (method: string, path: string, body?: unknown) => as('hrb-admin', method, path, body);
const P = (cycle: string) => `/v1/cycles/${cycle}/publication`;

function expectProblem(r: { status: number; body: any }, status: number, code?: string) {
  expect(r.status, JSON.stringify(r.body).slice(0, 400)).toBe(status);
  if (code) expect(r.body.code).toBe(code);
  expect(r.body.message.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(r.body.message.en).toMatch(/[A-Za-z]/);
}

async function auditEntries(action: string) {
  const out: any[] = [];
  let cursor: string | undefined;
  do {
    const q = cursor ? `?limit=200&cursor=${encodeURIComponent(cursor)}` : '?limit=200';
    const page = await admin('GET', `/v1/audit${q}`);
    out.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return out.filter((e) => e.action === action);
}

/** The stored snapshot a record names, checked against the record's size and SHA-256. */
async function storedSnapshot(record: any) {
  const bytes = await s.data.blobs.get(T, record.snapshot.key.split('/'));
  expect(bytes, record.snapshot.key).toBeDefined();
  expect(bytes!.byteLength).toBe(record.snapshot.bytes);
  expect(createHash('sha256').update(bytes!).digest('hex')).toBe(record.snapshot.sha256);
  return {
    bytes: bytes!,
    snapshot: publishedCycleSchema.parse(JSON.parse(new TextDecoder().decode(bytes!))),
  };
}

/** A stand-in appeal record (a copy of a demo appeal with another id and status), to raise a blocker. */
async function fakeAppeal(status: 'submitted' | 'accepted') {
  const appeals = await s.data.cycleRecords.all<any>(T, C24, 'APPEAL');
  const { version: _v, createdAt: _c, updatedAt: _u, ...a } = appeals[0];
  const id = newId('appeal');
  await s.data.cycleRecords.create(
    T,
    C24,
    'APPEAL',
    [a.unit, id],
    { ...a, id, status },
    {
      zh: '申诉',
      en: 'Appeal',
    },
  );
  return {
    remove: async () => {
      const cur = await s.data.cycleRecords.get<any>(T, C24, 'APPEAL', [a.unit, id]);
      await s.data.cycleRecords.update(
        T,
        C24,
        'APPEAL',
        [a.unit, id],
        cur!.version,
        { status: 'withdrawn' },
        {
          zh: '申诉',
          en: 'Appeal',
        },
      );
    },
  };
}

let first: any;

describe('readiness', () => {
  it('says why a cycle in verification with nothing released may not be published, and refuses', async () => {
    const view = await admin('GET', P(C25));
    expect(view.status).toBe(200);
    expect(view.body.cycle).toMatchObject({ id: C25, year: 2025, state: 'verification' });
    expect(view.body.released).toBeUndefined();
    expect(view.body.publication).toBeUndefined();
    expect(view.body.readiness.canPublish).toBe(false);
    const zh = view.body.readiness.blockers.map((b: any) => b.zh).join('；');
    expect(zh).toContain('考核周期处于「指标考核」环节');
    expect(zh).toContain('尚未向各单位发布评估结果');
    for (const b of view.body.readiness.blockers) expect(b.en).toMatch(/[a-z]/);
    const r = await admin('POST', P(C25), { note: '提前公开' });
    expectProblem(r, 409, 'publication_not_ready');
    expect(r.body.detail.blockers).toEqual(view.body.readiness.blockers);
    expect(await s.data.publications.get(T, C25)).toBeUndefined();
  });

  it('the office and observers see the publication page; a unit, an expert and another tenant do not', async () => {
    expect((await as('hrb-observer', 'GET', P(C24))).status).toBe(200);
    expectProblem(await as('hrb-jyj', 'GET', P(C24)), 403, 'forbidden');
    expectProblem(await as('hrb-expert', 'GET', P(C24)), 403, 'forbidden');
    expectProblem(await as('bx', 'GET', P(C24)), 404, 'not_found');
  });
});

describe('publishing', () => {
  it('publishes the released results of the closed 2024 evaluation as a snapshot written once', async () => {
    let view = await admin('GET', P(C24));
    expect(view.body.cycle.state).toBe('closed');
    const released = view.body.released;
    expect(released.number).toBe(2);
    // The demo publishes its 2024 results when it is replayed; a stack without that part publishes here.
    if (!view.body.publication) {
      expect(view.body.readiness).toEqual({ canPublish: true, blockers: [] });
      const r = await admin('POST', P(C24), { note: '经申诉复核后定稿，向社会公开。' });
      expect(r.status, r.text).toBe(201);
      view = await admin('GET', P(C24));
    }
    first = view.body.publication;
    expect(first).toMatchObject({
      cycle: C24,
      number: 1,
      run: released.run,
      runNumber: 2,
      status: 'published',
      history: [],
    });
    expect(first.snapshot.key).toBe(`publications/${C24}/1.json`);
    expect(view.body.publicPath).toBe(`/console/public/${T}/results/${C24}`);
    expect(view.body.readiness.canPublish).toBe(false);
    expect(view.body.readiness.blockers[0].zh).toContain('已公开');

    const { snapshot } = await storedSnapshot(first);
    expect(snapshot).toMatchObject({
      tenant: { code: T, name: '哈尔滨市' },
      cycle: { id: C24, year: 2024 },
      number: 1,
      run: { id: released.run, number: 2 },
    });
    // The public rows are the released rows: every unit with its total, rank and grade.
    const results = await admin('GET', `/v1/cycles/${C24}/evaluation/runs/${released.run}/results`);
    const rows = snapshot.groups.flatMap((g) => g.rows);
    expect(rows.map((r) => r.unit).sort()).toEqual(results.body.rows.map((r: any) => r.unit).sort());
    for (const r of results.body.rows) {
      const p = rows.find((x) => x.unit === r.unit)!;
      expect(p).toMatchObject({ total: r.total.shown, rank: r.rank, of: r.of, grade: { code: r.grade } });
      expect(p.dimensions.length).toBeGreaterThan(0);
    }
    expect(snapshot.groups.map((g) => [g.code, g.providers])).toEqual([['SOCIAL', false]]);
    expect(Object.keys(snapshot.units).sort()).toEqual(rows.map((r) => r.unit).sort());
    expect(snapshot.office.kind).toBe('office');
    expect(snapshot.congress.kind).toBe('congress');
    expect(snapshot.office.header.publishedOn).toBeDefined();
    expect(snapshot.units.MZJ!.header.publishedOn).toBe(snapshot.office.header.publishedOn);
  });

  it('refuses to publish the same release again, with or without the version', async () => {
    const again = await admin('POST', P(C24), { note: '重复公开' });
    expectProblem(again, 409, 'publication_not_ready');
    expect(again.body.message.zh).toContain('已公开');
    expectProblem(await admin('POST', P(C24), { version: first.version }), 409, 'publication_not_ready');
  });

  it('only the office publishes and withdraws: observers, units and another tenant are refused', async () => {
    expectProblem(await as('hrb-observer', 'POST', P(C24), { note: 'x' }), 403, 'forbidden');
    expectProblem(
      await as('hrb-jyj', 'POST', `${P(C24)}/withdraw`, { version: first.version, reason: '篡改' }),
      403,
      'forbidden',
    );
    expectProblem(await as('bx', 'POST', `${P(C24)}/withdraw`, { version: 1, reason: '篡改' }), 404);
    expect((await admin('GET', P(C24))).body.publication.status).toBe('published');
  });
});

describe('withdrawing and publishing again', () => {
  let withdrawn: any;

  it('withdraws at the current version only, with the reason kept', async () => {
    expectProblem(
      await admin('POST', `${P(C24)}/withdraw`, { version: first.version + 7, reason: '数据复核' }),
      409,
      'version_conflict',
    );
    expectProblem(await admin('POST', `${P(C24)}/withdraw`, { version: first.version }), 422);
    const r = await admin('POST', `${P(C24)}/withdraw`, {
      version: first.version,
      reason: '发现个别单位名称表述有误，更正后重新公开。',
    });
    expect(r.status, r.text).toBe(200);
    withdrawn = r.body;
    expect(withdrawn).toMatchObject({ status: 'withdrawn', number: 1, version: first.version + 1 });
    expect(withdrawn.withdrawn.reason).toContain('更正后重新公开');
    expect(withdrawn.snapshot).toEqual(first.snapshot);
    expectProblem(
      await admin('POST', `${P(C24)}/withdraw`, { version: withdrawn.version, reason: '再次撤回' }),
      409,
      'precondition_failed',
    );
    const view = await admin('GET', P(C24));
    expect(view.body.publicPath).toBeUndefined();
    expect(view.body.readiness).toEqual({ canPublish: true, blockers: [] });
  });

  it('names an appeal awaiting a decision, and an accepted one the released results lack', async () => {
    const waiting = await fakeAppeal('submitted');
    const accepted = await fakeAppeal('accepted');
    const view = await admin('GET', P(C24));
    const zh = view.body.readiness.blockers.map((b: any) => b.zh);
    expect(zh).toEqual(['仍有 1 件申诉待复核', '1 件已采纳的申诉尚未纳入已发布的结果，须重新计算并发布']);
    const r = await admin('POST', P(C24), { version: withdrawn.version });
    expectProblem(r, 409, 'publication_not_ready');
    expect(r.body.message.zh).toContain('仍有 1 件申诉待复核');
    await waiting.remove();
    await accepted.remove();
    expect((await admin('GET', P(C24))).body.readiness.canPublish).toBe(true);
  });

  it('publishes again under the next number, only at the current version; the first snapshot stays', async () => {
    expectProblem(await admin('POST', P(C24), { note: '重新公开' }), 409, 'version_conflict');
    expectProblem(await admin('POST', P(C24), { version: 99, note: '重新公开' }), 409, 'version_conflict');
    const before = await storedSnapshot(first);
    const r = await admin('POST', P(C24), { version: withdrawn.version, note: '更正后重新公开。' });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ status: 'published', number: 2, note: '更正后重新公开。' });
    expect(r.body.withdrawn).toBeUndefined();
    expect(r.body.snapshot.key).toBe(`publications/${C24}/2.json`);
    expect(r.body.history).toEqual([
      { number: 1, run: first.run, at: first.published.at, withdrawnAt: withdrawn.withdrawn.at },
    ]);
    const after = await storedSnapshot(first);
    expect(after.bytes).toEqual(before.bytes);
    const { snapshot } = await storedSnapshot(r.body);
    expect(snapshot.number).toBe(2);
    expect(snapshot.note).toBe('更正后重新公开。');
    first = r.body;
  });

  it('lets one of two offices publishing at once win; the other gets 409 and the winner’s snapshot holds', async () => {
    const w = await admin('POST', `${P(C24)}/withdraw`, { version: first.version, reason: '并发测试' });
    const both = await Promise.all([
      admin('POST', P(C24), { version: w.body.version, note: '甲' }),
      admin('POST', P(C24), { version: w.body.version, note: '乙' }),
    ]);
    const won = both.filter((r) => r.status === 201);
    const lost = both.filter((r) => r.status !== 201);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expectProblem(lost[0]!, 409, 'version_conflict');
    const view = await admin('GET', P(C24));
    expect(view.body.publication).toEqual(won[0]!.body);
    const { snapshot } = await storedSnapshot(view.body.publication);
    expect(snapshot.note).toBe(won[0]!.body.note);
    expect(snapshot.number).toBe(won[0]!.body.number);
    first = view.body.publication;
  });
});

describe('the audit trail', () => {
  it('records every publishing and withdrawal with who, what and why', async () => {
    const published = await auditEntries('publication.publish');
    const withdrawals = await auditEntries('publication.withdraw');
    expect(withdrawals.map((e) => e.note)).toEqual(
      expect.arrayContaining(['发现个别单位名称表述有误，更正后重新公开。', '并发测试']),
    );
    const mine = published.filter((e) => e.target.id.startsWith(`${C24}/`));
    expect(mine.map((e) => e.target.id)).toEqual(
      expect.arrayContaining([`${C24}/2`, `${C24}/${first.number}`]),
    );
    const last = mine.find((e) => e.target.id === `${C24}/${first.number}`);
    expect(last).toMatchObject({
      actor: { sub: 'hrb-admin' },
      target: { type: 'publication' },
      after: { number: first.number, run: first.run, sha256: first.snapshot.sha256 },
    });
    expect(withdrawals[0]).toMatchObject({ target: { type: 'publication' }, after: { status: 'withdrawn' } });
    const verify = await admin('GET', '/v1/audit/verify');
    expect(verify.body.ok).toBe(true);
  });

  it('walked every route of the publication', () => {
    const own = Object.values(CONTRACTS.publication).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(own.filter((k) => !coveredRoutes.has(k))).toEqual([]);
  });
});
