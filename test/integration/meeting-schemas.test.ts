import { CONTRACTS } from '@jixiao/api/contracts';
import { shanghaiDay } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoReview } from '../support/fixtures/meeting';
import { DEMO, resolveDemoIds } from '../support/routes';
import { coveredRoutes, startTestStack, type TestStack } from '../support/stack';

/**
 * Every route of the review meeting's contract answered successfully on the demo year, each 2xx
 * body checked by the stack against its OpenAPI schema (exactly: no undeclared fields), in each
 * shape it takes (no meeting yet, a draft, concluded); the last test checks all were walked.
 */
let s: TestStack;
const tok: Record<string, string> = {};

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  for (const u of ['hrb-admin', 'hrb-observer', 'hrb-fgw']) tok[u] = await s.token('230100', u);
  await resolveDemoIds(async (path) => (await s.call('GET', path, { token: tok['hrb-admin'] })).body);
}, 120_000);
afterAll(() => s.stop());

async function ok(method: string, path: string, who: string, body?: unknown) {
  const r = await s.call(method, path, { token: tok[who], ...(body === undefined ? {} : { body }) });
  expect(r.status, `${method} ${path}: ${r.text.slice(0, 300)}`).toBeLessThan(300);
  return r;
}

describe('the review meeting’s answers match their schemas', () => {
  it('a cycle without a meeting: null, then created', async () => {
    const c = await ok('POST', '/v1/cycles', 'hrb-admin', {
      name: '评议会契约检查周期',
      year: 2042,
      bindings: [{ system: 'ishrbdepartmnt', systemVersion: 1, groups: ['ECON'] }],
      calendar: {
        planDeadline: '2042-03-31',
        selfAssessment: { opens: '2043-01-05', closes: '2043-01-20' },
        verification: { opens: '2043-01-21', closes: '2043-02-10' },
        review: { opens: '2043-02-11', closes: '2043-02-28' },
        appeal: { opens: '2043-03-01', closes: '2043-03-10' },
      },
    });
    const none = await ok('GET', `/v1/cycles/${c.body.id}/review-meeting`, 'hrb-admin');
    expect(none.body.meeting).toBeNull();
    const unit = await ok('GET', `/v1/cycles/${c.body.id}/review-meeting/units/FGW`, 'hrb-fgw');
    expect(unit.body.meeting).toBeNull();
  });

  it('the demo’s draft, saved and read by the office, an observer and the unit', async () => {
    const P = `/v1/cycles/${DEMO.cycle}/review-meeting`;
    const v = await ok('GET', P, 'hrb-admin');
    await ok('GET', P, 'hrb-observer');
    await ok('GET', `${P}/units/FGW`, 'hrb-fgw');
    const m = v.body.meeting;
    await ok('PUT', P, 'hrb-admin', {
      version: m.version,
      title: m.title,
      day: m.day,
      place: m.place,
      members: m.members,
      documents: [
        ...m.documents,
        { title: '满意度测评结果', evidence: 'evabcdefghijkl', note: '考核办上传' },
      ],
      decisions: m.decisions,
      minutes: m.minutes,
    });
  });

  it('concluded, in review', async () => {
    await startDemoReview(
      (method, path, body) => s.call(method, path, { token: tok['hrb-admin'], body }),
      DEMO.cycle!,
    );
    const P = `/v1/cycles/${DEMO.cycle}/review-meeting`;
    const m = (await ok('GET', P, 'hrb-admin')).body.meeting;
    const held = await ok('PUT', P, 'hrb-admin', {
      version: m.version,
      title: m.title,
      day: shanghaiDay(new Date()),
      members: m.members,
      documents: m.documents,
      decisions: m.decisions,
      minutes: '会议审议了评估结果初稿，同意调整意见。',
    });
    const done = await ok('POST', `${P}/conclude`, 'hrb-admin', { version: held.body.meeting.version });
    expect(done.body.meeting.status).toBe('concluded');
    const unit = await ok('GET', `${P}/units/FGW`, 'hrb-fgw');
    expect(unit.body.decision.adjustment).toBeDefined();
  });

  it('walked every route of the meeting’s contract', () => {
    const own = (Object.values(CONTRACTS.meeting) as { method: string; path: string }[]).map(
      (r) => `${r.method.toUpperCase()} ${r.path}`,
    );
    expect(own.length).toBe(4);
    expect(own.filter((k) => !coveredRoutes.has(k))).toEqual([]);
  });
});
