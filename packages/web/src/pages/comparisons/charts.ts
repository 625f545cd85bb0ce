import type { Comparison, SensitivityResult, Trend } from '@jixiao/core';

/**
 * The comparison's charts, drawn on the server by @jixiao/reports/charts (ECharts to SVG, words in
 * Chinese like every chart of the product), each with the same numbers in a table or list on the
 * page. The chart module is imported when a comparison page first draws one.
 */
const charts = () => import('@jixiao/reports/charts');

/** The code of a division's parent: a county's city (2301xx → 230100), a city's province. */
export const parentOf = (code: string): string =>
  code.endsWith('0000') ? code : code.endsWith('00') ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`;

/** One tile's facts, as the tile map and its text alternative show them. */
export interface TileFact {
  code: string;
  name: string;
  value: number | null;
  text?: string;
  rank?: number | null;
  note?: string;
}

/** The tiles in rows: the province's cities first, then each city's counties (by division code). */
export function tileBlocks(
  cmp: Comparison,
  names: ReadonlyMap<string, string>,
  words: { cities: string; notShared: string; unranked: string },
) {
  const tiles: (TileFact & { parent: string })[] = [
    ...cmp.rows.map((r) => ({
      code: r.tenant,
      name: r.name,
      parent: r.parent ?? parentOf(r.tenant),
      value: r.composite ? Number(r.composite.exact) : null,
      ...(r.composite ? { text: r.composite.shown } : { note: words.unranked }),
      rank: r.rank,
    })),
    ...cmp.missing.map((m) => ({
      code: m.tenant,
      name: m.name,
      parent: parentOf(m.tenant),
      value: null,
      note: words.notShared,
    })),
  ];
  const byParent = new Map<string, TileFact[]>();
  for (const { parent, ...tile } of tiles.sort((a, b) => a.code.localeCompare(b.code))) {
    byParent.set(parent, [...(byParent.get(parent) ?? []), tile]);
  }
  return [...byParent.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, list]) => ({
      code,
      name: code.endsWith('0000') ? words.cities : (names.get(code) ?? code),
      tiles: list,
    }));
}

export type TileBlocks = ReturnType<typeof tileBlocks>;

/** The comparison page's charts: a box plot per indicator, the trend twice, the tile map. */
export async function comparisonCharts(cmp: Comparison, trend: Trend | undefined, blocks: TileBlocks) {
  const c = await charts();
  const distribution = cmp.indicators.map((ind, i) =>
    c.boxPlotChart({
      id: `dist-${i}`,
      name: ind.name,
      unit: ind.unit,
      stats: ind.level,
      points: cmp.rows.flatMap((r) => {
        const v = r.cells.find((x) => x.standard === ind.code)?.value;
        return v === null || v === undefined ? [] : [{ name: r.name, value: v }];
      }),
    }),
  );
  const years = trend?.years ?? [];
  const series = (pick: (p: Trend['series'][number]['points'][number]) => number | null) =>
    (trend?.series ?? []).map((s) => ({
      name: s.name,
      values: years.map((y) => {
        const p = s.points.find((x) => x.year === y);
        return p ? pick(p) : null;
      }),
    }));
  return {
    distribution,
    trendComposite: c.groupTrendChart({
      id: 'trend-composite',
      title: `${cmp.group.name}历年综合指数`,
      measure: 'composite',
      years,
      series: series((p) => (p.composite === null ? null : Number(p.composite))),
    }),
    trendRank: c.groupTrendChart({
      id: 'trend-rank',
      title: `${cmp.group.name}历年名次`,
      measure: 'rank',
      years,
      series: series((p) => p.rank),
    }),
    tileMap: c.tileMapChart({
      id: 'tile-map',
      title: `${cmp.year} 年度${cmp.group.name}各地区综合指数瓦片图`,
      valueName: '综合指数',
      blocks,
    }),
  };
}
export type ComparisonCharts = Awaited<ReturnType<typeof comparisonCharts>>;

/** The sensitivity page's chart: each ranked tenant's interval of ranks. */
export async function sensitivityChart(r: SensitivityResult, groupName: string) {
  const c = await charts();
  const rows = r.rows.flatMap((x) =>
    x.rank !== null && x.minRank !== null && x.maxRank !== null && x.p5 !== null && x.p95 !== null
      ? [{ name: x.name, rank: x.rank, min: x.minRank, max: x.maxRank, p5: x.p5, p95: x.p95 }]
      : [],
  );
  return c.rankIntervalChart({
    id: 'rank-intervals',
    title: `${groupName}权重扰动（±${Math.round(r.band * 100)}%）下的名次区间`,
    members: r.rows.length,
    rows: rows.sort((a, b) => a.rank - b.rank),
  });
}
