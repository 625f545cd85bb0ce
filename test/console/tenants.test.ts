import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleStack, fieldHtml, type Session, startConsole } from './support';

let s: ConsoleStack;
let ops: Session;
let admin: Session;
beforeAll(async () => {
  s = await startConsole();
  ops = await s.as(undefined, 'ops');
  admin = await s.as('230100', 'hrb-admin');
});
afterAll(() => s.stop());

describe('tenants (platform operator)', () => {
  it('operator creates a tenant; a bad division code is shown on the code field', async () => {
    const bad = await ops.post('/console/tenants/new', {
      _idem: 'key-tenant-1',
      code: '2301',
      planStatus: 'trial',
    });
    expect(bad.status).toBe(422);
    const code = fieldHtml(await bad.text(), 'code');
    expect(code).toContain('aria-invalid="true"');
    expect(code).toContain('行政区划代码须为 6 位数字');
    expect((await ops.api('GET', '/v1/platform/tenants/230200')).status).toBe(404);

    const ok = await ops.post('/console/tenants/new', {
      _idem: 'key-tenant-2',
      code: '230200',
      name: '',
      planStatus: 'active',
      contactName: '刘',
      contactPhone: '',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/console/tenants/230200?ok=created');
    // Stored with what was filled in; the name, level and province follow from the code.
    const {
      version: _v,
      createdAt: _c,
      updatedAt: _u,
      ...stored
    } = (await ops.api('GET', '/v1/platform/tenants/230200')).body;
    expect(stored).toEqual({
      code: '230200',
      name: '齐齐哈尔市',
      fullName: '黑龙江省齐齐哈尔市',
      level: 'city',
      provinceCode: '230000',
      planStatus: 'active',
      contactName: '刘',
    });
    const list = await (await ops.get('/console/tenants')).text();
    expect(list).toContain('黑龙江省齐齐哈尔市');
  });

  it('a code that is not a GB/T 2260 division is refused on the code field', async () => {
    const res = await ops.post('/console/tenants/new', { _idem: 'key-tenant-3', code: '239999' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('行政区划代码 239999 不在 GB/T 2260 代码表中。');
    expect(fieldHtml(html, 'code')).toContain('未知的行政区划代码');
  });

  it('the API decides: a refused page shows the API message with its status', async () => {
    const res = await admin.get('/console/tenants');
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('您的角色无权管理租户。');
  });
});
