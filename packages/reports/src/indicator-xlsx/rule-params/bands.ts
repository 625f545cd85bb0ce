import type { Bilingual } from '@jixiao/core';
import { fmt, nfkc, quote, splitTop, unquote } from '../text';
import { fail, num, type RuleOf } from './common';

/**
 * 分档计分: `[0,60):0; [60,80):0.6 良好; [80,):1` — `[下限,上限):得分比例 标签`, the lower bound
 * included and the upper excluded; an empty bound is unbounded, the label optional.
 */

export function formatBands(rule: RuleOf<'bands'>): string {
  return rule.bands
    .map((b) => {
      const lower = b.min === null ? '(' : `[${fmt(b.min)}`;
      const upper = b.max === null ? ')' : `${fmt(b.max)})`;
      return `${lower},${upper}:${fmt(b.fraction)}${b.label === undefined ? '' : ` ${quote(b.label)}`}`;
    })
    .join('; ');
}

const BAND = /^([[(【［])\s*([^,]*?)\s*,\s*([^)\]】］]*?)\s*([)\]】］])\s*[:=]\s*(\S+)(?:\s+([\s\S]*))?$/;
const INFINITY = /^[+-]?(?:∞|inf|infinity|无穷)?$/i;

export function parseBands(raw: string): Record<string, unknown> {
  const kind = 'bands';
  const segments = splitTop(raw, ';\n');
  if (segments.length === 0) fail(kind, raw, { zh: '至少需要一档', en: 'at least one band is required' });
  const bands = segments.map((seg) => {
    // Normalise only the part before the label: the label stays as typed.
    const m = seg.match(/^(\S[^:：=]*[:：=]\s*\S+)([\s\S]*)$/);
    const head = nfkc(m?.[1] ?? seg);
    const b = `${head}${m?.[2] ?? ''}`.match(BAND);
    if (!b)
      fail(kind, raw, { zh: `“${seg}”不是 [下限,上限):得分比例`, en: `"${seg}" is not [min,max):fraction` });
    const [, open, lo = '', hi = '', close, frac = '', label] = b;
    const bound = (t: string, what: Bilingual): number | null =>
      INFINITY.test(t.trim()) ? null : num(kind, raw, t, what, false);
    const min = bound(lo, { zh: '下限', en: 'lower bound' });
    const max = bound(hi, { zh: '上限', en: 'upper bound' });
    if ((min !== null && open !== '[' && open !== '［' && open !== '【') || (max !== null && close !== ')')) {
      fail(kind, raw, {
        zh: `“${seg}”：区间一律含下限、不含上限，请写作 [下限,上限)`,
        en: `"${seg}": bands always include the lower bound and exclude the upper, write [min,max)`,
      });
    }
    const band: Record<string, unknown> = {
      min,
      max,
      fraction: num(kind, raw, frac, { zh: '得分比例', en: 'fraction' }, true),
    };
    if (label !== undefined && label.trim() !== '') band.label = unquote(label);
    return band;
  });
  return { kind, bands };
}
