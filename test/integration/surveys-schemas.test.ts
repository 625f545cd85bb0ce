import { CONTRACTS } from '@jixiao/api/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coveredRoutes, startTestStack, type TestStack } from '../support/stack';

/**
 * Every route of the surveys contracts (the office's and the public's), called successfully on the
 * demo year: the stack checks each 2xx body against its OpenAPI schema, exactly.
 */
let s: TestStack;
let admin: string;
let cycleId = '';

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  admin = await s.token('230100', 'hrb-admin');
  const cycles = await s.call('GET', '/v1/cycles', { token: admin });
  cycleId = cycles.body.items.find((c: { year: number }) => c.year === 2025).id;
}, 240_000);
afterAll(() => s?.stop());

const ok = async (method: string, path: string, body?: unknown, token: string | undefined = admin) => {
  const r = await s.call(method, path, {
    ...(token ? { token } : {}),
    ...(body !== undefined ? { body } : {}),
  });
  expect(r.status, `${method} ${path}: ${r.text.slice(0, 300)}`).toBeLessThan(300);
  return r;
};

describe('survey responses match their schemas', () => {
  it('walks every survey route', async () => {
    const P = `/v1/cycles/${cycleId}/surveys`;
    await ok('GET', P);
    const created = await ok('POST', P, {
      title: '结构校验问卷',
      groups: [{ key: 'public', label: '社会公众', weight: 1, openLink: true }],
      units: ['FGW'],
      questions: [
        { code: 'q1', text: '总体评价', kind: 'likert' },
        { code: 'q2', text: '建议', kind: 'text' },
      ],
      openLink: { enabled: true },
    });
    const id = created.body.id;
    await ok('GET', `${P}/${id}`);
    const put = await ok('PUT', `${P}/${id}`, {
      version: created.body.version,
      title: '结构校验问卷（改）',
      groups: [{ key: 'public', label: '社会公众', weight: 1, openLink: true }],
      units: ['FGW'],
      questions: [{ code: 'q1', text: '总体评价', kind: 'likert' }],
      openLink: { enabled: true, perNetworkPerHour: 5 },
    });
    await ok('POST', `${P}/${id}/transitions`, { version: put.body.version, action: 'open' });
    const batch = await ok('POST', `${P}/${id}/invitations`, { group: 'public', count: 2, unit: 'FGW' });
    const invitations = await ok('GET', `${P}/${id}/invitations?batch=${batch.body.batch}&status=unused`);
    const token = invitations.body.items[0].id;
    const pub = `/v1/public/230100/surveys/${cycleId}/${id}`;
    const q = await ok('GET', `${pub}?token=${token}`, undefined, undefined);
    await ok(
      'POST',
      `${pub}/answers`,
      { start: q.body.start, token, ratings: { FGW: { q1: 'satisfied' } } },
      undefined,
    );
    const open = await ok('GET', pub, undefined, undefined);
    for (const device of ['device-same0001', 'device-same0001'])
      await ok(
        'POST',
        `${pub}/answers`,
        { start: open.body.start, group: 'public', ratings: { FGW: { q1: 'fair' } }, device },
        undefined,
      );
    const results = await ok('GET', `${P}/${id}/results`);
    const flag = results.body.flags.find((f: { signal: string }) => f.signal === 'duplicate_device');
    await ok('POST', `${P}/${id}/integrity-decisions`, {
      signal: flag.signal,
      key: flag.key,
      decision: 'include',
      reason: '核实为同一家庭的两位成员',
    });
    await ok('GET', `${P}/${id}/results`);
  });

  it('covered every route of the surveys contracts', () => {
    const own = [CONTRACTS.surveys, CONTRACTS.publicSurveys]
      .flatMap((c) => Object.values(c) as { method: string; path: string }[])
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(own.length).toBe(11);
    expect(own.filter((k) => !coveredRoutes.has(k))).toEqual([]);
  });
});
