import type { ResultRow } from '../evaluation/model';
import { DEFAULT_GRADE_CODES } from '../indicators/model';
import type { Bilingual } from '../scoring/types';
import { meanOf } from './numbers';

/** A grade level and how many units got it. */
export interface GradeCount {
  code: string;
  label: Bilingual;
  count: number;
}

/**
 * The order grades are listed in: the systems' levels, highest first (a system lists its levels
 * from the highest, validate/grading.ts `grade_order`), and any grade a row carries that the given
 * levels lack after them. Without levels: the default levels (优秀, 良好, 一般, 不及格) in their
 * order, then other codes by their units' mean total, highest first (then by code).
 */
export function gradeOrder(
  rows: readonly Pick<ResultRow, 'grade' | 'gradeLabel' | 'total'>[],
  levels: readonly { code: string; label: Bilingual }[] = [],
): { code: string; label: Bilingual }[] {
  const out = new Map<string, Bilingual>();
  for (const l of levels) if (!out.has(l.code)) out.set(l.code, l.label);
  const rest = new Map<string, { label: Bilingual; totals: string[] }>();
  for (const r of rows) {
    if (out.has(r.grade)) continue;
    const got = rest.get(r.grade) ?? { label: r.gradeLabel, totals: [] };
    got.totals.push(r.total.shown);
    rest.set(r.grade, got);
  }
  const defaults: readonly string[] = DEFAULT_GRADE_CODES;
  const rank = (code: string) => {
    const i = defaults.indexOf(code);
    return i < 0 ? defaults.length : i;
  };
  const others = [...rest.entries()]
    .map(([code, g]) => ({ code, label: g.label, mean: meanOf(g.totals) }))
    .sort(
      (a, b) =>
        rank(a.code) - rank(b.code) ||
        b.mean.comparedTo(a.mean) ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
  return [...[...out.entries()].map(([code, label]) => ({ code, label })), ...others];
}

/** Units per grade, in `order` (every level listed, 0 included). */
export function gradeCounts(
  rows: readonly Pick<ResultRow, 'grade'>[],
  order: readonly { code: string; label: Bilingual }[],
): GradeCount[] {
  const n = new Map<string, number>();
  for (const r of rows) n.set(r.grade, (n.get(r.grade) ?? 0) + 1);
  return order.map((g) => ({ code: g.code, label: g.label, count: n.get(g.code) ?? 0 }));
}
