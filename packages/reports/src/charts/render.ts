import { BarChart, BoxplotChart, LineChart, RadarChart, ScatterChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, RadarComponent } from 'echarts/components';
import type { EChartsCoreOption } from 'echarts/core';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { cleanText, escapeText } from './markup';
import { CHART_FONT_STACK, MUTED_COLOR, TEXT_COLOR } from './theme';

// Only what the report and comparison charts use, so a bundle keeps ~0.6 MB of ECharts instead of ~1.2 MB.
use([
  BarChart,
  BoxplotChart,
  LineChart,
  RadarChart,
  ScatterChart,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  RadarComponent,
  SVGRenderer,
]);

/** Where a chart goes: its id (prefix of every id inside it), size in CSS pixels, and what it shows. */
export interface ChartFrame {
  /**
   * Prefixes every id inside the SVG (gradients, clip paths), so several charts can share one page
   * and the same data always gives the same bytes. Letters, digits, `-` and `_`, starting with a letter.
   */
  id: string;
  width?: number;
  height?: number;
}

const ID = /^[A-Za-z][\w-]{0,63}$/;

/**
 * Renders an ECharts option on the server to an SVG string that can be inlined in HTML or drawn
 * into a PDF: no animation, no hover styles, deterministic ids, and accessible (role="img", an
 * aria-label and a <title> saying in Chinese what the chart shows).
 */
export function renderChart(
  option: EChartsCoreOption,
  frame: ChartFrame & { width: number; height: number; label: string },
): string {
  if (!ID.test(frame.id))
    throw new Error(`chart id must be a letter then letters, digits, - or _: ${frame.id}`);
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: frame.width, height: frame.height });
  let svg: string;
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: CHART_FONT_STACK, color: TEXT_COLOR },
      ...option,
    });
    svg = chart.renderToSVGString({ useViewBox: true });
  } finally {
    chart.dispose();
  }
  // Names reach ECharts as people typed them: characters XML forbids are dropped from its output.
  return accessible(stable(cleanText(svg), frame.id), frame.label);
}

/**
 * Makes the SVG the same for the same data: ECharts names ids after a process-wide instance
 * counter (`zr12-g0`), so they are renamed after the frame's id. Its hover stylesheet (useless on
 * paper, and it writes `fill:[object Object]` for gradients), the classes it styles and the
 * `ecmeta_*` attributes (for ECharts' own client hydration) go. Ids are matched only right after
 * `="` or `(#` inside an attribute, which a chart's text cannot contain (ECharts escapes `"`).
 */
function stable(svg: string, id: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/(id="|="url\(#|href="#)zr\d+-/g, (_, before: string) => `${before}${id}-`);
}

function accessible(svg: string, label: string): string {
  const text = escapeText(label);
  // Replacer functions: a `$&` in a name must not be read as a replacement pattern.
  const open = svg.indexOf('>');
  if (!svg.startsWith('<svg ') || open < 0) throw new Error('ECharts did not render an SVG');
  return `<svg role="img" aria-label="${text}" ${svg.slice(5, open + 1)}<title>${text}</title>${svg.slice(open + 1)}`;
}

/** What a chart with nothing to show draws: its frame and 暂无数据, centred. */
export function emptyChart(frame: ChartFrame & { width: number; height: number; label: string }): string {
  return renderChart(
    {
      graphic: [
        {
          type: 'text',
          left: 'center',
          top: 'middle',
          style: { text: '暂无数据', fontSize: 14, fill: MUTED_COLOR, fontFamily: CHART_FONT_STACK },
        },
      ],
    },
    { ...frame, label: `${frame.label}：暂无数据` },
  );
}
