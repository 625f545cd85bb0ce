import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleStack, type Session, startConsole } from './support';

let s: ConsoleStack;
let admin: Session;
beforeAll(async () => {
  s = await startConsole();
  admin = await s.as('230100', 'hrb-admin');
});
afterAll(() => s.stop());

const groupStatus = async (code: string) => (await admin.api('GET', `/v1/unit-groups/${code}`)).status;

describe('safety', () => {
  it('rejects a POST without Origin or Referer', async () => {
    const res = await admin.post('/console/unit-groups', { code: 'NOORIGIN', name: 'x' }, { headers: {} });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('只接受来自本站页面的表单提交');
    expect(await groupStatus('NOORIGIN')).toBe(404);
  });

  it('rejects a POST from another site', async () => {
    const res = await admin.post('/console/sign-out', {}, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
    const viaReferer = await admin.post(
      '/console/unit-groups',
      { code: 'EVIL', name: 'x' },
      { headers: { referer: 'https://evil.example/console/unit-groups' } },
    );
    expect(viaReferer.status).toBe(403);
    expect(await groupStatus('EVIL')).toBe(404);
    // still signed in
    expect((await admin.get('/console')).status).toBe(200);
  });

  it('accepts a same-site Referer when Origin is absent', async () => {
    const res = await admin.post(
      '/console/unit-groups',
      { code: 'JC', name: '基层' },
      { headers: { referer: `${s.url}/console/unit-groups` } },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/unit-groups?ok=created');
    expect((await admin.api('GET', '/v1/unit-groups/JC')).body).toMatchObject({ code: 'JC', name: '基层' });
  });

  it('escapes user-provided names', async () => {
    const created = await admin.api('POST', '/v1/unit-groups', {
      code: 'XSS',
      name: '<script>alert(1)</script>',
      description: '"><img src=x onerror=alert(2)>',
    });
    expect(created.status).toBe(201);
    const html = await (await admin.get('/console/unit-groups')).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const edit = await (await admin.get('/console/unit-groups/XSS')).text();
    expect(edit).not.toContain('<script>alert(1)');
    expect(edit).not.toContain('<img src=x');
    expect(edit).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('shows a friendly 404 inside the console', async () => {
    const res = await admin.get('/console/no-such-page');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('页面不存在');
    expect(html).toContain('<a href="/console">返回首页</a>');
  });

  it('a missing record shows the API’s not-found message', async () => {
    const res = await admin.get('/console/units/NOPE');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('未找到单位。');
  });
});
