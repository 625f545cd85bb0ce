import { sampleInputs } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/** Indicator systems through the API: templates, drafts, filing lifecycle, Excel round trip, trial scoring. */
let s: TestStack;
let admin: string;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  s = await startTestStack();
  admin = await s.token('230100', 'hrb-admin');
});
afterAll(() => s.stop());

/** The seed's KPI plan as written: 30+20+15+15+10+10+10 = 110. */
function kpiAsWritten() {
  const dims: [string, string, number][] = [
    ['GOAL', '工作目标完成情况', 30],
    ['EVAL', '绩效评估结果', 20],
    ['RES', '资源利用情况', 15],
    ['EXEC', '决策与执行能力', 15],
    ['INNO', '制度建设与创新', 10],
    ['PUB', '公众满意度调查', 10],
    ['TEAM', '团队建设与人才培养', 10],
  ];
  return {
    name: '政府KPI绩效考核方案（原稿）',
    dimensions: dims.map(([code, name, weight]) => ({
      code,
      name,
      weight,
      children: [
        {
          code: `${code}1`,
          name: `${name}得分`,
          weight,
          type: 'quantitative',
          source: 'self_report',
          rule: { kind: 'target_completion' },
        },
      ],
    })),
  };
}

describe('templates', () => {
  it('lists every template with dimensions adding up to 100, and serves each one', async () => {
    const r = await s.call('GET', '/v1/indicator-templates', { token: admin });
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThanOrEqual(8);
    for (const t of r.body.items) {
      // The KPI plan keeps the source's own weights (110); the office chooses the correction.
      const sum = t.dimensions.reduce((a: number, d: { weight: number }) => a + d.weight, 0);
      expect(sum).toBe(t.id === 'kpi' ? 110 : 100);
      const one = await s.call('GET', `/v1/indicator-templates/${t.id}`, { token: admin });
      expect(one.status).toBe(200);
      expect(one.body.content.dimensions.length).toBe(t.dimensions.length);
    }
    expect((await s.call('GET', '/v1/indicator-templates/nope', { token: admin })).status).toBe(404);
  });
});

describe('the filing lifecycle', () => {
  let id = '';
  it('keeps the seed KPI plan as a draft with the weight problem explained, and refuses to submit it', async () => {
    const created = await s.call('POST', '/v1/indicator-systems', {
      token: admin,
      body: { content: kpiAsWritten() },
    });
    expect(created.status).toBe(201);
    id = created.body.id;
    expect(created.body).toMatchObject({ systemVersion: 1, status: 'draft' });
    const sum = created.body.issues.find((i: { zh: string }) => i.zh.includes('110'));
    expect(sum).toBeDefined();
    expect(sum.en).toContain('110');
    expect(created.body.weights.some((w: { ok: boolean }) => !w.ok)).toBe(true);
    const submit = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/transitions`, {
      token: admin,
      body: { action: 'submit', version: 1 },
    });
    expect(submit.status).toBe(422);
    expect(submit.body.errors.some((e: { zh: string }) => e.zh.includes('110'))).toBe(true);
  });

  it('accepts the corrected draft, files it, and then keeps the approved version immutable', async () => {
    const fixed = kpiAsWritten();
    fixed.dimensions[0]!.weight = 25;
    fixed.dimensions[0]!.children[0]!.weight = 25;
    fixed.dimensions[6]!.weight = 5;
    fixed.dimensions[6]!.children[0]!.weight = 5;
    const put = await s.call('PUT', `/v1/indicator-systems/${id}/versions/1`, {
      token: admin,
      body: { version: 1, content: fixed },
    });
    expect(put.status).toBe(200);
    expect(put.body.issues).toEqual([]);
    const stale = await s.call('PUT', `/v1/indicator-systems/${id}/versions/1`, {
      token: admin,
      body: { version: 1, content: fixed },
    });
    expect(stale.status).toBe(409);
    const submitted = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/transitions`, {
      token: admin,
      body: { action: 'submit', version: 2 },
    });
    expect(submitted.body.status).toBe('submitted');
    const edit = await s.call('PUT', `/v1/indicator-systems/${id}/versions/1`, {
      token: admin,
      body: { version: 3, content: fixed },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('not_editable');
    const approved = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/transitions`, {
      token: admin,
      body: { action: 'approve', version: 3, note: '经市绩效委审查同意备案' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', statusNote: '经市绩效委审查同意备案' });
    const again = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/transitions`, {
      token: admin,
      body: { action: 'submit', version: 4 },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invalid_transition');
  });

  it('starts version 2 from the approved one, which stays in force and visible to units', async () => {
    const v2 = await s.call('POST', `/v1/indicator-systems/${id}/versions`, {
      token: admin,
      body: { from: 1 },
    });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ systemVersion: 2, status: 'draft' });
    const v1 = await s.call('GET', `/v1/indicator-systems/${id}/versions/1`, { token: admin });
    expect(v1.body.status).toBe('approved');

    const unit = await s.token('230100', 'hrb-fgw');
    const list = await s.call('GET', '/v1/indicator-systems', { token: unit });
    const mine = list.body.items.find((x: { id: string }) => x.id === id);
    expect(mine.latest.systemVersion).toBe(1);
    expect((await s.call('GET', `/v1/indicator-systems/${id}/versions/2`, { token: unit })).status).toBe(404);
    expect((await s.call('GET', `/v1/indicator-systems/${id}`, { token: unit })).body.systemVersion).toBe(1);
    const adminView = await s.call('GET', `/v1/indicator-systems/${id}`, { token: admin });
    expect(adminView.body.systemVersion).toBe(2);
    expect(adminView.body.versions.map((v: { status: string }) => v.status)).toEqual(['approved', 'draft']);

    const drop = await s.call('DELETE', `/v1/indicator-systems/${id}/versions/2?version=1`, { token: admin });
    expect(drop.status).toBe(204);
    const retire = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/transitions`, {
      token: admin,
      body: { action: 'retire', version: 4 },
    });
    expect(retire.body.status).toBe('retired');
  });
});

describe('from a template to a trial score and an Excel round trip', () => {
  it('copies a template, scores sample units with a full breakdown, and round-trips through .xlsx', async () => {
    const templates = (await s.call('GET', '/v1/indicator-templates', { token: admin })).body.items;
    const created = await s.call('POST', '/v1/indicator-systems', {
      token: admin,
      body: { template: templates[0].id, name: '2026 年度部门绩效评估' },
    });
    expect(created.status).toBe(201);
    expect(created.body.issues).toEqual([]);
    const id = created.body.id;

    const units = sampleInputs(created.body, [
      { unit: 'FGW', group: 'ECON' },
      { unit: 'CZJ', group: 'ECON' },
    ]);
    units.push({ unit: 'GXJ', group: 'ECON', leaves: {}, bonus: {}, vetoes: {}, statistics: {} });
    const trial = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/trial`, {
      token: admin,
      body: { units },
    });
    expect(trial.status).toBe(200);
    const byUnit = Object.fromEntries(trial.body.units.map((u: { unit: string }) => [u.unit, u]));
    for (const code of ['FGW', 'CZJ']) {
      const u = byUnit[code];
      // The total is the sum of the shown dimension points (no bonus in the sample inputs).
      const dims = u.dimensions.reduce(
        (a: number, d: { points: { shown: string } }) => a + Number(d.points.shown),
        0,
      );
      expect(Number(u.total.shown)).toBeCloseTo(dims, 6);
      expect(Number(u.total.shown)).toBeGreaterThan(0);
      expect(u.rank.of).toBe(3);
    }
    const twice = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/trial`, {
      token: admin,
      body: { units: [units[0], units[0]] },
    });
    expect(twice.status).toBe(422);
    expect(twice.body.errors[0]).toMatchObject({ path: 'body.units', zh: '同一单位只能出现一次' });
    // No data at all: every leaf is missing and scores 0, with the reason stated.
    expect(byUnit.GXJ.total.shown).toBe('0.00');
    expect(JSON.stringify(byUnit.GXJ.dimensions)).toContain('未提交数据');
    expect(byUnit.GXJ.rank.rank).toBe(3);

    const xlsx = await s.fetch(
      new Request(`${s.url}/v1/indicator-systems/${id}/versions/1/export.xlsx`, {
        headers: { authorization: `Bearer ${admin}` },
      }),
    );
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(XLSX);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(4000);
    const imported = await s.call('POST', '/v1/indicator-systems/import', {
      token: admin,
      raw: bytes,
      headers: { 'content-type': XLSX },
    });
    expect(imported.status).toBe(201);
    expect(imported.body.dimensions).toEqual(created.body.dimensions);

    // The print layout: the columns a reader needs, named as such; not a file the import reads back.
    const print = await s.call('GET', `/v1/indicator-systems/${id}/versions/1/export.xlsx?layout=print`, {
      token: admin,
    });
    expect(print.status).toBe(200);
    expect(print.headers.get('content-disposition')).toContain(encodeURIComponent('-打印版.xlsx'));
    expect(print.bytes.length).toBeLessThan(bytes.length);
    const badLayout = await s.call('GET', `/v1/indicator-systems/${id}/versions/1/export.xlsx?layout=a3`, {
      token: admin,
    });
    expect(badLayout.status).toBe(422);
    expect(badLayout.body.errors[0].path).toBe('query.layout');

    const garbage = await s.call('POST', '/v1/indicator-systems/import', {
      token: admin,
      raw: new TextEncoder().encode('not a workbook'),
      headers: { 'content-type': XLSX },
    });
    expect(garbage.status).toBeGreaterThanOrEqual(400);
    expect(garbage.status).toBeLessThan(500);
    const wrongType = await s.call('POST', '/v1/indicator-systems/import', { token: admin, body: { x: 1 } });
    expect(wrongType.status).toBe(415);
  });
});

describe('finance calculators', () => {
  it('computes FNPV with t = 1..n and explains bad arguments', async () => {
    const list = await s.call('GET', '/v1/finance/calculators', { token: admin });
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['fnpv', 'irr']),
    );
    const fnpv = list.body.items.find((c: { name: string }) => c.name === 'fnpv');
    expect(JSON.stringify(fnpv.args)).toContain('netFlows');
    // −100 in year 1 and 110 in year 2 at 10%: −100/1.1 + 110/1.21 = −90.909… + 90.909… = 0.
    const flowsArg = 'netFlows';
    const rateArg = 'ratePercent';
    const r = await s.call('POST', '/v1/finance/calculators/fnpv', {
      token: admin,
      body: { args: { [flowsArg]: [-100, 110], [rateArg]: 10 } },
    });
    expect(r.status).toBe(200);
    expect(Math.abs(r.body.value)).toBeLessThan(1e-9);
    const bad = await s.call('POST', '/v1/finance/calculators/fnpv', {
      token: admin,
      body: { args: { [rateArg]: 'x' } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toMatch(/^body\.args/);
    expect(
      (await s.call('POST', '/v1/finance/calculators/constructor', { token: admin, body: { args: {} } }))
        .status,
    ).toBe(404);
    const noIrr = await s.call('POST', '/v1/finance/calculators/irr', {
      token: admin,
      body: { args: { netFlows: [100, 100] } },
    });
    expect(noIrr.status).toBe(422);
    expect(noIrr.body.message.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('problems explained where they are', () => {
  it('points a bad weight deep in the tree at that weight, and requires a note to return a filing', async () => {
    const content = kpiAsWritten();
    (content.dimensions[2]!.children[0] as { weight: unknown }).weight = '十五';
    const bad = await s.call('POST', '/v1/indicator-systems', { token: admin, body: { content } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain(
      'body.content.dimensions.2.children.0.weight',
    );

    const created = await s.call('POST', '/v1/indicator-systems', {
      token: admin,
      body: { template: 'local_annual' },
    });
    const id = created.body.id;
    const sub = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/transitions`, {
      token: admin,
      body: { action: 'submit', version: 1 },
    });
    expect(sub.body.status).toBe('submitted');
    const noNote = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/transitions`, {
      token: admin,
      body: { action: 'return', version: 2 },
    });
    expect(noNote.status).toBe(422);
    expect(noNote.body.errors[0].path).toBe('body.note');
    const back = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/transitions`, {
      token: admin,
      body: { action: 'return', version: 2, note: '请补充各指标的评分标准。' },
    });
    expect(back.body).toMatchObject({ status: 'draft', statusNote: '请补充各指标的评分标准。' });
  });
});
