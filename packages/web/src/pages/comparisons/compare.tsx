import { CONTRACTS } from '@jixiao/api/contracts';
import { type Comparison, mapLimit, type PeerGroup, type Trend } from '@jixiao/core';
import { problemPage } from '../../components/message-page';
import { type Ctx, useView } from '../../context';
import { t } from '../../i18n';
import { CellsTable } from './cells';
import { type ComparisonCharts, comparisonCharts, parentOf, type TileBlocks, tileBlocks } from './charts';
import { Distribution, TrendSection } from './figures';
import { MethodCard } from './method';
import { CMP, type Selection, selectionOf, selectionQuery } from './paths';
import { Missing, RankingTable } from './ranking';
import { COMPARISONS, PEER_GROUPS } from './routes';
import { Selectors } from './selectors';
import { sharedYears } from './shared';
import { ComparisonTabs } from './tabs';
import { TileMapSection } from './tile-map';

/**
 * 比较分析 (`/console/comparisons?year&group&method`): the year, group and method chosen; the
 * method stated; the ranking with grades and 增幅; the members that did not share; every
 * indicator's cells; the distribution per indicator; the trend over years; the tile map; and the
 * Excel export. Everything comes from the API's comparison and trend of the caller's own recipient.
 */

interface View {
  years: number[];
  groups: PeerGroup[];
  sel: Selection;
  cmp: Comparison;
  trend: Trend | undefined;
  charts: ComparisonCharts;
  blocks: TileBlocks;
}

export const queryOf = (sel: Selection) =>
  new URLSearchParams(
    Object.entries(selectionQuery(sel)).filter((e): e is [string, string] => !!e[1]),
  ).toString();

function ComparisonPage(props: View) {
  const { lang } = useView();
  return (
    <>
      <h1>{t(lang, 'cmTitle')}</h1>
      <ComparisonTabs current="compare" query={queryOf(props.sel)} />
      <p class="hint">{t(lang, 'cmIntro')}</p>
      <Selectors action={CMP} years={props.years} groups={props.groups} sel={props.sel} />
      <MethodCard cmp={props.cmp} sel={props.sel} />
      <section aria-labelledby="h-ranking">
        <h2 id="h-ranking">{t(lang, 'cmRanking')}</h2>
        <RankingTable cmp={props.cmp} />
      </section>
      <Missing cmp={props.cmp} />
      <CellsTable cmp={props.cmp} />
      <Distribution cmp={props.cmp} charts={props.charts} />
      <TrendSection trend={props.trend} charts={props.charts} />
      <TileMapSection svg={props.charts.tileMap} blocks={props.blocks} />
    </>
  );
}

/** The page when no region has shared anything yet: the tabs, and what to expect. */
export function NothingShared(props: { current: 'compare' | 'whatIf' | 'sensitivity'; title: string }) {
  const { lang } = useView();
  return (
    <>
      <h1>{props.title}</h1>
      <ComparisonTabs current={props.current} />
      <p class="card" id="comparison-empty">
        {t(lang, 'cmNoYears')}
      </p>
    </>
  );
}

/** The names of the cities heading the tile map's rows: the members', the caller's, else the registry's. */
async function parentNames(c: Ctx, cmp: Comparison): Promise<Map<string, string>> {
  const names = new Map<string, string>([
    ...cmp.rows.map((r) => [r.tenant, r.name] as [string, string]),
    ...cmp.missing.map((m) => [m.tenant, m.name] as [string, string]),
  ]);
  const me = c.get('me');
  if (me.tenant) names.set(me.tenant.code, me.tenant.name);
  const parents = new Set([
    ...cmp.rows.map((r) => r.parent ?? parentOf(r.tenant)),
    ...cmp.missing.map((m) => parentOf(m.tenant)),
  ]);
  const unknown = [...parents].filter((p) => !names.has(p) && !p.endsWith('0000'));
  const found = await mapLimit(unknown, 4, (code) =>
    c.get('api').call(CONTRACTS.divisions.get, { params: { code } }),
  );
  found.forEach((r, i) => {
    if (r.ok) names.set(unknown[i]!, r.data.name);
  });
  return names;
}

/** The years, the groups and the selection of a comparison page (shared by what-if and sensitivity). */
export async function loadSelection(c: Ctx) {
  const years = await sharedYears(c);
  if (!years.ok) return { problem: years.problem } as const;
  const sel = selectionOf((n) => c.req.query(n), years.years);
  const groups = await c.get('api').call(PEER_GROUPS.list, {});
  if (!groups.ok) return { problem: groups.problem } as const;
  return { years: years.years, groups: groups.data.items, sel } as const;
}

/** `GET /console/comparisons?year&group&method`. */
export async function comparisonPage(c: Ctx) {
  const lang = c.get('lang');
  const loaded = await loadSelection(c);
  if ('problem' in loaded) return problemPage(c, loaded.problem!);
  const { sel } = loaded;
  if (!sel)
    return c.render(<NothingShared current="compare" title={t(lang, 'cmTitle')} />, {
      title: t(lang, 'cmTitle'),
    });
  const api = c.get('api');
  const [cmp, trend] = await Promise.all([
    api.call(COMPARISONS.get, { query: { year: sel.year, group: sel.group, method: sel.method } }),
    api.call(COMPARISONS.trend, { query: { group: sel.group, method: sel.method } }),
  ]);
  if (!cmp.ok) return problemPage(c, cmp.problem);
  const names = await parentNames(c, cmp.data);
  const zhWords = { cities: '地级市', notShared: '未共享', unranked: '未排名' };
  const words = {
    cities: t(lang, 'cmMapCities'),
    notShared: t(lang, 'cmNotShared'),
    unranked: t(lang, 'cmUnranked'),
  };
  const trendData = trend.ok ? trend.data : undefined;
  const charts = await comparisonCharts(cmp.data, trendData, tileBlocks(cmp.data, names, zhWords));
  return c.render(
    <ComparisonPage
      years={loaded.years}
      groups={loaded.groups}
      sel={sel}
      cmp={cmp.data}
      trend={trendData}
      charts={charts}
      blocks={tileBlocks(cmp.data, names, words)}
    />,
    { title: t(lang, 'cmTitle'), wide: true },
  );
}
