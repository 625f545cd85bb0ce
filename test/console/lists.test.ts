import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingTime, type ConsoleStack, type Session, startConsole } from './support';

let s: ConsoleStack;
let admin: Session;
beforeAll(async () => {
  s = await startConsole();
  admin = await s.as('230100', 'hrb-admin');
});
afterAll(() => s.stop());

describe('dates, numbers, paging', () => {
  it('shows API instants in Beijing time', async () => {
    const created = await admin.api('POST', '/v1/unit-groups', { code: 'TIME', name: '时间分组' });
    expect(created.status).toBe(201);
    const { updatedAt } = created.body as { updatedAt: string };
    const zh = beijingTime(updatedAt, 'zh');
    const en = beijingTime(updatedAt, 'en');
    // (the two differ from the UTC wall clock by eight hours)
    expect(zh).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d$/);
    expect(await (await admin.get('/console/unit-groups')).text()).toContain(`<td>${zh}</td>`);
    expect(await (await admin.get('/console/unit-groups?lang=en')).text()).toContain(`<td>${en}</td>`);
    expect(await (await admin.get('/console/unit-groups/TIME')).text()).toContain(zh);
  });

  it('sort orders use zh-CN grouping', async () => {
    const created = await admin.api('POST', '/v1/unit-groups', {
      code: 'BIG',
      name: '排序分组',
      sortOrder: 1234,
    });
    expect(created.status).toBe(201);
    expect(await (await admin.get('/console/unit-groups')).text()).toContain('<td class="num">1,234</td>');
  });

  it('the next-page link carries the cursor and keeps the filter', async () => {
    expect((await admin.api('POST', '/v1/unit-groups', { code: 'PAGE', name: '分页分组' })).status).toBe(201);
    for (let i = 0; i < 25; i += 5) {
      await Promise.all(
        Array.from({ length: 5 }, (_, j) => i + j).map(async (n) => {
          const r = await admin.api('POST', '/v1/units', {
            code: `U${String(n).padStart(2, '0')}`,
            name: `单位${n}`,
            type: 'department',
            group: 'PAGE',
          });
          if (r.status !== 201) throw new Error(r.text);
        }),
      );
    }
    const html = await (await admin.get('/console/units?group=PAGE')).text();
    expect(html).toContain('单位0<');
    expect(html).toContain('单位19<');
    expect(html).not.toContain('单位20<');
    // only the filtered group
    expect(html).not.toContain('哈尔滨市发展和改革委员会');
    const next = /<a href="([^"]+)" rel="next">下一页<\/a>/.exec(html)?.[1];
    expect(next).toBeDefined();
    const url = new URL(next!.replaceAll('&amp;', '&'), s.url);
    expect(url.pathname).toBe('/console/units');
    expect(url.searchParams.get('group')).toBe('PAGE');
    const cursor = url.searchParams.get('cursor');
    expect(cursor).toBeTruthy();

    const page2 = await (await admin.get(`${url.pathname}${url.search}`)).text();
    for (const n of [20, 21, 22, 23, 24]) expect(page2).toContain(`单位${n}<`);
    expect(page2).not.toContain('单位19<');
    expect(page2).not.toContain('rel="next"');
    expect(page2).toContain('>第一页</a>');
    // The cursor went to the API as it came: it is the API's own next page of the same list.
    const api2 = await admin.api(
      'GET',
      `/v1/units?group=PAGE&limit=20&cursor=${encodeURIComponent(cursor!)}`,
    );
    expect(api2.status).toBe(200);
    expect((api2.body.items as { code: string }[]).map((u) => u.code)).toEqual([
      'U20',
      'U21',
      'U22',
      'U23',
      'U24',
    ]);
  });
});
