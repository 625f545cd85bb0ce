import {
  type Branch,
  contentOf,
  type IndicatorSystem,
  type Leaf,
  type SystemContent,
  systemContentSchema,
  TEMPLATES,
} from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsoleStack,
  createSystem,
  fieldValue,
  formFields,
  rowHtml,
  type Session,
  selectedOption as selected,
  startConsole,
  withValue,
} from './support';

/** The demo draft of 哈尔滨市 (the 区县政府 template). */
const DEMO_DRAFT = 'ishrbdistrict2';

let s: ConsoleStack;
let admin: Session;
beforeAll(async () => {
  s = await startConsole();
  admin = await s.as('230100', 'hrb-admin');
});
afterAll(() => s.stop());

const editPath = (id: string) => `/console/indicator-systems/${id}/versions/1/edit`;

/** The stored version 1 of a system, read back through the API. */
const stored = async (id: string) =>
  (await admin.api('GET', `/v1/indicator-systems/${id}/versions/1`)).body as IndicatorSystem;

/** A fresh draft of the 区县政府 template, so that each test edits its own. */
const freshDraft = () => createSystem(admin, { template: 'district_county' });

const editorFields = async (path: string) => formFields(await (await admin.get(path)).text(), 'is-editor');

describe('draft editor', () => {
  it('renders a row per node with the live-sum script and the server-side sums', async () => {
    const html = await (await admin.get(editPath(DEMO_DRAFT))).text();
    expect(html).toContain('name="n.0.code" value="D1"');
    expect(html).toContain(
      'name="n.0.1.params" value="FY 行政复议被纠错 每次扣1; SS 行政诉讼败诉 每次扣2; TB 因违法行政被上级通报批评 每次扣3"',
    );
    expect(html).toMatch(/data-sum-for="0"[^>]*data-ok="true"[^>]*>合计 15 \/ 应为 15</);
    expect(html).toMatch(/data-sum-for="root"[^>]*>合计 100 \/ 应为 100</);
    // the live-sum script: linked by the page, and it works on this form
    const script = /<script src="([^"]+)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = await admin.get(script!);
    expect(js.status).toBe(200);
    expect(await js.text()).toContain("getElementById('is-editor')");
    expect(html).toContain('示例：封顶 1.2'); // PARAM_EXAMPLES as the hint
  });

  it('applies structural ops to what was typed, without saving', async () => {
    const id = await freshDraft();
    const EDIT = editPath(id);
    const before = await stored(id);
    const fields = await editorFields(EDIT);
    const typed = withValue(fields, 'n.1.0.name', '地区生产总值增速（已改）');
    const d1first = fieldValue(fields, 'n.0.0.code');
    const d1second = fieldValue(fields, 'n.0.1.code');

    // remove the first indicator of D1: the second moves up, the typed name elsewhere stays
    let html = await (await admin.post(EDIT, [...typed, ['op', 'remove:0.0']])).text();
    let after = formFields(html, 'is-editor');
    expect(fieldValue(after, 'n.0.0.code')).toBe(d1second);
    expect(fieldValue(after, 'n.0.1.code')).toBeUndefined();
    expect(fieldValue(after, 'n.1.0.name')).toBe('地区生产总值增速（已改）');
    expect(html).toContain('尚未保存');
    expect(html).toMatch(/data-sum-for="0"[^>]*data-ok="false"[^>]*>合计 7 \/ 应为 15</);

    // move D1's second indicator up
    html = await (await admin.post(EDIT, [...typed, ['op', 'up:0.1']])).text();
    after = formFields(html, 'is-editor');
    expect(fieldValue(after, 'n.0.0.code')).toBe(d1second);
    expect(fieldValue(after, 'n.0.1.code')).toBe(d1first);
    expect(fieldValue(after, 'n.0.1.params')).toBe(fieldValue(fields, 'n.0.0.params'));

    // a child under an indicator: it becomes a branch whose first sub-indicator keeps its values
    html = await (await admin.post(EDIT, [...typed, ['op', 'add-child:0.0']])).text();
    after = formFields(html, 'is-editor');
    expect(fieldValue(after, 'n.0.0.kind')).toBe('branch');
    expect(fieldValue(after, 'n.0.0.0.code')).toBe(`${d1first}-1`);
    expect(fieldValue(after, 'n.0.0.0.weight')).toBe(fieldValue(fields, 'n.0.0.weight'));
    expect(fieldValue(after, 'n.0.0.0.params')).toBe(fieldValue(fields, 'n.0.0.params'));
    expect(fieldValue(after, 'n.1.0.name')).toBe('地区生产总值增速（已改）');

    // add a dimension and a sibling
    html = await (await admin.post(EDIT, [...typed, ['op', 'add-dim']])).text();
    after = formFields(html, 'is-editor');
    expect(fieldValue(after, 'n.5.code')).toBe('D6');
    expect(fieldValue(after, 'n.5.0.code')).toBe('D6-1');
    html = await (await admin.post(EDIT, [...typed, ['op', 'add-sibling:0.0']])).text();
    after = formFields(html, 'is-editor');
    expect(fieldValue(after, 'n.0.1.code')).toBe('D1-3');
    expect(fieldValue(after, 'n.0.2.code')).toBe(d1second);

    // nothing was saved
    const now = await stored(id);
    expect(now.version).toBe(before.version);
    expect(contentOf(now)).toEqual(contentOf(before));
  });

  it('shows a 评分参数 that cannot be read next to its field and saves nothing', async () => {
    const id = await freshDraft();
    const EDIT = editPath(id);
    const before = await stored(id);
    const fields = await editorFields(EDIT);
    const bad = withValue(withValue(fields, 'n.0.1.params', '每次扣很多'), 'n.1.0.name', '改过的名称');
    const res = await admin.post(EDIT, [...bad, ['op', 'save']]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('评分参数有误，未保存。');
    expect(html).toMatch(/name="n\.0\.1\.params" value="每次扣很多"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="f-n_0_1_params-error">评分参数“每次扣很多”无法识别[^<]*扣分法的参数应写作/);
    expect(html).toContain('value="改过的名称"');
    const now = await stored(id);
    expect(now.version).toBe(before.version);
    expect(contentOf(now)).toEqual(contentOf(before));
  });

  it('saves the content as JSON the API accepts, unchanged for every template', async () => {
    for (const tpl of TEMPLATES) {
      const id = await createSystem(admin, { template: tpl.id });
      const EDIT = editPath(id);
      const fields = await editorFields(EDIT);
      const res = await admin.post(EDIT, [...fields, ['op', 'save']]);
      expect(res.status, tpl.id).toBe(303);
      expect(res.headers.get('location'), tpl.id).toBe(`${EDIT}?ok=updated`);
      // The save was the version the form was loaded at (1); the API took it and moved on.
      const after = await stored(id);
      expect(after.version, tpl.id).toBe(2);
      expect(systemContentSchema.parse(contentOf(after)), tpl.id).toEqual(tpl.content);
    }
  });

  it('sends the changed values, then shows the API issue next to the node', async () => {
    const id = await freshDraft();
    const EDIT = editPath(id);
    const fields = await editorFields(EDIT);
    const changed = withValue(withValue(fields, 'n.1.0.weight', '5'), 'n.1.1.params', '封顶 1.2');
    const res = await admin.post(EDIT, [...changed, ['op', 'save']]);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${EDIT}?ok=updated`);
    const content = contentOf(await stored(id));
    expect((content.dimensions[1] as Branch).children[0]?.weight).toBe(5);
    expect((content.dimensions[1] as Branch).children[1]).toMatchObject({
      rule: { kind: 'target_completion', cap: 1.2 },
    });

    const html = await (await admin.get(`${EDIT}?ok=updated`)).text();
    expect(html).toContain('已保存。');
    expect(rowHtml(html, 'node-1')).toMatch(
      /node-issues[\s\S]*经济建设」的下级指标权重合计为 25，应等于其权重 30/,
    );
    expect(html).toMatch(/data-sum-for="1"[^>]*data-ok="false"[^>]*>合计 25 \/ 应为 30</);
  });

  it('puts the API refusal of a field under that field, or on the row the path names', async () => {
    const id = await freshDraft();
    const EDIT = editPath(id);
    const before = await stored(id);
    const fields = await editorFields(EDIT);
    const res = await admin.post(EDIT, [...withValue(fields, 'b.0.maxPoints', '两分'), ['op', 'save']]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/name="b\.0\.maxPoints" value="两分"[^>]*aria-invalid="true"/);
    expect(html).toContain('id="f-b_0_maxPoints-error"');
    // In the tree, a bad value inside a dimension is reported at that very field (the API explains
    // a union mismatch by the closest member), so it shows on the indicator's row.
    const tree = await admin.post(EDIT, [...withValue(fields, 'n.0.0.weight', '八'), ['op', 'save']]);
    expect(tree.status).toBe(422);
    const treeHtml = await tree.text();
    expect(rowHtml(treeHtml, 'node-0')).not.toContain('node-issues');
    expect(treeHtml).toMatch(/name="n\.0\.0\.weight" value="八"[^>]*aria-invalid="true"/);
    expect((await stored(id)).version).toBe(before.version);
  });
});

describe('draft editor: evidence, groups, missing data, criteria, tie-breaks, rounding, decimals', () => {
  /** A draft whose content sets every field these inputs show, including the less usual values. */
  const draftContent = (): SystemContent => {
    const tpl = TEMPLATES.find((x) => x.id === 'district_county')!;
    const s = structuredClone(tpl.content);
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
  const newDraft = async () => {
    const id = await createSystem(admin, { content: draftContent() });
    return { id, EDIT: editPath(id) };
  };
  const leafOf = (content: { dimensions: unknown[] }, i: number, j: number) =>
    (content.dimensions[i] as Branch).children[j] as Leaf;

  it('shows each value in its input', async () => {
    const { EDIT } = await newDraft();
    const html = await (await admin.get(EDIT)).text();
    const fields = formFields(html, 'is-editor');
    expect(fieldValue(fields, 'n.0.0.evidenceDescription')).toBe('上传考核期内的会议纪要');
    expect(html).toContain('<label for="f-n_0_0_evidenceDescription">佐证材料说明</label>');
    expect(fieldValue(fields, 'n.0.1.evidenceDescription')).toBe('');
    // 适用分组: a checkbox per tenant group, the leaf's own checked; an unknown code stays, checked
    const applies = (k: string) => fields.filter(([n]) => n === `n.${k}.appliesTo`).map(([, v]) => v);
    expect(applies('0.0')).toEqual(['DISTRICT']);
    expect(applies('0.1')).toEqual(['NOPE']);
    expect(applies('1.0')).toEqual([]);
    expect(html).toMatch(/name="n\.0\.0\.appliesTo" value="ECON"\/?>ECON 综合经济部门/);
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
    // What the form does not show travels hidden: provenance (原文/示例), and an explicitly empty appliesTo
    const content = draftContent();
    expect(fieldValue(fields, 'extra')).toBe('{}');
    expect(JSON.parse(fieldValue(fields, 'n.0.0.extra') ?? '')).toEqual({
      provenance: leafOf(content, 0, 0).provenance,
    });
    expect(JSON.parse(fieldValue(fields, 'n.1.0.extra') ?? '')).toEqual({
      provenance: leafOf(content, 1, 0).provenance,
      appliesTo: [],
    });
    expect(JSON.parse(fieldValue(fields, 'n.0.extra') ?? '')).toEqual({
      provenance: content.dimensions[0]!.provenance,
    });

    const en = await (await admin.get(`${EDIT}?lang=en`)).text();
    for (const label of ['Evidence description', 'Applies to groups', 'Tie-break order', 'Quota rounding'])
      expect(en).toContain(label);
    expect(en).toContain('Decimal places shown');
  });

  it('saves the form as it came, unchanged', async () => {
    const { id, EDIT } = await newDraft();
    const before = await stored(id);
    expect(contentOf(before)).toEqual(draftContent());
    const fields = await editorFields(EDIT);
    const res = await admin.post(EDIT, [...fields, ['op', 'save']]);
    expect(res.status).toBe(303);
    const after = await stored(id);
    expect(after.version).toBe(before.version + 1);
    expect(contentOf(after)).toEqual(draftContent());
  });

  it('saves a change to each field', async () => {
    const { id, EDIT } = await newDraft();
    const fields = await editorFields(EDIT);
    let changed = withValue(fields, 'n.0.0.evidenceDescription', '  上传整改报告 ');
    changed = withValue(changed, 'n.0.1.evidenceDescription', '附统计报表');
    changed = changed.filter(([k, v]) => !(k === 'n.0.0.appliesTo' && v === 'DISTRICT'));
    changed = changed.filter(([k]) => k !== 'n.0.1.appliesTo');
    changed.push(['n.0.1.appliesTo', 'ECON'], ['n.0.1.appliesTo', 'DISTRICT'], ['n.1.0.appliesTo', 'ECON']);
    changed = withValue(changed, 'n.0.0.missing', '');
    changed = withValue(changed, 'n.1.0.missing', 'zero');
    changed = withValue(changed, 'n.1.criteria', '');
    changed = withValue(changed, 'n.0.criteria', '党建类指标由组织部门评分。');
    changed = withValue(changed, 'tb.0', 'fewer_deductions');
    changed = withValue(changed, 'tb.1', '');
    changed = withValue(changed, 'tb.2', 'dimension:D1');
    changed = withValue(changed, 'quotaRounding', 'round');
    changed = withValue(changed, 'decimals', '3');
    const res = await admin.post(EDIT, [...changed, ['op', 'save']]);
    expect(res.status).toBe(303);
    const sys = draftContent();
    const content = contentOf(await stored(id));
    const a = leafOf(content, 0, 0);
    const b = leafOf(content, 0, 1);
    const c = leafOf(content, 1, 0);
    expect(a.evidence).toEqual({ required: true, description: '上传整改报告' });
    expect(b.evidence).toEqual({ required: false, description: '附统计报表' });
    expect(a).not.toHaveProperty('appliesTo'); // none checked: every group
    expect(b.appliesTo).toEqual(['ECON', 'DISTRICT']);
    expect(c.appliesTo).toEqual(['ECON']);
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
      ...sys,
      dimensions: [],
    });
  });

  it('keeps the new fields through a structural change, and puts tie-break issues on their select', async () => {
    const { id, EDIT } = await newDraft();
    const fields = await editorFields(EDIT);
    const typed = withValue(
      withValue(fields, 'n.0.0.evidenceDescription', '已改'),
      'tb.2',
      'fewer_deductions',
    );
    const html = await (await admin.post(EDIT, [...typed, ['op', 'up:0.1']])).text();
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
    const res = await admin.post(EDIT, [...gone, ['op', 'save']]);
    expect(res.status).toBe(303);
    expect(contentOf(await stored(id)).grading.tieBreak).toEqual(['more_bonus', 'dimension:D9']);
    const saved = await (await admin.get(EDIT)).text();
    expect(selected(saved, 'tb.1')).toBe('dimension:D9');
    expect(saved).toMatch(/id="f-tb_1-error">[^<]*D9/);
  });
});
