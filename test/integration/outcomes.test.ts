import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoReview } from '../support/fixtures/meeting';
import { outcomesFixtures, publishResults, resolveOutcomesIds } from '../support/fixtures/outcomes';
import { appRoutes, DEMO, requestFor } from '../support/routes';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Appeals (申诉复核), rectification (整改) and the use of results (结果运用) over HTTP on the demo
 * year (2025, moved to review). Released results are written straight into the data layer
 * (`publishResults`: the units scored on their stored inputs, as the batch does), so this file
 * depends on the batch only in its last part, the end-to-end flow through the real state machine.
 */
let s: TestStack;
let clock = new Date();
const tok: Record<string, string> = {};
let C: string;
let run1: Awaited<ReturnType<typeof publishResults>>;

/** Sets the app's clock to 10:00 in Shanghai on `day`. */
const on = (day: string) => {
  clock = new Date(`${day}T10:00:00+08:00`);
};

beforeAll(async () => {
  s = await startTestStack({ demoYear: true, demoResults: false, now: () => clock });
  for (const u of ['hrb-admin', 'hrb-fgw', 'hrb-jyj', 'hrb-observer', 'hrb-expert', 'hrb-tjj'])
    tok[u] = await s.token('230100', u);
  tok.bx = await s.token('230125', 'bx-admin');
  const cycles = (await admin('GET', '/v1/cycles')).body.items;
  C = cycles.find((c: { year: number }) => c.year === 2025).id;
  await startDemoReview((method, path, body) => admin(method, path, body), C);
}, 240_000);
afterAll(() => s.stop());

const as = (user: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  s.call(method, path, {
    token: tok[user],
    ...(body === undefined ? {} : { body }),
    ...(headers ? { headers } : {}),
  });
const admin = (method: string, path: string, body?: unknown) => as('hrb-admin', method, path, body);
const fgw = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  as('hrb-fgw', method, path, body, headers);

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

function expectProblem(r: { status: number; body: any }, status: number, code?: string) {
  expect(r.status, JSON.stringify(r.body).slice(0, 400)).toBe(status);
  if (code) expect(r.body.code).toBe(code);
  expect(r.body.message.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(r.body.message.en).toMatch(/[A-Za-z]/);
}
const paths = (r: { body: any }) => (r.body.errors ?? []).map((e: any) => e.path);

// ─── Appeals ────────────────────────────────────────────────────────────────────────────────────

describe('appeals: before the results and outside the window', () => {
  it('says a unit cannot appeal before any release, and refuses an appeal', async () => {
    const page = await fgw('GET', `/v1/cycles/${C}/appeals/units/FGW`);
    expect(page.status).toBe(200);
    expect(page.body.released).toBeNull();
    expect(page.body.leaves).toEqual([]);
    expect(page.body.allowed.submit).toBe(false);
    expect(page.body.blockers.map((b: any) => b.zh).join()).toContain('考核结果尚未发布');
    const r = await fgw('POST', `/v1/cycles/${C}/appeals/units/FGW`, {
      target: 'conclusion',
      reasons: '对本单位考核结论有异议，申请复核。',
    });
    expectProblem(r, 409, 'precondition_failed');
  });

  it('refuses an appeal before the window opens, naming the window', async () => {
    on('2027-01-02');
    run1 = await publishResults(s.data, '230100', C, { at: clock });
    const r = await fgw('POST', `/v1/cycles/${C}/appeals/units/FGW`, {
      target: 'conclusion',
      reasons: '对本单位考核结论有异议，申请复核。',
    });
    expectProblem(r, 409, 'outside_appeal_window');
    expect(r.body.message.zh).toContain('2027-01-04 至 2027-01-15');
    expect(r.body.message.zh).toContain('尚未开始');
    const page = await fgw('GET', `/v1/cycles/${C}/appeals/units/FGW`);
    expect(page.body.window).toEqual({ opens: '2027-01-04', closes: '2027-01-15', open: false });
    expect(page.body.released).toMatchObject({ run: run1.run, number: run1.number });
    expect(page.body.allowed.submit).toBe(false);
  });
});

describe('appeals: submitting within the window', () => {
  let valueLeaf: any;
  let docId: string;

  beforeAll(() => on('2027-01-05'));

  it('shows the unit its standing, the indicators of its result and its documents', async () => {
    const page = await fgw('GET', `/v1/cycles/${C}/appeals/units/FGW`);
    expect(page.status).toBe(200);
    expect(page.body.window.open).toBe(true);
    expect(page.body.blockers).toEqual([]);
    expect(page.body.allowed.submit).toBe(true);
    const row = run1.rows.find((r) => r.unit === 'FGW')!;
    expect(page.body.released).toMatchObject({ total: row.total.shown, rank: row.rank, of: row.of });
    const codes = page.body.leaves.map((l: any) => l.code);
    expect(codes).toEqual(expect.arrayContaining(['D1-1', 'D1-3', 'D2-1']));
    valueLeaf = page.body.leaves.find((l: any) => l.code === 'D2-1');
    expect(valueLeaf.rule).toBe('target_completion');
    expect(page.body.documents.length).toBeGreaterThan(0);
    docId = page.body.documents[0].id;
    // The office and observers read it; another unit, an expert, another tenant find nothing.
    expect((await admin('GET', `/v1/cycles/${C}/appeals/units/FGW`)).body.allowed.submit).toBe(false);
    expect((await as('hrb-observer', 'GET', `/v1/cycles/${C}/appeals/units/FGW`)).status).toBe(200);
    expect((await as('hrb-jyj', 'GET', `/v1/cycles/${C}/appeals/units/FGW`)).status).toBe(404);
    expect((await as('hrb-expert', 'GET', `/v1/cycles/${C}/appeals/units/FGW`)).status).toBe(404);
    expect((await as('bx', 'GET', `/v1/cycles/${C}/appeals/units/FGW`)).status).toBe(404);
  });

  it('refuses bad appeals at their fields, writing nothing', async () => {
    const base = { target: 'indicator', leaf: 'D2-1', reasons: '统计口径有误，实际完成值应为补报后的数据。' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, leaf: 'NOPE-1' }, 'body.leaf'],
      [{ ...base, leaf: undefined }, 'body.leaf'],
      [{ ...base, reasons: '理由太短' }, 'body.reasons'],
      [{ ...base, evidence: ['evzzzzzzzzzzzz'] }, 'body.evidence.0'],
      [{ ...base, evidence: [docId, 'bad'] }, 'body.evidence.1'],
      [{ ...base, target: 'conclusion' }, 'body.leaf'],
    ];
    for (const [body, path] of cases) {
      const r = await fgw('POST', `/v1/cycles/${C}/appeals/units/FGW`, body);
      expect(r.status, path).toBe(422);
      expect(paths(r), path).toContain(path);
      expect(r.body.errors[0].zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await fgw('GET', `/v1/cycles/${C}/appeals/units/FGW`)).body.appeals).toEqual([]);
  });

  it('lets only the unit’s own user appeal', async () => {
    const body = { target: 'conclusion', reasons: '对本单位考核结论有异议，申请复核。' };
    expect((await as('hrb-jyj', 'POST', `/v1/cycles/${C}/appeals/units/FGW`, body)).status).toBe(404);
    expect((await admin('POST', `/v1/cycles/${C}/appeals/units/FGW`, body)).status).toBe(403);
    expect((await as('bx', 'POST', `/v1/cycles/${C}/appeals/units/FGW`, body)).status).toBe(403);
  });

  let valueAppeal: any;
  it('takes an indicator appeal with its evidence, recording the standing appealed', async () => {
    const r = await fgw(
      'POST',
      `/v1/cycles/${C}/appeals/units/FGW`,
      {
        target: 'indicator',
        leaf: 'D2-1',
        reasons: '核验时未采纳我单位补报的重点项目完成数据，实际完成值高于核定值。',
        evidence: [docId],
      },
      { 'idempotency-key': 'appeal-fgw-d2-1-0001' },
    );
    expect(r.status).toBe(201);
    valueAppeal = r.body;
    const row = run1.rows.find((x) => x.unit === 'FGW')!;
    expect(valueAppeal).toMatchObject({
      unit: 'FGW',
      unitName: '哈尔滨市发展和改革委员会',
      target: 'indicator',
      leaf: 'D2-1',
      leafName: valueLeaf.name,
      status: 'submitted',
      appealed: { run: run1.run, number: run1.number, total: row.total.shown, rank: row.rank },
      includedIn: null,
      outcome: null,
      allowed: { withdraw: true, decide: false },
    });
    expect(valueAppeal.id).toMatch(/^ap[a-z2-7]{12}$/);
    expect(valueAppeal.evidence).toEqual([{ id: docId, title: expect.any(String) }]);
    // A retry with the same key answers the same appeal; nothing is made twice.
    const again = await fgw(
      'POST',
      `/v1/cycles/${C}/appeals/units/FGW`,
      {
        target: 'indicator',
        leaf: 'D2-1',
        reasons: '核验时未采纳我单位补报的重点项目完成数据，实际完成值高于核定值。',
        evidence: [docId],
      },
      { 'idempotency-key': 'appeal-fgw-d2-1-0001' },
    );
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(valueAppeal.id);
    const [entry] = await auditEntries('appeal.submit');
    expect(entry.target).toEqual({ type: 'appeal', id: `${C}/FGW/${valueAppeal.id}` });
    expect(entry.after).toMatchObject({ target: 'indicator', leaf: 'D2-1', number: run1.number });
  });

  it('keeps one open appeal per indicator, and one for the conclusion', async () => {
    const dup = await fgw('POST', `/v1/cycles/${C}/appeals/units/FGW`, {
      target: 'indicator',
      leaf: 'D2-1',
      reasons: '再次申诉同一指标，理由同前次申诉所述。',
    });
    expectProblem(dup, 409, 'appeal_open');
    expect(dup.body.message.zh).toContain(valueAppeal.id);
    const conclusion = { target: 'conclusion', reasons: '本单位考核等级与实际工作成效不符，申请复核。' };
    const first = await fgw('POST', `/v1/cycles/${C}/appeals/units/FGW`, conclusion);
    expect(first.status).toBe(201);
    expectProblem(await fgw('POST', `/v1/cycles/${C}/appeals/units/FGW`, conclusion), 409, 'appeal_open');
    // Withdrawn, the slot is free again.
    const w = await fgw('POST', `/v1/cycles/${C}/appeals/units/FGW/${first.body.id}/withdraw`, {
      version: first.body.version,
    });
    expect(w.status).toBe(200);
    expect(w.body).toMatchObject({ status: 'withdrawn', allowed: { withdraw: false, decide: false } });
    expect(w.body.withdrawn.by).toBe('hrb-fgw');
    expectProblem(
      await fgw('POST', `/v1/cycles/${C}/appeals/units/FGW/${first.body.id}/withdraw`, {
        version: w.body.version,
      }),
      409,
      'invalid_transition',
    );
    const [entry] = await auditEntries('appeal.withdraw');
    expect(entry).toMatchObject({ before: { status: 'submitted' }, after: { status: 'withdrawn' } });
  });

  it('lets JYJ appeal its own conclusion, and no one withdraw another unit’s appeal', async () => {
    const j = await as('hrb-jyj', 'POST', `/v1/cycles/${C}/appeals/units/JYJ`, {
      target: 'conclusion',
      reasons: '本单位全年重点任务均已完成，考核等级偏低，申请复核。',
    });
    expect(j.status).toBe(201);
    expect(
      (await fgw('POST', `/v1/cycles/${C}/appeals/units/JYJ/${j.body.id}/withdraw`, { version: 1 })).status,
    ).toBe(404);
    expect((await fgw('GET', `/v1/cycles/${C}/appeals/units/JYJ/${j.body.id}`)).status).toBe(404);
    expect((await as('hrb-jyj', 'GET', `/v1/cycles/${C}/appeals/units/FGW/${valueAppeal.id}`)).status).toBe(
      404,
    );
    // The wrong unit in the path finds nothing either.
    expect((await admin('GET', `/v1/cycles/${C}/appeals/units/JYJ/${valueAppeal.id}`)).status).toBe(404);
  });

  it('lists the office’s queue oldest first with counts; a unit sees its own; paged by signed cursors', async () => {
    const all = await admin('GET', `/v1/cycles/${C}/appeals`);
    expect(all.status).toBe(200);
    const keys = all.body.items.map((a: any) => `${a.createdAt}#${a.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(all.body.items.map((a: any) => a.unit).sort()).toEqual(['FGW', 'FGW', 'JYJ']);
    expect(all.body.counts).toEqual({ submitted: 2, accepted: 0, rejected: 0, withdrawn: 1 });
    const open = await admin('GET', `/v1/cycles/${C}/appeals?status=submitted`);
    expect(open.body.items.map((a: any) => a.allowed.decide)).toEqual([true, true]);
    const first = await admin('GET', `/v1/cycles/${C}/appeals?limit=1`);
    expect(first.body.items).toHaveLength(1);
    const next = await admin(
      'GET',
      `/v1/cycles/${C}/appeals?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(next.body.items.map((a: any) => a.id)).toEqual(all.body.items.slice(1).map((a: any) => a.id));
    expect(next.body.nextCursor).toBeUndefined();
    const own = await fgw('GET', `/v1/cycles/${C}/appeals`);
    expect(own.body.items.every((a: any) => a.unit === 'FGW')).toBe(true);
    expect((await fgw('GET', `/v1/cycles/${C}/appeals?unit=JYJ`)).status).toBe(404);
    expect((await as('hrb-observer', 'GET', `/v1/cycles/${C}/appeals`)).body.items).toHaveLength(3);
    expect((await as('hrb-expert', 'GET', `/v1/cycles/${C}/appeals`)).status).toBe(403);
    expect((await as('bx', 'GET', `/v1/cycles/${C}/appeals`)).status).toBe(404);
    // Another tenant's replay of the office's cursor is refused.
    const replay = await as(
      'bx',
      'GET',
      `/v1/cycles/${C}/appeals?cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect([400, 404]).toContain(replay.status);
  });
});

describe('appeals: the office decides', () => {
  let valueAppeal: any;
  let detAppeal: any;
  let jyjAppeal: any;

  beforeAll(async () => {
    const list = (await admin('GET', `/v1/cycles/${C}/appeals?status=submitted`)).body.items;
    valueAppeal = list.find((a: any) => a.unit === 'FGW');
    jyjAppeal = list.find((a: any) => a.unit === 'JYJ');
    const d = await fgw('POST', `/v1/cycles/${C}/appeals/units/FGW`, {
      target: 'indicator',
      leaf: 'D1-3',
      reasons: '审计发现的问题已于年内整改销号，不应再按违规问题扣分。',
    });
    expect(d.status).toBe(201);
    detAppeal = d.body;
  });

  it('refuses units and observers, stale versions, and corrections that do not fit the leaf', async () => {
    const P = `/v1/cycles/${C}/appeals/units/FGW/${valueAppeal.id}/decision`;
    const ok = {
      version: valueAppeal.version,
      status: 'accepted',
      reason: '经复核，补报数据有佐证材料支撑。',
    };
    expect((await fgw('POST', P, ok)).status).toBe(403);
    expect((await as('hrb-observer', 'POST', P, ok)).status).toBe(403);
    expect((await as('bx', 'POST', P, ok)).status).toBe(404);
    expectProblem(
      await admin('POST', P, { ...ok, version: valueAppeal.version + 1 }),
      409,
      'version_conflict',
    );
    const wrongKind = await admin('POST', P, { ...ok, correction: { input: { kind: 'grade', grade: 'A' } } });
    expect(wrongKind.status).toBe(422);
    expect(paths(wrongKind)).toEqual(['body.correction']);
    const rejectWithCorrection = await admin('POST', P, {
      ...ok,
      status: 'rejected',
      correction: { value: 1 },
    });
    expect(paths(rejectWithCorrection)).toContain('body.correction');
    const noReason = await admin('POST', P, { ...ok, reason: '' });
    expect(paths(noReason)).toContain('body.reason');
    const det = await admin('POST', `/v1/cycles/${C}/appeals/units/FGW/${detAppeal.id}/decision`, {
      version: detAppeal.version,
      status: 'accepted',
      reason: '复核认定',
      correction: { input: { kind: 'incidents', counts: { SJ: 0, XX: 1 } } },
    });
    expect(paths(det)).toEqual(['body.correction.input.counts.XX']);
    const conclusion = await admin('POST', `/v1/cycles/${C}/appeals/units/JYJ/${jyjAppeal.id}/decision`, {
      version: jyjAppeal.version,
      status: 'accepted',
      reason: '复核认定',
      correction: { value: 90 },
    });
    expect(paths(conclusion)).toEqual(['body.correction']);
    // Nothing was decided by the refusals.
    expect((await admin('GET', `/v1/cycles/${C}/appeals?status=submitted`)).body.items).toHaveLength(3);
  });

  let valueBefore: any;
  it('accepts a value appeal, correcting the value record the next run reads, audited before and after', async () => {
    valueBefore = (await admin('GET', `/v1/cycles/${C}/values?unit=FGW&leaf=D2-1`)).body.items[0];
    const corrected = Math.round(((valueBefore?.value ?? 50) * 3 + 100) * 100) / 100;
    const r = await admin('POST', `/v1/cycles/${C}/appeals/units/FGW/${valueAppeal.id}/decision`, {
      version: valueAppeal.version,
      status: 'accepted',
      reason: '经复核，补报数据有统计部门盖章的佐证材料支撑，予以采纳。',
      correction: { value: corrected },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'accepted',
      decision: {
        status: 'accepted',
        by: 'hrb-admin',
        correction: { value: corrected },
        applied: { value: { before: valueBefore?.value ?? null, after: corrected } },
      },
      allowed: { withdraw: false, decide: false },
      outcome: null,
    });
    const v = (await admin('GET', `/v1/cycles/${C}/values?unit=FGW&leaf=D2-1`)).body.items[0];
    expect(v).toMatchObject({ status: 'corrected', value: corrected });
    expect(v.reason).toBe('申诉复核：经复核，补报数据有统计部门盖章的佐证材料支撑，予以采纳。');
    const [decide] = await auditEntries('appeal.decide');
    expect(decide).toMatchObject({ before: { status: 'submitted' }, after: { status: 'accepted' } });
    const [verify] = await auditEntries('value.verify');
    expect(verify.target).toEqual({ type: 'value', id: `${C}/FGW/D2-1` });
    expect(verify.after).toMatchObject({ status: 'corrected', value: corrected });
    expect(verify.before.value).toBe(valueBefore?.value ?? null);
    expect(verify.note).toContain(valueAppeal.id);
    // Decided once: a second decision is refused.
    expectProblem(
      await admin('POST', `/v1/cycles/${C}/appeals/units/FGW/${valueAppeal.id}/decision`, {
        version: r.body.version,
        status: 'rejected',
        reason: '再次复核',
      }),
      409,
      'invalid_transition',
    );
  });

  it('accepts a determination-kind appeal, writing the unit’s determination of the leaf', async () => {
    const r = await admin('POST', `/v1/cycles/${C}/appeals/units/FGW/${detAppeal.id}/decision`, {
      version: detAppeal.version,
      status: 'accepted',
      reason: '审计问题已整改销号，按零项认定。',
      correction: { input: { kind: 'incidents', counts: { SJ: 0, WG: 0 } } },
    });
    expect(r.status).toBe(200);
    expect(r.body.decision.applied.input.after).toEqual({ kind: 'incidents', counts: { SJ: 0, WG: 0 } });
    const stored = await s.data.cycleRecords.get<any>('230100', C, 'DETERM', ['FGW']);
    expect(stored.leaves['D1-3']).toEqual({ kind: 'incidents', counts: { SJ: 0, WG: 0 } });
    const [entry] = await auditEntries('determination.save');
    expect(entry.after).toEqual({ leaves: { 'D1-3': { kind: 'incidents', counts: { SJ: 0, WG: 0 } } } });
  });

  it('rejects an appeal with the reason the unit reads, correcting nothing', async () => {
    const r = await admin('POST', `/v1/cycles/${C}/appeals/units/JYJ/${jyjAppeal.id}/decision`, {
      version: jyjAppeal.version,
      status: 'rejected',
      reason: '考核等级依据评分办法和配额确定，申诉理由不成立。',
    });
    expect(r.status).toBe(200);
    expect(r.body.decision.correction).toBeUndefined();
    const own = await as('hrb-jyj', 'GET', `/v1/cycles/${C}/appeals/units/JYJ/${jyjAppeal.id}`);
    expect(own.body).toMatchObject({
      status: 'rejected',
      decision: { reason: '考核等级依据评分办法和配额确定，申诉理由不成立。' },
    });
  });

  it('shows the unit, once a later run is released, its standing before and after and the change', async () => {
    on('2027-01-20');
    const run2 = await publishResults(s.data, '230100', C, {
      at: clock,
      appeals: [valueAppeal.id, detAppeal.id],
      reason: '申诉复核后重算',
    });
    const r = await fgw('GET', `/v1/cycles/${C}/appeals/units/FGW/${valueAppeal.id}`);
    expect(r.status).toBe(200);
    const before = run1.rows.find((x) => x.unit === 'FGW')!;
    const after = run2.rows.find((x) => x.unit === 'FGW')!;
    expect(r.body.includedIn).toEqual({ run: run2.run, number: run2.number, status: 'released' });
    expect(r.body.outcome.before).toMatchObject({
      number: run1.number,
      total: before.total.shown,
      rank: before.rank,
    });
    expect(r.body.outcome.after).toMatchObject({
      number: run2.number,
      total: after.total.shown,
      rank: after.rank,
    });
    expect(r.body.outcome.rankChange).toBe(before.rank - after.rank);
    const delta = Number(after.total.shown) - Number(before.total.shown);
    expect(Number(r.body.outcome.totalChange)).toBeCloseTo(delta, 6);
    expect(delta).toBeGreaterThan(0);
    expect(r.body.outcome.totalChange.startsWith('+')).toBe(true);
    // The unit's page now shows the new standing; JYJ's rejected appeal shows its outcome too.
    const page = await fgw('GET', `/v1/cycles/${C}/appeals/units/FGW`);
    expect(page.body.released).toMatchObject({ run: run2.run, total: after.total.shown });
    const jyj = (await as('hrb-jyj', 'GET', `/v1/cycles/${C}/appeals/units/JYJ`)).body.appeals[0];
    expect(jyj.includedIn).toBeNull();
    expect(jyj.outcome.after.number).toBe(run2.number);
  });

  it('closes appeals once the window has passed, and in a closed cycle', async () => {
    on('2027-01-16');
    const r = await fgw('POST', `/v1/cycles/${C}/appeals/units/FGW`, {
      target: 'conclusion',
      reasons: '申诉期结束后补交的申诉，请求复核。',
    });
    expectProblem(r, 409, 'outside_appeal_window');
    expect(r.body.message.zh).toContain('已经结束');
  });
});

// ─── Rectification ──────────────────────────────────────────────────────────────────────────────

describe('rectification', () => {
  const T = () => `/v1/cycles/${C}/rectification`;
  const TASK = {
    title: '重点项目补报数据口径不一致',
    problem: '申诉复核发现 D2-1 指标的补报数据与统计口径不一致，需建立台账核对机制。',
    source: 'appeal',
    leaf: 'D2-1',
    owner: '投资处 王科长',
    deadline: '2027-03-31',
  };
  let task: any;
  let late: any;

  beforeAll(() => on('2027-02-01'));

  it('creates a task for a unit, referring to the appeal and run it came from', async () => {
    const appeals = (await admin('GET', `/v1/cycles/${C}/appeals?unit=FGW&status=accepted`)).body.items;
    const runs = await s.data.evaluation.runs.all('230100', C);
    const r = await s.call('POST', `${T()}/units/FGW`, {
      token: tok['hrb-admin'],
      body: { ...TASK, appeal: appeals[0].id, run: runs[0]!.id },
      headers: { 'idempotency-key': 'rect-fgw-0000001' },
    });
    expect(r.status).toBe(201);
    task = r.body;
    expect(task).toMatchObject({
      unit: 'FGW',
      status: 'open',
      leafName: expect.any(String),
      overdue: false,
      daysOverdue: 0,
      progress: [],
      allowed: { edit: true, actions: ['cancel'], report: false },
    });
    expect(task.id).toMatch(/^rt[a-z2-7]{12}$/);
    const [entry] = await auditEntries('rectification.create');
    expect(entry.after).toMatchObject({ title: TASK.title, deadline: '2027-03-31', source: 'appeal' });
  });

  it('refuses bad tasks at their fields: unknown leaf, another unit’s appeal, unknown run, carried_over, blanks', async () => {
    const jyjAppeal = (await admin('GET', `/v1/cycles/${C}/appeals?unit=JYJ`)).body.items[0];
    const cases: [Record<string, unknown>, string][] = [
      [{ ...TASK, leaf: 'NOPE-9' }, 'body.leaf'],
      [{ ...TASK, appeal: jyjAppeal.id }, 'body.appeal'],
      [{ ...TASK, run: 'rnzzzzzzzzzzzz' }, 'body.run'],
      [{ ...TASK, source: 'carried_over' }, 'body.source'],
      [{ ...TASK, owner: ' ' }, 'body.owner'],
      [{ ...TASK, deadline: '2027-02-30' }, 'body.deadline'],
    ];
    for (const [body, path] of cases) {
      const r = await admin('POST', `${T()}/units/FGW`, body);
      expect(r.status, path).toBe(422);
      expect(paths(r), path).toContain(path);
    }
    expect((await fgw('POST', `${T()}/units/FGW`, TASK)).status).toBe(403);
    expect((await admin('POST', `${T()}/units/NOPE`, TASK)).status).toBe(404);
  });

  it('flags tasks past their deadline (Asia/Shanghai) and counts them', async () => {
    const r = await admin('POST', `${T()}/units/JYJ`, {
      ...TASK,
      leaf: undefined,
      source: 'check',
      title: '校园安全隐患整改',
      problem: '察访核验发现两所学校消防通道被占用。',
      owner: '安全处',
      deadline: '2027-01-31',
    });
    expect(r.status).toBe(201);
    late = r.body;
    expect(late).toMatchObject({ overdue: true, daysOverdue: 1 });
    // The last minutes of 31 January in Shanghai: not yet overdue.
    clock = new Date('2027-01-31T23:59:00+08:00');
    expect((await admin('GET', `${T()}/units/JYJ/${late.id}`)).body.overdue).toBe(false);
    on('2027-02-01');
    const list = await admin('GET', T());
    expect(list.body.summary.overdue).toBeGreaterThanOrEqual(1);
    expect(list.body.summary.byStatus.open).toBeGreaterThanOrEqual(2);
    const overdue = await admin('GET', `${T()}?overdue=true`);
    expect(overdue.body.items.map((t: any) => t.id)).toContain(late.id);
    expect(overdue.body.items.every((t: any) => t.overdue)).toBe(true);
    const notOverdue = await admin('GET', `${T()}?overdue=false&unit=FGW`);
    expect(notOverdue.body.items.map((t: any) => t.id)).toContain(task.id);
    expect(list.body.allowed).toEqual({ create: true, carryOver: true });
  });

  it('shows a unit its own tasks only', async () => {
    const own = await fgw('GET', T());
    expect(own.body.items.every((t: any) => t.unit === 'FGW')).toBe(true);
    expect(own.body.units.map((u: any) => u.code)).toEqual(['FGW']);
    expect(own.body.allowed).toEqual({ create: false, carryOver: false });
    expect(own.body.items.find((t: any) => t.id === task.id).allowed).toEqual({
      edit: false,
      actions: [],
      report: true,
    });
    expect((await fgw('GET', `${T()}/units/JYJ/${late.id}`)).status).toBe(404);
    expect((await fgw('GET', `${T()}?unit=JYJ`)).status).toBe(404);
    expect((await as('hrb-observer', 'GET', `${T()}/units/JYJ/${late.id}`)).status).toBe(200);
    expect((await as('bx', 'GET', T())).status).toBe(404);
  });

  it('takes the unit’s progress with its documents; the office closes it once done', async () => {
    const P = `${T()}/units/FGW/${task.id}`;
    const docs = (await fgw('GET', `/v1/cycles/${C}/appeals/units/FGW`)).body.documents;
    expect(
      (await admin('POST', `${P}/progress`, { version: task.version, note: 'x', status: 'done' })).status,
    ).toBe(403);
    expect(
      (await as('hrb-jyj', 'POST', `${P}/progress`, { version: task.version, note: 'x', status: 'done' }))
        .status,
    ).toBe(404);
    const bad = await fgw('POST', `${P}/progress`, {
      version: task.version,
      note: '已建立台账',
      status: 'in_progress',
      evidence: ['evzzzzzzzzzzzz'],
    });
    expect(paths(bad)).toEqual(['body.evidence.0']);
    const p1 = await fgw('POST', `${P}/progress`, {
      version: task.version,
      note: '已建立重点项目统计台账，逐月与统计局核对口径。',
      status: 'in_progress',
      evidence: [docs[0].id],
    });
    expect(p1.status).toBe(200);
    expect(p1.body.status).toBe('in_progress');
    expect(p1.body.progress[0]).toMatchObject({ by: 'hrb-fgw', evidence: [{ id: docs[0].id }] });
    const early = await admin('POST', `${P}/transitions`, { version: p1.body.version, action: 'close' });
    expectProblem(early, 409, 'invalid_transition');
    expect(early.body.message.zh).toContain('整改中');
    const p2 = await fgw('POST', `${P}/progress`, {
      version: p1.body.version,
      note: '台账运行两个月，口径差异已全部消除。',
      status: 'done',
    });
    expect(p2.body).toMatchObject({ status: 'done', allowed: { report: true } });
    const stale = await admin('POST', `${P}/transitions`, { version: p1.body.version, action: 'close' });
    expectProblem(stale, 409, 'version_conflict');
    const closed = await admin('POST', `${P}/transitions`, { version: p2.body.version, action: 'close' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      allowed: { edit: false, actions: ['reopen'], report: false },
    });
    expect(closed.body.transitions[0]).toMatchObject({
      action: 'close',
      from: 'done',
      to: 'closed',
      by: 'hrb-admin',
    });
    expectProblem(
      await fgw('POST', `${P}/progress`, { version: closed.body.version, note: '补充', status: 'done' }),
      409,
      'invalid_transition',
    );
    expectProblem(
      await admin('PATCH', P, { version: closed.body.version, title: '改名' }),
      409,
      'invalid_transition',
    );
    const reason = await admin('POST', `${P}/transitions`, {
      version: closed.body.version,
      action: 'reopen',
    });
    expect(paths(reason)).toContain('body.reason');
    const reopened = await admin('POST', `${P}/transitions`, {
      version: closed.body.version,
      action: 'reopen',
      reason: '复查发现仍有一个项目口径不一致。',
    });
    expect(reopened.body).toMatchObject({ status: 'in_progress' });
    task = reopened.body;
    const progress = await auditEntries('rectification.progress');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    const updates = await auditEntries('rectification.update');
    expect(updates.map((u) => u.after.status)).toEqual(expect.arrayContaining(['closed', 'in_progress']));
  });

  it('edits a task by its version, audited with the fields changed; clears a reference with null', async () => {
    const P = `${T()}/units/FGW/${task.id}`;
    const r = await admin('PATCH', P, { version: task.version, deadline: '2027-04-30', appeal: null });
    expect(r.status).toBe(200);
    expect(r.body.deadline).toBe('2027-04-30');
    expect(r.body.appeal).toBeUndefined();
    const [entry] = await auditEntries('rectification.update');
    expect(entry.after).toEqual({ deadline: '2027-04-30', appeal: null });
    expect(entry.before.deadline).toBe('2027-03-31');
    expect((await admin('PATCH', P, { version: r.body.version, leaf: 'NOPE-1' })).status).toBe(422);
    task = r.body;
  });

  it('cancels with a reason', async () => {
    const c = await admin('POST', `${T()}/units/JYJ/${late.id}/transitions`, {
      version: late.version,
      action: 'cancel',
      reason: '该问题已并入市教育局年度安全生产专项整治。',
    });
    expect(c.body).toMatchObject({ status: 'cancelled', overdue: false });
    late = c.body;
  });

  it('carries unfinished tasks into a later year’s cycle once, leaving the old cycle as it was', async () => {
    // Open tasks of two units; next year's cycle evaluates FGW's group only.
    const extra = await admin('POST', `${T()}/units/JYJ`, {
      ...TASK,
      leaf: undefined,
      title: '学位供给台账不完整',
      problem: '核验发现学位供给台账缺少两个区的数据。',
      owner: '基础教育处',
    });
    expect(extra.status).toBe(201);
    const done = await admin('POST', `${T()}/units/FGW`, {
      ...TASK,
      title: '已完成待确认的任务',
      leaf: undefined,
    });
    const reported = await fgw('POST', `${T()}/units/FGW/${done.body.id}/progress`, {
      version: done.body.version,
      note: '已完成整改。',
      status: 'done',
    });
    expect(reported.body.status).toBe('done');
    const next = await admin('POST', '/v1/cycles', {
      name: '哈尔滨市 2026 年度市直部门绩效评估（测试）',
      year: 2026,
      bindings: [{ system: 'ishrbdepartm25', systemVersion: 1, groups: ['ECON'] }],
      calendar: {
        planDeadline: '2026-03-31',
        selfAssessment: { opens: '2027-01-05', closes: '2027-01-20' },
        verification: { opens: '2027-01-21', closes: '2027-02-10' },
        review: { opens: '2027-02-11', closes: '2027-02-28' },
        appeal: { opens: '2027-03-01', closes: '2027-03-10' },
      },
    });
    expect(next.status).toBe(201);
    const N = next.body.id;
    const before = (await s.data.cycleRecords.all<any>('230100', C, 'RECT')).map(
      (x) => `${x.id}@${x.version}`,
    );

    const bad = await admin('POST', `/v1/cycles/${C}/rectification/carry-over`, { from: N });
    expect(bad.status).toBe(422);
    expect(paths(bad)).toEqual(['body.from']);
    expect((await admin('POST', `/v1/cycles/${N}/rectification/carry-over`, { from: N })).status).toBe(422);
    expect((await fgw('POST', `/v1/cycles/${N}/rectification/carry-over`, { from: C })).status).toBe(403);

    const r = await admin('POST', `/v1/cycles/${N}/rectification/carry-over`, { from: C });
    expect(r.status).toBe(200);
    const copiedFrom = r.body.copied.map((x: any) => x.from);
    expect(copiedFrom).toEqual(expect.arrayContaining([task.id, done.body.id]));
    expect(copiedFrom).not.toContain(late.id); // cancelled
    const skipped = r.body.skipped.map((x: any) => x.task);
    expect(skipped).toContain(extra.body.id);
    expect(r.body.skipped.find((x: any) => x.task === extra.body.id).reason.zh).toContain(
      '不在本考核周期范围内',
    );
    expect(r.body.already).toBe(0);
    const carried = (
      await admin(
        'GET',
        `/v1/cycles/${N}/rectification/units/FGW/${r.body.copied.find((x: any) => x.from === task.id).task}`,
      )
    ).body;
    expect(carried).toMatchObject({
      source: 'carried_over',
      carriedFrom: { cycle: C, year: 2025, task: task.id },
      title: task.title,
      status: 'in_progress',
      deadline: '2027-04-30',
    });
    expect(carried.progress.length).toBe(task.progress.length);
    expect(carried.run).toBeUndefined();

    // Twice: nothing is copied again.
    const again = await admin('POST', `/v1/cycles/${N}/rectification/carry-over`, { from: C });
    expect(again.body.copied).toEqual([]);
    expect(again.body.already).toBe(r.body.copied.length);
    expect((await s.data.cycleRecords.all('230100', N, 'RECT')).length).toBe(r.body.copied.length);
    // The old cycle's tasks are untouched.
    expect(
      (await s.data.cycleRecords.all<any>('230100', C, 'RECT')).map((x) => `${x.id}@${x.version}`),
    ).toEqual(before);
    const [entry] = await auditEntries('rectification.carry_over');
    expect(entry.after).toMatchObject({ from: C, already: r.body.copied.length, copied: [] });
    // Uses of results wait for released results in the new cycle.
    const use = await admin('POST', `/v1/cycles/${N}/result-uses/units/FGW`, {
      kind: 'cadre',
      description: '作为干部考核参考。',
      document: '哈组通〔2027〕1号',
      day: '2027-02-01',
    });
    expectProblem(use, 409, 'invalid_state');
  });
});

// ─── Use of results ─────────────────────────────────────────────────────────────────────────────

describe('the use of results', () => {
  const U = () => `/v1/cycles/${C}/result-uses`;
  const REWARD = {
    kind: 'reward',
    description: '年度绩效评估结果良好以上，通报表扬并给予绩效奖励。',
    amount: 12.5,
    document: '哈政办发〔2027〕3号',
    day: '2027-02-10',
  };
  let use: any;

  beforeAll(() => on('2027-02-12'));

  it('records a use for a unit against the released run, audited', async () => {
    const r = await s.call('POST', `${U()}/units/FGW`, {
      token: tok['hrb-admin'],
      body: REWARD,
      headers: { 'idempotency-key': 'use-fgw-reward-001' },
    });
    expect(r.status).toBe(201);
    use = r.body;
    const pointer = await s.data.evaluation.runs.released('230100', C);
    expect(use).toMatchObject({
      ...REWARD,
      unit: 'FGW',
      unitName: '哈尔滨市发展和改革委员会',
      run: { id: pointer!.run, number: pointer!.number },
      recorded: { by: 'hrb-admin' },
      allowed: { edit: true, revoke: true },
    });
    expect(use.id).toMatch(/^ru[a-z2-7]{12}$/);
    const [entry] = await auditEntries('resultUse.create');
    expect(entry.after).toMatchObject({ kind: 'reward', amount: 12.5, document: REWARD.document });
  });

  it('refuses an amount on a use that carries none, and other bad input, at the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...REWARD, kind: 'accountability' }, 'body.amount'],
      [{ ...REWARD, amount: -1 }, 'body.amount'],
      [{ ...REWARD, amount: 1.005 }, 'body.amount'],
      [{ ...REWARD, document: '' }, 'body.document'],
      [{ ...REWARD, kind: 'medal' }, 'body.kind'],
    ];
    for (const [body, path] of cases) {
      const r = await admin('POST', `${U()}/units/FGW`, body);
      expect(r.status, path).toBe(422);
      expect(paths(r), path).toContain(path);
    }
    const patch = await admin('PATCH', `${U()}/units/FGW/${use.id}`, { version: use.version, kind: 'cadre' });
    expect(paths(patch)).toEqual(['body.amount']);
    expect((await fgw('POST', `${U()}/units/FGW`, REWARD)).status).toBe(403);
  });

  it('edits by version, audited with the changes', async () => {
    const r = await admin('PATCH', `${U()}/units/FGW/${use.id}`, {
      version: use.version,
      kind: 'cadre',
      amount: null,
    });
    expect(r.status).toBe(200);
    expect(r.body.kind).toBe('cadre');
    expect(r.body.amount).toBeUndefined();
    expectProblem(
      await admin('PATCH', `${U()}/units/FGW/${use.id}`, { version: use.version, day: '2027-02-11' }),
      409,
      'version_conflict',
    );
    const [entry] = await auditEntries('resultUse.update');
    expect(entry).toMatchObject({
      before: { kind: 'reward', amount: 12.5 },
      after: { kind: 'cadre', amount: null },
    });
    use = r.body;
  });

  it('revokes with a reason: kept, marked revoked, and changed no more', async () => {
    const second = await admin('POST', `${U()}/units/JYJ`, {
      kind: 'budget',
      description: '下年度部门预算安排与绩效结果挂钩，核增项目经费。',
      amount: 80,
      document: '哈财预〔2027〕12号',
      day: '2027-02-11',
    });
    expect(second.status).toBe(201);
    const r = await admin('POST', `${U()}/units/FGW/${use.id}/revoke`, {
      version: use.version,
      reason: '文件已撤回重发。',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      revoked: { by: 'hrb-admin', reason: '文件已撤回重发。' },
      allowed: { edit: false, revoke: false },
    });
    expectProblem(
      await admin('PATCH', `${U()}/units/FGW/${use.id}`, { version: r.body.version, description: '改' }),
      409,
      'invalid_transition',
    );
    expectProblem(
      await admin('POST', `${U()}/units/FGW/${use.id}/revoke`, { version: r.body.version, reason: '再撤' }),
      409,
      'invalid_transition',
    );
    const list = await admin('GET', U());
    expect(list.body.totals).toMatchObject({ count: 2, active: 1, amount: 80 });
    expect(list.body.totals.byKind.budget).toBe(1);
    expect(list.body.allowed.create).toBe(true);
    expect(list.body.blocked).toBeNull();
    const entries = await auditEntries('resultUse.update');
    expect(entries[0].note).toBe('撤销：文件已撤回重发。');
  });

  it('shows a unit its own uses; others find nothing', async () => {
    const own = await fgw('GET', U());
    expect(own.body.items.map((u: any) => u.unit)).toEqual(['FGW']);
    expect(own.body.allowed.create).toBe(false);
    expect(own.body.totals.count).toBe(1);
    expect((await fgw('GET', `${U()}/units/FGW/${use.id}`)).body.allowed).toEqual({
      edit: false,
      revoke: false,
    });
    expect((await as('hrb-jyj', 'GET', `${U()}/units/FGW/${use.id}`)).status).toBe(404);
    expect((await as('hrb-tjj', 'GET', `${U()}/units/FGW/${use.id}`)).status).toBe(404);
    expect((await as('hrb-observer', 'GET', U())).body.items).toHaveLength(2);
    expect((await as('bx', 'GET', `${U()}/units/FGW/${use.id}`)).status).toBe(404);
    expect((await admin('GET', `${U()}?kind=budget`)).body.items.map((u: any) => u.unit)).toEqual(['JYJ']);
  });
});

// ─── End to end, through the year-end batch ─────────────────────────────────────────────────────

describe('end to end: the real batch takes an accepted appeal into the next run', () => {
  const E = () => `/v1/cycles/${C}/evaluation`;
  /** Starts an official run, waits for the state machine, releases it; returns the run. */
  async function runAndRelease(reason: string) {
    const started = await admin('POST', `${E()}/runs`, { reason });
    expect(started.status, JSON.stringify(started.body).slice(0, 300)).toBe(202);
    await s.evaluation.idle();
    const run = (await admin('GET', `${E()}/runs/${started.body.id}`)).body;
    expect(run.status, JSON.stringify(run.failures)).toBe('ready');
    const released = await admin('POST', `${E()}/runs/${run.id}/release`, {
      version: run.version,
      note: reason,
    });
    expect(released.status, JSON.stringify(released.body).slice(0, 300)).toBe(200);
    return released.body;
  }

  it('start → release → appeal → accept with a correction → re-run → release → the unit sees the change', async () => {
    on('2027-01-06');
    const first = await runAndRelease('年终综合评估正式计算');
    const before = (await fgw('GET', `/v1/cycles/${C}/appeals/units/FGW`)).body;
    expect(before.released).toMatchObject({ run: first.id, number: first.number });
    const leaf = before.leaves.find((l: any) => l.code === 'D2-2');
    expect(leaf.rule).toBe('bands');

    const appeal = await fgw('POST', `/v1/cycles/${C}/appeals/units/FGW`, {
      target: 'indicator',
      leaf: 'D2-2',
      reasons: '重点工作按期完成率统计遗漏了已按期完成的两项里程碑，实际应为 100%。',
    });
    expect(appeal.status).toBe(201);
    const accepted = await admin('POST', `/v1/cycles/${C}/appeals/units/FGW/${appeal.body.id}/decision`, {
      version: appeal.body.version,
      status: 'accepted',
      reason: '经复核，两项里程碑有验收记录，按 100% 认定。',
      correction: { value: 100 },
    });
    expect(accepted.status).toBe(200);

    const second = await runAndRelease('申诉复核后重算');
    expect(second.trigger).toBe('appeals');
    expect(second.appeals).toEqual([appeal.body.id]);
    const seen = (await fgw('GET', `/v1/cycles/${C}/appeals/units/FGW/${appeal.body.id}`)).body;
    expect(seen.includedIn).toMatchObject({ run: second.id, number: second.number });
    expect(seen.outcome.before).toMatchObject({ run: first.id, number: first.number });
    expect(seen.outcome.after).toMatchObject({ run: second.id, number: second.number });
    const result = (await fgw('GET', `/v1/cycles/${C}/results/units/FGW`)).body.released.result;
    expect(result.provenance['D2-2'].origin).toBe('appeal');
    const row = (await admin('GET', `${E()}/runs/${second.id}/results`)).body.rows.find(
      (r: any) => r.unit === 'FGW',
    );
    expect(seen.outcome.after.total).toBe(row.total.shown);
    expect(Number(seen.outcome.totalChange)).toBeCloseTo(
      Number(row.total.shown) - Number(seen.outcome.before.total),
      6,
    );
  });
});

// ─── The fixtures the isolation and bad-input suites use ────────────────────────────────────────

describe('fixtures of these routes for the isolation and bad-input suites', () => {
  const mine = () =>
    appRoutes(s.app).filter((r) => /\/(appeals|rectification|result-uses)(\/|$)/.test(r.path));

  it('are documented in the OpenAPI document, each with its permission', async () => {
    const doc = await s.call('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    const paths = doc.body.paths;
    expect(paths['/v1/cycles/{cycleId}/appeals/units/{unit}/{appealId}/decision'].post['x-permission']).toBe(
      'appeals:decide',
    );
    expect(paths['/v1/cycles/{cycleId}/rectification/carry-over'].post['x-permission']).toBe(
      'rectification:manage',
    );
    expect(paths['/v1/cycles/{cycleId}/result-uses/units/{unit}/{useId}/revoke'].post['x-permission']).toBe(
      'results:use',
    );
  });

  it('name every route of appeals, rectification and the use of results', () => {
    const routes = mine();
    expect(routes.length).toBe(35);
    expect(routes.filter((r) => !outcomesFixtures[r.key]).map((r) => r.key)).toEqual([]);
  });

  it('resolve to the victim’s records, and another unit’s user is refused on each of them', async () => {
    DEMO.cycle = C;
    await resolveOutcomesIds(async (path) => (await admin('GET', path)).body, DEMO);
    expect(DEMO.appeal).toMatch(/^ap[a-z2-7]{12}$/);
    expect(DEMO.appealUnit).toBe('FGW');
    expect(
      (await admin('GET', `/v1/cycles/${DEMO.appealCycle}/appeals/units/FGW/${DEMO.appeal}`)).status,
    ).toBe(200);
    expect(
      (
        await admin(
          'GET',
          `/v1/cycles/${DEMO.rectCycle}/rectification/units/${DEMO.rectUnit}/${DEMO.rectification}`,
        )
      ).status,
    ).toBe(200);
    expect(
      (await admin('GET', `/v1/cycles/${DEMO.useCycle}/result-uses/units/${DEMO.useUnit}/${DEMO.resultUse}`))
        .status,
    ).toBe(200);
    // Bodies name the ids too, once known.
    expect(outcomesFixtures['POST /v1/cycles/:cycleId/rectification/carry-over']!.json!.from).toBe(
      DEMO.appealCycle,
    );
    for (const r of mine().filter((x) => x.path.includes(':unit'))) {
      const res = await s.fetch(requestFor(s.url, r, outcomesFixtures[r.key]!, tok['hrb-jyj']!));
      expect([403, 404], `${r.key} → ${res.status}`).toContain(res.status);
    }
  });
});
