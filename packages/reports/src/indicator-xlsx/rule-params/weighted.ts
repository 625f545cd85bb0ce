import type { Bilingual } from '@jixiao/core';
import { CODE_PATTERN, LIKERT_LABELS, LIKERT_LEVELS, type RuleKind, WEIGHT_WORD } from '../model';
import { fmt, nfkc, quote, splitTop, unquote } from '../text';
import { fail, num, type RuleOf } from './common';

/**
 * The rules that weigh groups or sources: 满意度测评 (Likert points; `编码 名称 权重` groups;
 * 最少样本) and 综合得分 (`编码 名称 权重` sources). A group or source written without a code is
 * numbered (G1 …, S1 …) with a warning.
 */

type Weighted = { key: string; label: string; weight: number };

/** The Likert levels with their written words (core's LIKERT_LABELS), best first. */
const LIKERT: readonly (readonly [keyof RuleOf<'satisfaction'>['levelPoints'], string])[] = LIKERT_LEVELS.map(
  (level) => [level, LIKERT_LABELS[level].zh] as const,
);

const weighted = (items: readonly Weighted[], sep: string) =>
  items.map((i) => `${i.key} ${quote(i.label)} ${fmt(i.weight)}`).join(sep);

export function formatSatisfaction(rule: RuleOf<'satisfaction'>): string {
  const levels = LIKERT.map(([k, zh]) => `${zh}${fmt(rule.levelPoints[k])}`).join(' ');
  return `${levels}; ${weighted(rule.groups, ', ')}; 最少样本 ${rule.minSample}`;
}

export const formatComposite = (rule: RuleOf<'composite'>): string => weighted(rule.sources, '; ');

/** `编码 名称 权重` items (groups, sources); a missing code is numbered with `prefix` and reported. */
function parseWeighted(
  kind: RuleKind,
  raw: string,
  items: string[],
  prefix: string,
  warnings: Bilingual[],
): Weighted[] {
  return items.map((item, i) => {
    const m = item.match(/^([\s\S]*?)\s+(\S+)$/) ?? nfkc(item).match(/^(\S*?)([+-]?[\d.]+%?)$/);
    if (!m)
      fail(kind, raw, { zh: `“${item}”不是 编码 名称 权重`, en: `"${item}" is not "code name weight"` });
    const [, rest = '', w = ''] = m;
    const weight = num(kind, raw, w, WEIGHT_WORD, true);
    const k = rest.match(/^(\S+)\s+([\s\S]+)$/);
    if (k && CODE_PATTERN.test(nfkc(k[1] ?? ''))) {
      return { key: nfkc(k[1] ?? ''), label: unquote(k[2] ?? ''), weight };
    }
    const key = `${prefix}${i + 1}`;
    const label = unquote(rest);
    warnings.push({
      zh: `“${label}”未写编码，已自动编为 ${key}`,
      en: `"${label}" has no code; numbered ${key}`,
    });
    return { key, label, weight };
  });
}

/** A Likert word (longest first, so 很不满意 is not read as 不满意) and its points. */
const LIKERT_RE = new RegExp(
  String.raw`(${LIKERT.map(([, zh]) => zh)
    .sort((a, b) => b.length - a.length)
    .join('|')})\s*[:=]?\s*([+-]?[\d.]+(?:e[+-]?\d+)?)\s*分?`,
  'gi',
);

function parseLikert(raw: string, seg: string): Record<string, number> | null {
  const s = nfkc(seg);
  const leftover = s.replace(LIKERT_RE, '').replace(/[\s,、]/g, '');
  if (leftover !== '') return null;
  const out: Record<string, number> = {};
  for (const m of s.matchAll(LIKERT_RE)) {
    const key = LIKERT.find(([, zh]) => zh === m[1])?.[0];
    if (!key) return null;
    if (key in out) fail('satisfaction', raw, { zh: `“${m[1]}”重复`, en: `"${m[1]}" is given twice` });
    out[key] = num('satisfaction', raw, m[2] ?? '', { zh: m[1] ?? '', en: key }, false);
  }
  const missing = LIKERT.filter(([k]) => !(k in out)).map(([, zh]) => zh);
  if (missing.length > 0) {
    fail('satisfaction', raw, {
      zh: `缺少 ${missing.join('、')} 的分值`,
      en: `points missing for ${missing.join(', ')}`,
    });
  }
  return out;
}

export function parseSatisfaction(raw: string, warnings: Bilingual[]): Record<string, unknown> {
  const kind = 'satisfaction';
  const rule: Record<string, unknown> = { kind };
  for (const seg of splitTop(raw, ';\n')) {
    const sample = nfkc(seg).match(/^(?:最少样本|最低样本|样本)(?:量|数)?\s*[:=]?\s*(\S+?)(?:份|人)?$/);
    if (sample) {
      rule.minSample = num(kind, raw, sample[1] ?? '', { zh: '最少样本', en: 'minimum sample' }, false);
      continue;
    }
    const levels = parseLikert(raw, seg);
    if (levels) {
      rule.levelPoints = levels;
      continue;
    }
    if (rule.groups) fail(kind, raw, { zh: `无法理解“${seg}”`, en: `"${seg}" is not understood` });
    rule.groups = parseWeighted(kind, raw, splitTop(seg, ','), 'G', warnings);
  }
  if (!rule.groups)
    fail(kind, raw, { zh: '缺少调查群体及权重', en: 'respondent groups and weights are missing' });
  return rule;
}

export function parseComposite(raw: string, warnings: Bilingual[]): Record<string, unknown> {
  const kind = 'composite';
  const items = splitTop(raw, ';,\n');
  if (items.length === 0) fail(kind, raw, { zh: '缺少得分来源', en: 'sources are missing' });
  return { kind, sources: parseWeighted(kind, raw, items, 'S', warnings) };
}
