import { type Branch, contentOf, type Leaf, type SystemContent, type SystemView } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsoleStack,
  createSystem,
  fieldValue,
  formFields,
  type Session,
  selectedOption as selected,
  startConsole,
  withValue,
} from './support';

/**
 * The draft editor's 考核办设定参数 (a leaf's `officeParams`, in the workbook's own notation
 * `目标值=100；ratePercent=8`) and 评价对象 (`party`): the office sets them in its drafts; in a
 * unit's own draft the office parameters are shown read-only (the office alone sets them).
 *
 * The 'investment_project' template's tree: D2 财务效益 (n.1) holds D2-1 财务净现值 (fnpv,
 * ratePercent=8), D2-2 财务净现值率 (npvr, ratePercent=8), D2-3 内部收益率 (目标值=8), D2-4.
 */

let s: ConsoleStack;
let admin: Session;
let fgw: Session;
beforeAll(async () => {
  s = await startConsole();
  admin = await s.as('230100', 'hrb-admin');
  fgw = await s.as('230100', 'hrb-fgw');
});
afterAll(() => s.stop());

const editPath = (id: string) => `/console/indicator-systems/${id}/versions/1/edit`;
const stored = async (who: Session, id: string) =>
  (await who.api('GET', `/v1/indicator-systems/${id}/versions/1`)).body as SystemView;
const leafAt = (c: SystemContent, i: number, j: number) => (c.dimensions[i] as Branch).children[j] as Leaf;
const fieldsOf = async (who: Session, path: string) =>
  formFields(await (await who.get(path)).text(), 'is-editor');
const save = (who: Session, path: string, fields: [string, string][]) =>
  who.post(path, [...fields, ['op', 'save']]);

describe('考核办设定参数 and 评价对象 in the editor (the office)', () => {
  const draft = async () => {
    const id = await createSystem(admin, { template: 'investment_project' });
    return { id, EDIT: editPath(id) };
  };

  it('shows each leaf’s office parameters in an editable field with its hint, and no party', async () => {
    const { EDIT } = await draft();
    const html = await (await admin.get(EDIT)).text();
    const fields = formFields(html, 'is-editor');
    expect(fieldValue(fields, 'n.1.0.officeParams')).toBe('ratePercent=8');
    expect(fieldValue(fields, 'n.1.1.officeParams')).toBe('ratePercent=8');
    expect(fieldValue(fields, 'n.1.2.officeParams')).toBe('目标值=8');
    expect(fieldValue(fields, 'n.0.0.0.officeParams')).toBe('');
    expect(html).toContain('<label for="f-n_1_0_officeParams">考核办设定参数</label>');
    expect(html).toMatch(/<input type="text" id="f-n_1_0_officeParams" name="n\.1\.0\.officeParams"[^>]*>/);
    expect(/<input[^>]*name="n\.1\.0\.officeParams"[^>]*>/.exec(html)?.[0]).not.toContain('readonly');
    expect(html).toContain('如 目标值=100；ratePercent=8（基准折现率 8%）');
    // 评价对象: none chosen, the two parties offered with the vocabulary's labels
    expect(selected(html, 'n.1.0.party')).toBe('');
    expect(html).toMatch(/name="n\.1\.0\.party"[^>]*><option value="" selected="">（无）<\/option>/);
    expect(html).toMatch(/<option value="buyer">购买主体[^<]*<\/option><option value="provider">承接主体/);
    // Neither travels in the hidden JSON any more: each value has one source in the form.
    const extra = JSON.parse(fieldValue(fields, 'n.1.0.extra') ?? '{}') as Record<string, unknown>;
    expect(Object.keys(extra)).toEqual(['provenance']);

    const en = await (await admin.get(EDIT, { lang: 'en' })).text();
    expect(en).toContain('<label for="f-n_1_0_officeParams">Set by the office</label>');
    expect(en).toContain('Evaluated party');
  });

  it('saves a changed, a cleared and an unchanged office parameter text', async () => {
    const { id, EDIT } = await draft();
    let fields = await fieldsOf(admin, EDIT);
    fields = withValue(fields, 'n.1.0.officeParams', 'ratePercent=6');
    fields = withValue(fields, 'n.1.2.officeParams', '');
    fields = withValue(fields, 'n.2.1.officeParams', '目标：95%'); // the tolerant reading of the workbook
    const res = await save(admin, EDIT, fields);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${EDIT}?ok=updated`);
    const c = contentOf(await stored(admin, id));
    expect(leafAt(c, 1, 0).officeParams).toEqual({ args: { ratePercent: 6 } });
    expect(leafAt(c, 1, 1).officeParams).toEqual({ args: { ratePercent: 8 } });
    expect(leafAt(c, 1, 2)).not.toHaveProperty('officeParams');
    expect(leafAt(c, 2, 1).officeParams).toEqual({ target: 95 });
    // shown again as saved, in the notation's own form
    const again = await fieldsOf(admin, EDIT);
    expect(fieldValue(again, 'n.1.0.officeParams')).toBe('ratePercent=6');
    expect(fieldValue(again, 'n.2.1.officeParams')).toBe('目标值=95');
  });

  it('shows an office parameter text that cannot be read under its field and saves nothing', async () => {
    const { id, EDIT } = await draft();
    const before = await stored(admin, id);
    const fields = await fieldsOf(admin, EDIT);
    const typed = withValue(withValue(fields, 'n.1.0.officeParams', 'ratePercent=八'), 'n.1.0.name', '改过');
    const res = await save(admin, EDIT, typed);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('考核办设定参数有误，未保存。');
    expect(html).toMatch(/name="n\.1\.0\.officeParams" value="ratePercent=八"[^>]*aria-invalid="true"/);
    expect(html).toMatch(
      /id="f-n_1_0_officeParams-error">考核办设定参数“ratePercent=八”无法识别（ratePercent的值“八”不是数字）/,
    );
    expect(html).toContain('value="改过"');
    const now = await stored(admin, id);
    expect(now.version).toBe(before.version);
    expect(contentOf(now)).toEqual(contentOf(before));
  });

  it('saves, shows and removes a leaf’s 评价对象', async () => {
    const { id, EDIT } = await draft();
    const fields = withValue(
      withValue(await fieldsOf(admin, EDIT), 'n.1.0.party', 'buyer'),
      'n.1.1.party',
      'provider',
    );
    expect((await save(admin, EDIT, fields)).status).toBe(303);
    let c = contentOf(await stored(admin, id));
    expect(leafAt(c, 1, 0).party).toBe('buyer');
    expect(leafAt(c, 1, 1).party).toBe('provider');
    expect(leafAt(c, 1, 2)).not.toHaveProperty('party');
    const html = await (await admin.get(EDIT)).text();
    expect(selected(html, 'n.1.0.party')).toBe('buyer');
    expect(selected(html, 'n.1.1.party')).toBe('provider');

    const cleared = withValue(formFields(html, 'is-editor'), 'n.1.0.party', '');
    expect((await save(admin, EDIT, cleared)).status).toBe(303);
    c = contentOf(await stored(admin, id));
    expect(leafAt(c, 1, 0)).not.toHaveProperty('party');
    expect(leafAt(c, 1, 1).party).toBe('provider');
  });

  it('lets a leaf added in the editor take its 基准折现率, which clears the office_param issue', async () => {
    const { id, EDIT } = await draft();
    // A new leaf after D2-4: empty office parameters, no party.
    const added = await (
      await admin.post(EDIT, [...(await fieldsOf(admin, EDIT)), ['op', 'add-sibling:1.3']])
    ).text();
    let fields = formFields(added, 'is-editor');
    expect(fieldValue(fields, 'n.1.4.code')).toBe('D2-5');
    expect(fieldValue(fields, 'n.1.4.officeParams')).toBe('');
    expect(selected(added, 'n.1.4.party')).toBe('');
    fields = withValue(fields, 'n.1.4.name', '财务净现值（复核）');
    fields = withValue(fields, 'n.1.4.weight', '5');
    fields = withValue(fields, 'n.1.4.rule', 'formula');
    fields = withValue(fields, 'n.1.4.params', 'fnpv → 分档 (,0):0 小于 0; [0,):1 不小于 0');
    const officeIssues = async () =>
      (await stored(admin, id)).issues.filter(
        (x) => x.check === 'office_param' && x.path.startsWith('dimensions.1.children.4.'),
      );

    // Without it, the rate is missing, and the editor shows the issue under the field to fill.
    expect((await save(admin, EDIT, fields)).status).toBe(303);
    expect((await officeIssues()).map((x) => x.path)).toEqual(['dimensions.1.children.4.officeParams.args']);
    const page = await (await admin.get(EDIT)).text();
    expect(page).toMatch(/id="f-n_1_4_officeParams-error">[^<]*由考核办设定[^<]*请在“考核办设定参数”中填写/);

    // With it, saved and the issue gone.
    fields = withValue(formFields(page, 'is-editor'), 'n.1.4.officeParams', 'ratePercent=8');
    expect((await save(admin, EDIT, fields)).status).toBe(303);
    const c = contentOf(await stored(admin, id));
    expect(leafAt(c, 1, 4)).toMatchObject({
      code: 'D2-5',
      rule: { kind: 'formula', calculator: 'fnpv' },
      officeParams: { args: { ratePercent: 8 } },
    });
    expect(leafAt(c, 1, 4)).not.toHaveProperty('party');
    expect(await officeIssues()).toEqual([]);
  });
});

describe('考核办设定参数 in a unit’s own draft', () => {
  it('is shown read-only, and saving the form keeps the office’s values', async () => {
    const id = await createSystem(fgw, { template: 'investment_project' });
    const EDIT = editPath(id);
    const html = await (await fgw.get(EDIT)).text();
    expect(html).toMatch(/<input[^>]*name="n\.1\.0\.officeParams" value="ratePercent=8" readonly=""/);
    expect(html).toMatch(/<input[^>]*name="n\.1\.2\.officeParams" value="目标值=8" readonly=""/);
    expect(html).toContain('由考核办设定，被考核单位不能修改');
    expect(html).not.toContain('如 目标值=100；ratePercent=8');
    // 评价对象 stays the unit's to choose
    expect(html).toMatch(/<select id="f-n_1_0_party" name="n\.1\.0\.party">/);

    const before = contentOf(await stored(fgw, id));
    const fields = withValue(formFields(html, 'is-editor'), 'n.1.0.name', '财务净现值（本单位）');
    const res = await save(fgw, EDIT, fields);
    expect(res.status).toBe(303);
    const after = contentOf(await stored(fgw, id));
    expect(leafAt(after, 1, 0).name).toBe('财务净现值（本单位）');
    expect(leafAt(after, 1, 0).officeParams).toEqual(leafAt(before, 1, 0).officeParams);
    expect(leafAt(after, 1, 2).officeParams).toEqual({ target: 8 });

    // A changed value (a browser that ignores readonly) is the API's to refuse, under the field.
    const current = await (await fgw.get(EDIT)).text();
    const tampered = withValue(formFields(current, 'is-editor'), 'n.1.0.officeParams', 'ratePercent=6');
    const refused = await save(fgw, EDIT, tampered);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toMatch(
      /id="f-n_1_0_officeParams-error">指标 D2-1「财务净现值（本单位）」的考核办设定参数[^<]*只能由考核办设定或修改/,
    );
    expect(contentOf(await stored(fgw, id))).toEqual(after);
  });
});
