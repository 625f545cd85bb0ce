import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * `npm start` shows 黑龙江省's cross-region comparison (#12): fourteen tenants whose 2024 and 2025
 * cycles were replayed through the API and the real year-end state machine, shared with the
 * province (the counties also with 哈尔滨市), compared in four peer groups. The stack is started as
 * `npm start` starts it (the 哈尔滨 demo year included, so 哈尔滨市 shares its 2024 special evaluation).
 */
let s: TestStack;
let analyst: string;
let provinceAdmin: string;
let harbin: string;

const GROUPS = ['ALL', 'CITY-DEV', 'CITY-ECO', 'COUNTY-AGRI', 'COUNTY-DEV'];
const METHODS = ['efficacy', 'zscore', 'percentile'];
const COUNTIES = ['230123', '230124', '230125', '230126', '230183', '230184'];

beforeAll(async () => {
  s = await startTestStack({ demoYear: true, demoProvince: true });
  analyst = await s.token('230000', 'hlj-analyst');
  provinceAdmin = await s.token('230000', 'hlj-admin');
  harbin = await s.token('230100', 'hrb-admin');
}, 600_000);
afterAll(() => s?.stop());

const get = async (path: string, token: string) => {
  const r = await s.call('GET', path, { token });
  expect(r.status, `${path}: ${r.text.slice(0, 300)}`).toBe(200);
  return r.body;
};

describe('the province demo', () => {
  it('gives the province at least twelve tenants’ shares in both years', async () => {
    expect((await get('/v1/shared-results/years', analyst)).years).toEqual(
      expect.arrayContaining([2024, 2025]),
    );
    for (const year of [2024, 2025]) {
      const page = await get(`/v1/shared-results?year=${year}&limit=100`, analyst);
      const tenants = new Set(page.items.map((r: { tenant: string }) => r.tenant));
      expect(tenants.size).toBeGreaterThanOrEqual(year === 2024 ? 15 : 14);
      for (const r of page.items) {
        expect(r.recipient).toBe('230000');
        expect(r.year).toBe(year);
      }
    }
  });

  it('ranks every group with level and 增幅 side by side, and a two-year trend', async () => {
    for (const group of GROUPS) {
      const c = await get(`/v1/comparisons?year=2025&group=${group}`, analyst);
      const ranked = c.rows.filter((r: { rank: number | null }) => r.rank !== null);
      expect(ranked.length, group).toBeGreaterThanOrEqual(2);
      expect(c.previousYear).toBe(2024);
      for (const r of ranked) {
        expect(r.composite).not.toBeNull();
        expect(r.improvement, `${group} ${r.tenant}`).not.toBeNull();
        expect(r.improvementRank).not.toBeNull();
      }
      expect(c.rows[0].rank).toBe(1);
      const t = await get(`/v1/comparisons/trend?group=${group}`, analyst);
      expect(t.years).toEqual([2024, 2025]);
      expect(t.series.length).toBeGreaterThanOrEqual(2);
    }
    const all = await get('/v1/comparisons?year=2025&group=ALL', analyst);
    expect(all.rows.length).toBeGreaterThanOrEqual(14);
    // 哈尔滨市 shared its 2024 special evaluation but has no released 2025 cycle: missing from its group.
    const dev = await get('/v1/comparisons?year=2025&group=CITY-DEV', analyst);
    expect(dev.missing.map((m: { tenant: string }) => m.tenant)).toEqual(['230100']);
    const dev24 = await get('/v1/comparisons?year=2024&group=CITY-DEV', analyst);
    expect(dev24.rows.map((r: { tenant: string }) => r.tenant)).toContain('230100');
  });

  it('gives the same ranks on the fast path as in exact decimals, for every group, method and year', async () => {
    const library = (await get('/v1/standards', provinceAdmin)).items as { code: string; weight: number }[];
    const groups = (await get('/v1/peer-groups', provinceAdmin)).items as {
      code: string;
      weights: Record<string, number>;
    }[];
    expect(groups.map((g) => g.code).sort()).toEqual(GROUPS.filter((g) => g !== 'ALL'));
    const weightsOf = (group: string) =>
      group === 'ALL'
        ? Object.fromEntries(library.map((l) => [l.code, l.weight]))
        : groups.find((g) => g.code === group)!.weights;
    let compared = 0;
    for (const year of [2024, 2025])
      for (const group of GROUPS)
        for (const method of METHODS) {
          const exact = await get(`/v1/comparisons?year=${year}&group=${group}&method=${method}`, analyst);
          const fast = await s.call('POST', '/v1/comparisons/what-if', {
            token: analyst,
            body: { year, group, method, weights: weightsOf(group) },
          });
          expect(fast.status, fast.text.slice(0, 300)).toBe(200);
          const rank = new Map(
            fast.body.rows.map((r: { tenant: string; rank: number | null }) => [r.tenant, r.rank]),
          );
          for (const row of exact.rows as { tenant: string; rank: number | null }[]) {
            expect(rank.get(row.tenant), `${year} ${group} ${method} ${row.tenant}`).toBe(row.rank);
            expect(fast.body.rows.find((r: { tenant: string }) => r.tenant === row.tenant).moved ?? 0).toBe(
              0,
            );
            compared++;
          }
        }
    expect(compared).toBeGreaterThan(100);
  });

  it('lets 哈尔滨市 see what its counties shared, and only that', async () => {
    const page = await get('/v1/shared-results?year=2025&limit=100', harbin);
    expect(page.items.map((r: { tenant: string }) => r.tenant).sort()).toEqual(COUNTIES);
    const c = await get('/v1/comparisons?year=2025', harbin);
    expect(c.recipient).toBe('230100');
    expect(c.rows.map((r: { tenant: string }) => r.tenant).sort()).toEqual(COUNTIES);
    const sent = await get('/v1/guidance/sent?limit=10', harbin);
    expect(sent.items.map((g: { reference: string }) => g.reference)).toContain('哈绩效办〔2025〕2号');
    const binxian = await s.token('230125', 'bx-admin');
    const inbox = await get('/v1/guidance/inbox?limit=10', binxian);
    expect(inbox.items.length).toBe(2);
    expect(inbox.items.every((g: { from: string }) => g.from === '230100')).toBe(true);
  });

  it('states a county’s coverage of its own points (S05 is mapped by nobody)', async () => {
    const r = await get('/v1/shared-results/2025/230124', analyst);
    expect(r.coverage.mappedLeaves).toBe(4);
    expect(r.coverage.mappedPoints).toBeGreaterThan(0);
    expect(r.coverage.mappedPoints).toBeLessThan(r.coverage.totalPoints);
    expect(r.indicators.map((i: { standard: string }) => i.standard).sort()).toEqual([
      'S01',
      'S02',
      'S03',
      'S04',
    ]);
    const c = await get('/v1/comparisons?year=2025&group=COUNTY-AGRI', analyst);
    const row = c.rows.find((x: { tenant: string }) => x.tenant === '230124');
    expect(row.coverage).toEqual(r.coverage);
    expect(row.weightCoverage).toBeGreaterThan(0);
    expect(row.weightCoverage).toBeLessThan(100);
  });

  it('converts 大庆市’s “三公”经费 from 元 into the standard’s 万元', async () => {
    const mapping = await get('/v1/standard-mappings/isdaqideptsyst', await s.token('230600', 'daqi-admin'));
    expect(mapping.items.find((i: { leaf: string }) => i.leaf === 'D1-2')).toMatchObject({
      standard: 'S02',
      factor: 0.0001,
    });
    const r = await get('/v1/shared-results/2025/230600', analyst);
    const s02 = r.indicators.find((i: { standard: string }) => i.standard === 'S02');
    // Its departments spent 442,000, 546,000 and 572,000 元: 52.0 万元 on average.
    expect(s02.value).toBeCloseTo(52, 6);
  });
});
