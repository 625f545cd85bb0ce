import type { UnitInputs } from '../indicators/model';
import { amount, type Dec, dec, shown, shownAmount, trim, ZERO } from './decimal';
import type { Run } from './run';
import type { BaseResult, BonusLine, BonusResult } from './types';

/**
 * Base = Σ shown dimension points. When weight was EXCLUDED, the unit's maximum shrank, so the
 * base is rescaled to the system total: base = sum ÷ applicableMax × total (shown half up).
 */
export function baseOf(run: Run, sumS: Dec, sumX: Dec, applicableMax: Dec, excluded: boolean): BaseResult {
  const { d, content } = run;
  const total = dec(content.total);
  const sum = { shown: sumS.toFixed(d), exact: sumX.toString() };
  if (!excluded) {
    return {
      sum,
      applicableMax: amount(applicableMax, d),
      rescaled: false,
      points: sum,
      reason: {
        zh: `基础分 = 各一级指标得分之和 = ${sum.shown} 分`,
        en: `Base = sum of the dimensions' points = ${sum.shown}`,
      },
    };
  }
  if (applicableMax.isZero()) {
    return {
      sum,
      applicableMax: amount(applicableMax, d),
      rescaled: true,
      points: shownAmount(ZERO, d),
      reason: {
        zh: '没有适用于本单位的计分指标，基础分为 0',
        en: 'No scoring indicator applies to this unit: base 0',
      },
    };
  }
  const exact = sumS.times(total).div(applicableMax);
  const points = amount(exact, d);
  const max = trim(applicableMax, d);
  const t = trim(total, d);
  return {
    sum,
    applicableMax: amount(applicableMax, d),
    rescaled: true,
    points,
    reason: {
      zh: `部分指标不计入满分，基础分 = 得分 ${sum.shown} ÷ 适用满分 ${max} × ${t} = ${points.shown} 分`,
      en: `Some indicators are left out of the maximum: base = score ${sum.shown} ÷ applicable maximum ${max} × ${t} = ${points.shown}`,
    },
  };
}

/**
 * Bonus, capped in this order: (1) each claimed item at its own `maxPoints`; (2) excess
 * completion from target-completion/reverse leaves added as lines of their own (already bounded
 * by the rule's cap); (3) the sum of the SHOWN lines capped at `bonusCap` (0 = no bonus).
 * Claims for codes the system does not list are ignored with a warning.
 */
export function bonusOf(run: Run, u: UnitInputs, excessLines: BonusLine[]): BonusResult {
  const { d, content } = run;
  const claims = u.bonus ?? {};
  const lines: BonusLine[] = [];
  for (const item of content.bonusItems ?? []) {
    if (!Object.hasOwn(claims, item.code)) continue;
    const claimed = claims[item.code]!;
    const over = claimed > item.maxPoints;
    const awarded = dec(over ? item.maxPoints : claimed);
    const a = amount(awarded, d);
    lines.push({
      code: item.code,
      name: item.name,
      source: 'item',
      claimed,
      maxPoints: item.maxPoints,
      awarded: a,
      reason: over
        ? {
            zh: `申报 ${claimed} 分，超过单项上限 ${item.maxPoints} 分，按 ${a.shown} 分计`,
            en: `${claimed} claimed, above the item's cap of ${item.maxPoints}: ${a.shown} awarded`,
          }
        : { zh: `申报 ${claimed} 分，计 ${a.shown} 分`, en: `${claimed} claimed, ${a.shown} awarded` },
    });
  }
  lines.push(...excessLines);
  let sumS = ZERO;
  let sumX = ZERO;
  for (const l of lines) {
    sumS = sumS.plus(l.awarded.shown);
    sumX = sumX.plus(l.awarded.exact);
  }
  const cap = dec(content.bonusCap ?? 0);
  const capped = sumS.gt(cap);
  const pS = shown(capped ? cap : sumS, d);
  const pX = sumX.gt(cap) ? cap : sumX;
  const sum = { shown: sumS.toFixed(d), exact: sumX.toString() };
  const points = { shown: pS.toFixed(d), exact: pX.toString() };
  const capText = trim(cap, d);
  const reason =
    lines.length === 0
      ? { zh: '无加分', en: 'No bonus' }
      : capped
        ? {
            zh: `加分合计 ${sum.shown} 分，超过加分上限 ${capText} 分，按 ${points.shown} 分计`,
            en: `Bonus lines add up to ${sum.shown}, above the bonus cap of ${capText}: ${points.shown} counted`,
          }
        : {
            zh: `加分合计 ${sum.shown} 分（上限 ${capText} 分）`,
            en: `Bonus lines add up to ${sum.shown} (cap ${capText})`,
          };
  return { lines, sum, cap: content.bonusCap ?? 0, capped, points, reason };
}
