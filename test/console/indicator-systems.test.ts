import {
  type Branch,
  contentOf,
  correctWeights,
  type IndicatorSystem,
  type Leaf,
  TEMPLATES,
} from '@jixiao/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsoleStack,
  createSystem,
  fieldValue,
  formFields,
  rowHtml,
  type Session,
  startConsole,
  transitionSystem,
} from './support';

/** The demo systems of 哈尔滨市: one in force (已备案), one being drafted. */
const DEPT = 'ishrbdepartmnt';
const DRAFT = 'ishrbdistrict2';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let s: ConsoleStack;
let admin: Session;
let observer: Session;
beforeAll(async () => {
  s = await startConsole();
  admin = await s.as('230100', 'hrb-admin');
  observer = await s.as('230100', 'hrb-observer');
});
afterAll(() => s.stop());

const template = (id: string) => {
  const tpl = TEMPLATES.find((x) => x.id === id);
  if (!tpl) throw new Error(`no template ${id}`);
  return structuredClone(tpl.content);
};

/** The KPI plan with the source's 110 corrected (决策与执行能力 and 团队建设 lowered by 5 each): a valid system. */
const kpiFixed = () =>
  correctWeights(template('kpi'), { method: 'lower', path: 'dimensions', reductions: { D4: 5, D7: 5 } });

/** The corrected KPI plan with two mistakes: D1's children sum to 25 of 30, D2's first indicator names an unknown group. */
const brokenContent = () => {
  const c = kpiFixed();
  (c.dimensions[0] as Branch).children[0]!.weight = 10;
  ((c.dimensions[1] as Branch).children[0] as Leaf).appliesTo = ['NOPE'];
  return c;
};

const systemIds = async () =>
  ((await admin.api('GET', '/v1/indicator-systems?limit=200')).body.items as { id: string }[]).map(
    (x) => x.id,
  );

describe('indicator systems list', () => {
  it('lists systems with status, version in force, leaf count and the admin buttons', async () => {
    const res = await admin.get('/console/indicator-systems');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('aria-current="page">指标体系</a>');
    expect(html).toMatch(/<tr data-id="ishrbdepartmnt">.*?已备案.*?第 1 版.*?<td class="num">9<\/td>/s);
    expect(html).toMatch(/<tr data-id="ishrbdistrict2">.*?草稿.*?尚无已备案版本.*?<td class="num">15<\/td>/s);
    expect(html).toContain('哈尔滨市 2026 年度市直部门绩效评估指标体系');
    expect(html).toContain('href="/console/indicator-templates">从模板新建</a>');
    expect(html).toContain('enctype="multipart/form-data"');
  });

  it('shows others only approved systems and no buttons', async () => {
    const html = await (await observer.get('/console/indicator-systems')).text();
    expect(html).toContain(DEPT);
    expect(html).not.toContain(DRAFT);
    expect(html).not.toContain('从模板新建');
    expect(html).not.toContain('multipart/form-data');
  });
});

describe('template gallery', () => {
  it('shows every template as a card and creates a draft from one', async () => {
    const html = await (await admin.get('/console/indicator-templates')).text();
    for (const tpl of TEMPLATES) expect(html).toContain(`data-template="${tpl.id}"`);
    expect(html).toContain('政府KPI绩效考核指标体系');
    expect(html).toContain('政府职能部门（KPI 考核）');
    expect(html).toContain('使用此模板');
    const idem = /action="\/console\/indicator-templates\/kpi\/use"[\s\S]*?name="_idem" value="([^"]+)"/.exec(
      html,
    )?.[1];
    expect(idem).toBeTruthy();

    const res = await admin.post('/console/indicator-templates/kpi/use', { _idem: idem! });
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    const id = /^\/console\/indicator-systems\/(is[a-z0-9]+)\/versions\/1\/edit\?ok=created$/.exec(
      location,
    )?.[1];
    expect(id, location).toBeDefined();
    const stored = await admin.api('GET', `/v1/indicator-systems/${id}`);
    expect(stored.body).toMatchObject({ id, systemVersion: 1, status: 'draft', template: 'kpi' });
    expect(contentOf(stored.body as IndicatorSystem)).toEqual(template('kpi'));
    // The form's Idempotency-Key went with the create: the same form again replays it.
    const again = await admin.post('/console/indicator-templates/kpi/use', { _idem: idem! });
    expect(again.headers.get('location')).toBe(location);
    expect((await systemIds()).filter((x) => x === id)).toHaveLength(1);
  });

  it('previews a template tree read-only', async () => {
    const html = await (await admin.get('/console/indicator-templates/kpi')).text();
    expect(html).toContain('工作目标完成情况');
    expect(html).toContain('<td class="params">封顶 1</td>');
    expect(html).not.toContain('name="n.0.code"');
  });
});

describe('version page', () => {
  it('shows each issue next to the row its path points to, and in a linked summary', async () => {
    const id = await createSystem(admin, { content: brokenContent() });
    const html = await (await admin.get(`/console/indicator-systems/${id}`)).text();
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

  it('places issues of every part of a system: the tree, a deep node, bonus items, bonus cap, grades', async () => {
    // Each mistake is found by the API's validation; its path decides where the console shows it.
    const deep = kpiFixed();
    deep.total = 110; // the dimensions sum to 100: an issue on the whole tree
    const d3 = deep.dimensions[2] as Branch;
    const leaf = d3.children[0] as Leaf;
    const parts = [1, 2, 3, 4].map((n) => ({
      ...structuredClone(leaf),
      code: `${leaf.code}-${n}`,
      weight: leaf.weight / 4,
    }));
    parts[3]!.rule = {
      kind: 'bands',
      bands: [
        { min: null, max: 60, fraction: 0, label: '低' },
        { min: 70, max: null, fraction: 1, label: '高' },
      ],
    };
    d3.children[0] = { code: leaf.code, name: leaf.name, weight: leaf.weight, children: parts } as Branch;
    deep.bonusItems[1]!.maxPoints = deep.bonusCap + 1;
    deep.grading.levels[0]!.min = 200;
    deep.grading.levels[0]!.maxShare = 0;
    const id = await createSystem(admin, { content: deep });
    const api = (await admin.api('GET', `/v1/indicator-systems/${id}/versions/1`)).body as {
      issues: { path: string }[];
    };
    expect(api.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'dimensions',
        expect.stringMatching(/^dimensions\.2\.children\.0\.children\.3\.rule/),
        'bonusItems.1.maxPoints',
        'grading.levels.0.min',
        'grading.levels.0.maxShare',
      ]),
    );
    const html = await (await admin.get(`/console/indicator-systems/${id}`)).text();
    expect(html).toMatch(/<a href="#node-root">[^<]*合计为 100/);
    expect(html).toMatch(/<a href="#node-2-0-3">[^<]*空档/);
    expect(rowHtml(html, 'node-2-0-3')).toMatch(/node-issues[\s\S]*空档/);
    expect(rowHtml(html, 'node-2-0-2')).not.toContain('node-issues');
    expect(html).toMatch(/<a href="#bonus-1">[^<]*超过加分上限/);
    expect(html).toMatch(/<a href="#level-0">[^<]*高于可得的最高分/);
    expect(html).toMatch(/<a href="#level-0">[^<]*名额比例须大于 0/);
    // in the editor, at the very field
    const edit = await (await admin.get(`/console/indicator-systems/${id}/versions/1/edit`)).text();
    expect(edit).toMatch(/id="f-b_1_maxPoints-error">[^<]*超过加分上限/);
    expect(edit).toMatch(/id="f-g_0_min-error">[^<]*高于可得的最高分/);
    expect(edit).toMatch(/id="f-g_0_maxShare-error">[^<]*名额比例须大于 0/);

    // bonus items with a bonus cap of 0: an issue of the system's own field
    const noCap = kpiFixed();
    noCap.bonusCap = 0;
    const id2 = await createSystem(admin, { content: noCap });
    const html2 = await (await admin.get(`/console/indicator-systems/${id2}`)).text();
    expect(html2).toMatch(/<a href="#system">[^<]*加分上限为 0/);
    const edit2 = await (await admin.get(`/console/indicator-systems/${id2}/versions/1/edit`)).text();
    expect(edit2).toMatch(/id="f-bonusCap-error">[^<]*加分上限为 0/);
  });

  it('offers the lifecycle actions the status allows', async () => {
    const lifecycle = [[], ['submit'], ['submit', 'approve'], ['submit', 'approve', 'retire']];
    const ids: string[] = [];
    for (const actions of lifecycle) {
      const id = await createSystem(admin, { template: 'fiscal' });
      await transitionSystem(admin, id, actions);
      ids.push(id);
    }
    const actionsOf = async (i: number, who = admin) => {
      const html = await (await who.get(`/console/indicator-systems/${ids[i]}`)).text();
      return [...html.matchAll(/data-action="([a-z-]+)"/g)].map((m) => m[1]);
    };
    expect(await actionsOf(0)).toEqual(['submit', 'delete']);
    expect(await actionsOf(1)).toEqual(['approve', 'return']);
    expect(await actionsOf(2)).toEqual(['retire', 'new-version']);
    expect(await actionsOf(3)).toEqual(['new-version']);
    expect(await actionsOf(2, observer)).toEqual([]);
    const draft = await (await admin.get(`/console/indicator-systems/${ids[0]}`)).text();
    expect(draft).toContain('>提交备案</button>');
    expect(draft).toContain(`href="/console/indicator-systems/${ids[0]}/versions/1/edit">编辑草稿</a>`);
    expect(draft).toContain(`href="/console/indicator-systems/${ids[0]}/versions/1/export.xlsx"`);
  });

  it('submits, refuses an invalid submission with its issues, and needs a note to return', async () => {
    const good = await createSystem(admin, { template: 'fiscal' });
    const broken = await createSystem(admin, { content: brokenContent() });
    const submitted = await createSystem(admin, { template: 'fiscal' });
    await transitionSystem(admin, submitted, ['submit']);
    const stored = async (id: string) =>
      (await admin.api('GET', `/v1/indicator-systems/${id}/versions/1`)).body;

    const ok = await admin.post(`/console/indicator-systems/${good}/versions/1/transition`, {
      action: 'submit',
      version: '1',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/console/indicator-systems/${good}/versions/1?ok=submitted`);
    expect((await stored(good)).status).toBe('submitted');

    const bad = await admin.post(`/console/indicator-systems/${broken}/versions/1/transition`, {
      action: 'submit',
      version: '1',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toMatch(/class="alert"[\s\S]*合计为 25/);
    expect((await stored(broken)).status).toBe('draft');

    const before = await stored(submitted);
    const noNote = await admin.post(`/console/indicator-systems/${submitted}/versions/1/transition`, {
      action: 'return',
      version: String(before.version),
      note: ' ',
    });
    expect(noNote.status).toBe(422);
    expect(await noNote.text()).toContain('id="f-note-error"');
    expect(await stored(submitted)).toMatchObject({ status: 'submitted', version: before.version });
    const back = await admin.post(`/console/indicator-systems/${submitted}/versions/1/transition`, {
      action: 'return',
      version: String(before.version),
      note: '请核实权重',
    });
    expect(back.headers.get('location')).toContain('?ok=returned');
    expect(await stored(submitted)).toMatchObject({ status: 'draft', statusNote: '请核实权重' });
  });

  it('passes the Excel export through with its headers', async () => {
    const res = await admin.get(`/console/indicator-systems/${DEPT}/versions/1/export.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    const direct = await admin.api('GET', `/v1/indicator-systems/${DEPT}/versions/1/export.xlsx`);
    expect(res.headers.get('content-disposition')).toBe(direct.headers.get('content-disposition'));
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="system-v1.xlsx"/);
    // a real workbook of this system
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toContain('指标体系');
    expect(String(wb.getWorksheet('指标体系')!.getCell('A1').value)).toContain(
      '哈尔滨市 2026 年度市直部门绩效评估指标体系',
    );
  });

  it('offers the print layout beside the full export, and explains a layout it does not know', async () => {
    const page = await (await admin.get(`/console/indicator-systems/${DEPT}/versions/1`)).text();
    expect(page).toContain(`href="/console/indicator-systems/${DEPT}/versions/1/export.xlsx?layout=print"`);
    expect(page).toContain('导出 Excel（打印版）');
    const res = await admin.get(`/console/indicator-systems/${DEPT}/versions/1/export.xlsx?layout=print`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="system-v1-print.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const tree = wb.getWorksheet('指标体系')!;
    expect(tree.columnCount).toBeLessThan(15);
    expect(tree.headerFooter.oddHeader).toContain('打印版');
    const bad = await admin.get(`/console/indicator-systems/${DEPT}/versions/1/export.xlsx?layout=a3`);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('layout');
  });
});

describe('import', () => {
  const upload = (bytes: ArrayBuffer, name = 'file.xlsx') => {
    const fd = new FormData();
    fd.append('file', new File([bytes], name));
    return admin.postMultipart('/console/indicator-systems/import', fd);
  };
  const exported = async (id: string) =>
    (await admin.api('GET', `/v1/indicator-systems/${id}/versions/1/export.xlsx`)).bytes.slice()
      .buffer as ArrayBuffer;

  it('lists the sheet and cell of each problem when the workbook is refused', async () => {
    const before = await systemIds();
    // The demo system's workbook with a weight typed as 十 and a scoring method nobody knows.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await exported(DEPT));
    const ws = wb.getWorksheet('指标体系')!;
    expect(ws.getCell('E2').value).toBe('权重');
    expect(ws.getCell('O2').value).toBe('评分方法');
    ws.getCell('E5').value = '十';
    ws.getCell('O7').value = '打分';
    const res = await upload((await wb.xlsx.writeBuffer()) as ArrayBuffer, 'bad.xlsx');
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(
      /id="import-errors"[\s\S]*<li>指标体系 E5：权重“十”不是数字；[^<]*<\/li>[\s\S]*<li>指标体系 O7：评分方法“打分”无法识别[^<]*<\/li>/,
    );
    expect(await systemIds()).toEqual(before);
  });

  it('explains a file that is no workbook at all', async () => {
    const res = await upload(new Uint8Array([1, 2, 3]).buffer, 'bad.xlsx');
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(
      /id="import-errors"[\s\S]*<li>无法读取工作簿：这不是 zip 格式的文件。请上传 Excel 工作簿（.xlsx）。<\/li>/,
    );
  });

  it('creates a draft from a good workbook and asks for a file when none is given', async () => {
    const res = await upload(await exported(DEPT), 'good.xlsx');
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    const id = /^\/console\/indicator-systems\/(is[a-z0-9]+)\/versions\/1\?ok=created$/.exec(location)?.[1];
    expect(id, location).toBeDefined();
    expect(id).not.toBe(DEPT);
    // the workbook's system, as a new draft
    const created = (await admin.api('GET', `/v1/indicator-systems/${id}/versions/1`))
      .body as IndicatorSystem;
    const source = (await admin.api('GET', `/v1/indicator-systems/${DEPT}/versions/1`))
      .body as IndicatorSystem;
    expect(created.status).toBe('draft');
    expect(contentOf(created)).toEqual(contentOf(source));

    const none = await admin.postMultipart('/console/indicator-systems/import', new FormData());
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('请选择要导入的 .xlsx 文件。');
  });
});

describe('trial', () => {
  const trialPage = async () => (await admin.get(`/console/indicator-systems/${DEPT}`)).text();

  it('prefills sample inputs and shows ranked units with grades and breakdowns', async () => {
    const inputs = fieldValue(formFields(await trialPage(), 'trial'), 'inputs')!;
    const parsed = JSON.parse(inputs) as { unit: string; group: string }[];
    // the tenant's first eight active units, each in its own group
    const units = (await admin.api('GET', '/v1/units?limit=200')).body.items as {
      code: string;
      group: string;
      active: boolean;
    }[];
    const picked = units.filter((u) => u.active).slice(0, 8);
    expect(parsed.map((u) => u.unit)).toEqual(picked.map((u) => u.code));
    expect(parsed.map((u) => u.group)).toEqual(picked.map((u) => u.group));
    expect(parsed.find((u) => u.unit === 'DAOLI')?.group).toBe('DISTRICT');

    const res = await admin.post(`/console/indicator-systems/${DEPT}/versions/1/trial`, { inputs });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/id="trial-results"[\s\S]*试算结果/);
    const rows = [
      ...html.matchAll(
        /<tr data-unit="([A-Z]+)">[\s\S]*?data-rank="(\d+)"[\s\S]*?<td class="num total">([\d.]+)<\/td>[\s\S]*?data-grade="(\w+)">([^<]+)</g,
      ),
    ];
    expect(rows).toHaveLength(8);
    for (const r of rows) {
      expect(r[3]).toMatch(/^\d+\.\d\d$/);
      expect(['优秀', '良好', '一般', '不及格']).toContain(r[5]);
    }
    // within each group, ranks are 1..n in order of total
    const groupOf = new Map(parsed.map((u) => [u.unit, u.group]));
    for (const g of new Set(parsed.map((u) => u.group))) {
      const inGroup = rows.filter((r) => groupOf.get(r[1]!) === g);
      expect(
        inGroup.map((r) => r[2]),
        g,
      ).toEqual(inGroup.map((_, i) => String(i + 1)));
      for (let i = 1; i < inGroup.length; i++)
        expect(Number(inGroup[i - 1]![3])).toBeGreaterThanOrEqual(Number(inGroup[i]![3]));
    }
    expect(rows.filter((r) => groupOf.get(r[1]!) === 'DISTRICT').length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('<details id="trial-FGW" class="breakdown">');
    expect(html).toMatch(/得 [\d.]+ 分（满分 \d+ 分）/);
    expect(html).toContain('已评分');
  });

  it('explains inputs that are not JSON and keeps them', async () => {
    const res = await admin.post(`/console/indicator-systems/${DEPT}/versions/1/trial`, {
      inputs: '[{"unit": ',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('试算数据不是有效的 JSON');
    expect(html).toContain('[{&quot;unit&quot;: </textarea>');
    expect(html).not.toContain('id="trial-results"');
    expect(html).not.toContain('data-unit=');
  });

  it('refuses a trial that names a unit twice', async () => {
    const inputs = JSON.parse(fieldValue(formFields(await trialPage(), 'trial'), 'inputs')!) as unknown[];
    const twice = JSON.stringify([...inputs, inputs[0]]);
    const res = await admin.post(`/console/indicator-systems/${DEPT}/versions/1/trial`, { inputs: twice });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/role="alert">[\s\S]*<li>同一单位只能出现一次<\/li>/);
    expect(html).not.toContain('id="trial-results"');
  });

  it('shows results in English with English reasons', async () => {
    const inputs = fieldValue(formFields(await trialPage(), 'trial'), 'inputs')!;
    const res = await admin.post(`/console/indicator-systems/${DEPT}/versions/1/trial?lang=en`, { inputs });
    const html = await res.text();
    expect(html).toContain('Trial results');
    expect(html).toMatch(/of \d+ points/);
    expect(html).not.toContain('试算结果');
  });
});
