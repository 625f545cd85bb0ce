/**
 * The look the charts share. Fonts: a CJK-capable stack, so a browser finds a Chinese font
 * whatever the system; the PDF maps every family to the embedded Noto Sans SC anyway.
 */
export const CHART_FONT_STACK =
  "'Noto Sans SC', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/** Series colours, dark enough on white for text beside them (WCAG AA for the labels' size). */
export const SERIES_COLORS = ['#1f5fa8', '#c0392b', '#2e7d32', '#8e5a00', '#6a3d9a'] as const;

/**
 * Grade colours by the grade's place in its system (highest first): green, blue, amber, red, and
 * grey beyond. By place, not by code, because each system names its own levels.
 */
export const GRADE_COLORS = ['#2e7d32', '#1f5fa8', '#b7791f', '#c0392b'] as const;
export const gradeColor = (place: number): string => GRADE_COLORS[place] ?? '#6b7280';

export const TEXT_COLOR = '#1f2937';
export const MUTED_COLOR = '#4b5563';
export const GRID_COLOR = '#d1d5db';

/** Names longer than this are shortened on axes and legends (the chart's label keeps them whole). */
export const LABEL_CHARS = 16;

/** A name as an axis or a legend shows it: at most LABEL_CHARS characters (code points), then "…". */
export function shortLabel(name: string, max = LABEL_CHARS): string {
  const chars = Array.from(name);
  return chars.length <= max ? name : `${chars.slice(0, max - 1).join('')}…`;
}

/** A number given as a decimal string or a number; NaN for text that is not one. */
export const numberOf = (v: number | string): number => (typeof v === 'number' ? v : Number(v));
