import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleStack, type Session, startConsole } from './support';

let s: ConsoleStack;
let ops: Session;
let admin: Session;
let hlj: Session;
let analyst: Session;
let fgw: Session;
let expert: Session;
let observer: Session;

/** Onboards a tenant through the platform API. */
async function onboard(code: string, planStatus: string) {
  const r = await ops.api('POST', '/v1/platform/tenants', { code, planStatus });
  if (r.status !== 201) throw new Error(`onboarding ${code}: ${r.status} ${r.text}`);
}

beforeAll(async () => {
  s = await startConsole();
  ops = await s.as(undefined, 'ops');
  admin = await s.as('230100', 'hrb-admin');
  hlj = await s.as('230000', 'hlj-admin');
  analyst = await s.as('230000', 'hlj-analyst');
  fgw = await s.as('230100', 'hrb-fgw');
  expert = await s.as('230100', 'hrb-expert');
  observer = await s.as('230100', 'hrb-observer');
  // Demo: 黑龙江省 230000 (active), 哈尔滨市 230100 (active), 宾县 230125 (trial). Add three more
  // cities of 黑龙江 and one outside the province.
  await onboard('230200', 'trial');
  await onboard('230300', 'trial');
  await onboard('230400', 'ended');
  await onboard('110000', 'active');
});
afterAll(() => s.stop());

const statOf = (html: string, key: string) =>
  new RegExp(`data-stat="${key}">(?:<a [^>]*>)?([^<]*)<`).exec(html)?.[1];

describe('home per role', () => {
  it('operator: tenant counts by plan status and a link to tenants', async () => {
    const html = await (await ops.get('/console')).text();
    expect(html).toMatch(/data-stat="total">7</);
    expect(html).toMatch(/data-stat="trial">3</);
    expect(html).toMatch(/data-stat="active">3</);
    expect(html).toMatch(/data-stat="ended">1</);
    expect(html).toMatch(/data-stat="suspended">0</);
    expect(html).toContain('href="/console/tenants"');
    // operator nav has tenants but not the tenant admin's pages
    expect(html).toContain('>租户</a>');
    expect(html).not.toContain('href="/console/users"');
    expect(html).not.toContain('href="/console/unit-groups"');
  });

  it('operator home counts across several pages of tenants', async () => {
    const before = Number(statOf(await (await ops.get('/console')).text(), 'total'));
    // 130 more tenants: the counties of 河北省, onboarded through the API.
    const cities = await ops.api('GET', '/v1/divisions?parent=130000');
    const counties: string[] = [];
    for (const city of cities.body.items as { code: string }[]) {
      const r = await ops.api('GET', `/v1/divisions?parent=${city.code}`);
      counties.push(...(r.body.items as { code: string }[]).map((d) => d.code));
      if (counties.length >= 130) break;
    }
    const codes = counties.slice(0, 130);
    expect(codes).toHaveLength(130);
    for (let i = 0; i < codes.length; i += 10) {
      await Promise.all(codes.slice(i, i + 10).map((code) => onboard(code, 'trial')));
    }
    const html = await (await ops.get('/console')).text();
    // More than a page of 100: every page was followed, and the count is complete (no "+").
    expect(before + 130).toBeGreaterThan(100);
    expect(statOf(html, 'total')).toBe(String(before + 130));
  });

  it('tenant admin: tenant full name, counts with links, next steps', async () => {
    const res = await admin.get('/console/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<span class="tenant">黑龙江省哈尔滨市</span>');
    expect(html).toMatch(/王丽（市考核办）\s*<span class="roles">绩效管理机构（考核办）<\/span>/);
    // 哈尔滨市's demo organisation: five unit groups, 23 units, 8 users
    expect(html).toMatch(/data-stat="unitGroups"><a href="\/console\/unit-groups">5<\/a>/);
    expect(html).toMatch(/data-stat="units"><a href="\/console\/units">23<\/a>/);
    expect(html).toMatch(/data-stat="users"><a href="\/console\/users">8<\/a>/);
    // groups, units and users done; the indicator system still to do, with its link
    expect(html).toMatch(/<li data-done="true">.*?建立单位分组/);
    expect(html).toMatch(/<li data-done="true">.*?录入被考核单位/);
    expect(html).toMatch(/<li data-done="true">.*?为考核办/);
    expect(html).toMatch(/<li data-done="false">.*?<a href="\/console\/indicator-systems">构建评估指标体系/);
    // admin nav
    expect(html).toContain('href="/console/unit-groups"');
    expect(html).not.toContain('href="/console/tenants"');
  });

  it('tenant admin of a tenant without an organisation yet: the steps to do link to their forms', async () => {
    // 黑龙江省 (230000) has no unit groups or units; its users are hlj-admin and hlj-analyst. A
    // signed-in admin is always one of the tenant's users, so that step is always done.
    const html = await (await hlj.get('/console')).text();
    expect(html).toContain('<span class="tenant">黑龙江省</span>');
    expect(html).toMatch(/data-stat="unitGroups"><a href="\/console\/unit-groups">0<\/a>/);
    expect(html).toMatch(/data-stat="units"><a href="\/console\/units">0<\/a>/);
    expect(html).toMatch(/data-stat="users"><a href="\/console\/users">2<\/a>/);
    expect(html).toMatch(/<li data-done="false">.*?<a href="\/console\/unit-groups">建立单位分组/);
    expect(html).toMatch(/<li data-done="false">.*?<a href="\/console\/units\/new">录入被考核单位/);
    expect(html).toMatch(/<li data-done="true">.*?为考核办/);
  });

  it('unit user: their unit card', async () => {
    const unit = await fgw.api('GET', '/v1/units/FGW');
    expect(unit.body.uscc).toMatch(/^11230100MB\d{7}[0-9A-Z]$/);
    const html = await (await fgw.get('/console')).text();
    expect(html).toContain('所在单位');
    expect(html).toContain('<dd>哈尔滨市发展和改革委员会</dd>');
    expect(html).toContain('<dd>政府部门</dd>');
    expect(html).toContain(`<dd>${unit.body.uscc}</dd>`);
    expect(html).not.toContain('href="/console/units"');
  });

  it("unit user: the cycles under way link to the unit's workspace; a draft cycle does not show", async () => {
    const created = await admin.api('POST', '/v1/cycles', {
      name: '2037 年度首页测试周期',
      year: 2037,
      bindings: [{ system: 'ishrbdepartmnt', systemVersion: 1, groups: ['ECON'] }],
      calendar: {
        planDeadline: '2037-03-31',
        selfAssessment: { opens: '2038-01-05', closes: '2038-01-20' },
        verification: { opens: '2038-01-21', closes: '2038-02-10' },
        review: { opens: '2038-02-11', closes: '2038-02-28' },
        appeal: { opens: '2038-03-01', closes: '2038-03-10' },
      },
    });
    expect(created.status).toBe(201);
    const link = `/console/cycles/${created.body.id}/units/FGW`;
    expect(await (await fgw.get('/console')).text()).not.toContain(link);
    await admin.api('POST', `/v1/cycles/${created.body.id}/transitions`, {
      version: created.body.version,
      action: 'open_planning',
    });
    const html = await (await fgw.get('/console')).text();
    expect(html).toContain(`href="${link}"`);
    expect(html).toContain('绩效计划制定');
  });

  it('provincial analyst: the province tenants', async () => {
    const html = await (await analyst.get('/console')).text();
    expect(html).toContain('本省租户');
    expect(html).toContain('黑龙江省哈尔滨市');
    expect(html).toContain('黑龙江省齐齐哈尔市');
    expect(html).not.toContain('北京市');
  });

  it('expert: their review card; observer: a welcome card about their coming work', async () => {
    const expertHome = await (await expert.get('/console')).text();
    // No cycle is in verification or review here, so the card says what will come.
    expect(expertHome).toMatch(/id="expert-card"[\s\S]*我的评审[\s\S]*您将在此查看分配给您的被考核单位/);
    const observerHome = await (await observer.get('/console')).text();
    expect(observerHome).toContain('data-role="observer"');
    expect(observerHome).toContain('已公开的绩效结果');
    // Their nav offers what the API lets them do, and nothing of the platform's.
    for (const [href, api] of [
      ['/console/unit-groups', '/v1/unit-groups'],
      ['/console/units', '/v1/units'],
      ['/console/users', '/v1/users'],
      ['/console/indicator-systems', '/v1/indicator-systems'],
    ]) {
      for (const [who, home] of [
        [expert, expertHome],
        [observer, observerHome],
      ] as const) {
        const allowed = (await who.api('GET', api!)).status === 200;
        expect(home.includes(`href="${href}"`), `${href} ${allowed}`).toBe(allowed);
      }
    }
    expect(observerHome).not.toContain('href="/console/tenants"');
    expect(expertHome).not.toContain('href="/console/tenants"');
  });
});

describe('language', () => {
  it('?lang=en switches to English and remembers it in a cookie', async () => {
    const res = await admin.get('/console?lang=en');
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
    expect(await (await s.anonymous().get('/console/sign-in', { lang: 'en' })).text()).toContain(
      '>Sign in</a>',
    );
    const zh = await (await admin.get('/console')).text();
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('href="/console?lang=en"');
  });
});
