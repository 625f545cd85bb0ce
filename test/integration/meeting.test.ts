import { shanghaiDay } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoReview } from '../support/fixtures/meeting';
import { DEMO, resolveDemoIds } from '../support/routes';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The review meeting (评议会) over HTTP on the demo year: the office records it while the cycle is
 * in verification (the demo's preparation) and review, concludes it in review with its quorum, and
 * nothing changes it afterwards. Observers read it; a unit sees its own decision once concluded and
 * nobody else's; every save and the conclusion are in the audit trail with the adjustments named.
 */
let s: TestStack;
const tok: Record<string, string> = {};
let P: string;

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  for (const u of ['hrb-admin', 'hrb-observer', 'hrb-expert', 'hrb-fgw', 'hrb-jyj', 'hrb-tjj'])
    tok[u] = await s.token('230100', u);
  tok.bx = await s.token('230125', 'bx-admin');
  await resolveDemoIds(async (path) => (await s.call('GET', path, { token: tok['hrb-admin'] })).body);
  P = `/v1/cycles/${DEMO.cycle}/review-meeting`;
}, 120_000);
afterAll(() => s.stop());

const as = (user: string, method: string, path: string, body?: unknown) =>
  s.call(method, path, { token: tok[user], ...(body === undefined ? {} : { body }) });
const admin = (method: string, path: string, body?: unknown) => as('hrb-admin', method, path, body);
const current = async () => (await admin('GET', P)).body;
/** The stored record as a PUT body, with changes. */
const bodyOf = (m: any, over: Record<string, unknown> = {}) => {
  const { title, day, place, members, documents, decisions, minutes, version } = m;
  return { title, day, place, members, documents, decisions, minutes, version, ...over };
};
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

describe('the demo’s preparation (verification)', () => {
  it('shows the office the planned meeting, its members, documents and a provisional adjustment', async () => {
    const v = await current();
    expect(v.cycle.state).toBe('verification');
    expect(v.meeting).toMatchObject({
      title: '哈尔滨市 2025 年度绩效评估评议会',
      day: '2026-12-28',
      status: 'draft',
    });
    expect(v.meeting.members.filter((m: any) => m.role === 'chair')).toHaveLength(1);
    expect(v.meeting.documents.length).toBeGreaterThanOrEqual(2);
    expect(v.meeting.decisions[0]).toMatchObject({ unit: 'FGW', adjustment: { points: 1.5 } });
    expect(v.units.map((u: any) => u.code)).toContain('FGW');
    expect(v.allowed).toEqual({ edit: true, conclude: false });
    // Not yet: minutes missing, the day still ahead.
    expect(v.unmet.map((u: any) => u.en).join(' ')).toMatch(/minutes/);
  });

  it('lets observers read it (read-only) and refuses experts, units and other tenants', async () => {
    const o = await as('hrb-observer', 'GET', P);
    expect(o.status).toBe(200);
    expect(o.body.allowed).toEqual({ edit: false, conclude: false });
    expect((await as('hrb-expert', 'GET', P)).status).toBe(403);
    expect((await as('hrb-fgw', 'GET', P)).status).toBe(403);
    expect((await as('hrb-observer', 'PUT', P, bodyOf(o.body.meeting))).status).toBe(403);
    expect((await as('bx', 'GET', P)).status).toBe(404);
  });

  it('refuses bad bodies with problem+json at their fields, and writes nothing', async () => {
    const m = (await current()).meeting;
    const cases: [Record<string, unknown>, string][] = [
      [{ decisions: [{ unit: 'NOPE', decision: '同意' }] }, 'body.decisions.0.unit'],
      [
        {
          decisions: [
            { unit: 'JYJ', decision: '同意' },
            { unit: 'JYJ', decision: '再议' },
          ],
        },
        'body.decisions.1.unit',
      ],
      [
        { decisions: [{ unit: 'FGW', decision: '同意', adjustment: { points: 0, reason: '理由充分足够' } }] },
        'body.decisions.0.adjustment.points',
      ],
      [
        {
          decisions: [{ unit: 'FGW', decision: '同意', adjustment: { points: 25, reason: '理由充分足够' } }],
        },
        'body.decisions.0.adjustment.points',
      ],
      [
        {
          decisions: [
            { unit: 'FGW', decision: '同意', adjustment: { points: 1.005, reason: '理由充分足够' } },
          ],
        },
        'body.decisions.0.adjustment.points',
      ],
      [
        { decisions: [{ unit: 'FGW', decision: '同意', adjustment: { points: 2, reason: '太短' } }] },
        'body.decisions.0.adjustment.reason',
      ],
      [
        { members: [...m.members, { name: '第二主持', role: 'chair' }] },
        `body.members.${m.members.length}.role`,
      ],
      [{ documents: [{ title: '材料', evidence: 'not-an-id' }] }, 'body.documents.0.evidence'],
      [{ minutes: '纪'.repeat(20001) }, 'body.minutes'],
      [{ day: '2026-13-01' }, 'body.day'],
    ];
    for (const [over, path] of cases) {
      const r = await admin('PUT', P, bodyOf(m, over));
      expect(r.status, path).toBe(422);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(
        r.body.errors.map((e: any) => e.path),
        JSON.stringify(r.body.errors),
      ).toContain(path);
      expect(r.body.errors[0].zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await current()).meeting.version).toBe(m.version);
  });

  it('answers 409 to a stale version and to a second creation', async () => {
    const m = (await current()).meeting;
    const stale = await admin('PUT', P, bodyOf(m, { version: m.version - 1 }));
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    const { version: _v, ...noVersion } = bodyOf(m);
    const again = await admin('PUT', P, noVersion);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_exists');
  });

  it('audits a save with the changed fields, naming the adjusted unit, points and reason', async () => {
    const m = (await current()).meeting;
    const decisions = [
      m.decisions[0],
      {
        unit: 'JYJ',
        decision: '同意考核结果',
        adjustment: { points: -0.5, reason: '校园安全专项整治发现问题整改滞后' },
      },
    ];
    const r = await admin('PUT', P, bodyOf(m, { decisions, place: '市政府第二会议室' }));
    expect(r.status).toBe(200);
    expect(r.body.meeting.version).toBe(m.version + 1);
    const [entry] = await auditEntries('meeting.save');
    expect(entry.target).toEqual({ type: 'meeting', id: DEMO.cycle });
    expect(Object.keys(entry.after).sort()).toEqual(['decisions', 'place']);
    expect(entry.before.place).toBe('市政府第一会议室');
    expect(entry.note).toBe('JYJ：评分调整 -0.5 分，理由：校园安全专项整治发现问题整改滞后');
  });

  it('cannot conclude in verification', async () => {
    const m = (await current()).meeting;
    const r = await admin('POST', `${P}/conclude`, { version: m.version });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('invalid_state');
    expect(r.body.message.zh).toContain('综合评议');
  });

  it('shows a unit no decision while the meeting is in preparation, and no other unit’s at all', async () => {
    const own = await as('hrb-fgw', 'GET', `${P}/units/FGW`);
    expect(own.status).toBe(200);
    expect(own.body.meeting.status).toBe('draft');
    expect(own.body.decision).toBeNull();
    expect((await as('hrb-jyj', 'GET', `${P}/units/FGW`)).status).toBe(404);
    expect((await as('hrb-expert', 'GET', `${P}/units/FGW`)).status).toBe(404);
    // A data provider reads every unit's values, but a meeting's decision only of its own unit, as a unit user.
    expect((await as('hrb-tjj', 'GET', `${P}/units/FGW`)).status).toBe(404);
    expect((await as('bx', 'GET', `${P}/units/FGW`)).status).toBe(404);
    expect((await as('hrb-fgw', 'GET', `${P}/units/NOPE`)).status).toBe(404);
  });
});

describe('in review: concluding, then locked', () => {
  beforeAll(async () => {
    await startDemoReview((method, path, body) => admin(method, path, body), DEMO.cycle!);
  }, 120_000);

  it('refuses to conclude before the quorum, the minutes and the day, saying what is missing', async () => {
    const v = await current();
    expect(v.cycle.state).toBe('review');
    const m = v.meeting;
    const thin = await admin(
      'PUT',
      P,
      bodyOf(m, { members: m.members.filter((x: any) => x.role !== 'member') }),
    );
    expect(thin.status).toBe(200);
    const r = await admin('POST', `${P}/conclude`, { version: thin.body.meeting.version });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('precondition_failed');
    expect(r.body.message.zh).toContain('不足 3 人');
    expect(r.body.message.zh).toContain('会议纪要');
    expect(r.body.message.zh).toContain('尚未到来');
  });

  it('concludes when held with its members and minutes; the audit names the adjustments', async () => {
    const prepared = (await current()).meeting;
    const held = await admin(
      'PUT',
      P,
      bodyOf(prepared, {
        day: shanghaiDay(new Date()),
        members: [
          { name: '陈志远', organisation: '市政府分管领导', role: 'chair' },
          { name: '孙明', organisation: '市考核办', role: 'member' },
          { name: '李红梅', organisation: '市人大代表', role: 'member' },
          { name: '刘洋', organisation: '市考核办', role: 'secretary' },
        ],
        minutes:
          '会议听取了市考核办关于 2025 年度绩效评估结果初稿的汇报，经审议，同意对两个单位作出评分调整。',
      }),
    );
    expect(held.status).toBe(200);
    expect(held.body.unmet).toEqual([]);
    expect(held.body.allowed.conclude).toBe(true);
    const stale = await admin('POST', `${P}/conclude`, { version: held.body.meeting.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    const done = await admin('POST', `${P}/conclude`, { version: held.body.meeting.version });
    expect(done.status).toBe(200);
    expect(done.body.meeting).toMatchObject({ status: 'concluded', concludedBy: { sub: 'hrb-admin' } });
    expect(done.body.allowed).toEqual({ edit: false, conclude: false });
    const [entry] = await auditEntries('meeting.conclude');
    expect(entry.after.adjustments).toEqual([
      { unit: 'FGW', points: 1.5, reason: expect.stringContaining('稳投资') },
      { unit: 'JYJ', points: -0.5, reason: '校园安全专项整治发现问题整改滞后' },
    ]);
    expect(entry.note).toContain('FGW：评分调整 +1.5 分');
  });

  it('is locked: no save, no second conclusion (409 with zh/en)', async () => {
    const m = (await current()).meeting;
    const save = await admin('PUT', P, bodyOf(m, { title: '改名' }));
    expect(save.status).toBe(409);
    expect(save.body.code).toBe('meeting_concluded');
    expect(save.body.message.zh).toContain('已锁定');
    expect(save.body.message.en).toContain('locked');
    const again = await admin('POST', `${P}/conclude`, { version: m.version });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('meeting_concluded');
    expect((await current()).meeting.title).toBe('哈尔滨市 2025 年度绩效评估评议会');
  });

  it('shows each unit its own decision only, and the office any unit’s', async () => {
    const fgw = await as('hrb-fgw', 'GET', `${P}/units/FGW`);
    expect(fgw.body.decision).toMatchObject({ unit: 'FGW', adjustment: { points: 1.5 } });
    expect(JSON.stringify(fgw.body)).not.toContain('JYJ');
    const jyj = await as('hrb-jyj', 'GET', `${P}/units/JYJ`);
    expect(jyj.body.decision.adjustment.points).toBe(-0.5);
    expect((await as('hrb-jyj', 'GET', `${P}/units/FGW`)).status).toBe(404);
    const office = await admin('GET', `${P}/units/CZJ`);
    expect(office.status).toBe(200);
    expect(office.body.decision).toBeNull();
    expect((await as('hrb-observer', 'GET', `${P}/units/FGW`)).body.decision.unit).toBe('FGW');
  });

  it('keeps the audit trail verifiable', async () => {
    const v = await admin('GET', '/v1/audit/verify');
    expect(v.body.ok).toBe(true);
  });
});

describe('state gating outside verification and review', () => {
  it('refuses to record a meeting for a cycle still in draft', async () => {
    const c = await admin('POST', '/v1/cycles', {
      name: '评议会测试周期',
      year: 2041,
      bindings: [{ system: 'ishrbdepartmnt', systemVersion: 1, groups: ['ECON'] }],
      calendar: {
        planDeadline: '2041-03-31',
        selfAssessment: { opens: '2042-01-05', closes: '2042-01-20' },
        verification: { opens: '2042-01-21', closes: '2042-02-10' },
        review: { opens: '2042-02-11', closes: '2042-02-28' },
        appeal: { opens: '2042-03-01', closes: '2042-03-10' },
      },
    });
    expect(c.status).toBe(201);
    const path = `/v1/cycles/${c.body.id}/review-meeting`;
    const empty = await admin('GET', path);
    expect(empty.body.meeting).toBeNull();
    expect(empty.body.allowed.edit).toBe(false);
    const r = await admin('PUT', path, { title: '评议会', day: '2042-02-20' });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('invalid_state');
    expect((await admin('POST', `${path}/conclude`, { version: 1 })).body.code).toBe('invalid_state');
    expect((await admin('GET', path)).body.meeting).toBeNull();
  });
});
