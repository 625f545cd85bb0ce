import { type ChartFrame, emptyChart, renderChart } from './render';
import { CHART_FONT_STACK, MUTED_COLOR, shortLabel, TEXT_COLOR } from './theme';

/**
 * 分地区瓦片图: a province's (or a city's) divisions as equal tiles, one row per city with its
 * counties after it, each tile coloured by a value (the composite of a comparison). A tile map, not
 * a geographic map: no well-kept registry package ships current county boundaries, and equal tiles
 * let a small county weigh as much as a large one. Drawn with ECharts' graphic elements only.
 */

/** One division: its name and value (null: not ranked or not shared, with `note` saying which). */
export interface Tile {
  code: string;
  name: string;
  value: number | null;
  /** The value as the page writes it (2 dp), shown on the tile. */
  text?: string;
  rank?: number | null;
  /** Shown instead of the value when there is none (未共享). */
  note?: string;
}

/** The divisions under one parent (a city's counties), headed by the parent's name. */
export interface TileBlock {
  code: string;
  name: string;
  tiles: readonly Tile[];
}

/** Five classes, light to dark; the text on the two darkest is white (contrast ≥ 4.5:1). */
export const TILE_COLORS = ['#e8f1fa', '#bcd6ee', '#7fb1dc', '#2f79b9', '#0d4a8a'] as const;
const TILE_TEXT = [TEXT_COLOR, TEXT_COLOR, TEXT_COLOR, '#ffffff', '#ffffff'] as const;
const EMPTY_FILL = '#f3f4f6';
const EMPTY_STROKE = '#9ca3af';

const TILE_W = 92;
const TILE_H = 50;
const GAP = 6;
const HEAD_W = 96;
const PER_ROW = 6;
const LEGEND_H = 44;

/** The class bounds: five equal steps from the lowest value to the highest. */
export function tileClasses(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const step = (hi - lo) / TILE_COLORS.length;
  return TILE_COLORS.map((_, i) => lo + step * i).concat(hi);
}

/** The class of a value (0–4) against the bounds; equal values fall in the top class. */
export function tileClass(value: number, bounds: readonly number[]): number {
  const lo = bounds[0]!;
  const hi = bounds[bounds.length - 1]!;
  if (hi === lo) return TILE_COLORS.length - 1;
  const i = Math.floor(((value - lo) / (hi - lo)) * TILE_COLORS.length);
  return Math.min(Math.max(i, 0), TILE_COLORS.length - 1);
}

const fmt = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

const text = (x: number, y: number, s: string, o: { fill?: string; size?: number; bold?: boolean } = {}) => ({
  type: 'text',
  x,
  y,
  style: {
    text: s,
    fill: o.fill ?? TEXT_COLOR,
    fontSize: o.size ?? 12,
    fontWeight: o.bold ? 'bold' : 'normal',
    fontFamily: CHART_FONT_STACK,
    align: 'center',
    verticalAlign: 'middle',
  },
});

/** What the tile says in words, for the chart's label. */
const tileWords = (t: Tile, valueName: string) =>
  t.value === null
    ? `${t.name}（${t.note ?? '无数值'}）`
    : `${t.name}（${t.rank ? `第 ${t.rank} 名，` : ''}${valueName} ${t.text ?? fmt(t.value)}）`;

export function tileMapChart(
  frame: ChartFrame & { title: string; valueName: string; blocks: readonly TileBlock[] },
): string {
  const width = frame.width ?? HEAD_W + PER_ROW * (TILE_W + GAP) + GAP;
  const blocks = frame.blocks.filter((b) => b.tiles.length > 0);
  const rows = blocks.reduce((n, b) => n + Math.ceil(b.tiles.length / PER_ROW), 0);
  const height = frame.height ?? Math.max(rows, 1) * (TILE_H + GAP) + GAP + LEGEND_H;
  const label = `${frame.title}：${blocks
    .map((b) => `${b.name}：${b.tiles.map((t) => tileWords(t, frame.valueName)).join('，')}`)
    .join('；')}`;
  if (blocks.length === 0) return emptyChart({ id: frame.id, width, height, label: frame.title });

  const values = blocks.flatMap((b) => b.tiles.flatMap((t) => (t.value === null ? [] : [t.value])));
  const bounds = tileClasses(values);
  const graphic: Record<string, unknown>[] = [];
  let y = GAP;
  for (const b of blocks) {
    const lines = Math.ceil(b.tiles.length / PER_ROW);
    graphic.push(text(HEAD_W / 2, y + TILE_H / 2, shortLabel(b.name, 6), { bold: true, size: 13 }));
    b.tiles.forEach((t, i) => {
      const x = HEAD_W + GAP + (i % PER_ROW) * (TILE_W + GAP);
      const ty = y + Math.floor(i / PER_ROW) * (TILE_H + GAP);
      const k = t.value === null ? -1 : tileClass(t.value, bounds);
      graphic.push({
        type: 'rect',
        shape: { x, y: ty, width: TILE_W, height: TILE_H, r: 4 },
        style: {
          fill: k < 0 ? EMPTY_FILL : TILE_COLORS[k],
          stroke: k < 0 ? EMPTY_STROKE : '#ffffff',
          lineWidth: 1,
          lineDash: k < 0 ? [4, 3] : null,
        },
      });
      const fill = k < 0 ? MUTED_COLOR : TILE_TEXT[k];
      graphic.push(text(x + TILE_W / 2, ty + 16, shortLabel(t.name, 6), { fill, size: 12, bold: true }));
      const second =
        t.value === null ? (t.note ?? '无数值') : `${t.text ?? fmt(t.value)}${t.rank ? ` · ${t.rank}` : ''}`;
      graphic.push(text(x + TILE_W / 2, ty + 35, shortLabel(second, 10), { fill, size: 11 }));
    });
    y += lines * (TILE_H + GAP);
  }

  // The legend: the five classes with their bounds, then the empty tile.
  const ly = y + 10;
  const sw = 70;
  const legend = values.length ? TILE_COLORS.map((c, i) => ({ c, lo: bounds[i]!, hi: bounds[i + 1]! })) : [];
  legend.forEach((l, i) => {
    const x = GAP + i * (sw + GAP);
    graphic.push({ type: 'rect', shape: { x, y: ly, width: sw, height: 12 }, style: { fill: l.c } });
    graphic.push(text(x + sw / 2, ly + 24, `${fmt(l.lo)}–${fmt(l.hi)}`, { fill: MUTED_COLOR, size: 10 }));
  });
  const ex = GAP + legend.length * (sw + GAP);
  graphic.push({
    type: 'rect',
    shape: { x: ex, y: ly, width: sw, height: 12 },
    style: { fill: EMPTY_FILL, stroke: EMPTY_STROKE, lineDash: [4, 3] },
  });
  graphic.push(text(ex + sw / 2, ly + 24, '未共享或未排名', { fill: MUTED_COLOR, size: 10 }));
  return renderChart({ graphic }, { id: frame.id, width, height, label });
}
