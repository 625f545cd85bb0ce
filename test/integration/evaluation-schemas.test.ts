import { CONTRACTS } from '@jixiao/api/contracts';
import { RUN_LEASE_MS } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoReview } from '../support/fixtures/meeting';
import { DEMO, resolveDemoIds } from '../support/routes';
import { coveredRoutes, startTestStack, type TestStack } from '../support/stack';

/**
 * Every route of the year-end evaluation's contract answered successfully on the demo year, each
 * 2xx body checked by the stack against its OpenAPI schema (exactly: no undeclared fields), in each
 * shape it takes (nothing yet; a run under way, stopped, failed, finished; released once and
 * again); the last test checks all were walked.
 */
let s: TestStack;
const tok: Record<string, string> = {};
let ahead = 0;

async function ok(who: string, method: string, path: string, body?: unknown) {
  const r = await s.call(method, path, { token: tok[who], ...(body === undefined ? {} : { body }) });
  expect(r.status, `${method} ${path}: ${r.text.slice(0, 300)}`).toBeLessThan(300);
  return r.body;
}

async function finished(path: string): Promise<any> {
  await s.evaluation.idle();
  return ok('hrb-admin', 'GET', path);
}

beforeAll(async () => {
  s = await startTestStack({ demoYear: true, demoResults: false, now: () => new Date(Date.now() + ahead) });
  for (const u of ['hrb-admin', 'hrb-observer', 'hrb-fgw']) tok[u] = await s.token('230100', u);
  await resolveDemoIds(async (path) => (await s.call('GET', path, { token: tok['hrb-admin'] })).body);
}, 420_000);

afterAll(() => s.stop());

describe('the year-end evaluation’s answers match their schemas', () => {
  const E = () => `/v1/cycles/${DEMO.cycle}/evaluation`;

  it('a cycle with nothing yet: no runs, nothing released, no determinations', async () => {
    const c = await ok('hrb-admin', 'POST', '/v1/cycles', {
      name: '评估契约检查周期',
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
    const o = await ok('hrb-observer', 'GET', `/v1/cycles/${c.id}/evaluation`);
    expect(o.runs).toEqual([]);
    expect((await ok('hrb-fgw', 'GET', `/v1/cycles/${c.id}/results/units/FGW`)).released).toBeNull();
    expect((await ok('hrb-admin', 'GET', `/v1/cycles/${c.id}/determinations/FGW`)).determination).toBeNull();
  });

  it('a run under way, stopped with its lease run out, resumed and finished', async () => {
    // The process "dies" before the peer statistics: the run stays running until its lease runs out.
    s.evaluation.inject({ step: 'peers', kind: 'kill' });
    const run = await ok('hrb-admin', 'POST', `${E()}/runs`, { reason: '契约检查' });
    expect((await ok('hrb-observer', 'GET', E())).active.id).toBe(run.id);
    expect((await finished(`${E()}/runs/${run.id}`)).status).toBe('running');
    ahead += RUN_LEASE_MS + 60_000;
    expect((await ok('hrb-admin', 'GET', `${E()}/runs/${run.id}`)).stale).toBe(true);
    await ok('hrb-admin', 'POST', `${E()}/runs/${run.id}/resume`);
    const done = await finished(`${E()}/runs/${run.id}`);
    expect(done.status).toBe('ready');
    await ok('hrb-observer', 'GET', `${E()}/runs/${run.id}/results`);
    await ok('hrb-observer', 'GET', `${E()}/runs/${run.id}/units/FGW`);
  });

  it('a failed run, as the overview lists it', async () => {
    delete s.deps.evaluation;
    try {
      const r = await s.call('POST', `${E()}/runs`, {
        token: tok['hrb-admin'],
        body: { reason: '服务不可用' },
      });
      expect(r.status).toBe(503);
    } finally {
      s.deps.evaluation = s.evaluation;
    }
    const o = await ok('hrb-admin', 'GET', E());
    expect(o.runs[0].status).toBe('failed');
    expect((await ok('hrb-admin', 'GET', `${E()}/runs/${o.runs[0].id}`)).failures).toHaveLength(1);
  });

  it('determinations recorded, and a second trial compared with the first', async () => {
    const v = await ok('hrb-admin', 'GET', `/v1/cycles/${DEMO.cycle}/determinations/FGW`);
    const leaf = v.leaves.find((l: any) => l.rule === 'deduction');
    await ok('hrb-admin', 'PUT', `/v1/cycles/${DEMO.cycle}/determinations/FGW`, {
      leaves: { [leaf.code]: { kind: 'exempt', reason: '年度内未开展相关工作，按工作方案免考' } },
      bonus: {},
      vetoes: {},
      note: '契约检查',
    });
    expect(
      (await ok('hrb-observer', 'GET', `/v1/cycles/${DEMO.cycle}/determinations/FGW`)).determination,
    ).not.toBeNull();
    const run = await ok('hrb-admin', 'POST', `${E()}/runs`, { reason: '认定后试算' });
    await finished(`${E()}/runs/${run.id}`);
    const cmp = await ok('hrb-admin', 'GET', `${E()}/runs/${run.id}/compare`);
    expect(cmp.units.some((u: any) => u.unit === 'FGW')).toBe(true);
  });

  it('official runs released once and again, read by the unit', async () => {
    await startDemoReview(
      (method, path, body) => s.call(method, path, { token: tok['hrb-admin'], body }),
      DEMO.cycle!,
    );
    for (const note of ['首次发布', '复核后重新发布']) {
      const run = await ok('hrb-admin', 'POST', `${E()}/runs`, { reason: note });
      const done = await finished(`${E()}/runs/${run.id}`);
      await ok('hrb-admin', 'POST', `${E()}/runs/${run.id}/release`, { version: done.version, note });
    }
    const mine = await ok('hrb-fgw', 'GET', `/v1/cycles/${DEMO.cycle}/results/units/FGW`);
    expect(mine.released.previous).not.toBeNull();
    expect((await ok('hrb-observer', 'GET', E())).released.history).toHaveLength(1);
  });

  it('walked every route of the evaluation’s contract', () => {
    const own = (Object.values(CONTRACTS.evaluation) as { method: string; path: string }[]).map(
      (r) => `${r.method.toUpperCase()} ${r.path}`,
    );
    expect(own.length).toBe(11);
    expect(own.filter((k) => !coveredRoutes.has(k))).toEqual([]);
  });
});
