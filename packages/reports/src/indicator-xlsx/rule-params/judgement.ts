import { fmt, nfkc } from '../text';
import { fail, keywordSegments, NUM, num, type RuleOf } from './common';

/**
 * The rules scored by people's judgement: 定性等级 (`A 1; B 0.8; C 0.6; D 0.4`, 优/良/中/差
 * accepted for A–D) and 专家评分 (`满分 100; 5人及以上去掉最高最低分`).
 */

const GRADES = ['A', 'B', 'C', 'D'] as const;

export const formatQualitative = (rule: RuleOf<'qualitative_grade'>): string =>
  GRADES.map((g) => `${g} ${fmt(rule.fractions[g])}`).join('; ');

export function parseQualitative(raw: string): Record<string, unknown> {
  const kind = 'qualitative_grade';
  if (raw === '') return { kind };
  const s = nfkc(raw);
  const re = new RegExp(
    String.raw`(A|B|C|D|优秀|良好|中等|一般|较差|优|良|中|差)\s*[:=]?\s*(${NUM}%?)`,
    'gi',
  );
  const leftover = s.replace(re, '').replace(/[\s,;、]/g, '');
  if (leftover !== '')
    fail(kind, raw, { zh: `无法理解“${leftover}”`, en: `"${leftover}" is not understood` });
  const alias: Record<string, (typeof GRADES)[number]> = {
    优: 'A',
    优秀: 'A',
    良: 'B',
    良好: 'B',
    中: 'C',
    中等: 'C',
    一般: 'C',
    差: 'D',
    较差: 'D',
  };
  const fractions: Record<string, number> = {};
  for (const m of s.matchAll(re)) {
    const g = alias[m[1] ?? ''] ?? (m[1] ?? '').toUpperCase();
    if (g in fractions) fail(kind, raw, { zh: `等级 ${g} 重复`, en: `grade ${g} is given twice` });
    fractions[g] = num(kind, raw, m[2] ?? '', { zh: `等级 ${g}`, en: `grade ${g}` }, true);
  }
  const missing = GRADES.filter((g) => !(g in fractions));
  if (missing.length > 0) {
    fail(kind, raw, { zh: `缺少等级 ${missing.join('、')}`, en: `grades ${missing.join(', ')} are missing` });
  }
  return { kind, fractions };
}

export const formatExpert = (rule: RuleOf<'expert'>): string =>
  `满分 ${fmt(rule.scale)}; ${rule.trimFrom}人及以上去掉最高最低分`;

export function parseExpert(raw: string): Record<string, unknown> {
  const kind = 'expert';
  const seg = keywordSegments(kind, raw, {
    scale: /^满分\s*[:=]?\s*(\S+)$/,
    trim: /^(?:满\s*)?(\S+?)\s*人(?:及以上|以上)?(?:时)?去掉?最高(?:分)?(?:和|、|,)?最低分?$/,
  });
  const rule: Record<string, unknown> = { kind };
  if (seg.scale !== undefined) rule.scale = num(kind, raw, seg.scale, { zh: '满分', en: 'scale' }, false);
  if (seg.trim !== undefined) rule.trimFrom = num(kind, raw, seg.trim, { zh: '人数', en: 'experts' }, false);
  return rule;
}
