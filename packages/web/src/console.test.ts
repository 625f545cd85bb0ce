import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createFakeApi, type FakeSeed, group, tenant, unit } from './fake-api';
import { createConsole } from './index';

const HOST = 'http://jixiao.test';
const TEST_OIDC = {
  authorizeUrl: 'https://idp.test/oauth2/authorize',
  tokenUrl: 'https://idp.test/oauth2/token',
  clientId: 'client-1',
};

function setup(seed: FakeSeed = {}) {
  const fake = createFakeApi(seed);
  const app = new Hono().route('/console', createConsole({ api: fake.fetch, oidc: TEST_OIDC }));
  const cookie = (token?: string, lang?: string) =>
    [token ? `jx_token=${token}` : '', lang ? `jx_lang=${lang}` : ''].filter(Boolean).join('; ');
  const get = (path: string, token?: string, lang?: string) =>
    app.request(`${HOST}${path}`, { headers: { cookie: cookie(token, lang) } });
  const post = (
    path: string,
    token: string,
    form: Record<string, string | string[]>,
    headers: Record<string, string> = { origin: HOST },
  ) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return app.request(`${HOST}${path}`, {
      method: 'POST',
      body: body.toString(),
      headers: { cookie: cookie(token), 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  };
  return { app, fake, get, post };
}

/** The hidden Idempotency-Key a rendered create form carries. */
const idemOf = (html: string) => /name="_idem" value="([^"]+)"/.exec(html)?.[1];

/** The markup of one form field's wrapper (from its `class="field"` to the next field). */
function fieldHtml(html: string, name: string): string {
  const i = html.indexOf(`id="f-${name}"`);
  if (i < 0) throw new Error(`no field ${name}`);
  const start = html.lastIndexOf('class="field"', i);
  const end = html.indexOf('class="field"', i);
  return html.slice(start, end < 0 ? undefined : end);
}

describe('sign-in and session', () => {
  it('redirects to the sign-in page without a token', async () => {
    const { get } = setup();
    const res = await get('/console');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/sign-in');
  });

  it('redirects to the sign-in page when the API answers 401', async () => {
    const { get, fake } = setup();
    const res = await get('/console/units', 'expired-token');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/sign-in');
    expect(fake.calls[0]?.headers.authorization).toBe('Bearer expired-token');
  });

  it('shows the product name and a button that starts the OIDC sign-in', async () => {
    const { get } = setup();
    const res = await get('/console/sign-in');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(html).toContain('绩效管理平台');
    expect(html).toMatch(/<a class="button" href="\/console\/auth\/login">登录<\/a>/);
  });

  it('signs out by clearing the token cookie', async () => {
    const { post } = setup();
    const res = await post('/console/sign-out', 'admin', {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/sign-in');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/jx_token=;/);
    expect(setCookie).toMatch(/Max-Age=0/);
    expect(setCookie).toMatch(/Path=\//);
  });

  it('shows the API refusal when the tenant is suspended', async () => {
    const { get } = setup();
    const res = await get('/console', 'suspended');
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('租户已暂停使用。');
  });
});

describe('home per role', () => {
  it('operator: tenant counts by plan status and a link to tenants', async () => {
    const { get } = setup({
      tenants: [
        tenant('230100', { planStatus: 'active' }),
        tenant('230200', { planStatus: 'trial' }),
        tenant('230300', { planStatus: 'trial' }),
        tenant('230400', { planStatus: 'ended' }),
      ],
    });
    const html = await (await get('/console', 'op')).text();
    expect(html).toMatch(/data-stat="total">4</);
    expect(html).toMatch(/data-stat="trial">2</);
    expect(html).toMatch(/data-stat="active">1</);
    expect(html).toMatch(/data-stat="suspended">0</);
    expect(html).toContain('href="/console/tenants"');
    // operator nav has tenants but not the tenant admin's pages
    expect(html).toContain('>租户</a>');
    expect(html).not.toContain('href="/console/users"');
  });

  it('operator home counts across several pages of tenants', async () => {
    const tenants = Array.from({ length: 130 }, (_, i) => tenant(String(300000 + i)));
    const { get } = setup({ tenants });
    const html = await (await get('/console', 'op')).text();
    expect(html).toMatch(/data-stat="total">130</);
  });

  it('tenant admin: tenant full name, counts with links, next steps', async () => {
    const { get } = setup({
      groups: [group('SZBM', '市直部门')],
      units: [unit('FGW', '市发展和改革委员会'), unit('CZJ', '市财政局')],
    });
    const res = await get('/console/', 'admin');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<span class="tenant">黑龙江省哈尔滨市</span>');
    expect(html).toContain('考核办 李主任 <span class="roles">绩效管理机构（考核办）</span>');
    expect(html).toMatch(/data-stat="unitGroups"><a href="\/console\/unit-groups">1<\/a>/);
    expect(html).toMatch(/data-stat="units"><a href="\/console\/units">2<\/a>/);
    expect(html).toMatch(/data-stat="users"><a href="\/console\/users">0<\/a>/);
    // groups and units done, users still to do (with a link to create one)
    expect(html).toMatch(/<li data-done="true">.*?建立单位分组/);
    expect(html).toMatch(/<li data-done="false">.*?<a href="\/console\/users\/new">为考核办/);
    // admin nav
    expect(html).toContain('href="/console/unit-groups"');
    expect(html).not.toContain('href="/console/tenants"');
  });

  it('unit user: their unit card', async () => {
    const { get } = setup({
      groups: [group('SZBM', '市直部门')],
      units: [unit('FGW', '市发展和改革委员会', { uscc: '11230100MB1234567X' })],
    });
    const html = await (await get('/console', 'unit')).text();
    expect(html).toContain('所在单位');
    expect(html).toContain('<dd>市发展和改革委员会</dd>');
    expect(html).toContain('<dd>政府部门</dd>');
    expect(html).toContain('11230100MB1234567X');
    expect(html).not.toContain('href="/console/units"');
  });

  it('provincial analyst: the province tenants', async () => {
    const { get } = setup({
      tenants: [
        tenant('230100'),
        tenant('230200'),
        tenant('110100', { provinceCode: '110000', fullName: '北京市' }),
      ],
    });
    const html = await (await get('/console', 'prov')).text();
    expect(html).toContain('本省租户');
    expect(html).toContain('黑龙江省哈尔滨市');
    expect(html).toContain('黑龙江省城市230200');
    expect(html).not.toContain('北京市');
  });

  it('expert and observer: a welcome card about their coming work', async () => {
    const { get } = setup();
    const expert = await (await get('/console', 'expert')).text();
    expect(expert).toMatch(/data-role="expert"><h2>评审专家<\/h2><p>您将在此查看分配给您的被考核单位/);
    const observer = await (await get('/console', 'observer')).text();
    expect(observer).toContain('data-role="observer"');
    expect(observer).toContain('已公开的绩效结果');
    // only the home link in their nav
    expect(observer).not.toContain('href="/console/units"');
  });
});

describe('language', () => {
  it('?lang=en switches to English and remembers it in a cookie', async () => {
    const { get } = setup();
    const res = await get('/console?lang=en', 'admin');
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('What to do next');
    expect(html).toContain('Performance office (admin)');
    expect(html).not.toContain('下一步');
    expect(res.headers.get('set-cookie')).toMatch(/jx_lang=en; Max-Age=31536000; Path=\//);
    // the switch link goes back to Chinese on the same page
    expect(html).toContain('href="/console?lang=zh"');
  });

  it('the jx_lang cookie keeps English; Chinese is the default', async () => {
    const { get } = setup();
    expect(await (await get('/console/sign-in', undefined, 'en')).text()).toContain('>Sign in</a>');
    const zh = await (await get('/console', 'admin')).text();
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('href="/console?lang=en"');
  });

  it('asks the API for English messages and shows them', async () => {
    const { post, fake } = setup({ groups: [group('SZBM', '市直部门')] });
    const res = await post('/console/units/new?lang=en', 'admin', {
      code: 'X',
      name: '',
      type: 'department',
      group: 'SZBM',
    });
    const html = await res.text();
    expect(fake.calls.at(-2)?.headers['accept-language']).toBe('en');
    expect(html).toContain('The request is invalid.');
    expect(html).toContain('name is required');
  });
});

describe('create unit form', () => {
  it('converts form fields to JSON, sends the form’s Idempotency-Key and redirects', async () => {
    const { get, post, fake } = setup({ groups: [group('SZBM', '市直部门')] });
    const form = await (await get('/console/units/new', 'admin')).text();
    const key = idemOf(form);
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    // active is checked by default
    expect(fieldHtml(form, 'active')).toContain('checked');
    const res = await post('/console/units/new', 'admin', {
      _idem: key!,
      code: 'FGW',
      name: ' 市发展和改革委员会 ',
      shortName: '',
      type: 'department',
      group: 'SZBM',
      uscc: '',
      divisionCode: '',
      active: 'true',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/units/FGW?ok=created');
    const call = fake.calls.find((c) => c.method === 'POST' && c.path === '/v1/units');
    expect(call?.body).toEqual({
      code: 'FGW',
      name: '市发展和改革委员会',
      type: 'department',
      group: 'SZBM',
      active: true,
    });
    expect(call?.headers['idempotency-key']).toBe(key);
    expect(call?.headers.authorization).toBe('Bearer admin');
    expect(call?.headers['content-type']).toBe('application/json');

    const detail = await (await get('/console/units/FGW?ok=created', 'admin')).text();
    expect(detail).toContain('role="status">已创建。');
  });

  it('an unchecked checkbox becomes false', async () => {
    const { post, fake } = setup({ groups: [group('SZBM', '市直部门')] });
    await post('/console/units/new', 'admin', {
      code: 'CZJ',
      name: '市财政局',
      type: 'department',
      group: 'SZBM',
    });
    const call = fake.calls.find((c) => c.method === 'POST' && c.path === '/v1/units');
    expect(call?.body).toMatchObject({ active: false });
  });

  it('a double submit with the same form key creates once', async () => {
    const { post, fake } = setup({ groups: [group('SZBM', '市直部门')] });
    const form = {
      _idem: 'key-12345678',
      code: 'FGW',
      name: '发改委',
      type: 'department',
      group: 'SZBM',
      active: 'true',
    };
    expect((await post('/console/units/new', 'admin', form)).status).toBe(303);
    expect((await post('/console/units/new', 'admin', form)).status).toBe(303);
    expect(fake.db.units).toHaveLength(1);
  });

  it('shows 422 field errors next to the right fields and keeps the user’s values', async () => {
    const { post } = setup({ groups: [group('SZBM', '市直部门'), group('QX', '区县政府')] });
    const res = await post('/console/units/new', 'admin', {
      _idem: 'key-abcdefgh',
      code: 'FGW',
      name: '市发展和改革委员会',
      type: '',
      group: 'QX',
      uscc: '123',
      active: 'true',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/<div class="alert" role="alert"><strong>请求数据有误。<\/strong>/);
    const uscc = fieldHtml(html, 'uscc');
    expect(uscc).toContain('aria-invalid="true"');
    expect(uscc).toContain('value="123"');
    expect(uscc).toContain('<p class="error" id="f-uscc-error">统一社会信用代码须为 18 位</p>');
    expect(uscc).toMatch(/aria-describedby="f-uscc-hint f-uscc-error"/);
    expect(fieldHtml(html, 'type')).toContain('请选择单位类型');
    // fields without errors are not marked invalid, and keep their values
    const name = fieldHtml(html, 'name');
    expect(name).not.toContain('aria-invalid');
    expect(name).toContain('value="市发展和改革委员会"');
    expect(fieldHtml(html, 'group')).toContain('<option value="QX" selected="">区县政府</option>');
    expect(fieldHtml(html, 'active')).toContain('checked');
    // the same key is kept so a corrected retry still cannot create twice
    expect(idemOf(html)).toBe('key-abcdefgh');
  });
});

describe('edit forms and conflicts', () => {
  it('a version conflict shows the message and a reload link', async () => {
    const { get, post } = setup({ groups: [group('SZBM', '市直部门', { version: 3 })] });
    const page = await (await get('/console/unit-groups/SZBM', 'admin')).text();
    expect(page).toContain('<input type="hidden" name="version" value="3"');
    const res = await post('/console/unit-groups/SZBM', 'admin', {
      version: '2',
      name: '市直单位',
      sortOrder: '10',
    });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('数据已被他人修改，请刷新后重试。');
    expect(html).toContain('<a href="/console/unit-groups/SZBM">重新加载最新数据</a>');
    expect(html).toContain('value="市直单位"');
  });

  it('a successful edit sends numbers and redirects with a flash', async () => {
    const { post, fake } = setup({ groups: [group('SZBM', '市直部门')] });
    const res = await post('/console/unit-groups/SZBM', 'admin', {
      version: '1',
      name: '市直部门',
      description: '',
      sortOrder: '10',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/unit-groups/SZBM?ok=updated');
    // An emptied optional field is sent as null, which clears it.
    expect(fake.calls.at(-1)?.body).toEqual({
      version: 1,
      name: '市直部门',
      description: null,
      sortOrder: 10,
    });
  });

  it('deleting a group still in use shows the API’s reason', async () => {
    const { post, fake } = setup({ groups: [group('SZBM', '市直部门')], units: [unit('FGW', '发改委')] });
    const res = await post('/console/unit-groups/SZBM/delete', 'admin', { version: '1' });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('该分组下仍有单位，不能删除。');
    expect(fake.calls.some((c) => c.method === 'DELETE' && c.path === '/v1/unit-groups/SZBM?version=1')).toBe(
      true,
    );
  });

  it('deletes an empty group', async () => {
    const { post, fake } = setup({ groups: [group('SZBM', '市直部门')] });
    const res = await post('/console/unit-groups/SZBM/delete', 'admin', { version: '1' });
    expect(res.headers.get('location')).toBe('/console/unit-groups?ok=deleted');
    expect(fake.db.groups).toHaveLength(0);
  });

  it('creates a user with roles as an array and an optional unit', async () => {
    const { post, fake } = setup({ units: [unit('FGW', '发改委')] });
    const res = await post('/console/users/new', 'admin', {
      _idem: 'key-user-0001',
      name: '王五',
      email: '',
      phone: '13800000000',
      roles: ['unit_user', 'data_provider'],
      unit: 'FGW',
      active: 'true',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/users/usr-1?ok=created');
    expect(fake.calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: '王五',
      phone: '13800000000',
      roles: ['unit_user', 'data_provider'],
      unit: 'FGW',
      active: true,
    });
  });

  it('a user without roles gets the roles error on the role fieldset', async () => {
    const { post } = setup();
    const res = await post('/console/users/new', 'admin', { name: '王五', active: 'true' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/<fieldset class="field" id="f-roles" aria-invalid="true"/);
    expect(html).toContain('<p class="error" id="f-roles-error">至少分配一个角色</p>');
    expect(fieldHtml(html, 'name')).toContain('value="王五"');
  });

  it('the user edit form checks the user’s roles', async () => {
    const { get } = setup({
      units: [unit('FGW', '发改委')],
      users: [
        {
          id: 'usr-9',
          name: '赵六',
          roles: ['expert'],
          active: true,
          version: 1,
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
        },
      ],
    });
    const html = await (await get('/console/users/usr-9', 'admin')).text();
    expect(html).toContain('<input type="checkbox" name="roles" value="expert" checked=""/>');
    expect(html).toContain('<input type="checkbox" name="roles" value="unit_user"/>');
    expect(html).toContain('<option value="FGW">发改委（FGW）</option>');
  });

  it('operator creates a tenant; a bad division code is shown on the code field', async () => {
    const { post, fake } = setup();
    const bad = await post('/console/tenants/new', 'op', {
      _idem: 'key-tenant-1',
      code: '2301',
      planStatus: 'trial',
    });
    expect(bad.status).toBe(422);
    expect(fieldHtml(await bad.text(), 'code')).toContain('行政区划代码须为 6 位数字');
    const ok = await post('/console/tenants/new', 'op', {
      _idem: 'key-tenant-2',
      code: '230200',
      name: '',
      planStatus: 'active',
      contactName: '刘',
      contactPhone: '',
    });
    expect(ok.headers.get('location')).toBe('/console/tenants/230200?ok=created');
    expect(fake.calls.at(-1)?.body).toEqual({ code: '230200', planStatus: 'active', contactName: '刘' });
  });

  it('the API decides: a refused page shows the API message with its status', async () => {
    const { get } = setup();
    const res = await get('/console/tenants', 'admin');
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('无权执行此操作。');
  });
});

describe('dates, numbers, paging', () => {
  it('shows API instants in Beijing time', async () => {
    const { get } = setup({ groups: [group('SZBM', '市直部门', { updatedAt: '2026-11-27T10:30:00Z' })] });
    expect(await (await get('/console/unit-groups', 'admin')).text()).toContain(
      '<td>2026年11月27日 18:30</td>',
    );
    expect(await (await get('/console/unit-groups?lang=en', 'admin')).text()).toContain(
      '<td>2026-11-27 18:30</td>',
    );
  });

  it('sort orders use zh-CN grouping', async () => {
    const { get } = setup({ groups: [group('SZBM', '市直部门', { sortOrder: 1234 })] });
    expect(await (await get('/console/unit-groups', 'admin')).text()).toContain('<td class="num">1,234</td>');
  });

  it('the next-page link carries the cursor and keeps the filter', async () => {
    const units = Array.from({ length: 25 }, (_, i) => unit(`U${String(i).padStart(2, '0')}`, `单位${i}`));
    const { get, fake } = setup({ groups: [group('SZBM', '市直部门')], units });
    const html = await (await get('/console/units?group=SZBM', 'admin')).text();
    expect(html).toContain('单位19');
    expect(html).not.toContain('单位20<');
    const next = /<a href="([^"]+)" rel="next">下一页<\/a>/.exec(html)?.[1];
    expect(next).toBeDefined();
    const url = new URL(next!.replaceAll('&amp;', '&'), HOST);
    expect(url.pathname).toBe('/console/units');
    expect(url.searchParams.get('group')).toBe('SZBM');
    const cursor = url.searchParams.get('cursor');
    expect(cursor).toBeTruthy();

    const page2 = await (await get(`${url.pathname}${url.search}`, 'admin')).text();
    expect(page2).toContain('单位24');
    expect(page2).not.toContain('单位19<');
    expect(page2).not.toContain('rel="next"');
    expect(page2).toContain('>第一页</a>');
    const apiCall = fake.calls.filter((c) => c.path.startsWith('/v1/units?')).at(-1);
    expect(new URL(apiCall!.path, HOST).searchParams.get('cursor')).toBe(cursor);
  });
});

describe('safety', () => {
  it('rejects a POST without Origin or Referer', async () => {
    const { post, fake } = setup({ groups: [group('SZBM', '市直部门')] });
    const res = await post('/console/unit-groups', 'admin', { code: 'X', name: 'x' }, {});
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('只接受来自本站页面的表单提交');
    expect(fake.calls).toHaveLength(0);
  });

  it('rejects a POST from another site', async () => {
    const { post, fake } = setup();
    const res = await post('/console/sign-out', 'admin', {}, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
    const viaReferer = await post(
      '/console/unit-groups',
      'admin',
      { code: 'X', name: 'x' },
      { referer: 'https://evil.example/console/unit-groups' },
    );
    expect(viaReferer.status).toBe(403);
    expect(fake.calls).toHaveLength(0);
  });

  it('accepts a same-site Referer when Origin is absent', async () => {
    const { post } = setup();
    const res = await post(
      '/console/unit-groups',
      'admin',
      { code: 'JC', name: '基层' },
      { referer: `${HOST}/console/unit-groups` },
    );
    expect(res.status).toBe(303);
  });

  it('escapes user-provided names', async () => {
    const { get } = setup({
      groups: [group('SZBM', '<script>alert(1)</script>', { description: '"><img src=x onerror=alert(2)>' })],
    });
    const html = await (await get('/console/unit-groups', 'admin')).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const edit = await (await get('/console/unit-groups/SZBM', 'admin')).text();
    expect(edit).not.toContain('<script>alert(1)');
    expect(edit).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('shows a friendly 404 inside the console', async () => {
    const { get } = setup();
    const res = await get('/console/no-such-page', 'admin');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('页面不存在');
    expect(html).toContain('<a href="/console">返回首页</a>');
  });

  it('a missing record shows the API’s not-found message', async () => {
    const { get } = setup();
    const res = await get('/console/units/NOPE', 'admin');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('单位不存在。');
  });
});
