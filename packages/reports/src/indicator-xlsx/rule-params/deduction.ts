import { fmt, nfkc, quote, splitTop, unquote } from '../text';
import { fail, num, type RuleOf, readCode } from './common';

/** 扣分法: `AQ1 发生安全事故 每次扣2; AQ2 被通报批评 每次扣0.5; 最多扣10` (the cap optional). */

export function formatDeduction(rule: RuleOf<'deduction'>): string {
  const items = rule.items.map((i) => `${i.code} ${quote(i.label)} 每次扣${fmt(i.pointsEach)}`);
  if (rule.maxDeduction !== undefined) items.push(`最多扣${fmt(rule.maxDeduction)}`);
  return items.join('; ');
}

const DEDUCT_PREFIX = /\s*(?:每次|每起|每件|每项|每例|每处|每个)$/;

export function parseDeduction(raw: string): Record<string, unknown> {
  const kind = 'deduction';
  const items: Record<string, unknown>[] = [];
  let maxDeduction: number | undefined;
  for (const seg of splitTop(raw, ';\n')) {
    const cap = nfkc(seg).match(/^(?:最多扣|最高扣|累计最多扣|扣完为止,?最多)\s*(\S+)$/);
    if (cap) {
      maxDeduction = num(kind, raw, cap[1] ?? '', { zh: '最多扣', en: 'maximum deduction' }, false);
      continue;
    }
    const m = seg.match(/^(\S+)\s+([\s\S]*)扣\s*(\S+)$/);
    if (!m)
      fail(kind, raw, { zh: `“${seg}”不是 编码 事项 每次扣N`, en: `"${seg}" is not "code item 每次扣N"` });
    const [, code = '', middle = '', points = ''] = m;
    items.push({
      code: readCode(kind, raw, code, { zh: '扣分事项', en: 'deduction item' }),
      label: unquote(middle.replace(DEDUCT_PREFIX, '')),
      pointsEach: num(kind, raw, points, { zh: '扣分', en: 'points' }, false),
    });
  }
  if (items.length === 0)
    fail(kind, raw, { zh: '至少需要一个扣分事项', en: 'at least one deduction item is required' });
  return maxDeduction === undefined ? { kind, items } : { kind, items, maxDeduction };
}
