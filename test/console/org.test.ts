import { completeUscc } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleStack, fieldHtml, idemOf, type Session, startConsole } from './support';

let s: ConsoleStack;
let admin: Session;
let fgw: Session;
beforeAll(async () => {
  s = await startConsole();
  admin = await s.as('230100', 'hrb-admin');
  fgw = await s.as('230100', 'hrb-fgw');
});
afterAll(() => s.stop());

/** A stored record without its bookkeeping fields. */
const fieldsOf = ({ version: _v, createdAt: _c, updatedAt: _u, ...rest }: Record<string, unknown>) => rest;

async function createGroup(code: string, extra: Record<string, unknown> = {}) {
  const r = await admin.api('POST', '/v1/unit-groups', { code, name: `分组${code}`, ...extra });
  if (r.status !== 201) throw new Error(`group ${code}: ${r.status} ${r.text}`);
  return r.body;
}

async function unitCount() {
  const r = await admin.api('GET', '/v1/units?limit=200');
  return (r.body.items as unknown[]).length;
}

describe('create unit form', () => {
  it('converts form fields to JSON, sends the form’s Idempotency-Key and redirects', async () => {
    const form = await (await admin.get('/console/units/new')).text();
    const key = idemOf(form);
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    // active is checked by default
    expect(fieldHtml(form, 'active')).toContain('checked');
    const submitted = {
      _idem: key!,
      code: 'SFJ',
      name: ' 哈尔滨市司法局 ',
      shortName: '',
      type: 'department',
      group: 'ECON',
      uscc: '',
      divisionCode: '',
      active: 'true',
    };
    const res = await admin.post('/console/units/new', submitted);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/units/SFJ?ok=created');
    // Stored as typed, trimmed, with the empty optional fields left out.
    const stored = await admin.api('GET', '/v1/units/SFJ');
    expect(fieldsOf(stored.body)).toEqual({
      code: 'SFJ',
      name: '哈尔滨市司法局',
      type: 'department',
      group: 'ECON',
      active: true,
    });
    expect(stored.body.version).toBe(1);
    // The form's key went with the create: sending the form again replays it (a new key would be 409).
    const again = await admin.post('/console/units/new', submitted);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('/console/units/SFJ?ok=created');

    const detail = await (await admin.get('/console/units/SFJ?ok=created')).text();
    expect(detail).toContain('role="status">已创建。');
    expect(detail).toContain('哈尔滨市司法局');
  });

  it('an unchecked checkbox becomes false', async () => {
    const res = await admin.post('/console/units/new', {
      code: 'SJJ',
      name: '哈尔滨市审计局',
      type: 'department',
      group: 'ECON',
    });
    expect(res.status).toBe(303);
    expect((await admin.api('GET', '/v1/units/SJJ')).body).toMatchObject({ code: 'SJJ', active: false });
  });

  it('a double submit with the same form key creates once', async () => {
    const before = await unitCount();
    const form = {
      _idem: 'key-12345678',
      code: 'ZFJ',
      name: '哈尔滨市住房和城乡建设局',
      type: 'department',
      group: 'ECON',
      active: 'true',
    };
    expect((await admin.post('/console/units/new', form)).status).toBe(303);
    expect((await admin.post('/console/units/new', form)).status).toBe(303);
    expect(await unitCount()).toBe(before + 1);
  });

  it('shows 422 field errors next to the right fields and keeps the user’s values', async () => {
    const res = await admin.post('/console/units/new', {
      _idem: 'key-abcdefgh',
      code: 'LYJ',
      name: '哈尔滨市林业和草原局',
      type: '',
      group: 'DISTRICT',
      uscc: '123',
      active: 'true',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(
      /<div class="alert" role="alert"><strong>提交的数据不符合要求，请检查标出的字段。<\/strong>/,
    );
    const uscc = fieldHtml(html, 'uscc');
    expect(uscc).toContain('aria-invalid="true"');
    expect(uscc).toContain('value="123"');
    expect(uscc).toContain('<p class="error" id="f-uscc-error">统一社会信用代码须为 18 位</p>');
    expect(uscc).toMatch(/aria-describedby="f-uscc-hint f-uscc-error"/);
    // (the API lists the allowed values; the console's own select shows their labels)
    expect(fieldHtml(html, 'type')).toContain(
      '<p class="error" id="f-type-error">取值无效，可选值：department、district_government、service_window、service_provider、project</p>',
    );
    expect(fieldHtml(html, 'type')).toContain('aria-invalid="true"');
    // fields without errors are not marked invalid, and keep their values
    const name = fieldHtml(html, 'name');
    expect(name).not.toContain('aria-invalid');
    expect(name).toContain('value="哈尔滨市林业和草原局"');
    expect(fieldHtml(html, 'group')).toContain(
      '<option value="DISTRICT" selected="">区县（市）政府</option>',
    );
    expect(fieldHtml(html, 'active')).toContain('checked');
    // the same key is kept so a corrected retry still cannot create twice
    expect(idemOf(html)).toBe('key-abcdefgh');
    // nothing was stored
    expect((await admin.api('GET', '/v1/units/LYJ')).status).toBe(404);
  });

  it('asks the API for English messages and shows them', async () => {
    const res = await admin.post('/console/units/new?lang=en', {
      code: 'X',
      name: '',
      type: 'department',
      group: 'ECON',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('The submitted data is invalid; check the fields listed.');
    expect(fieldHtml(html, 'name')).toContain('<p class="error" id="f-name-error">name is required</p>');
    expect(html).not.toContain('名称不能为空');
  });

  it('refuses a USCC whose check character is wrong, and accepts a valid one', async () => {
    const page = await (await admin.get('/console/units/CZJ')).text();
    const version = /name="version" value="(\d+)"/.exec(page)?.[1];
    const before = (await admin.api('GET', '/v1/units/CZJ')).body.uscc;
    const edit = (uscc: string) => ({
      version: version!,
      name: '哈尔滨市财政局',
      type: 'department',
      group: 'ECON',
      uscc,
      active: 'true',
    });
    const bad = await admin.post('/console/units/CZJ', edit('11230100MB1234567X'));
    expect(bad.status).toBe(422);
    const uscc = fieldHtml(await bad.text(), 'uscc');
    expect(uscc).toContain('aria-invalid="true"');
    expect(uscc).toContain('value="11230100MB1234567X"');
    expect(uscc).toContain('<p class="error" id="f-uscc-error">统一社会信用代码校验位错误</p>');
    expect((await admin.api('GET', '/v1/units/CZJ')).body.uscc).toBe(before);

    const valid = completeUscc('11230100MB1234567');
    const ok = await admin.post('/console/units/CZJ', edit(valid));
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/console/units/CZJ?ok=updated');
    expect((await admin.api('GET', '/v1/units/CZJ')).body.uscc).toBe(valid);
  });
});

describe('a unit user sees its own unit only', () => {
  it('another unit’s record is not found', async () => {
    const res = await fgw.get('/console/units/JYJ');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('未找到单位。');
  });

  it('the unit list holds its own unit and no other', async () => {
    const res = await fgw.get('/console/units');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('href="/console/units/FGW"');
    expect(html).toContain('哈尔滨市发展和改革委员会');
    expect(html).not.toContain('href="/console/units/JYJ"');
    expect(html).not.toContain('哈尔滨市教育局');
  });

  it('may list the users of its own unit', async () => {
    const res = await fgw.get('/console/users');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('李强（市发改委）');
    expect(html).not.toContain('王丽（市考核办）');
    expect(html).not.toContain('张敏（市教育局）');
  });
});

describe('edit forms and conflicts', () => {
  it('a version conflict shows the message and a reload link', async () => {
    await createGroup('CONF');
    for (const version of [1, 2]) {
      await admin.api('PATCH', '/v1/unit-groups/CONF', { version, sortOrder: 100 + version });
    }
    const page = await (await admin.get('/console/unit-groups/CONF')).text();
    expect(page).toContain('<input type="hidden" name="version" value="3"');
    const res = await admin.post('/console/unit-groups/CONF', {
      version: '2',
      name: '市直单位',
      sortOrder: '10',
    });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('数据已被他人修改，请刷新后重试。');
    expect(html).toContain('<a href="/console/unit-groups/CONF">重新加载最新数据</a>');
    expect(html).toContain('value="市直单位"');
    expect((await admin.api('GET', '/v1/unit-groups/CONF')).body).toMatchObject({
      name: '分组CONF',
      version: 3,
    });
  });

  it('a successful edit sends numbers and redirects with a flash', async () => {
    await createGroup('EDIT', { description: '将被清空的说明', sortOrder: 100 });
    const res = await admin.post('/console/unit-groups/EDIT', {
      version: '1',
      name: '市直部门',
      description: '',
      sortOrder: '10',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/unit-groups/EDIT?ok=updated');
    // An emptied optional field is sent as null, which clears it; the sort order is a number.
    const stored = await admin.api('GET', '/v1/unit-groups/EDIT');
    expect(fieldsOf(stored.body)).toEqual({ code: 'EDIT', name: '市直部门', sortOrder: 10 });
    expect(stored.body.version).toBe(2);
    const page = await (await admin.get('/console/unit-groups/EDIT?ok=updated')).text();
    expect(page).toContain('role="status">已保存。');
  });

  it('deleting a group still in use shows the API’s reason', async () => {
    const group = await admin.api('GET', '/v1/unit-groups/ECON');
    const res = await admin.post('/console/unit-groups/ECON/delete', { version: String(group.body.version) });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('该分组下仍有单位，请先移走单位再删除。');
    expect((await admin.api('GET', '/v1/unit-groups/ECON')).status).toBe(200);
  });

  it('deletes an empty group', async () => {
    await createGroup('EMPTY');
    // The form's version goes with the delete: a version other than the stored one is refused.
    const stale = await admin.post('/console/unit-groups/EMPTY/delete', { version: '2' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('数据已被他人修改，请刷新后重试。');
    expect((await admin.api('GET', '/v1/unit-groups/EMPTY')).status).toBe(200);
    const res = await admin.post('/console/unit-groups/EMPTY/delete', { version: '1' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/unit-groups?ok=deleted');
    expect((await admin.api('GET', '/v1/unit-groups/EMPTY')).status).toBe(404);
    expect(await (await admin.get('/console/unit-groups')).text()).not.toContain(
      '/console/unit-groups/EMPTY',
    );
  });

  it('creates a user with roles as an array and an optional unit', async () => {
    const res = await admin.post('/console/users/new', {
      _idem: 'key-user-0001',
      name: '王五',
      email: '',
      phone: '13800000000',
      roles: ['unit_user', 'data_provider'],
      unit: 'FGW',
      active: 'true',
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    const id = /^\/console\/users\/(u[a-z2-7]{16})\?ok=created$/.exec(location)?.[1];
    expect(id, location).toBeDefined();
    const stored = await admin.api('GET', `/v1/users/${id}`);
    expect(fieldsOf(stored.body)).toEqual({
      id,
      name: '王五',
      phone: '13800000000',
      roles: ['unit_user', 'data_provider'],
      unit: 'FGW',
      active: true,
    });
  });

  it('a user without roles gets the roles error on the role fieldset', async () => {
    const res = await admin.post('/console/users/new', { name: '王五', active: 'true' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/<fieldset class="field" id="f-roles" aria-invalid="true"/);
    expect(html).toContain('<p class="error" id="f-roles-error">至少分配一个角色</p>');
    expect(fieldHtml(html, 'name')).toContain('value="王五"');
  });

  it('the user edit form checks the user’s roles', async () => {
    const created = await admin.api('POST', '/v1/users', { name: '赵六', roles: ['expert'] });
    expect(created.status).toBe(201);
    const html = await (await admin.get(`/console/users/${created.body.id}`)).text();
    expect(html).toContain('<input type="checkbox" name="roles" value="expert" checked=""/>');
    expect(html).toContain('<input type="checkbox" name="roles" value="unit_user"/>');
    expect(html).toContain('<option value="FGW">哈尔滨市发展和改革委员会（FGW）</option>');
  });
});
