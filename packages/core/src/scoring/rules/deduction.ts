import type { LeafInput, ScoringRule } from '../../indicators/model';
import { Dec, ONE, trim, ZERO } from '../decimal';
import { invalid, pct, wrongKind } from './format';
import type { RuleContext, RuleOutcome } from './types';

type DeductionRule = Extract<ScoringRule, { kind: 'deduction' }>;

/**
 * 扣分: deducted = min(Σ count × pointsEach, maxDeduction ?? weight); fraction = max(0, (w − deducted)/w)
 * with w the leaf's NOMINAL weight (the points the office wrote the deductions against). When the
 * leaf's weight is redistributed, the fraction is kept, so a 2-point deduction on a 10-point leaf
 * still costs 20% of it. A count for an item the rule does not list is `invalid`: silently
 * ignoring it would raise the unit's score.
 */
export function deduction(rule: DeductionRule, input: LeafInput, ctx: RuleContext): RuleOutcome {
  if (input.kind !== 'incidents') return wrongKind(input.kind, 'incidents');
  const d = ctx.decimals;
  const known = new Set(rule.items.map((i) => i.code));
  const unknown = Object.keys(input.counts)
    .filter((c) => !known.has(c) && (input.counts[c] ?? 0) > 0)
    .sort();
  if (unknown.length > 0) {
    return invalid(
      `扣分事项编码 ${unknown.join('、')} 不在本指标的扣分标准中`,
      `Incident code(s) ${unknown.join(', ')} are not among this indicator's deduction items`,
    );
  }
  let total = ZERO;
  const zhParts: string[] = [];
  const enParts: string[] = [];
  for (const item of rule.items) {
    const n = input.counts[item.code] ?? 0;
    if (n === 0) continue;
    total = total.plus(new Dec(item.pointsEach).times(n));
    zhParts.push(`${item.label} ${n} 次 × ${item.pointsEach} 分`);
    enParts.push(`${item.label} ${n} × ${item.pointsEach}`);
  }
  const w = new Dec(ctx.leaf.weight);
  const cap = new Dec(rule.maxDeduction ?? ctx.leaf.weight);
  const deducted = total.gt(cap) ? cap : total;
  const fraction = w.isZero() ? ONE : Dec.max(ZERO, w.minus(deducted).div(w));
  if (zhParts.length === 0) {
    return {
      status: 'scored',
      fraction,
      value: 0,
      deducted: ZERO,
      reason: { zh: '无扣分事项，不扣分', en: 'No incidents: nothing deducted' },
    };
  }
  let zh = `扣分事项：${zhParts.join('，')}，合计 ${trim(total, d)} 分`;
  let en = `Incidents: ${enParts.join(', ')} = ${trim(total, d)} points`;
  if (total.gt(cap)) {
    zh += `，扣分上限 ${trim(cap, d)} 分，按 ${trim(cap, d)} 分扣`;
    en += `, capped at ${trim(cap, d)}`;
  }
  zh += `；原满分 ${trim(w, d)} 分，得分比例 ${pct(fraction, d)}`;
  en += `; of ${trim(w, d)} nominal points that leaves ${pct(fraction, d)}`;
  return { status: 'scored', fraction, value: deducted.toNumber(), deducted, reason: { zh, en } };
}
