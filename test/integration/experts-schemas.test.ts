import { CONTRACTS } from '@jixiao/api/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coveredRoutes, startTestStack, type TestStack } from '../support/stack';

/**
 * Every route of the expert review's contract, called successfully on the demo year; the test stack
 * checks each 2xx answer against its OpenAPI schema, exactly. The last test fails for a route of
 * the contract that no step here calls.
 */
let s: TestStack;
const tok: Record<string, string> = {};
let P = '';
type Loose = any;

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  tok.admin = await s.token('230100', 'hrb-admin');
  tok.expert = await s.token('230100', 'hrb-expert');
  const cycles = await s.call('GET', '/v1/cycles', { token: tok.admin });
  P = `/v1/cycles/${cycles.body.items.find((c: { year: number }) => c.year === 2025).id}/expert-review`;
}, 120_000);
afterAll(() => s?.stop());

async function ok(method: string, path: string, who: keyof typeof tok, body?: unknown): Promise<Loose> {
  const r = await s.call(method, path, { token: tok[who], ...(body === undefined ? {} : { body }) });
  expect(r.status, `${method} ${path}: ${r.text.slice(0, 300)}`).toBeLessThan(300);
  return r.body;
}

describe('every 2xx answer of the expert review matches its schema', () => {
  it('the pool', async () => {
    await ok('GET', '/v1/experts', 'admin');
    const e = await ok('POST', '/v1/experts', 'admin', {
      name: '契约专家',
      title: '教授',
      organisation: '某大学',
      unit: 'TJJ',
      specialties: ['统计'],
      conflicts: ['SWJ'],
    });
    await ok('GET', `/v1/experts/${e.id}`, 'admin');
    await ok('PATCH', `/v1/experts/${e.id}`, 'admin', { version: e.version, unit: null, title: '研究员' });
  });

  it('the office’s review: assignments, rounds, calibration and results', async () => {
    const r = await ok('GET', P, 'admin');
    const e = await ok('POST', '/v1/experts', 'admin', { name: '契约专家二' });
    const a = await ok('POST', `${P}/assignments`, 'admin', {
      expertId: e.id,
      unit: 'MZJ',
      leaves: ['D3-1'],
    });
    await ok('DELETE', `${P}/assignments/${a.id}?version=${a.version}`, 'admin');
    await ok('GET', `${P}/calibration`, 'admin');
    await ok('GET', `${P}/calibration?round=1`, 'admin');
    await ok('GET', `${P}/results`, 'admin');
    const open = r.rounds.find((x: Loose) => x.status === 'open');
    await ok('POST', `${P}/rounds/${open.number}/close`, 'admin', { version: open.version });
    await ok('POST', `${P}/rounds`, 'admin', { items: [{ unit: 'FGW', leaf: 'D3-1' }], note: '契约检查' });
  });

  it('the expert’s own workspace', async () => {
    const m = await ok('GET', `${P}/mine`, 'expert');
    const fgw = m.assignments.find((a: Loose) => a.unit === 'FGW');
    await ok('PUT', `${P}/mine/scores`, 'expert', {
      scores: [{ assignment: fgw.id, leaf: 'D3-1', score: 88, comment: '契约检查评分' }],
    });
    const other = m.assignments.find((a: Loose) => a.unit !== 'FGW' && a.status === 'active');
    await ok('POST', `${P}/mine/assignments/${other.id}/recusal`, 'expert', { reason: '契约检查回避' });
  });

  it('walked every route of the expert review', () => {
    const all = Object.values(CONTRACTS.experts).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(all.length).toBe(14);
    expect(all.filter((k) => !coveredRoutes.has(k))).toEqual([]);
  });
});
