import { type IndicatorNode, isBranch, type Leaf, templateById } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue 7 through the API: the KPI plan's source weights and the office's choice of correction,
 * office parameters a unit may not set, and a unit drafting its own system for the office to
 * review (art. 20), each against the embedded stack.
 */
let s: TestStack;
const tok: Record<string, string> = {};

beforeAll(async () => {
  s = await startTestStack();
  for (const [k, user] of [
    ['admin', 'hrb-admin'],
    ['fgw', 'hrb-fgw'],
    ['jyj', 'hrb-jyj'],
    ['observer', 'hrb-observer'],
  ] as const)
    tok[k] = await s.token('230100', user);
});
afterAll(() => s.stop());

const leavesOf = (nodes: readonly IndicatorNode[]): Leaf[] =>
  nodes.flatMap((n) => (isBranch(n) ? leavesOf(n.children) : [n]));

describe('the KPI plan as the source weights it, corrected as the office chooses', () => {
  it('fails validation with its explanation, refuses a wrong reduction, and files after either correction', async () => {
    for (const correction of [
      { method: 'scale', path: 'dimensions' },
      { method: 'lower', path: 'dimensions', reductions: { D4: 5, D7: 5 } },
    ]) {
      const created = await s.call('POST', '/v1/indicator-systems', {
        token: tok.admin,
        body: { template: 'kpi' },
      });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      const sum = created.body.issues.filter((i: { check: string }) => i.check === 'weight_sum');
      expect(sum).toHaveLength(1);
      expect(sum[0].zh).toContain('110');
      expect(sum[0].zh).toContain('调整权重');
      const wrong = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/weight-corrections`, {
        token: tok.admin,
        body: { version: 1, correction: { method: 'lower', path: 'dimensions', reductions: { D7: 5 } } },
      });
      expect(wrong.status).toBe(422);
      expect(wrong.body.errors[0].path).toBe('body.correction.reductions');
      expect(wrong.body.errors[0].zh).toContain('合计须为 10');
      const fixed = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/weight-corrections`, {
        token: tok.admin,
        body: { version: 1, correction },
      });
      expect(fixed.status).toBe(200);
      expect(fixed.body.issues).toEqual([]);
      expect(fixed.body.weights.every((w: { ok: boolean }) => w.ok)).toBe(true);
      const weights = fixed.body.dimensions.map((d: { weight: number }) => d.weight);
      expect(weights).toEqual(
        correction.method === 'scale'
          ? [27.27, 18.18, 13.64, 13.64, 9.09, 9.09, 9.09]
          : [30, 20, 15, 10, 10, 10, 5],
      );
      const submit = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/transitions`, {
        token: tok.admin,
        body: { action: 'submit', version: fixed.body.version },
      });
      expect(submit.status).toBe(200);
    }
  });
});

describe('parameters the office fixes', () => {
  const inv = templateById('investment_project');
  const leaves = leavesOf(inv?.content.dimensions ?? []);
  const code = (calculator: string) =>
    leaves.find((l) => l.rule.kind === 'formula' && l.rule.calculator === calculator)?.code ?? '';

  it('refuses a unit input that sets the discount rate or the office’s target, and scores the unit’s own data', async () => {
    const created = await s.call('POST', '/v1/indicator-systems', {
      token: tok.admin,
      body: { template: 'investment_project' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const fnpv = code('fnpv');
    const irr = code('irr');
    const flows = [-1000, 300, 400, 500, 200];
    const refused = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/trial`, {
      token: tok.admin,
      body: {
        units: [
          {
            unit: 'P1',
            group: 'PROJ',
            leaves: {
              [fnpv]: { kind: 'formula', args: { netFlows: flows, ratePercent: 1 } },
              [irr]: { kind: 'formula', args: { netFlows: flows }, target: 2 },
            },
          },
        ],
      },
    });
    expect(refused.status).toBe(422);
    const paths = refused.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toContain(`body.units.0.leaves.${fnpv}.args.ratePercent`);
    expect(paths).toContain(`body.units.0.leaves.${irr}.target`);
    expect(refused.body.errors[0].zh).toContain('由考核办设定');

    const ok = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/trial`, {
      token: tok.admin,
      body: {
        units: [
          {
            unit: 'P1',
            group: 'PROJ',
            leaves: {
              [fnpv]: { kind: 'formula', args: { netFlows: flows }, moneyUnit: 'ten_thousand_yuan' },
            },
          },
        ],
      },
    });
    expect(ok.status).toBe(200);
    const found: { code: string; status: string; value: number; reason: { zh: string } }[] = [];
    const walk = (n: { type: string; code: string; children?: unknown[] }) => {
      if (n.type === 'leaf') found.push(n as never);
      else for (const c of n.children ?? []) walk(c as never);
    };
    for (const d of ok.body.units[0].dimensions) walk(d);
    const scored = found.find((l) => l.code === fnpv);
    expect(scored?.status).toBe('scored');
    // The office's 8% (the template's example rate), not a rate the project chose.
    const at8 = flows.reduce((a, f, t) => a + f / 1.08 ** (t + 1), 0);
    expect(scored?.value).toBeCloseTo(at8, 4);
    expect(scored?.reason.zh).not.toMatch(/\d\.\d{7,}/);
  });
});

describe('a unit drafts its own system and the office reviews it (art. 20)', () => {
  it('drafts, submits, is returned, resubmits and is approved; other units never see it', async () => {
    const created = await s.call('POST', '/v1/indicator-systems', {
      token: tok.fgw,
      body: { template: 'department', name: '市发改委绩效评估指标体系' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body.owner).toBe('FGW');
    expect(created.body.allowed).toEqual({
      edit: true,
      officeParams: false,
      delete: true,
      actions: ['submit'],
      newVersion: false,
      trial: true,
    });

    // Another unit: not there at all; the office: there, with the unit named.
    expect((await s.call('GET', `/v1/indicator-systems/${id}`, { token: tok.jyj })).status).toBe(404);
    const jyjList = await s.call('GET', '/v1/indicator-systems', { token: tok.jyj });
    expect(jyjList.body.items.map((x: { id: string }) => x.id)).not.toContain(id);
    const adminList = await s.call('GET', '/v1/indicator-systems', { token: tok.admin });
    expect(adminList.body.items.find((x: { id: string }) => x.id === id)?.latest.owner).toBe('FGW');
    expect((await s.call('GET', `/v1/indicator-systems/${id}`, { token: tok.observer })).status).toBe(404);

    // The department template names the group 'approval' (units that do approval work), which
    // Harbin lacks: submitting says so at the leaf; the office creates the group.
    const early = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/transitions`, {
      token: tok.fgw,
      body: { action: 'submit', version: created.body.version },
    });
    expect(early.status).toBe(422);
    expect(early.body.errors.some((e: { path: string }) => e.path.includes('appliesTo'))).toBe(true);
    const group = await s.call('POST', '/v1/unit-groups', {
      token: tok.admin,
      body: { code: 'approval', name: '承担行政审批职能的部门' },
    });
    expect(group.status).toBe(201);

    // The unit submits; it cannot approve its own system.
    const submitted = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/transitions`, {
      token: tok.fgw,
      body: { action: 'submit', version: created.body.version },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.allowed.actions).toEqual([]);
    const selfApprove = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/transitions`, {
      token: tok.fgw,
      body: { action: 'approve', version: submitted.body.version },
    });
    expect(selfApprove.status).toBe(403);

    // The office returns it with a note; the unit edits and resubmits; the office approves.
    const returned = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/transitions`, {
      token: tok.admin,
      body: { action: 'return', version: submitted.body.version, note: '请补充行政审批时限指标的评分标准' },
    });
    expect(returned.status).toBe(200);
    const mine = await s.call('GET', `/v1/indicator-systems/${id}/versions/1`, { token: tok.fgw });
    expect(mine.body.statusNote).toContain('行政审批');
    const { content } = { content: { ...mine.body, name: '市发改委绩效评估指标体系（修改稿）' } };
    for (const k of [
      'id',
      'systemVersion',
      'status',
      'statusNote',
      'version',
      'createdAt',
      'updatedAt',
      'template',
      'owner',
      'issues',
      'weights',
      'allowed',
      'versions',
    ])
      delete (content as Record<string, unknown>)[k];
    const edited = await s.call('PUT', `/v1/indicator-systems/${id}/versions/1`, {
      token: tok.fgw,
      body: { version: mine.body.version, content },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.owner).toBe('FGW');
    // Another unit cannot change it either (it cannot even see it).
    const foreign = await s.call('PUT', `/v1/indicator-systems/${id}/versions/1`, {
      token: tok.jyj,
      body: { version: edited.body.version, content },
    });
    expect(foreign.status).toBe(404);
    const again = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/transitions`, {
      token: tok.fgw,
      body: { action: 'submit', version: edited.body.version },
    });
    expect(again.status).toBe(200);
    const approved = await s.call('POST', `/v1/indicator-systems/${id}/versions/1/transitions`, {
      token: tok.admin,
      body: { action: 'approve', version: again.body.version },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');

    // Filed: the unit sees it and may start a new version; other units still do not see it.
    const filed = await s.call('GET', `/v1/indicator-systems/${id}`, { token: tok.fgw });
    expect(filed.body.allowed).toMatchObject({ edit: false, newVersion: true, actions: [] });
    expect((await s.call('GET', `/v1/indicator-systems/${id}`, { token: tok.jyj })).status).toBe(404);
    expect((await s.call('GET', `/v1/indicator-systems/${id}`, { token: tok.observer })).status).toBe(200);
  });

  it('maps the template’s approval group to the tenant’s own groups when copying', async () => {
    const t = await s.call('GET', '/v1/indicator-templates/department', { token: tok.admin });
    expect(t.body.groups.map((g: { code: string }) => g.code)).toEqual(['approval']);
    const created = await s.call('POST', '/v1/indicator-systems', {
      token: tok.admin,
      body: { template: 'department', groups: { approval: ['ECON', 'ENFORCE'] } },
    });
    expect(created.status).toBe(201);
    expect(created.body.issues).toEqual([]);
    const applies = leavesOf(created.body.dimensions).flatMap((l) => l.appliesTo ?? []);
    expect(applies.sort()).toEqual(['ECON', 'ENFORCE']);
    const bad = await s.call('POST', '/v1/indicator-systems', {
      token: tok.admin,
      body: { content: templateById('kpi')?.content, groups: { approval: ['ECON'] } },
    });
    expect(bad.status).toBe(422);
  });

  it('a unit’s user who also reports data drafts for its unit, and keeps the office’s parameters', async () => {
    const user = await s.call('POST', '/v1/users', {
      token: tok.admin,
      body: { name: '王强（市发改委，兼数据报送）', roles: ['unit_user', 'data_provider'], unit: 'FGW' },
    });
    expect(user.status).toBe(201);
    const both = await s.token('230100', user.body.id);
    const created = await s.call('POST', '/v1/indicator-systems', {
      token: both,
      body: { template: 'investment_project' },
    });
    expect(created.status).toBe(201);
    expect(created.body.owner).toBe('FGW');
    expect(created.body.allowed.edit).toBe(true);
    // Changing the 基准折现率 the template fixed is the office's to do, not the unit's.
    const content = structuredClone(templateById('investment_project')?.content);
    const fnpv = leavesOf(content?.dimensions ?? []).find(
      (l) => l.rule.kind === 'formula' && l.rule.calculator === 'fnpv',
    );
    if (!content || !fnpv) throw new Error('no fnpv leaf');
    fnpv.officeParams = { args: { ratePercent: 2 } };
    const put = await s.call('PUT', `/v1/indicator-systems/${created.body.id}/versions/1`, {
      token: both,
      body: { version: created.body.version, content },
    });
    expect(put.status).toBe(422);
    expect(put.body.errors[0].path).toMatch(/^body\.content\.dimensions\..*\.officeParams$/);
    const office = await s.call('PUT', `/v1/indicator-systems/${created.body.id}/versions/1`, {
      token: tok.admin,
      body: { version: created.body.version, content },
    });
    expect(office.status).toBe(200);
  });

  it('pages a unit’s list in full pages: what it may not see never makes a page short', async () => {
    const all = await s.call('GET', '/v1/indicator-systems?limit=200', { token: tok.jyj });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await s.call('GET', `/v1/indicator-systems?limit=1${cursor ? `&cursor=${cursor}` : ''}`, {
        token: tok.jyj,
      });
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(1);
      seen.push(page.body.items[0].id);
      cursor = page.body.nextCursor ? encodeURIComponent(page.body.nextCursor) : undefined;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((x: { id: string }) => x.id));
    expect(seen).not.toContain('ishrbfgwdrafts');
    expect(seen).not.toContain('ishrbdistrict2');
  });

  it('a unit cannot change the office’s systems', async () => {
    const list = await s.call('GET', '/v1/indicator-systems', { token: tok.fgw });
    const office = list.body.items.find((x: { latest: { owner?: string } }) => !x.latest.owner);
    expect(office).toBeDefined();
    const v = office.latest.systemVersion;
    const view = await s.call('GET', `/v1/indicator-systems/${office.id}/versions/${v}`, { token: tok.fgw });
    expect(view.status).toBe(200);
    expect(view.body.allowed).toEqual({
      edit: false,
      officeParams: false,
      delete: false,
      actions: [],
      newVersion: false,
      trial: false,
    });
    const nv = await s.call('POST', `/v1/indicator-systems/${office.id}/versions`, {
      token: tok.fgw,
      body: { from: v },
    });
    expect(nv.status).toBe(403);
    // The office's own draft is not even there for a unit, whatever the route.
    const draft = 'ishrbdistrict2';
    for (const [method, path, body] of [
      ['GET', `/v1/indicator-systems/${draft}/versions/1`, undefined],
      [
        'PUT',
        `/v1/indicator-systems/${draft}/versions/1`,
        { version: 1, content: templateById('fiscal')?.content },
      ],
      ['POST', `/v1/indicator-systems/${draft}/versions/1/transitions`, { action: 'submit', version: 1 }],
      [
        'POST',
        `/v1/indicator-systems/${draft}/versions/1/weight-corrections`,
        { version: 1, correction: { method: 'scale', path: 'dimensions' } },
      ],
      [
        'POST',
        `/v1/indicator-systems/${draft}/versions/1/trial`,
        { units: [{ unit: 'FGW', group: 'ECON' }] },
      ],
      ['DELETE', `/v1/indicator-systems/${draft}/versions/1?version=1`, undefined],
    ] as const) {
      const r = await s.call(method, path, { token: tok.fgw, ...(body ? { body } : {}) });
      expect(r.status, `${method} ${path}`).toBe(404);
    }
    const retire = await s.call('POST', `/v1/indicator-systems/${office.id}/versions/${v}/transitions`, {
      token: tok.fgw,
      body: { action: 'retire', version: view.body.version },
    });
    expect(retire.status).toBe(403);
  });
});
