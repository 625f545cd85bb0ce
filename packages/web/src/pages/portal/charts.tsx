import type { PublicCycleResults, UnitReport } from '@jixiao/core';
import { raw } from 'hono/html';

/**
 * The portal's charts, drawn on the server by @jixiao/reports/charts (ECharts to SVG; the same
 * charts as the reports, so their words are Chinese like the reports'), inlined as
 * <svg role="img" aria-label> with a caption in the page's language. Each chart's numbers are also
 * on the page in words (a list or the tables), so nothing is said by the picture alone.
 * The chart module (and ECharts with it) is imported when a portal page first draws one, so no
 * other console page pays for loading it.
 */

const charts = () => import('@jixiao/reports/charts');

/** Drawn at a phone's size (they scale down to fit, and up to two side by side on a wide screen). */
const SIZE = { width: 480, height: 300 };

/** A published cycle's charts: units per grade, totals by score band. */
export async function cycleCharts(v: Pick<PublicCycleResults, 'grades' | 'bands'>) {
  const c = await charts();
  return {
    grades: c.gradeDistributionChart({
      ...SIZE,
      id: 'grades',
      grades: v.grades.map((g) => ({ label: g.label.zh, count: g.count })),
    }),
    bands: c.scoreBandsChart({
      id: 'bands',
      bands: v.bands.map((b) => ({ label: b.label, count: b.count })),
    }),
  };
}
export type CycleCharts = Awaited<ReturnType<typeof cycleCharts>>;

/** A unit's charts: its dimensions against its group's; its totals over the years where there are earlier ones. */
export async function unitCharts(r: UnitReport) {
  const c = await charts();
  return {
    radar: c.dimensionRadarChart({
      width: 480,
      height: 360,
      id: 'radar',
      unitName: r.unit.name,
      dimensions: r.dimensions.map((d) => ({
        name: d.name,
        points: d.points,
        max: d.max,
        groupMean: d.groupMean,
      })),
    }),
    trend:
      r.trend.length > 1
        ? c.trendChart({
            ...SIZE,
            id: 'trend',
            years: r.trend.map((p) => ({ year: p.year, total: p.total, grade: p.grade.label.zh })),
          })
        : undefined,
  };
}
export type UnitCharts = Awaited<ReturnType<typeof unitCharts>>;

/** A chart as the page shows it: the SVG (as the chart module made and escaped it) and its caption. */
export function Figure(props: { id: string; caption: string; svg: string }) {
  return (
    <figure class="chart" id={props.id}>
      {/* The chart's own words are Chinese (as the reports'), whatever the page's language. */}
      <div lang="zh-CN">{raw(props.svg)}</div>
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}
