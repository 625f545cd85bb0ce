import type { RuleKind } from '../model';
import { fmt, readNumber } from '../text';
import { fail, keywordSegments, num, type RuleOf } from './common';

/**
 * The rules that score a value against its target: 目标完成率法 and 逆向指标 (`封顶 1.2`, the cap
 * a fraction, so `120%` reads as 1.2) and 差额计分 (`容差 5`: how far short of the target scores 0,
 * in the leaf's own unit).
 */

export const formatCap = (rule: RuleOf<'target_completion'> | RuleOf<'reverse'>): string =>
  `封顶 ${fmt(rule.cap)}`;

export function parseCap(kind: RuleKind, raw: string): Record<string, unknown> {
  const seg = keywordSegments(kind, raw, { cap: /^(?:封顶|上限|最高)\s*[:=]?\s*(\S+)$/ });
  return seg.cap === undefined
    ? { kind }
    : { kind, cap: num(kind, raw, seg.cap, { zh: '封顶', en: 'cap' }, true) };
}

export const formatGap = (rule: RuleOf<'target_gap'>): string => `容差 ${fmt(rule.tolerance)}`;

/**
 * `容差 5`; also `差 5 不得分` (the engine's own wording), `容差 5个百分点`, and `5%` for 5: the
 * tolerance is in the leaf's unit, so a percentage sign names that unit rather than a fraction.
 */
export function parseGap(raw: string): Record<string, unknown> {
  const kind = 'target_gap';
  const seg = keywordSegments(kind, raw, {
    tolerance: /^(?:容差|允许差额|差额|tolerance)\s*[:=]?\s*(\S+?)\s*(?:个百分点)?$/i,
    phrase: /^差\s*(\S+?)\s*(?:个百分点)?\s*(?:即|则)?\s*(?:不得分|得0分|得零分)$/,
  });
  const text = seg.tolerance ?? seg.phrase;
  if (seg.tolerance !== undefined && seg.phrase !== undefined)
    fail(kind, raw, { zh: '容差重复', en: 'the tolerance is given twice' });
  if (text === undefined) fail(kind, raw, { zh: '缺少容差', en: 'the tolerance is missing' });
  const n = readNumber(text);
  const tolerance = n ? n.value : num(kind, raw, text, { zh: '容差', en: 'tolerance' }, false);
  return { kind, tolerance };
}
