import { fmt } from '../text';
import { keywordSegments, num, type RuleOf } from './common';

/** The rules relative to the peer group: 功效系数法 (`基础分 60; 浮动分 40`) and 排名法 (`末位 0.6`). */

export const formatEfficacy = (rule: RuleOf<'efficacy'>): string =>
  `基础分 ${fmt(rule.base)}; 浮动分 ${fmt(rule.span)}`;

export function parseEfficacy(raw: string): Record<string, unknown> {
  const kind = 'efficacy';
  const seg = keywordSegments(kind, raw, {
    base: /^(?:基础分|基础|基本分)\s*[:=]?\s*(\S+)$/,
    span: /^(?:浮动分|浮动|浮动区间)\s*[:=]?\s*(\S+)$/,
  });
  const rule: Record<string, unknown> = { kind };
  if (seg.base !== undefined) rule.base = num(kind, raw, seg.base, { zh: '基础分', en: 'base' }, false);
  if (seg.span !== undefined) rule.span = num(kind, raw, seg.span, { zh: '浮动分', en: 'span' }, false);
  return rule;
}

export const formatRank = (rule: RuleOf<'rank'>): string => `末位 ${fmt(rule.lastFraction)}`;

export function parseRank(raw: string): Record<string, unknown> {
  const kind = 'rank';
  const seg = keywordSegments(kind, raw, { last: /^(?:末位|末名|最后一名)(?:得分)?\s*[:=]?\s*(\S+)$/ });
  return seg.last === undefined
    ? { kind }
    : { kind, lastFraction: num(kind, raw, seg.last, { zh: '末位', en: 'last place' }, true) };
}
