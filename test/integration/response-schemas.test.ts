import { ALL_ROUTES, CONTRACTS } from '@jixiao/api/contracts';
import { sampleInputs } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseMismatch } from '../support/contract-check';
import { coveredRoutes, startTestStack, type TestStack } from '../support/stack';

/**
 * Walks every route of the API with a request that succeeds, through the test stack, which checks
 * each 2xx answer against the route's OpenAPI response schema (exactly: no undeclared fields).
 * A new route without a step here fails the last test.
 */
let s: TestStack;
const tok: Record<string, string> = {};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  s = await startTestStack();
  tok.admin = await s.token('230100', 'hrb-admin');
  tok.unit = await s.token('230100', 'hrb-fgw');
  tok.ops = await s.token(undefined, 'ops');
  tok.analyst = await s.token('230000', 'hlj-analyst');
});
afterAll(() => s.stop());

async function ok(method: string, path: string, who: keyof typeof tok, body?: unknown) {
  const r = await s.call(method, path, { token: tok[who], ...(body === undefined ? {} : { body }) });
  expect(r.status, `${method} ${path}: ${r.text.slice(0, 300)}`).toBeLessThan(300);
  return r;
}

describe('every 2xx answer matches its OpenAPI response schema', () => {
  it('identity, reference data and the province', async () => {
    await ok('GET', '/v1/me', 'admin');
    await ok('GET', '/v1/me', 'ops');
    await ok('GET', '/v1/tenant', 'admin');
    await ok('GET', '/v1/divisions/230100', 'admin');
    await ok('GET', '/v1/divisions?parent=230100', 'admin');
    await ok('GET', '/v1/province/tenants', 'analyst');
    await ok('GET', '/v1/finance/calculators', 'admin');
    await ok('POST', '/v1/finance/calculators/fnpv', 'admin', {
      args: { netFlows: [-100, 110], ratePercent: 10 },
    });
  });

  it('the platform', async () => {
    await ok('GET', '/v1/platform/tenants', 'ops');
    await ok('POST', '/v1/platform/tenants', 'ops', { code: '230300' });
    const t = await ok('GET', '/v1/platform/tenants/230300', 'ops');
    await ok('PATCH', '/v1/platform/tenants/230300', 'ops', {
      version: t.body.version,
      planStatus: 'active',
    });
  });

  it('the organisation', async () => {
    await ok('GET', '/v1/unit-groups', 'admin');
    await ok('POST', '/v1/unit-groups', 'admin', { code: 'SCHEMA', name: '契约检查分组' });
    const g = await ok('GET', '/v1/unit-groups/SCHEMA', 'admin');
    const g2 = await ok('PATCH', '/v1/unit-groups/SCHEMA', 'admin', {
      version: g.body.version,
      name: '契约检查',
    });
    await ok('GET', '/v1/units?group=ECON', 'admin');
    await ok('GET', '/v1/units', 'unit');
    await ok('POST', '/v1/units', 'admin', {
      code: 'SCHEMAU',
      name: '契约检查单位',
      type: 'department',
      group: 'ECON',
    });
    const u = await ok('GET', '/v1/units/SCHEMAU', 'admin');
    await ok('PATCH', '/v1/units/SCHEMAU', 'admin', { version: u.body.version, name: '契约检查单位二' });
    await ok('GET', '/v1/users', 'admin');
    const created = await ok('POST', '/v1/users', 'admin', { name: '契约', roles: ['observer'] });
    const user = await ok('GET', `/v1/users/${created.body.id}`, 'admin');
    await ok('PATCH', `/v1/users/${created.body.id}`, 'admin', {
      version: user.body.version,
      name: '契约二',
    });
    await ok('DELETE', `/v1/unit-groups/SCHEMA?version=${g2.body.version}`, 'admin');
  });

  it('indicator systems, templates, trial and Excel', async () => {
    await ok('GET', '/v1/indicator-templates', 'admin');
    await ok('GET', '/v1/indicator-templates/department', 'admin');
    const created = await ok('POST', '/v1/indicator-systems', 'admin', {
      template: 'department',
      groups: { approval: ['ECON'] },
    });
    const id = created.body.id as string;
    await ok('GET', '/v1/indicator-systems', 'admin');
    await ok('GET', '/v1/indicator-systems', 'unit');
    await ok('GET', `/v1/indicator-systems/${id}`, 'admin');
    const v1 = await ok('GET', `/v1/indicator-systems/${id}/versions/1`, 'admin');
    const {
      issues: _i,
      weights: _w,
      id: _id,
      systemVersion: _sv,
      status: _st,
      version,
      createdAt: _c,
      updatedAt: _u,
      template: _t,
      versions: _vs,
      allowed: _al,
      owner: _o,
      ...content
    } = v1.body;
    const put0 = await ok('PUT', `/v1/indicator-systems/${id}/versions/1`, 'admin', { version, content });
    const put = await ok('POST', `/v1/indicator-systems/${id}/versions/1/weight-corrections`, 'admin', {
      version: put0.body.version,
      correction: { method: 'scale', path: 'dimensions' },
    });
    const units = sampleInputs(content, [
      { unit: 'FGW', group: 'ECON' },
      { unit: 'JYJ', group: 'SOCIAL' },
    ]);
    await ok('POST', `/v1/indicator-systems/${id}/versions/1/trial`, 'admin', { units });
    await ok('POST', `/v1/indicator-systems/${id}/versions/1/transitions`, 'admin', {
      action: 'submit',
      version: put.body.version,
    });
    await ok('POST', `/v1/indicator-systems/${id}/versions`, 'admin', { from: 1 });
    const v2 = await ok('GET', `/v1/indicator-systems/${id}/versions/2`, 'admin');
    await ok('DELETE', `/v1/indicator-systems/${id}/versions/2?version=${v2.body.version}`, 'admin');
    const file = await s.call('GET', `/v1/indicator-systems/${id}/versions/1/export.xlsx`, {
      token: tok.admin,
    });
    expect(file.status).toBe(200);
    const imported = await s.call('POST', '/v1/indicator-systems/import', {
      token: tok.admin,
      raw: file.bytes as Uint8Array<ArrayBuffer>,
      headers: { 'content-type': XLSX },
    });
    expect(imported.status).toBe(201);
  });

  it('the evaluation cycle: plans, consultation, monitoring, self-assessment, verification, audit', async () => {
    await ok('POST', '/v1/unit-groups', 'admin', { code: 'SCY', name: '契约检查周期组' });
    await ok('POST', '/v1/units', 'admin', {
      code: 'SCYU',
      name: '契约检查局',
      type: 'department',
      group: 'SCY',
    });
    const user = await ok('POST', '/v1/users', 'admin', {
      name: '契约检查员',
      roles: ['unit_user'],
      unit: 'SCYU',
    });
    tok.scy = await s.token('230100', user.body.id);
    tok.tjj = await s.token('230100', 'hrb-tjj');
    const c = await ok('POST', '/v1/cycles', 'admin', {
      name: '契约检查周期',
      year: 2039,
      bindings: [{ system: 'ishrbdepartmnt', systemVersion: 1, groups: ['SCY'] }],
      calendar: {
        planDeadline: '2039-03-31',
        progressPeriods: [{ code: 'H1', name: '上半年', ends: '2039-06-30', due: '2039-07-10' }],
        selfAssessment: { opens: '2040-01-05', closes: '2040-01-20' },
        verification: { opens: '2040-01-21', closes: '2040-02-10' },
        review: { opens: '2040-02-11', closes: '2040-02-28' },
        appeal: { opens: '2040-03-01', closes: '2040-03-10' },
      },
      providers: [{ leaf: 'D1-1', unit: 'TJJ' }],
    });
    const id = c.body.id as string;
    const P = `/v1/cycles/${id}`;
    const move = async (action: string) => {
      const v = await ok('GET', P, 'admin');
      return ok('POST', `${P}/transitions`, 'admin', { version: v.body.version, action });
    };
    const upd = await ok('PATCH', P, 'admin', { version: c.body.version, scope: '契约检查' });
    expect(upd.body.scope).toBe('契约检查');
    await ok('GET', '/v1/cycles', 'admin');
    await move('open_planning');
    await ok('PUT', '/v1/units/SCYU/long-term-plans/2036', 'scy', {
      startYear: 2036,
      endYear: 2040,
      form: 'own',
      parts: { functions: '职能', goals: '目标', keyFactors: '因素', measures: '措施' },
    });
    await ok('GET', '/v1/units/SCYU/long-term-plans', 'scy');
    const view = await ok('GET', `${P}/plans/SCYU`, 'scy');
    const leaves = view.body.leaves as {
      code: string;
      type: string;
      needsNumber: boolean;
      officeTarget?: number;
      weight: number;
    }[];
    const items = leaves.map((l) => ({
      leaf: l.code,
      ...(l.needsNumber ? { target: l.officeTarget ?? 100 } : { targetText: '完成' }),
      basis: '依据',
      standard: '标准',
      measures: '措施',
      owner: '办公室',
    }));
    await ok('PUT', `${P}/plans/SCYU`, 'scy', { basis: '年度目标依据', items });
    const step = async (who: 'scy' | 'admin', action: string) => {
      const p = await ok('GET', `${P}/plans/SCYU`, who);
      return ok('POST', `${P}/plans/SCYU/transitions`, who, { version: p.body.plan.version, action });
    };
    const opened = await step('scy', 'open_consultation');
    const pc = opened.body.plan.consultation.id as string;
    await ok('GET', `/v1/public/230100/consultations/${pc}`, 'scy');
    await ok('POST', `/v1/public/230100/consultations/${pc}/comments`, 'scy', { text: '建议' });
    const comments = await ok('GET', `${P}/plans/SCYU/comments`, 'scy');
    const cm = comments.body.items[0];
    await ok('PATCH', `${P}/plans/SCYU/comments/${cm.id}`, 'scy', {
      version: cm.version,
      status: 'published',
      answer: '采纳',
    });
    await step('scy', 'close_consultation');
    await step('scy', 'submit');
    await ok('GET', `${P}/plans`, 'admin');
    const sub = await ok('GET', `${P}/plans/SCYU`, 'admin');
    await ok('POST', `${P}/plans/SCYU/reviews`, 'admin', {
      version: sub.body.plan.version,
      decisions: leaves.map((l) => ({ leaf: l.code, decision: 'approved' })),
    });
    await step('admin', 'publish');
    await ok('GET', '/v1/public/230100/plans', 'scy');
    await ok('GET', `/v1/public/230100/cycles/${id}/plans/SCYU`, 'scy');
    await ok('POST', `/v1/public/230100/cycles/${id}/plans/SCYU/opinions`, 'scy', { text: '意见' });
    const ops = await ok('GET', `${P}/opinions`, 'admin');
    const op = ops.body.items[0];
    await ok('POST', `${P}/opinions/${op.id}/steps`, 'admin', {
      version: op.version,
      action: 'forward',
      text: '请研究',
    });
    await move('start_monitoring');
    const numeric = leaves.find((l) => l.needsNumber)!;
    await ok('PUT', `${P}/progress/SCYU/H1`, 'scy', {
      items: [{ leaf: numeric.code, value: 10 }],
      submit: true,
    });
    await ok('GET', `${P}/progress/SCYU`, 'scy');
    const ck = await ok('POST', `${P}/checks`, 'admin', {
      kind: 'spot_check',
      unit: 'SCYU',
      day: '2039-08-01',
      findings: '发现',
    });
    await ok('PATCH', `${P}/checks/${ck.body.id}`, 'admin', {
      version: ck.body.version,
      followUpStatus: 'done',
    });
    await ok('GET', `${P}/checks`, 'admin');
    await ok('GET', `${P}/overview`, 'admin');
    await ok('GET', `${P}/burden`, 'admin');
    await move('open_self_assessment');
    await ok('POST', `${P}/supplied-values`, 'tjj', { leaf: 'D1-1', rows: [{ unit: 'SCYU', value: 96 }] });
    const sa = await ok('PUT', `${P}/self-assessments/SCYU`, 'scy', {
      items: leaves.map((l) => ({
        leaf: l.code,
        ...(l.type === 'quantitative' && l.code !== 'D1-1' ? { actual: 90 } : {}),
        ...(l.type === 'qualitative' ? { actualText: '完成' } : {}),
        selfScore: l.weight / 2,
        narrative: '说明',
      })),
      report:
        '本年度自评报告：各项指标按计划推进，总体完成良好，个别指标略有滞后，已分析原因、提出改进措施并逐项落实到责任处室。',
    });
    await ok('POST', `${P}/self-assessments/SCYU/actions`, 'scy', {
      version: sa.body.assessment.version,
      action: 'submit',
    });
    await ok('GET', `${P}/self-assessments/SCYU`, 'scy');
    await move('start_verification');
    const values = await ok('GET', `${P}/values?unit=SCYU&status=pending`, 'admin');
    const v = values.body.items[0];
    await ok('POST', `${P}/values/SCYU/${v.leaf}/verification`, 'admin', {
      version: v.version,
      action: 'confirm',
    });
    await ok('GET', '/v1/audit', 'admin');
    await ok('GET', '/v1/audit/verify', 'admin');
    const sheet = await ok('GET', `${P}/exports/overview.xlsx`, 'admin');
    expect(sheet.headers.get('content-type')).toContain('spreadsheetml');
    await ok('GET', '/v1/audit/export.xlsx', 'admin');
  });

  it('catches a field the schema does not declare, and a wrong type', async () => {
    const unit = (await ok('GET', '/v1/units/FGW', 'admin')).body;
    expect(responseMismatch('GET', '/v1/units/FGW', 200, unit)).toBeUndefined();
    expect(responseMismatch('GET', '/v1/units/FGW', 200, { ...unit, secret: 1 })).toMatch(/does not declare/);
    expect(responseMismatch('GET', '/v1/units/FGW', 200, { ...unit, version: 'x' })).toMatch(/version/);
    expect(responseMismatch('GET', '/v1/nowhere', 200, {})).toMatch(/no contract/);
  });

  it('walked every route of the API', () => {
    // Evidence, the expert review, surveys, the meeting and the year-end evaluation's resources are
    // walked by their own files (`*-schemas.test.ts`, on the demo year), each checking its routes;
    // the reports, the publication and the public's results by reports-api, publication and
    // public-results (they need released results: the demo's 2024 special evaluation).
    const own = new Set(
      [
        CONTRACTS.evidence,
        CONTRACTS.experts,
        CONTRACTS.surveys,
        CONTRACTS.publicSurveys,
        CONTRACTS.meeting,
        CONTRACTS.evaluation,
        CONTRACTS.appeals,
        CONTRACTS.rectification,
        CONTRACTS.resultUses,
        CONTRACTS.reports,
        CONTRACTS.publication,
        CONTRACTS.publicResults,
        CONTRACTS.publicReports,
        // #12: sharing, the library and guidance by sharing.test.ts; peer groups, shared results and
        // comparisons by comparisons.test.ts (they need released, shared results).
        CONTRACTS.sharing,
        CONTRACTS.standardMappings,
        CONTRACTS.standards,
        CONTRACTS.guidance,
        CONTRACTS.peerGroups,
        CONTRACTS.sharedResults,
        CONTRACTS.comparisons,
      ]
        .flatMap((c) => Object.values(c) as { method: string; path: string }[])
        .map((r) => `${r.method.toUpperCase()} ${r.path}`),
    );
    const all = ALL_ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`)
      .filter((k) => !own.has(k))
      .sort();
    expect(all.filter((k) => !coveredRoutes.has(k))).toEqual([]);
  });
});
