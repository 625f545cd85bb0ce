import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expertsFixtures } from '../support/fixtures/experts';
import { type AppRoute, appRoutes, DEMO, requestFor, resolveDemoIds } from '../support/routes';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The tenant-isolation suite's rules applied to the expert review's routes alone (API and console),
 * so this area is proven on its own: three attackers with the victim's (哈尔滨市) expert and
 * assignment ids read none of its experts or scores and change nothing of its pool or cycle.
 */
let s: TestStack;
let routes: AppRoute[];
const MARKERS = [
  '赵教授',
  '钱研究员',
  '孙会计师',
  '哈尔滨工业大学经济与管理学院',
  '哈尔滨市发展和改革委员会',
];

async function snapshot(): Promise<string> {
  const parts: unknown[] = [];
  for (const pk of ['T#230100#EXPERTS', `T#230100#CYCLE#${DEMO.cycle}`]) {
    const r = await s.data.store.doc.query({
      TableName: s.data.store.tableName,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': pk },
      ConsistentRead: true,
    });
    parts.push(r.Items);
  }
  return JSON.stringify(parts);
}

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  const victim = await s.token('230100', 'hrb-admin');
  await resolveDemoIds(async (path) => (await s.call('GET', path, { token: victim })).body);
  routes = appRoutes(s.app).filter((r) => r.key in expertsFixtures);
}, 180_000);
afterAll(() => s?.stop());

const ATTACKERS = [
  { name: 'an admin of another tenant', tenant: '230125', user: 'bx-admin' },
  { name: 'a unit user (市教育局)', tenant: '230100', user: 'hrb-jyj' },
  { name: 'a unit user of the unit scored (市发改委)', tenant: '230100', user: 'hrb-fgw' },
  { name: 'the platform operator', tenant: undefined, user: 'ops' },
];

describe('the expert review’s routes keep tenants and roles apart', () => {
  it('has a fixture for each of its routes, all served', () => {
    expect(routes.length).toBe(Object.keys(expertsFixtures).length);
  });

  for (const a of ATTACKERS)
    it(`${a.name} reads nothing and changes nothing`, async () => {
      const token = await s.token(a.tenant, a.user);
      const before = await snapshot();
      const failures: string[] = [];
      for (const route of routes) {
        const res = await s.fetch(requestFor(s.url, route, expertsFixtures[route.key]!, token));
        const text = await res.text();
        const where = `${route.key} → ${res.status}`;
        if (res.status >= 500) failures.push(`${where}: server error`);
        const leaked = MARKERS.filter((m) => text.includes(m));
        if (leaked.length) failures.push(`${where}: leaked ${leaked.join(', ')}`);
        // API routes naming the victim's records are refused; the pool list shows only the own tenant's.
        if (route.path.startsWith('/v1/') && route.path.includes(':') && ![403, 404].includes(res.status))
          failures.push(`${where}: expected 403/404`);
      }
      expect(failures).toEqual([]);
      expect(await snapshot()).toBe(before);
    });
});
