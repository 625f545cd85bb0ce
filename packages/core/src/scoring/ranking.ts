import type { Dec } from './decimal';
import type { Bilingual } from './rules/types';
import type { RankPair } from './types';

/** A tie-break key after the total, e.g. `dimension:ECON`, `fewer_deductions`, `more_bonus`. */
export interface RankKey {
  id: string;
  label: Bilingual;
}

export interface RankEntry {
  unit: string;
  /** Shown total. */
  total: Dec;
  /** One value per key, oriented so that HIGHER is better (fewer_deductions is negated). */
  keys: Dec[];
  /** The values as a person reads them (shown points, not negated). */
  shownTotal: string;
  shownKeys: string[];
}

export interface Ranked {
  unit: string;
  rank: number;
  decidedBy: string | null;
  reason: Bilingual;
}

/**
 * Ranks one unit group: by shown total (descending), then each tie-break key in order; units
 * still equal after every key share a rank (competition ranking 1, 2, 2, 4). Equal units are
 * listed in unit-code order (display only). For each adjacent pair the result says which key
 * separated them, so the console can show why A is above B.
 */
export function rankGroup(
  entries: readonly RankEntry[],
  keys: readonly RankKey[],
): { ranked: Ranked[]; pairs: RankPair[] } {
  const cmp = (a: RankEntry, b: RankEntry): number => {
    const t = b.total.comparedTo(a.total);
    if (t !== 0) return t;
    for (let k = 0; k < keys.length; k++) {
      const c = b.keys[k]!.comparedTo(a.keys[k]!);
      if (c !== 0) return c;
    }
    return a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0;
  };
  const sorted = [...entries].sort(cmp);
  const ranked: Ranked[] = [];
  const pairs: RankPair[] = [];
  const n = sorted.length;
  for (let i = 0; i < n; i++) {
    const e = sorted[i]!;
    if (i === 0) {
      ranked.push({
        unit: e.unit,
        rank: 1,
        decidedBy: null,
        reason: {
          zh: `总分 ${e.shownTotal} 分，组内第 1 名（共 ${n} 个单位）`,
          en: `Total ${e.shownTotal}: 1st of ${n} in the group`,
        },
      });
      continue;
    }
    const prev = sorted[i - 1]!;
    const above = ranked[i - 1]!;
    let decidedBy = 'tie';
    let why: Bilingual;
    if (!prev.total.eq(e.total)) {
      decidedBy = 'total';
      why = {
        zh: `总分 ${prev.shownTotal} 高于 ${e.shownTotal}`,
        en: `total ${prev.shownTotal} above ${e.shownTotal}`,
      };
    } else {
      why = {
        zh: `总分（${e.shownTotal}）及各比较项均相同，并列`,
        en: `same total (${e.shownTotal}) and tie-break values: tied`,
      };
      for (let k = 0; k < keys.length; k++) {
        if (!prev.keys[k]!.eq(e.keys[k]!)) {
          const key = keys[k]!;
          decidedBy = key.id;
          why = {
            zh: `总分相同（${e.shownTotal}），按${key.label.zh}区分：${prev.shownKeys[k]} 对 ${e.shownKeys[k]}`,
            en: `same total (${e.shownTotal}); separated by ${key.label.en}: ${prev.shownKeys[k]} vs ${e.shownKeys[k]}`,
          };
          break;
        }
      }
    }
    const rank = decidedBy === 'tie' ? above.rank : i + 1;
    pairs.push({
      above: prev.unit,
      below: e.unit,
      decidedBy,
      reason: {
        zh: `${prev.unit} 在 ${e.unit} 之前：${why.zh}`,
        en: `${prev.unit} before ${e.unit}: ${why.en}`,
      },
    });
    ranked.push({
      unit: e.unit,
      rank,
      decidedBy,
      reason: {
        zh: `总分 ${e.shownTotal} 分，组内第 ${rank} 名（共 ${n} 个单位）；与上一名 ${prev.unit} 相比：${why.zh}`,
        en: `Total ${e.shownTotal}: rank ${rank} of ${n} in the group; against ${prev.unit} above: ${why.en}`,
      },
    });
  }
  return { ranked, pairs };
}
