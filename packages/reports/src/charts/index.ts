/**
 * Charts rendered on the server by ECharts to SVG strings (no browser, no canvas), for the HTML
 * and PDF reports and the public portal alike. Light on purpose: ECharts only (no pdfkit), so a
 * portal page can import it. Each chart returns an accessible SVG (role="img", a Chinese
 * aria-label and <title>) whose ids start with the `id` given, so equal data gives equal bytes and
 * several charts can share a page.
 */
export { boxPlotChart, type FiveNumbers, type StripPoint } from './box-plot';
export { type BandCount, type GradeCount, gradeDistributionChart, scoreBandsChart } from './distribution';
export { groupTrendChart, type TrendSeries } from './group-trend';
export { cleanText, escapeText, type Interpolation, Markup, markup, trusted } from './markup';
export { type DimensionScore, dimensionRadarChart, scoreRate } from './radar';
export { type RankInterval, rankIntervalChart } from './rank-intervals';
export { type RankingBar, rankingChart } from './ranking';
export type { ChartFrame } from './render';
export { CHART_FONT_STACK, shortLabel } from './theme';
export { TILE_COLORS, type Tile, type TileBlock, tileClass, tileClasses, tileMapChart } from './tile-map';
export { type TrendYear, trendChart } from './trend';
