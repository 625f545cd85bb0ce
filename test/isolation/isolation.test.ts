import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppRoute,
  appRoutes,
  DEMO,
  ROUTE_FIXTURES,
  requestFor,
  resolveDemoIds,
} from '../support/routes';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Tenant isolation, route by route. Every route of the app (read from the app, so a new route is
 * covered or this suite fails) is called by three attackers with the victim's identifiers in the
 * path, body and cursor: they must see none of the victim's data and change none of it.
 */
let s: TestStack;
let routes: AppRoute[];
let victimToken: string;

const HARBIN_MARKERS = [
  '哈尔滨市 2026 年度市直部门绩效评估指标体系',
  '市发改委 2026 年度部门绩效评估指标体系（本单位编制稿）',
  '哈尔滨市 2026 年度区县（市）政府绩效评估指标体系',
  '哈尔滨市发展和改革委员会',
  '哈尔滨市统计局',
  '王丽（市考核办）',
  '李强（市发改委）',
  '发展改革、财政、工信',
  // The expert pool's names (the demo's experts; 赵教授 is the expert's own account).
  '钱研究员',
  '孙会计师',
];
const FGW_SYSTEM = '市发改委 2026 年度部门绩效评估指标体系（本单位编制稿）';
const FGW_MARKERS = ['哈尔滨市发展和改革委员会', '李强（市发改委）', FGW_SYSTEM];
/** The victim's indicator systems: the office's two and the one 市发改委 drafts for itself. */
const VICTIM_SYSTEMS = ['ishrbdepartmnt', 'ishrbdistrict2', 'ishrbfgwdrafts'];

async function snapshot(pks: string[]): Promise<string> {
  const parts: unknown[] = [];
  for (const pk of pks) {
    const r = await s.data.store.doc.query({
      TableName: s.data.store.tableName,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': pk },
      ConsistentRead: true,
    });
    parts.push(
      pk.startsWith('PLATFORM')
        ? r.Items?.filter((i) => i.sk === 'TENANT#230100')
        : // Systems: the victims' own, not what an attacker may legitimately create beside them.
          pk.endsWith('#INDSYS')
          ? r.Items?.filter((i) => VICTIM_SYSTEMS.some((id) => String(i.sk).startsWith(`SYS#${id}#`)))
          : r.Items,
    );
  }
  return JSON.stringify(parts);
}

interface Attacker {
  name: string;
  tenant: string | undefined;
  user: string;
  markers: string[];
  /** Victim records this attacker must not change. */
  victimPks: string[];
  /** Whether a victim's paging cursor must be refused (it must, across tenants). */
  crossTenant: boolean;
  /** Routes on which the attacker must be refused outright (403 or 404). */
  mustDeny: (route: AppRoute) => boolean;
}

const hasParam = (r: AppRoute) => r.path.includes(':');
const isApi = (r: AppRoute) => r.path.startsWith('/v1/');
/**
 * The public's routes (no sign-in) answer anyone; their fixtures name another tenant (宾县) with the
 * victim's ids, which must find nothing — and no route may show the victim's data under it.
 */
const isPublic = (r: AppRoute) => r.path.startsWith('/v1/public/');
/** The public's lists of a tenant (published plans, published results): answered for any tenant, 宾县's own here. */
const PUBLIC_LISTS = new Set(['GET /v1/public/:tenant/plans', 'GET /v1/public/:tenant/results']);
/** Reference data every signed-in role may read: GB/T 2260, templates, finance formulas. */
const isReference = (r: AppRoute) =>
  ['/v1/divisions', '/v1/indicator-templates', '/v1/finance'].some((p) => r.path.startsWith(p));

const ATTACKERS: Attacker[] = [
  {
    name: 'an admin of another tenant (宾县 bx-admin)',
    tenant: '230125',
    user: 'bx-admin',
    markers: HARBIN_MARKERS,
    victimPks: ['T#230100#ORG', 'T#230100#INDSYS', 'PLATFORM#TENANTS'],
    crossTenant: true,
    mustDeny: (r) => isApi(r) && hasParam(r) && !isReference(r) && !PUBLIC_LISTS.has(r.key),
  },
  {
    name: 'a unit user of another unit (市教育局 hrb-jyj)',
    tenant: '230100',
    user: 'hrb-jyj',
    markers: FGW_MARKERS,
    victimPks: ['T#230100#ORG', 'T#230100#INDSYS'],
    crossTenant: false,
    // A unit may create (and then change) its own unit's system; nothing of 市发改委's or the office's.
    mustDeny: (r) =>
      isApi(r) &&
      !isReference(r) &&
      r.key !== 'POST /v1/indicator-systems' &&
      (r.path.startsWith('/v1/units/') ||
        r.path.startsWith('/v1/users/') ||
        r.method !== 'GET' ||
        // 市发改委's records of the year (its plan, progress, self-assessment, comments) and the office's
        // views; another unit's report file and the publication too.
        (r.path.startsWith('/v1/cycles/') &&
          (r.path.includes(':unit') || /overview|burden|exports|reports\/:kind|publication/.test(r.path))) ||
        r.path.startsWith('/v1/audit') ||
        (isPublic(r) && !PUBLIC_LISTS.has(r.key))),
  },
  {
    name: 'the platform operator (ops), who must never read tenant data',
    tenant: undefined,
    user: 'ops',
    markers: HARBIN_MARKERS,
    victimPks: ['T#230100#ORG'],
    crossTenant: true,
    mustDeny: (r) =>
      isApi(r) &&
      !r.path.startsWith('/v1/platform') &&
      !isReference(r) &&
      r.path !== '/v1/me' &&
      !PUBLIC_LISTS.has(r.key),
  },
];

/** A cursor the victim obtained for each list route, for the attacker to replay. */
const victimCursors = new Map<string, string>();

/** The victim's records of the demo year (their partitions are named by the cycle's id). */
const victimYearPks = () => [
  'T#230100#CYCLES',
  ...new Set([DEMO.cycle, DEMO.appealCycle, DEMO.rectCycle, DEMO.useCycle].map((c) => `T#230100#CYCLE#${c}`)),
  'T#230100#LTP',
  'T#230100#CONSULT',
  'T#230100#AUDIT',
  'T#230100#EXPERTS',
  'T#230100#STORAGE',
];

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  routes = appRoutes(s.app);
  victimToken = await s.token('230100', 'hrb-admin');
  await resolveDemoIds(async (path) => (await s.call('GET', path, { token: victimToken })).body);
  for (const a of ATTACKERS) a.victimPks.push(...victimYearPks());
  for (const r of routes) {
    if (r.method !== 'GET' || !isApi(r) || isPublic(r)) continue;
    const res = await s.fetch(requestFor(s.url, r, ROUTE_FIXTURES[r.key] ?? {}, victimToken, 'limit=1'));
    const body = (await res.json().catch(() => ({}))) as { nextCursor?: string };
    if (body.nextCursor) victimCursors.set(r.key, body.nextCursor);
  }
}, 240_000);
afterAll(() => s.stop());

describe('tenant isolation across every route', () => {
  it('has a fixture for every route of the app, and no fixture for a route that is gone', () => {
    const keys = routes.map((r) => r.key);
    expect(keys.filter((k) => !(k in ROUTE_FIXTURES))).toEqual([]);
    expect(Object.keys(ROUTE_FIXTURES).filter((k) => !keys.includes(k))).toEqual([]);
    expect(victimCursors.size).toBeGreaterThanOrEqual(3);
    console.info(
      `isolation: ${routes.length} routes × ${ATTACKERS.length} attackers, ${victimCursors.size} victim cursors replayed`,
    );
  });

  for (const attacker of ATTACKERS) {
    it(`${attacker.name} reads nothing and changes nothing`, async () => {
      const token = await s.token(attacker.tenant, attacker.user);
      const before = await snapshot(attacker.victimPks);
      const failures: string[] = [];
      let calls = 0;
      for (const route of routes) {
        const fixture = ROUTE_FIXTURES[route.key]!;
        const variants: (string | undefined)[] = [undefined];
        const cursor = victimCursors.get(route.key);
        if (cursor) variants.push(`cursor=${encodeURIComponent(cursor)}`);
        const consoleTwin = victimCursors.get(route.key.replace(' /console/', ' /v1/'));
        if (route.path.startsWith('/console/') && consoleTwin)
          variants.push(`cursor=${encodeURIComponent(consoleTwin)}`);
        for (const q of variants) {
          calls++;
          const res = await s.fetch(requestFor(s.url, route, fixture, token, q));
          const text = await res.text();
          const where = `${route.key}${q ? ' (victim cursor)' : ''} → ${res.status}`;
          if (res.status >= 500) failures.push(`${where}: server error`);
          const leaked = attacker.markers.filter((m) => text.includes(m));
          if (leaked.length) failures.push(`${where}: leaked ${leaked.join(', ')}`);
          if (attacker.mustDeny(route) && ![403, 404].includes(res.status))
            failures.push(`${where}: expected 403/404`);
          if (q && attacker.crossTenant && isApi(route) && res.status === 200)
            failures.push(`${where}: victim cursor accepted`);
        }
      }
      expect(failures).toEqual([]);
      expect(calls).toBeGreaterThanOrEqual(routes.length);
      expect(await snapshot(attacker.victimPks)).toBe(before);
    });
  }
});
