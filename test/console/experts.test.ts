import { CALIBRATION_FLAG_LABELS, EXPERT_TENDENCY_LABELS } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';
import { unescapeHtml } from './support';

/**
 * The expert review's console pages on the demo year, driven as a browser would: the pool (list,
 * new with errors at the fields, edit), the office's review page with the 回避 refusal shown at the
 * assign form, calibration with flags in words, and the expert's own workspace (score, recuse).
 */
let s: TestStack;
let cycleId = '';
const tokens: Record<string, string> = {};

const get = (who: string, path: string) =>
  s.fetch(new Request(`${s.url}${path}`, { headers: { cookie: `jx_token=${tokens[who]}` } }));
const post = (who: string, path: string, form: [string, string][] | Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Array.isArray(form) ? form : Object.entries(form))
    for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return s.fetch(
    new Request(`${s.url}${path}`, {
      method: 'POST',
      body: body.toString(),
      redirect: 'manual',
      headers: {
        cookie: `jx_token=${tokens[who]}`,
        'content-type': 'application/x-www-form-urlencoded',
        origin: s.url,
      },
    }),
  );
};
const html = async (res: Response) => unescapeHtml(await res.text());

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  tokens.admin = await s.token('230100', 'hrb-admin');
  tokens.expert = await s.token('230100', 'hrb-expert');
  tokens.unit = await s.token('230100', 'hrb-fgw');
  const cycles = await s.call('GET', '/v1/cycles', { token: tokens.admin });
  cycleId = cycles.body.items.find((c: { year: number }) => c.year === 2025).id;
}, 120_000);
afterAll(() => s?.stop());

const R = () => `/console/cycles/${cycleId}/expert-review`;

describe('the expert pool pages', () => {
  it('lists the pool and adds an expert, with errors at their fields first', async () => {
    const list = await html(await get('admin', '/console/experts'));
    expect(list).toContain('赵教授');
    expect(list).toContain('哈尔滨工业大学经济与管理学院');
    const form = await html(await get('admin', '/console/experts/new'));
    expect(form).toContain('id="f-name"');
    expect(form).toContain('name="conflicts" value="SWJ"');
    // The account link offers the tenant's expert accounts.
    expect(form).toContain('value="hrb-expert"');
    const bad = await post('admin', '/console/experts/new', { _idem: 'experts-console-0001', name: '' });
    expect(bad.status).toBe(422);
    expect(await html(bad)).toContain('id="f-name-error"');
    const ok = await post('admin', '/console/experts/new', {
      _idem: 'experts-console-0002',
      name: '控制台专家',
      specialties: '财政，审计、统计',
      conflicts: ['SWJ', 'GXJ'],
      active: 'true',
    });
    expect(ok.status).toBe(303);
    const href = ok.headers.get('location')!.replace(/\?.*$/, '');
    const detail = await html(await get('admin', href));
    expect(detail).toContain('控制台专家');
    expect(detail).toContain('财政、审计、统计');
    const id = href.split('/').at(-1)!;
    const stored = await s.call('GET', `/v1/experts/${id}`, { token: tokens.admin });
    expect(stored.body.specialties).toEqual(['财政', '审计', '统计']);
    expect(stored.body.conflicts).toEqual(['SWJ', 'GXJ']);
  });
});

describe('the office’s expert review pages', () => {
  it('shows rounds, progress and assignments, and the 回避 refusal at the assign form', async () => {
    const page = await html(await get('admin', R()));
    expect(page).toContain('专家分配情况');
    expect(page).toContain('id="assign"');
    expect(page).toContain('孙会计师');
    const pool = await s.call('GET', '/v1/experts', { token: tokens.admin });
    const sun = pool.body.items.find((e: { name: string }) => e.name === '孙会计师');
    const refused = await post('admin', `${R()}/assignments`, {
      _idem: 'experts-console-assign-01',
      expertId: sun.id,
      unit: 'CZJ',
      leaves: 'D3-1',
    });
    expect(refused.status).toBe(409);
    const text = await html(refused);
    expect(text).toContain('须回避「哈尔滨市财政局」');
    expect(text).toContain('该单位是专家本人所在单位');
  });

  it('shows calibration with the flags and tendencies in words, and the results', async () => {
    const page = await html(await get('admin', `${R()}/calibration?round=1`));
    expect(page).toContain('r_wg');
    expect(page).toContain(CALIBRATION_FLAG_LABELS.outlier.zh);
    expect(page).toContain('钱研究员评 45 分');
    expect(page).toContain(EXPERT_TENDENCY_LABELS.harsher.zh);
    expect(page).toContain('id="results"');
    const en = await html(await get('admin', `${R()}/calibration?round=1&lang=en`));
    expect(en).toContain(EXPERT_TENDENCY_LABELS.harsher.en);
  });

  it('refuses the office pages to a unit', async () => {
    expect((await get('unit', R())).status).toBe(403);
    expect((await get('unit', '/console/experts')).status).toBe(403);
  });
});

describe('the expert’s workspace', () => {
  it('scores the due items with comments and recuses', async () => {
    const page = await html(await get('expert', `${R()}/mine`));
    expect(page).toContain('id="scores"');
    // Round 1 closed: the others' scores are shown without their names.
    expect(page).toContain('data-revealed="1"');
    expect(page).not.toContain('钱研究员');
    const due = /name="score:(as[a-z2-7]+):([A-Za-z0-9-]+)"/.exec(page);
    expect(due).not.toBeNull();
    const [, assignment, leaf] = due!;
    const short = await post('expert', `${R()}/mine/scores`, {
      [`score:${assignment}:${leaf}`]: '80',
      [`comment:${assignment}:${leaf}`]: '好',
    });
    expect(short.status).toBe(422);
    const saved = await post('expert', `${R()}/mine/scores`, {
      [`score:${assignment}:${leaf}`]: '81',
      [`comment:${assignment}:${leaf}`]: '参考第一轮分布后复评',
    });
    expect(saved.status).toBe(303);
    const after = await html(await get('expert', `${R()}/mine`));
    expect(after).toContain('参考第一轮分布后复评');
    const recuse = await post('expert', `${R()}/mine/assignments/${assignment}/recusal`, {
      reason: '近亲属在该单位任职',
    });
    expect(recuse.status).toBe(303);
    expect(await html(await get('expert', `${R()}/mine`))).toContain('近亲属在该单位任职');
  });
});
