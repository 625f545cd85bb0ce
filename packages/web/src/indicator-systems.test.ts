import {
  type Branch,
  contentOf,
  type IndicatorSystem,
  type Leaf,
  systemContentSchema,
  TEMPLATES,
} from '@jixiao/core';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createFakeApi, type FakeSeed, group, systemFrom, unit } from './fake-api';
import { createConsole } from './index';
import { locateIssue } from './indicator-view';

const HOST = 'http://jixiao.test';
const TEST_OIDC = {
  authorizeUrl: 'https://idp.test/oauth2/authorize',
  tokenUrl: 'https://idp.test/oauth2/token',
  clientId: 'client-1',
};

const DEPT = 'isdepartment01';
const DRAFT = 'isdistrict0001';

function setup(seed: FakeSeed = {}) {
  const fake = createFakeApi({
    groups: [group('SZBM', '市直部门'), group('DISTRICT', '区县政府')],
    units: [
      unit('FGW', '市发展和改革委员会'),
      unit('CZJ', '市财政局'),
      unit('JYJ', '市教育局'),
      unit('DAOLI', '道里区人民政府', { group: 'DISTRICT', type: 'district_government' }),
    ],
    systems: [
      systemFrom('department', { id: DEPT, status: 'approved', version: 3 }),
      systemFrom('district_county', { id: DRAFT }),
    ],
    ...seed,
  });
  const app = new Hono().route('/console', createConsole({ api: fake.fetch, oidc: TEST_OIDC }));
  const cookie = (token: string) => `jx_token=${token}`;
  const get = (path: string, token = 'admin') =>
    app.request(`${HOST}${path}`, { headers: { cookie: cookie(token) } });
  const post = (
    path: string,
    form: Record<string, string | string[]> | [string, string][],
    token = 'admin',
  ) => {
    const body = new URLSearchParams();
    const entries = Array.isArray(form) ? form : Object.entries(form);
    for (const [k, v] of entries) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return app.request(`${HOST}${path}`, {
      method: 'POST',
      body: body.toString(),
      headers: { cookie: cookie(token), 'content-type': 'application/x-www-form-urlencoded', origin: HOST },
    });
  };
  const postMultipart = (path: string, fd: FormData, token = 'admin') =>
    app.request(`${HOST}${path}`, {
      method: 'POST',
      body: fd,
      headers: { cookie: cookie(token), origin: HOST },
    });
  return { app, fake, get, post, postMultipart };
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** What a browser would submit from the form with this id (text, hidden, checked boxes, selects, textareas). */
function formFields(html: string, formId: string): [string, string][] {
  const start = html.indexOf(`id="${formId}"`);
  const end = html.indexOf('</form>', start);
  const form = html.slice(start, end);
  const out: [string, string][] = [];
  const attr = (tag: string, name: string) => {
    const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
    return m ? unescapeHtml(m[1]!) : undefined;
  };
  const re = /<input\b[^>]*>|<select\b[^>]*>[\s\S]*?<\/select>|<textarea\b[^>]*>[\s\S]*?<\/textarea>/g;
  for (const m of form.matchAll(re)) {
    const tag = m[0];
    const name = attr(tag, 'name');
    if (!name) continue;
    if (tag.startsWith('<input')) {
      const type = attr(tag, 'type') ?? 'text';
      if (type === 'checkbox' && !/\schecked[\s>=]/.test(tag)) continue;
      if (type === 'file' || type === 'submit') continue;
      out.push([name, attr(tag, 'value') ?? '']);
    } else if (tag.startsWith('<select')) {
      const selected = /<option value="([^"]*)" selected/.exec(tag) ?? /<option value="([^"]*)"/.exec(tag);
      out.push([name, unescapeHtml(selected?.[1] ?? '')]);
    } else {
      out.push([name, unescapeHtml(/<textarea\b[^>]*>([\s\S]*?)<\/textarea>/.exec(tag)?.[1] ?? '')]);
    }
  }
  return out;
}

const fieldValue = (fields: [string, string][], name: string) => fields.find(([k]) => k === name)?.[1];
const withValue = (fields: [string, string][], name: string, value: string): [string, string][] =>
  fields.map(([k, v]) => [k, k === name ? value : v]);

/** The markup of one table row, by its id. */
function rowHtml(html: string, id: string): string {
  const i = html.indexOf(`id="${id}"`);
  if (i < 0) throw new Error(`no row ${id}`);
  return html.slice(html.lastIndexOf('<tr', i), html.indexOf('</tr>', i));
}

const putCalls = (fake: ReturnType<typeof createFakeApi>) => fake.calls.filter((c) => c.method === 'PUT');

describe('issue paths', () => {
  it('map to the node row and field they name', () => {
    expect(locateIssue('dimensions.0.children.1.weight')).toEqual({
      section: 'node',
      key: '0.1',
      field: 'weight',
    });
    expect(locateIssue('body.content.dimensions.2.children.0.children.3.rule.bands.0.min')).toEqual({
      section: 'node',
      key: '2.0.3',
      field: 'rule.bands.0.min',
    });
    expect(locateIssue('dimensions.0.children')).toEqual({ section: 'node', key: '0', field: 'children' });
    expect(locateIssue('dimensions')).toEqual({ section: 'root', key: '' });
    expect(locateIssue('bonusItems.1.maxPoints')).toEqual({ section: 'bonus', key: '1', field: 'maxPoints' });
    expect(locateIssue('grading.levels.0.maxShare')).toEqual({
      section: 'level',
      key: '0',
      field: 'maxShare',
    });
    expect(locateIssue('bonusCap')).toEqual({ section: 'system', key: '', field: 'bonusCap' });
  });
});

describe('indicator systems list', () => {
  it('lists systems with status, version in force, leaf count and the admin buttons', async () => {
    const { get } = setup();
    const res = await get('/console/indicator-systems');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('aria-current="page">指标体系</a>');
    expect(html).toMatch(/<tr data-id="isdepartment01">.*?已备案.*?第 1 版.*?<td class="num">9<\/td>/s);
    expect(html).toMatch(/<tr data-id="isdistrict0001">.*?草稿.*?尚无已备案版本.*?<td class="num">15<\/td>/s);
    expect(html).toContain('href="/console/indicator-templates">从模板新建</a>');
    expect(html).toContain('enctype="multipart/form-data"');
  });

  it('shows others only approved systems and no buttons', async () => {
    const { get } = setup();
    const html = await (await get('/console/indicator-systems', 'observer')).text();
    expect(html).toContain('isdepartment01');
    expect(html).not.toContain('isdistrict0001');
    expect(html).not.toContain('从模板新建');
    expect(html).not.toContain('multipart/form-data');
  });
});

describe('template gallery', () => {
  it('shows every template as a card and creates a draft from one', async () => {
    const { get, post, fake } = setup();
    const html = await (await get('/console/indicator-templates')).text();
    for (const tpl of TEMPLATES) expect(html).toContain(`data-template="${tpl.id}"`);
    expect(html).toContain('政府KPI绩效考核指标体系');
    expect(html).toContain('政府职能部门（KPI 考核）');
    expect(html).toContain('使用此模板');
    const idem = /action="\/console\/indicator-templates\/kpi\/use"[\s\S]*?name="_idem" value="([^"]+)"/.exec(
      html,
    )?.[1];
    expect(idem).toBeTruthy();

    const res = await post('/console/indicator-templates/kpi/use', { _idem: idem! });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      '/console/indicator-systems/isfake00000001/versions/1/edit?ok=created',
    );
    const call = fake.calls.find((c) => c.method === 'POST' && c.path === '/v1/indicator-systems');
    expect(call?.body).toEqual({ template: 'kpi' });
    expect(call?.headers['idempotency-key']).toBe(idem);
  });

  it('previews a template tree read-only', async () => {
    const { get } = setup();
    const html = await (await get('/console/indicator-templates/kpi')).text();
    expect(html).toContain('工作目标完成情况');
    expect(html).toContain('<td class="params">封顶 1</td>');
    expect(html).not.toContain('name="n.0.code"');
  });
});

describe('version page', () => {
  const broken = () => {
    const s = systemFrom('kpi', { id: 'isbroken000001' });
    (s.dimensions[0] as Branch).children[0]!.weight = 10; // D1 children now 25 of 30
    const leaf = (s.dimensions[1] as Branch).children[0] as { appliesTo?: string[] };
    leaf.appliesTo = ['NOPE'];
    return s;
  };

  it('shows each issue next to the row its path points to, and in a linked summary', async () => {
    const { get } = setup({ systems: [broken()] });
    const html = await (await get('/console/indicator-systems/isbroken000001')).text();
    // the weight sum of D1's children sits on D1's row
    expect(rowHtml(html, 'node-0')).toContain('下级指标权重合计为 25，应等于其权重 30');
    expect(rowHtml(html, 'node-0-0')).not.toContain('node-issues');
    // the unknown group sits on D2's first indicator, not its sibling
    expect(rowHtml(html, 'node-1-0')).toMatch(/node-issues.*NOPE/s);
    expect(rowHtml(html, 'node-1-1')).not.toContain('node-issues');
    // the summary links to both rows
    expect(html).toMatch(/<a href="#node-0">[^<]*合计为 25/);
    expect(html).toMatch(/<a href="#node-1-0">[^<]*NOPE/);
    expect(html).toContain('data-issues="2"');
  });

  it('offers the lifecycle actions the status allows', async () => {
    const statuses: IndicatorSystem['status'][] = ['draft', 'submitted', 'approved', 'retired'];
    const systems = statuses.map((status, i) => systemFrom('kpi', { id: `isstatus00000${i}`, status }));
    const { get } = setup({ systems });
    const actionsOf = async (i: number, token = 'admin') => {
      const html = await (await get(`/console/indicator-systems/isstatus00000${i}`, token)).text();
      return [...html.matchAll(/data-action="([a-z-]+)"/g)].map((m) => m[1]);
    };
    expect(await actionsOf(0)).toEqual(['submit', 'delete']);
    expect(await actionsOf(1)).toEqual(['approve', 'return']);
    expect(await actionsOf(2)).toEqual(['retire', 'new-version']);
    expect(await actionsOf(3)).toEqual(['new-version']);
    expect(await actionsOf(2, 'observer')).toEqual([]);
    const draft = await (await get('/console/indicator-systems/isstatus000000')).text();
    expect(draft).toContain('>提交备案</button>');
    expect(draft).toContain('href="/console/indicator-systems/isstatus000000/versions/1/edit">编辑草稿</a>');
    expect(draft).toContain('href="/console/indicator-systems/isstatus000000/versions/1/export.xlsx"');
  });

  it('submits, refuses an invalid submission with its issues, and needs a note to return', async () => {
    const { post, fake } = setup({
      systems: [
        systemFrom('kpi', { id: 'isgood00000001' }),
        broken(),
        systemFrom('kpi', { id: 'issubm00000001', status: 'submitted' }),
      ],
    });
    const ok = await post('/console/indicator-systems/isgood00000001/versions/1/transition', {
      action: 'submit',
      version: '1',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(
      '/console/indicator-systems/isgood00000001/versions/1?ok=submitted',
    );
    expect(fake.db.systems.find((s) => s.id === 'isgood00000001')?.status).toBe('submitted');

    const bad = await post('/console/indicator-systems/isbroken000001/versions/1/transition', {
      action: 'submit',
      version: '1',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toMatch(/class="alert"[\s\S]*合计为 25/);

    const calls = fake.calls.length;
    const noNote = await post('/console/indicator-systems/issubm00000001/versions/1/transition', {
      action: 'return',
      version: '1',
      note: ' ',
    });
    expect(noNote.status).toBe(422);
    expect(await noNote.text()).toContain('id="f-note-error"');
    expect(fake.calls.slice(calls).some((c) => c.path.endsWith('/transitions'))).toBe(false);
    const back = await post('/console/indicator-systems/issubm00000001/versions/1/transition', {
      action: 'return',
      version: '1',
      note: '请核实权重',
    });
    expect(back.headers.get('location')).toContain('?ok=returned');
    expect(fake.db.systems.find((s) => s.id === 'issubm00000001')).toMatchObject({
      status: 'draft',
      statusNote: '请核实权重',
    });
  });

  it('passes the Excel export through with its headers', async () => {
    const { get } = setup();
    const res = await get(`/console/indicator-systems/${DEPT}/versions/1/export.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="system-v1.xlsx"');
    expect(await res.text()).toBe('PK-fake-workbook');
  });
});

describe('import', () => {
  it('lists the sheet and cell of each problem when the workbook is refused', async () => {
    const { postMultipart, fake } = setup();
    const fd = new FormData();
    fd.append('file', new File([new Uint8Array([1, 2, 3])], 'bad.xlsx'));
    const res = await postMultipart('/console/indicator-systems/import', fd);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(
      /id="import-errors"[\s\S]*<li>指标体系 H5：权重“十”不是数字<\/li>[\s\S]*<li>指标体系 L7：/,
    );
    const call = fake.calls.find((c) => c.path === '/v1/indicator-systems/import');
    expect(call?.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('creates a draft from a good workbook and asks for a file when none is given', async () => {
    const { postMultipart } = setup();
    const fd = new FormData();
    fd.append('file', new File([new TextEncoder().encode('PK....')], 'good.xlsx'));
    const res = await postMultipart('/console/indicator-systems/import', fd);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      '/console/indicator-systems/isfake00000001/versions/1?ok=created',
    );
    const none = await postMultipart('/console/indicator-systems/import', new FormData());
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('请选择要导入的 .xlsx 文件。');
  });
});

describe('draft editor', () => {
  const EDIT = `/console/indicator-systems/${DRAFT}/versions/1/edit`;

  it('renders a row per node with the live-sum script and the server-side sums', async () => {
    const { get } = setup();
    const html = await (await get(EDIT)).text();
    expect(html).toContain('name="n.0.code" value="D1"');
    expect(html).toContain(
      'name="n.0.1.params" value="FY 行政复议被纠错 每次扣1; SS 行政诉讼败诉 每次扣2; TB 因违法行政被上级通报批评 每次扣3"',
    );
    expect(html).toMatch(/data-sum-for="0"[^>]*data-ok="true"[^>]*>合计 15 \/ 应为 15</);
    expect(html).toMatch(/data-sum-for="root"[^>]*>合计 100 \/ 应为 100</);
    expect(html).toContain("getElementById('is-editor')");
    expect(html).toContain('示例：封顶 1.2'); // PARAM_EXAMPLES as the hint
  });

  it('applies structural ops to what was typed, without saving', async () => {
    const { get, post, fake } = setup();
    const fields = formFields(await (await get(EDIT)).text(), 'is-editor');
    const typed = withValue(fields, 'n.1.0.name', '地区生产总值增速（已改）');
    const d1first = fieldValue(fields, 'n.0.0.code');
    const d1second = fieldValue(fields, 'n.0.1.code');

    // remove the first indicator of D1: the second moves up, the typed name elsewhere stays
    let html = await (await post(EDIT, [...typed, ['op', 'remove:0.0']])).text();
    let after = formFields(html, 'is-editor');
    expect(fieldValue(after, 'n.0.0.code')).toBe(d1second);
    expect(fieldValue(after, 'n.0.1.code')).toBeUndefined();
    expect(fieldValue(after, 'n.1.0.name')).toBe('地区生产总值增速（已改）');
    expect(html).toContain('尚未保存');
    expect(html).toMatch(/data-sum-for="0"[^>]*data-ok="false"[^>]*>合计 7 \/ 应为 15</);

    // move D1's second indicator up
    html = await (await post(EDIT, [...typed, ['op', 'up:0.1']])).text();
    after = formFields(html, 'is-editor');
    expect(fieldValue(after, 'n.0.0.code')).toBe(d1second);
    expect(fieldValue(after, 'n.0.1.code')).toBe(d1first);
    expect(fieldValue(after, 'n.0.1.params')).toBe(fieldValue(fields, 'n.0.0.params'));

    // a child under an indicator: it becomes a branch whose first sub-indicator keeps its values
    html = await (await post(EDIT, [...typed, ['op', 'add-child:0.0']])).text();
    after = formFields(html, 'is-editor');
    expect(fieldValue(after, 'n.0.0.kind')).toBe('branch');
    expect(fieldValue(after, 'n.0.0.0.code')).toBe(`${d1first}-1`);
    expect(fieldValue(after, 'n.0.0.0.weight')).toBe(fieldValue(fields, 'n.0.0.weight'));
    expect(fieldValue(after, 'n.0.0.0.params')).toBe(fieldValue(fields, 'n.0.0.params'));
    expect(fieldValue(after, 'n.1.0.name')).toBe('地区生产总值增速（已改）');

    // add a dimension and a sibling
    html = await (await post(EDIT, [...typed, ['op', 'add-dim']])).text();
    after = formFields(html, 'is-editor');
    expect(fieldValue(after, 'n.5.code')).toBe('D6');
    expect(fieldValue(after, 'n.5.0.code')).toBe('D6-1');
    html = await (await post(EDIT, [...typed, ['op', 'add-sibling:0.0']])).text();
    after = formFields(html, 'is-editor');
    expect(fieldValue(after, 'n.0.1.code')).toBe('D1-3');
    expect(fieldValue(after, 'n.0.2.code')).toBe(d1second);

    expect(putCalls(fake)).toEqual([]);
  });

  it('shows a 评分参数 that cannot be read next to its field and saves nothing', async () => {
    const { get, post, fake } = setup();
    const fields = formFields(await (await get(EDIT)).text(), 'is-editor');
    const bad = withValue(withValue(fields, 'n.0.1.params', '每次扣很多'), 'n.1.0.name', '改过的名称');
    const res = await post(EDIT, [...bad, ['op', 'save']]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('评分参数有误，未保存。');
    expect(html).toMatch(/name="n\.0\.1\.params" value="每次扣很多"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="f-n_0_1_params-error">评分参数“每次扣很多”无法识别[^<]*扣分法的参数应写作/);
    expect(html).toContain('value="改过的名称"');
    expect(putCalls(fake)).toEqual([]);
  });

  it('saves the content as JSON the API accepts, unchanged for every template', async () => {
    for (const tpl of TEMPLATES) {
      const id = `istpl${tpl.id
        .replace(/[^a-z]/g, '')
        .slice(0, 9)
        .padEnd(9, 'x')}`;
      const { get, post, fake } = setup({ systems: [systemFrom(tpl.id, { id })] });
      const path = `/console/indicator-systems/${id}/versions/1/edit`;
      const fields = formFields(await (await get(path)).text(), 'is-editor');
      const res = await post(path, [...fields, ['op', 'save']]);
      expect(res.status, tpl.id).toBe(303);
      const sent = putCalls(fake)[0]?.body as { version: number; content: unknown };
      expect(sent.version).toBe(1);
      expect(systemContentSchema.parse(sent.content), tpl.id).toEqual(tpl.content);
    }
  });

  it('sends the changed values, then shows the API issue next to the node', async () => {
    const { get, post, fake } = setup();
    const fields = formFields(await (await get(EDIT)).text(), 'is-editor');
    const changed = withValue(withValue(fields, 'n.1.0.weight', '5'), 'n.1.1.params', '封顶 1.2');
    const res = await post(EDIT, [...changed, ['op', 'save']]);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${EDIT}?ok=updated`);
    const content = (putCalls(fake)[0]!.body as { content: { dimensions: Branch[] } }).content;
    expect(content.dimensions[1]?.children[0]?.weight).toBe(5);
    expect(content.dimensions[1]?.children[1]).toMatchObject({
      rule: { kind: 'target_completion', cap: 1.2 },
    });

    const html = await (await get(`${EDIT}?ok=updated`)).text();
    expect(html).toContain('已保存。');
    expect(rowHtml(html, 'node-1')).toMatch(
      /node-issues[\s\S]*经济建设」的下级指标权重合计为 25，应等于其权重 30/,
    );
    expect(html).toMatch(/data-sum-for="1"[^>]*data-ok="false"[^>]*>合计 25 \/ 应为 30</);
  });

  it('puts the API refusal of a field under that field, or on the row the path names', async () => {
    const { get, post } = setup();
    const fields = formFields(await (await get(EDIT)).text(), 'is-editor');
    const res = await post(EDIT, [...withValue(fields, 'b.0.maxPoints', '两分'), ['op', 'save']]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/name="b\.0\.maxPoints" value="两分"[^>]*aria-invalid="true"/);
    expect(html).toContain('id="f-b_0_maxPoints-error"');
    // In the tree, a bad value inside a dimension is reported at that very field (the API explains
    // a union mismatch by the closest member), so it shows on the indicator's row.
    const tree = await post(EDIT, [...withValue(fields, 'n.0.0.weight', '八'), ['op', 'save']]);
    expect(tree.status).toBe(422);
    const treeHtml = await tree.text();
    expect(rowHtml(treeHtml, 'node-0')).not.toContain('node-issues');
    expect(treeHtml).toMatch(/name="n\.0\.0\.weight" value="八"[^>]*aria-invalid="true"/);
  });
});

describe('draft editor: evidence, groups, missing data, criteria, tie-breaks, rounding, decimals', () => {
  const ID = 'isfields000001';
  const EDIT = `/console/indicator-systems/${ID}/versions/1/edit`;
  /** A draft whose content sets every field these inputs show, including the less usual values. */
  const draft = () => {
    const s = systemFrom('district_county', { id: ID });
    const d1 = s.dimensions[0] as Branch;
    const a = d1.children[0] as Leaf;
    a.evidence = { required: true, description: '上传考核期内的会议纪要' };
    a.appliesTo = ['DISTRICT'];
    a.missing = 'exclude';
    const b = d1.children[1] as Leaf;
    b.evidence = { required: false };
    b.appliesTo = ['NOPE']; // not a group of the tenant: kept, and its issue shown under the field
    b.missing = 'redistribute';
    const c = (s.dimensions[1] as Branch).children[0] as Leaf;
    c.appliesTo = []; // explicitly empty: every group, and saved as it was
    delete c.missing;
    s.dimensions[1]!.criteria = '经济建设类指标按统计部门年报数据评分。';
    s.grading = { ...s.grading, quotaRounding: 'ceil', tieBreak: ['more_bonus', 'dimension:D2'] };
    s.decimals = 1;
    return s;
  };
  const selected = (html: string, name: string) =>
    new RegExp(
      `name="${name.replace(/\./g, '\\.')}"[^>]*>(?:(?!</select>)[\\s\\S])*?<option value="([^"]*)" selected`,
    ).exec(html)?.[1];
  const leafOf = (content: { dimensions: unknown[] }, i: number, j: number) =>
    (content.dimensions[i] as Branch).children[j] as Leaf;

  it('shows each value in its input', async () => {
    const { get } = setup({ systems: [draft()] });
    const html = await (await get(EDIT)).text();
    const fields = formFields(html, 'is-editor');
    expect(fieldValue(fields, 'n.0.0.evidenceDescription')).toBe('上传考核期内的会议纪要');
    expect(html).toContain('<label for="f-n_0_0_evidenceDescription">佐证材料说明</label>');
    expect(fieldValue(fields, 'n.0.1.evidenceDescription')).toBe('');
    // 适用分组: a checkbox per tenant group, the leaf's own checked; an unknown code stays, checked
    const applies = (k: string) => fields.filter(([n]) => n === `n.${k}.appliesTo`).map(([, v]) => v);
    expect(applies('0.0')).toEqual(['DISTRICT']);
    expect(applies('0.1')).toEqual(['NOPE']);
    expect(applies('1.0')).toEqual([]);
    expect(html).toMatch(/name="n\.0\.0\.appliesTo" value="SZBM"\/?>SZBM 市直部门/);
    expect(html).toMatch(/name="n\.0\.1\.appliesTo" value="NOPE" checked=""\/?>NOPE （分组不存在）/);
    expect(html).toContain('不勾选即适用全部分组');
    expect(html).toMatch(/id="f-n_0_1_appliesTo-error">[^<]*NOPE/);
    // 缺失数据处理 per leaf, with 按体系设置 for none
    expect(selected(html, 'n.0.0.missing')).toBe('exclude');
    expect(selected(html, 'n.0.1.missing')).toBe('redistribute');
    expect(selected(html, 'n.1.0.missing')).toBe('');
    expect(html).toContain('<option value="" selected="">按体系设置</option>');
    // a dimension's 评分标准, folded away
    expect(html).toMatch(
      /<details class="criteria"><summary>评分标准（已填写）<\/summary>[\s\S]*?name="n\.1\.criteria"[^>]*>经济建设类指标按统计部门年报数据评分。<\/textarea>/,
    );
    expect(html).not.toContain('type="hidden" name="n.1.criteria"');
    // grading and system settings
    expect(selected(html, 'tb.0')).toBe('more_bonus');
    expect(selected(html, 'tb.1')).toBe('dimension:D2');
    expect(selected(html, 'tb.2')).toBe('');
    expect(html).toContain('<option value="dimension:D1">一级指标 D1 得分高者优先</option>');
    expect(html).toContain('>扣分少者优先</option>');
    expect(selected(html, 'quotaRounding')).toBe('ceil');
    expect(selected(html, 'decimals')).toBe('1');
    // nothing shown travels hidden any more
    expect(fieldValue(fields, 'extra')).toBe('{}');
    expect(fieldValue(fields, 'n.0.0.extra')).toBe('{}');
    expect(fieldValue(fields, 'n.1.0.extra')).toBe('{"appliesTo":[]}');

    const en = await (await get(`${EDIT}?lang=en`)).text();
    for (const label of ['Evidence description', 'Applies to groups', 'Tie-break order', 'Quota rounding'])
      expect(en).toContain(label);
    expect(en).toContain('Decimal places shown');
  });

  it('saves the form as it came, unchanged', async () => {
    const sys = draft();
    const { get, post, fake } = setup({ systems: [sys] });
    const fields = formFields(await (await get(EDIT)).text(), 'is-editor');
    const res = await post(EDIT, [...fields, ['op', 'save']]);
    expect(res.status).toBe(303);
    const sent = (putCalls(fake)[0]!.body as { content: unknown }).content;
    expect(sent).toEqual(contentOf(draft()));
  });

  it('saves a change to each field', async () => {
    const { get, post, fake } = setup({ systems: [draft()] });
    const fields = formFields(await (await get(EDIT)).text(), 'is-editor');
    let changed = withValue(fields, 'n.0.0.evidenceDescription', '  上传整改报告 ');
    changed = withValue(changed, 'n.0.1.evidenceDescription', '附统计报表');
    changed = changed.filter(([k, v]) => !(k === 'n.0.0.appliesTo' && v === 'DISTRICT'));
    changed = changed.filter(([k]) => k !== 'n.0.1.appliesTo');
    changed.push(['n.0.1.appliesTo', 'SZBM'], ['n.0.1.appliesTo', 'DISTRICT'], ['n.1.0.appliesTo', 'SZBM']);
    changed = withValue(changed, 'n.0.0.missing', '');
    changed = withValue(changed, 'n.1.0.missing', 'zero');
    changed = withValue(changed, 'n.1.criteria', '');
    changed = withValue(changed, 'n.0.criteria', '党建类指标由组织部门评分。');
    changed = withValue(changed, 'tb.0', 'fewer_deductions');
    changed = withValue(changed, 'tb.1', '');
    changed = withValue(changed, 'tb.2', 'dimension:D1');
    changed = withValue(changed, 'quotaRounding', 'round');
    changed = withValue(changed, 'decimals', '3');
    const res = await post(EDIT, [...changed, ['op', 'save']]);
    expect(res.status).toBe(303);
    const sys = draft();
    const content = (putCalls(fake)[0]!.body as { content: typeof sys }).content;
    const a = leafOf(content, 0, 0);
    const b = leafOf(content, 0, 1);
    const c = leafOf(content, 1, 0);
    expect(a.evidence).toEqual({ required: true, description: '上传整改报告' });
    expect(b.evidence).toEqual({ required: false, description: '附统计报表' });
    expect(a).not.toHaveProperty('appliesTo'); // none checked: every group
    expect(b.appliesTo).toEqual(['SZBM', 'DISTRICT']);
    expect(c.appliesTo).toEqual(['SZBM']);
    expect(a).not.toHaveProperty('missing');
    expect(b.missing).toBe('redistribute');
    expect(c.missing).toBe('zero');
    expect(content.dimensions[1]).not.toHaveProperty('criteria');
    expect(content.dimensions[0]?.criteria).toBe('党建类指标由组织部门评分。');
    expect(content.grading).toMatchObject({
      quotaRounding: 'round',
      tieBreak: ['fewer_deductions', 'dimension:D1'],
    });
    expect(content.decimals).toBe(3);
    // everything else as it was
    expect({ ...content, dimensions: [], grading: sys.grading, decimals: 1 }).toEqual({
      ...contentOf(sys),
      dimensions: [],
    });
  });

  it('keeps the new fields through a structural change, and puts tie-break issues on their select', async () => {
    const { get, post } = setup({ systems: [draft()] });
    const fields = formFields(await (await get(EDIT)).text(), 'is-editor');
    const typed = withValue(
      withValue(fields, 'n.0.0.evidenceDescription', '已改'),
      'tb.2',
      'fewer_deductions',
    );
    const html = await (await post(EDIT, [...typed, ['op', 'up:0.1']])).text();
    const after = formFields(html, 'is-editor');
    expect(fieldValue(after, 'n.0.1.evidenceDescription')).toBe('已改');
    expect(after.filter(([k]) => k === 'n.0.1.appliesTo').map(([, v]) => v)).toEqual(['DISTRICT']);
    expect(after.filter(([k]) => k === 'n.0.0.appliesTo').map(([, v]) => v)).toEqual(['NOPE']);
    expect(selected(html, 'n.0.1.missing')).toBe('exclude');
    expect([selected(html, 'tb.0'), selected(html, 'tb.1'), selected(html, 'tb.2')]).toEqual([
      'more_bonus',
      'dimension:D2',
      'fewer_deductions',
    ]);

    // A dimension named in 同分排序 that is gone: the select keeps it, the API's issue sits beside it.
    const gone = withValue(fields, 'tb.1', 'dimension:D9');
    const res = await post(EDIT, [...gone, ['op', 'save']]);
    const saved = await (await get(EDIT)).text();
    expect(res.status).toBe(303);
    expect(selected(saved, 'tb.1')).toBe('dimension:D9');
    expect(saved).toMatch(/id="f-tb_1-error">[^<]*D9/);
  });
});

describe('trial', () => {
  it('prefills sample inputs and shows ranked units with grades and breakdowns', async () => {
    const { get, post } = setup();
    const page = await (await get(`/console/indicator-systems/${DEPT}`)).text();
    const inputs = fieldValue(formFields(page, 'trial'), 'inputs')!;
    const parsed = JSON.parse(inputs) as { unit: string; group: string }[];
    expect(parsed.map((u) => u.unit)).toEqual(['FGW', 'CZJ', 'JYJ', 'DAOLI']);
    expect(parsed[3]?.group).toBe('DISTRICT');

    const res = await post(`/console/indicator-systems/${DEPT}/versions/1/trial`, { inputs });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('试算结果');
    const rows = [
      ...html.matchAll(
        /<tr data-unit="([A-Z]+)">[\s\S]*?data-rank="(\d+)"[\s\S]*?<td class="num total">([\d.]+)<\/td>[\s\S]*?data-grade="(\w+)">([^<]+)</g,
      ),
    ];
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(r[3]).toMatch(/^\d+\.\d\d$/);
      expect(['优秀', '良好', '一般', '不及格']).toContain(r[5]);
    }
    // ranks within 市直部门 are 1..3 in order of total
    const szbm = rows.filter((r) => r[1] !== 'DAOLI');
    expect(szbm.map((r) => r[2])).toEqual(['1', '2', '3']);
    expect(Number(szbm[0]![3])).toBeGreaterThanOrEqual(Number(szbm[2]![3]));
    expect(html).toContain('<details id="trial-FGW" class="breakdown">');
    expect(html).toMatch(/得 [\d.]+ 分（满分 \d+ 分）/);
    expect(html).toContain('已评分');
  });

  it('explains inputs that are not JSON and keeps them', async () => {
    const { post, fake } = setup();
    const res = await post(`/console/indicator-systems/${DEPT}/versions/1/trial`, { inputs: '[{"unit": ' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('试算数据不是有效的 JSON');
    expect(html).toContain('[{&quot;unit&quot;: </textarea>');
    expect(fake.calls.some((c) => c.path.endsWith('/trial'))).toBe(false);
  });

  it('shows results in English with English reasons', async () => {
    const { post, get } = setup();
    const page = await (await get(`/console/indicator-systems/${DEPT}`)).text();
    const inputs = fieldValue(formFields(page, 'trial'), 'inputs')!;
    const res = await post(`/console/indicator-systems/${DEPT}/versions/1/trial?lang=en`, { inputs });
    const html = await res.text();
    expect(html).toContain('Trial results');
    expect(html).toMatch(/of \d+ points/);
    expect(html).not.toContain('试算结果');
  });
});
