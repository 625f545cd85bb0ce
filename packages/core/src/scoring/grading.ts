import type { Grading } from '../indicators/model';
import { QUOTA_ROUNDING_LABELS } from '../vocabulary/labels';
import { Dec, trim } from './decimal';
import type { Bilingual } from './rules/types';
import type { GradeResult, QuotaResult, VetoResult } from './types';

export interface GradeEntry {
  unit: string;
  /** The SHOWN total: a grade must agree with the number printed beside it. */
  total: Dec;
  shownTotal: string;
  rank: number;
  vetoes: readonly VetoResult[];
}

const ROUNDING = { floor: Dec.ROUND_FLOOR, round: Dec.ROUND_HALF_UP, ceil: Dec.ROUND_CEIL } as const;

/**
 * Grades one unit group (entries in rank order).
 * 1. By score: the first level (highest first) whose `min` the shown total reaches; below every
 *    level's min → the lowest level.
 * 2. Vetoes: `fail` → the lowest level, final (quotas only move units down, never out of it);
 *    `bar_excellent` → if the level is the top one, the next one.
 * 3. Quotas, top level first: allowed = maxShare × group size (decimal arithmetic, then rounded
 *    per `quotaRounding`, so 0.7 × 10 is 7, not 8). The level's units, taken in rank order, keep it
 *    while they fit; the rest drop one level (and may drop again under that level's quota).
 *    Decision: a block of units sharing a rank that would straddle the quota drops WHOLE — the
 *    quota is a ceiling the office promised, and choosing among equals by unit code would be
 *    arbitrary. A quota on the lowest level cannot move anyone and is ignored.
 */
export function gradeGroup(
  grading: Grading,
  entries: readonly GradeEntry[],
  decimals: number,
): { grades: GradeResult[]; quotas: QuotaResult[] } {
  const levels = grading.levels;
  const last = levels.length - 1;
  const label = (i: number): Bilingual => levels[i]!.label;
  const level: number[] = [];
  const reasons: { zh: string[]; en: string[] }[] = [];
  const byScore: number[] = [];
  entries.forEach((e, k) => {
    let l = levels.findIndex((lv) => e.total.gte(lv.min));
    const zh: string[] = [];
    const en: string[] = [];
    if (l === -1) {
      l = last;
      zh.push(
        `总分 ${e.shownTotal} 分（按显示的 ${decimals} 位小数判定），低于各等级分数线，定为「${label(l).zh}」`,
      );
      en.push(
        `Total ${e.shownTotal} (as shown, ${decimals} decimals) is below every threshold: ${label(l).en}`,
      );
    } else {
      zh.push(
        `总分 ${e.shownTotal} 分（按显示的 ${decimals} 位小数判定），达到「${label(l).zh}」分数线 ${trim(new Dec(levels[l]!.min), decimals)} 分`,
      );
      en.push(
        `Total ${e.shownTotal} (as shown, ${decimals} decimals) reaches the ${label(l).en} threshold of ${trim(new Dec(levels[l]!.min), decimals)}`,
      );
    }
    byScore[k] = l;
    const fail = e.vetoes.find((v) => v.effect === 'fail');
    const bar = e.vetoes.find((v) => v.effect === 'bar_excellent');
    if (fail) {
      l = last;
      zh.push(`触发一票否决事项「${fail.name}」，等级定为「${label(l).zh}」`);
      en.push(`veto "${fail.name}" triggered: graded ${label(l).en}`);
    } else if (bar && l === 0) {
      l = 1;
      zh.push(`触发「${bar.name}」，不得评为「${label(0).zh}」，定为「${label(1).zh}」`);
      en.push(`"${bar.name}" triggered, which bars ${label(0).en}: graded ${label(1).en}`);
    }
    level[k] = l;
    reasons[k] = { zh, en };
  });

  const quotas: QuotaResult[] = [];
  const size = entries.length;
  for (let l = 0; l < last; l++) {
    const share = levels[l]!.maxShare;
    if (share === undefined) continue;
    const allowed = new Dec(share).times(size).toDecimalPlaces(0, ROUNDING[grading.quotaRounding]).toNumber();
    const rt = QUOTA_ROUNDING_LABELS[grading.quotaRounding];
    const pctText = new Dec(share).times(100).toString();
    const how = {
      zh: `本组 ${size} 个单位，「${label(l).zh}」名额 ${allowed} 个（${size} × ${pctText}%，${rt.zh}）`,
      en: `${size} units in the group, so at most ${allowed} ${label(l).en} (${size} × ${pctText}%, ${rt.en.toLowerCase()})`,
    };
    // Entries are in rank order; walk blocks of equal rank.
    let granted = 0;
    let full = false;
    for (let k = 0; k < size; ) {
      let end = k;
      while (end < size && entries[end]!.rank === entries[k]!.rank) end++;
      const block: number[] = [];
      for (let j = k; j < end; j++) if (level[j] === l) block.push(j);
      if (!full && granted + block.length <= allowed) granted += block.length;
      else {
        full = true;
        for (const j of block) {
          level[j] = l + 1;
          const tie = block.length > 1 && granted < allowed;
          reasons[j]!.zh.push(
            `${how.zh}，本单位排第 ${entries[j]!.rank} 名${tie ? `（与 ${block.length - 1} 个单位并列，名额不足以同时授予）` : ''}，超出名额，降为「${label(l + 1).zh}」`,
          );
          reasons[j]!.en.push(
            `${how.en}; ranked ${entries[j]!.rank}${tie ? ` (tied with ${block.length - 1} other unit(s), too few places for all)` : ''}, beyond the quota: ${label(l + 1).en}`,
          );
        }
      }
      k = end;
    }
    quotas.push({ level: levels[l]!.code, maxShare: share, allowed, granted, reason: how });
  }
  const grades = entries.map((_, k) => {
    const lv = levels[level[k]!]!;
    return {
      code: lv.code,
      label: { zh: lv.label.zh, en: lv.label.en },
      byScore: levels[byScore[k]!]!.code,
      reason: { zh: reasons[k]!.zh.join('；'), en: reasons[k]!.en.join('; ') },
    };
  });
  return { grades, quotas };
}
