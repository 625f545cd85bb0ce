import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROVINCE_MARKERS,
  resolveProvinceIds,
  seedProvinceVictims,
} from '../support/fixtures/province-routes';
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
 * covered or this suite fails) is called by each attacker with the victim's identifiers in the
 * path, body and cursor: they must see none of the victim's data and change none of it. Since #12
 * the victims include 哈尔滨市's shares, mapping and guidance and 黑龙江省's library and peer groups,
 * and the attackers include provinces: another province (吉林省), and the victim's own province,
 * which may read what 哈尔滨市 shared with it but nothing of 哈尔滨市's own records.
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

/** What 哈尔滨市 keeps for cross-region comparison, and what 黑龙江省 holds (#12). */
const HARBIN_SHARING_PKS = ['T#230100#SHARES', 'T#230100#STDMAP', 'T#230100#GUIDE', 'T#230124#INBOX'];
const PROVINCE_PKS = ['P#230000#STD', 'P#230000#PEER', 'P#230000#SHARED'];
const ALL_PROVINCE_MARKERS = Object.values(PROVINCE_MARKERS);
/**
 * What 哈尔滨市 shares names who shared it (its office's admin, 王丽), as a signed act; the rest of
 * 哈尔滨市's data (its systems, units, staff, experts) never reaches its province.
 */
const SIGNED_BY = '王丽（市考核办）';
const NOT_SHARED_MARKERS = HARBIN_MARKERS.filter((m) => m !== SIGNED_BY);
/** A province office may keep its own library and peer groups: creating one of its own is allowed. */
const OWN_PROVINCE_WRITES = new Set(['PUT /v1/standards/:code', 'PUT /v1/peer-groups/:code']);
/** What the victim's province may read of it: the copy 哈尔滨市 shared, and comparisons of the copies. */
const SHARED_WITH_PROVINCE = new Set(['GET /v1/shared-results/:year/:tenant']);

const ATTACKERS: Attacker[] = [
  {
    name: 'an admin of another tenant (宾县 bx-admin)',
    tenant: '230125',
    user: 'bx-admin',
    // 宾县 reads its province's library (to map its leaves), never 哈尔滨市's shares, guidance to others, groups.
    markers: [
      ...HARBIN_MARKERS,
      PROVINCE_MARKERS.shareNote,
      PROVINCE_MARKERS.guidance,
      PROVINCE_MARKERS.group,
    ],
    victimPks: [
      'T#230100#ORG',
      'T#230100#INDSYS',
      'PLATFORM#TENANTS',
      ...HARBIN_SHARING_PKS,
      ...PROVINCE_PKS,
    ],
    crossTenant: true,
    mustDeny: (r) => isApi(r) && hasParam(r) && !isReference(r) && !PUBLIC_LISTS.has(r.key),
  },
  {
    name: 'a unit user of another unit (市教育局 hrb-jyj)',
    tenant: '230100',
    user: 'hrb-jyj',
    markers: FGW_MARKERS,
    victimPks: ['T#230100#ORG', 'T#230100#INDSYS', ...HARBIN_SHARING_PKS],
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
    markers: [...HARBIN_MARKERS, ...ALL_PROVINCE_MARKERS],
    victimPks: ['T#230100#ORG', ...HARBIN_SHARING_PKS, ...PROVINCE_PKS],
    crossTenant: true,
    mustDeny: (r) =>
      isApi(r) &&
      !r.path.startsWith('/v1/platform') &&
      !isReference(r) &&
      r.path !== '/v1/me' &&
      !PUBLIC_LISTS.has(r.key),
  },
  ...(['jl-admin', 'jl-analyst'] as const).map(
    (user): Attacker => ({
      name: `another province (吉林省 ${user}), which must see nothing of 黑龙江省 or its tenants`,
      tenant: '220000',
      user,
      markers: [...HARBIN_MARKERS, ...ALL_PROVINCE_MARKERS],
      victimPks: ['T#230100#ORG', 'T#230100#INDSYS', ...HARBIN_SHARING_PKS, ...PROVINCE_PKS],
      crossTenant: true,
      mustDeny: (r) =>
        isApi(r) &&
        hasParam(r) &&
        !isReference(r) &&
        !PUBLIC_LISTS.has(r.key) &&
        !OWN_PROVINCE_WRITES.has(r.key),
    }),
  ),
  {
    name: "哈尔滨市's own province (黑龙江省 hlj-analyst): its shared copy, never its own records",
    tenant: '230000',
    user: 'hlj-analyst',
    markers: NOT_SHARED_MARKERS,
    victimPks: ['T#230100#ORG', 'T#230100#INDSYS', ...HARBIN_SHARING_PKS],
    crossTenant: true,
    mustDeny: (r) =>
      isApi(r) &&
      hasParam(r) &&
      !isReference(r) &&
      !PUBLIC_LISTS.has(r.key) &&
      !SHARED_WITH_PROVINCE.has(r.key),
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
  const get = async (path: string) => (await s.call('GET', path, { token: victimToken })).body;
  await resolveDemoIds(get);
  await seedProvinceVictims(s, DEMO);
  await resolveProvinceIds(get, DEMO);
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

  it('binds a province’s paging cursor to it: no other office can replay it', async () => {
    const analyst = await s.token('230000', 'hlj-analyst');
    const page = await s.call('GET', '/v1/shared-results?limit=1', { token: analyst });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.nextCursor).toBeTruthy();
    const q = `limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`;
    expect((await s.call('GET', `/v1/shared-results?${q}`, { token: analyst })).status).toBe(200);
    for (const [tenant, user] of [
      ['220000', 'jl-analyst'],
      ['220000', 'jl-admin'],
      ['230100', 'hrb-admin'],
    ] as const) {
      const r = await s.call('GET', `/v1/shared-results?${q}`, { token: await s.token(tenant, user) });
      expect(r.status, `${user}: ${r.text.slice(0, 200)}`).toBe(400);
    }
    const county = await s.call('GET', `/v1/shared-results?${q}`, {
      token: await s.token('230125', 'bx-admin'),
    });
    expect(county.status).toBe(403);
  });

  it('shows a province what was shared with it, and nothing once it is withdrawn', async () => {
    const analyst = await s.token('230000', 'hlj-analyst');
    const path = `/v1/shared-results/${DEMO.pubYear}/230100`;
    const seen = await s.call('GET', path, { token: analyst });
    expect(seen.status).toBe(200);
    expect(seen.text).toContain(PROVINCE_MARKERS.shareNote);
    for (const m of NOT_SHARED_MARKERS) expect(seen.text).not.toContain(m);
    expect(seen.body.shared.name).toBe(SIGNED_BY);
    // A cycle 哈尔滨市 never shared (the 2025 one) is not there.
    const cycles = (await s.call('GET', '/v1/cycles', { token: victimToken })).body.items;
    const unshared = cycles.find((c: { id: string }) => c.id === DEMO.cycle);
    if (unshared.year !== Number(DEMO.pubYear))
      expect(
        (await s.call('GET', `/v1/shared-results/${unshared.year}/230100`, { token: analyst })).status,
      ).toBe(404);
    // Withdrawn (and shared again, so the suite's other tests see the victim's share as before).
    const share = `/v1/cycles/${DEMO.pubCycle}/shares`;
    const rec = (await s.call('GET', share, { token: victimToken })).body.items[0];
    const w = await s.call('POST', `${share}/230000/withdraw`, {
      token: victimToken,
      body: { version: rec.version, reason: '隔离测试撤回' },
    });
    expect(w.status, w.text).toBe(200);
    expect((await s.call('GET', path, { token: analyst })).status).toBe(404);
    const again = await s.call('POST', share, {
      token: victimToken,
      body: { to: 'province', note: PROVINCE_MARKERS.shareNote },
    });
    expect(again.status, again.text).toBe(201);
    expect((await s.call('GET', path, { token: analyst })).status).toBe(200);
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
