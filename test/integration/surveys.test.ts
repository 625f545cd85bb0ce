import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Satisfaction surveys on the embedded stack, in the demo year's cycle (in verification): the
 * office drafts a questionnaire linked to the satisfaction leaf D3-2 (groups must match the leaf's
 * rule), opens it, issues invitations; the public answers without signing in — one answer per
 * token even when two arrive at once, the open link limited per network per hour — and the office
 * sees all, verified and as-decided counts, flags with counts, and decides (audited).
 */
let s: TestStack;
let offset = 0;
let admin: string;
let observer: string;
let cycleId = '';
const P = () => `/v1/cycles/${cycleId}/surveys`;
const PUB = (id: string) => `/v1/public/230100/surveys/${cycleId}/${id}`;

const GROUPS = [
  { key: 'clients', label: '服务对象', weight: 0.5 },
  { key: 'deputies', label: '人大代表政协委员', weight: 0.2 },
  { key: 'public', label: '社会公众', weight: 0.3, openLink: true },
];
const draft = (over: Record<string, unknown> = {}) => ({
  title: '2025 年度市直部门服务对象满意度调查（测试）',
  intro: '匿名作答，约需 3 分钟。',
  groups: GROUPS,
  units: ['FGW', 'JYJ'],
  questions: [
    { code: 'q1', text: '您对该单位的总体评价', kind: 'likert', leaf: 'D3-2' },
    { code: 'q2', text: '意见和建议', kind: 'text' },
  ],
  openLink: { enabled: true, perNetworkPerHour: 3 },
  ...over,
});

const as = (token: string) => ({ token });
const pub = (method: string, path: string, body?: unknown, ip = '203.0.113.7') =>
  s.call(method, path, { body, headers: { 'x-forwarded-for': `10.9.9.9, ${ip}` } });

beforeAll(async () => {
  s = await startTestStack({ demoYear: true, now: () => new Date(Date.now() + offset) });
  admin = await s.token('230100', 'hrb-admin');
  observer = await s.token('230100', 'hrb-observer');
  const cycles = await s.call('GET', '/v1/cycles', as(admin));
  cycleId = cycles.body.items.find((c: { year: number }) => c.year === 2025).id;
}, 240_000);
afterAll(() => s?.stop());

describe('satisfaction surveys', () => {
  let surveyId = '';
  let version = 0;

  it('refuses a survey whose groups differ from the leaf rule, or a unit outside the cycle', async () => {
    const r = await s.call('POST', P(), {
      ...as(admin),
      body: draft({
        groups: [
          { key: 'clients', label: '服务对象', weight: 0.6 },
          { key: 'public', label: '社会公众', weight: 0.4, openLink: true },
        ],
        units: ['FGW', 'NOPE'],
      }),
    });
    expect(r.status).toBe(422);
    const paths = r.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(['body.units.1', 'body.questions.0.leaf']);
    const leafIssue = r.body.errors[1];
    expect(leafIssue.en).toContain('group clients weighs 0.6, the rule says 0.5');
    expect(leafIssue.zh).toContain('缺少群体 deputies');
    // Nobody but the office drafts one.
    const denied = await s.call('POST', P(), { ...as(observer), body: draft() });
    expect(denied.status).toBe(403);
  });

  it('drafts, edits while a draft, opens (audited) and then keeps the questions fixed', async () => {
    const created = await s.call('POST', P(), { ...as(admin), body: draft() });
    expect(created.status).toBe(201);
    surveyId = created.body.id;
    expect(created.body).not.toHaveProperty('salt');
    expect(created.body.counts).toEqual({ invitations: 0, used: 0, answers: 0 });
    // A draft is not public.
    expect((await pub('GET', PUB(surveyId))).status).toBe(404);
    const put = await s.call('PUT', `${P()}/${surveyId}`, {
      ...as(admin),
      body: { ...draft({ intro: '匿名作答。' }), version: created.body.version },
    });
    expect(put.status).toBe(200);
    const opened = await s.call('POST', `${P()}/${surveyId}/transitions`, {
      ...as(admin),
      body: { version: put.body.version, action: 'open' },
    });
    expect(opened.status).toBe(200);
    expect(opened.body.status).toBe('open');
    version = opened.body.version;
    const late = await s.call('PUT', `${P()}/${surveyId}`, { ...as(admin), body: { ...draft(), version } });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('survey_not_draft');
    const list = await s.call('GET', P(), as(observer));
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(surveyId);
  });

  it('takes one answer per invitation token, even when two arrive at once', async () => {
    const batch = await s.call('POST', `${P()}/${surveyId}/invitations`, {
      ...as(admin),
      body: { group: 'clients', count: 3, unit: 'FGW', note: '政务大厅办件回访' },
    });
    expect(batch.status).toBe(201);
    expect(batch.body).toMatchObject({ count: 3, group: 'clients', unit: 'FGW' });
    const list = await s.call('GET', `${P()}/${surveyId}/invitations?batch=${batch.body.batch}`, as(admin));
    expect(list.body.items).toHaveLength(3);
    const token = list.body.items[0].id;
    // Tokens are the office's to print: an observer sees results, never tokens.
    expect((await s.call('GET', `${P()}/${surveyId}/invitations`, as(observer))).status).toBe(403);

    const q = await pub('GET', `${PUB(surveyId)}?token=${token}`);
    expect(q.status).toBe(200);
    expect(q.body).toMatchObject({ verified: true, group: { key: 'clients' }, groups: [] });
    expect(q.body.units).toEqual([{ code: 'FGW', name: '哈尔滨市发展和改革委员会' }]);
    offset += 60_000; // a minute to answer
    const body = {
      start: q.body.start,
      token,
      ratings: { FGW: { q1: 'very_satisfied' } },
      texts: { q2: '办事快' },
      device: 'device-aaaaaaaa',
    };
    const [a, b] = await Promise.all([
      pub('POST', `${PUB(surveyId)}/answers`, body),
      pub('POST', `${PUB(surveyId)}/answers`, body),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((x) => x.status === 409)!.body.code).toBe('already_answered');
    const again = await pub('GET', `${PUB(surveyId)}?token=${token}`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_answered');
    const used = await s.call('GET', `${P()}/${surveyId}/invitations?status=used`, as(admin));
    expect(used.body.items.map((i: { id: string }) => i.id)).toEqual([token]);
    // Bound to FGW: rating another unit is refused, with its path.
    const other = list.body.items[1].id;
    const q2 = await pub('GET', `${PUB(surveyId)}?token=${other}`);
    const wrong = await pub('POST', `${PUB(surveyId)}/answers`, {
      start: q2.body.start,
      token: other,
      ratings: { JYJ: { q1: 'fair' } },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].path).toBe('body.ratings.JYJ');
    // A start token of another invitation is not accepted.
    const swapped = await pub('POST', `${PUB(surveyId)}/answers`, {
      start: q.body.start,
      token: other,
      ratings: { FGW: { q1: 'fair' } },
    });
    expect(swapped.status).toBe(422);
    expect(swapped.body.errors[0].path).toBe('body.start');
  });

  it('limits the open link per network per hour (429 with Retry-After), and other networks pass', async () => {
    const q = await pub('GET', PUB(surveyId));
    expect(q.status).toBe(200);
    expect(q.body).toMatchObject({ verified: false, groups: [{ key: 'public', label: '社会公众' }] });
    const send = (ip: string, device: string, group = 'public') =>
      pub(
        'POST',
        `${PUB(surveyId)}/answers`,
        { start: q.body.start, group, ratings: { FGW: { q1: 'satisfied' }, JYJ: { q1: 'fair' } }, device },
        ip,
      );
    const noGroup = await send('198.51.100.1', 'device-x0000000', 'clients');
    expect(noGroup.status).toBe(422);
    expect(noGroup.body.errors[0].path).toBe('body.group');
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (await send(`198.51.100.${i + 1}`, i < 2 ? 'device-dup00000' : `device-b${i}000000`)).status,
      );
    expect(statuses).toEqual([201, 201, 201]);
    const limited = await send('198.51.100.99', 'device-c0000000');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await send('192.0.2.10', 'device-d0000000')).status).toBe(201);
    // Another tenant's path with these ids finds nothing.
    const elsewhere = await s.call('GET', `/v1/public/230125/surveys/${cycleId}/${surveyId}`);
    expect(elsewhere.status).toBe(404);
  });

  it('shows all, verified and as-decided counts with the minimum sample, flags, and audited decisions', async () => {
    const r = await s.call('GET', `${P()}/${surveyId}/results`, as(observer));
    expect(r.status).toBe(200);
    expect(r.body.summary).toMatchObject({ answers: 5, verified: 1, openLink: 4, excluded: 0 });
    const fgw = r.body.leaves.find((l: { unit: string }) => l.unit === 'FGW');
    expect(fgw.minSample).toBe(30);
    const pubGroup = fgw.groups.find((g: { key: string }) => g.key === 'public');
    expect(pubGroup.n).toEqual({ all: 4, verified: 0, decided: 4 });
    expect(pubGroup.belowMinSample).toBe(true);
    expect(fgw.preview.status).toBe('missing');
    expect(fgw.preview.reason.zh).toContain('不足');
    const device = r.body.flags.find((f: { signal: string }) => f.signal === 'duplicate_device');
    expect(device.count).toBe(2);
    // Every answer took no time on the open link: flagged as fast, not dropped.
    expect(r.body.flags.some((f: { signal: string }) => f.signal === 'too_fast')).toBe(true);

    const decided = await s.call('POST', `${P()}/${surveyId}/integrity-decisions`, {
      ...as(admin),
      body: { signal: 'duplicate_device', key: device.key, decision: 'exclude', reason: '同一设备重复提交' },
    });
    expect(decided.status).toBe(200);
    expect(decided.body.answers).toEqual(device.answers);
    const after = await s.call('GET', `${P()}/${surveyId}/results`, as(admin));
    expect(after.body.summary.excluded).toBe(2);
    const pubAfter = after.body.leaves
      .find((l: { unit: string }) => l.unit === 'FGW')
      .groups.find((g: { key: string }) => g.key === 'public');
    expect(pubAfter.n).toEqual({ all: 4, verified: 0, decided: 2 });
    const flag = after.body.flags.find((f: { signal: string }) => f.signal === 'duplicate_device');
    expect(flag.decision).toMatchObject({ decision: 'exclude', stale: false, version: 1 });
    // Deciding again needs the version it replaces.
    const stale = await s.call('POST', `${P()}/${surveyId}/integrity-decisions`, {
      ...as(admin),
      body: { signal: 'duplicate_device', key: device.key, decision: 'include', reason: '核实为一家人' },
    });
    expect(stale.status).toBe(409);
    const audit = await s.call('GET', '/v1/audit?limit=200', as(admin));
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'survey.create',
        'survey.update',
        'survey.transition',
        'survey.invite',
        'survey.integrity',
      ]),
    );
  });

  it('refuses answers once closed (410), and never shows the salt or raw addresses', async () => {
    const q = await pub('GET', PUB(surveyId));
    const closed = await s.call('POST', `${P()}/${surveyId}/transitions`, {
      ...as(admin),
      body: { version, action: 'close' },
    });
    expect(closed.status).toBe(200);
    const get = await pub('GET', PUB(surveyId));
    expect(get.status).toBe(410);
    expect(get.body.code).toBe('survey_closed');
    const post = await pub(
      'POST',
      `${PUB(surveyId)}/answers`,
      { start: q.body.start, group: 'public', ratings: { FGW: { q1: 'fair' } } },
      '192.0.2.200',
    );
    expect(post.status).toBe(410);
    const stored = await s.data.cycleRecords.all<Record<string, unknown>>('230100', cycleId, 'ANSWER', [
      surveyId,
    ]);
    const text = JSON.stringify(stored);
    for (const raw of ['198.51.100', '203.0.113', '192.0.2', 'device-']) expect(text).not.toContain(raw);
  });

  it('seeds a demo survey that passes the minimum sample for several units and shows the integrity signals', async () => {
    const list = await s.call('GET', P(), as(admin));
    const demo = list.body.items.find((x: { title: string }) => x.title === '2025 年度市直部门满意度测评');
    expect(demo.status).toBe('open');
    const r = await s.call('GET', `${P()}/${demo.id}/results`, as(admin));
    expect(r.body.leaves).toHaveLength(13);
    const full = r.body.leaves.filter((l: { groups: { belowMinSample: boolean }[] }) =>
      l.groups.every((g) => !g.belowMinSample),
    );
    expect(full.length).toBe(7);
    // The others lack service recipients: their score renormalises over the groups that pass.
    expect(r.body.leaves.every((l: { preview: { status: string } }) => l.preview.status === 'scored')).toBe(
      true,
    );
    const signals = new Set(r.body.flags.map((f: { signal: string }) => f.signal));
    for (const signal of ['duplicate_device', 'identical_pattern', 'too_fast'])
      expect(signals).toContain(signal);
    const device = r.body.flags.find((f: { signal: string }) => f.signal === 'duplicate_device');
    expect(device.count).toBe(5);
  });
});
