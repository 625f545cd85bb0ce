import type { Lang } from './messages';

/** Formats users expect: dates in Beijing time, zh-CN digit grouping, weights as offices write them. */

/** Picks the language's text from a `{ zh, en }` label (as used in core and API messages). */
export const pick = (lang: Lang, label: { zh: string; en: string } | undefined): string =>
  label ? label[lang] : '';

const dateParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An ISO UTC instant shown in Beijing time: `2026年11月27日 18:30` (zh) or `2026-11-27 18:30` (en).
 * Anything unparseable is shown as given.
 */
export function formatDateTime(iso: string | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p: Record<string, string> = {};
  for (const part of dateParts.formatToParts(d)) p[part.type] = part.value;
  const { year, month = '', day = '', hour, minute } = p;
  return lang === 'zh'
    ? `${year}年${Number(month)}月${Number(day)}日 ${hour}:${minute}`
    : `${year}-${month}-${day} ${hour}:${minute}`;
}

const numberFormat = new Intl.NumberFormat('zh-CN');

/** Numbers with zh-CN grouping (12,345). */
export const formatNumber = (n: number): string => numberFormat.format(n);

/** Numbers as an office writes them: no trailing zeros, at most 6 decimals. */
export const num = (n: number | undefined | null): string =>
  n === undefined || n === null ? '' : String(Math.round(n * 1e6) / 1e6);

/** A fraction as a percentage (0.2 → 20%). */
export const pct = (f: number | undefined): string => (f === undefined ? '' : `${num(f * 100)}%`);
