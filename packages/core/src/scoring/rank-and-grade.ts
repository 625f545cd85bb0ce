import { TIE_BREAK_LABELS } from '../vocabulary/labels';
import { amount, type Dec, shown, ZERO } from './decimal';
import { gradeGroup } from './grading';
import { type RankEntry, type RankKey, rankGroup } from './ranking';
import type { Bilingual } from './rules/types';
import type { Run, Scored } from './run';
import type { GroupResult, UnitResult } from './types';

/** Ranks then grades one group; returns the units' final results in (unit code) order. */
export function rankAndGrade(run: Run, members: Scored[]): { results: UnitResult[]; group: GroupResult } {
  const { content, d, tree } = run;
  const grading = content.grading;
  const groupWarnings: Bilingual[] = [];
  const keys: RankKey[] = [];
  const keyValue: ((s: Scored) => { v: Dec; shown: string })[] = [];
  for (const k of grading.tieBreak ?? []) {
    if (k === 'fewer_deductions') {
      keys.push({ id: k, label: TIE_BREAK_LABELS.fewer_deductions });
      keyValue.push((s) => ({ v: shown(s.deductions, d).neg(), shown: shown(s.deductions, d).toFixed(d) }));
    } else if (k === 'more_bonus') {
      keys.push({ id: k, label: TIE_BREAK_LABELS.more_bonus });
      keyValue.push((s) => ({ v: s.bonusShown, shown: s.bonusShown.toFixed(d) }));
    } else {
      const code = k.slice('dimension:'.length);
      const root = tree.roots.map((r) => tree.nodes[r]!).find((n) => n.code === code);
      if (!root) {
        groupWarnings.push({
          zh: `排名比较项「${k}」对应的一级指标不存在，已跳过`,
          en: `Tie-break "${k}" names no dimension of this system; skipped`,
        });
        continue;
      }
      keys.push({ id: k, label: { zh: `「${root.name}」得分`, en: `points in "${root.name}"` } });
      keyValue.push((s) => {
        const v = s.dimShown.get(code) ?? ZERO;
        return { v, shown: v.toFixed(d) };
      });
    }
  }
  const entries: RankEntry[] = members.map((s) => {
    const kv = keyValue.map((f) => f(s));
    return {
      unit: s.unit,
      total: s.total,
      keys: kv.map((x) => x.v),
      shownTotal: s.total.toFixed(d),
      shownKeys: kv.map((x) => x.shown),
    };
  });
  const { ranked, pairs } = rankGroup(entries, keys);
  const byUnit = new Map(members.map((s) => [s.unit, s]));
  const { grades, quotas } = gradeGroup(
    grading,
    ranked.map((r) => {
      const s = byUnit.get(r.unit)!;
      return { unit: r.unit, total: s.total, shownTotal: s.total.toFixed(d), rank: r.rank, vetoes: s.vetoes };
    }),
    d,
  );
  const gradeOf = new Map(ranked.map((r, k) => [r.unit, grades[k]!]));
  const rankOf = new Map(ranked.map((r) => [r.unit, r]));
  const results = members.map((s): UnitResult => {
    const r = rankOf.get(s.unit)!;
    return {
      unit: s.unit,
      group: s.group,
      dimensions: s.dimensions,
      base: s.base,
      bonus: s.bonus,
      vetoes: s.vetoes,
      deductions: amount(s.deductions, d),
      total: { shown: s.total.toFixed(d), exact: s.totalExact.toString() },
      ...(s.adjustment
        ? {
            adjustment: {
              points: { shown: s.adjustment.points.toFixed(d), exact: s.adjustment.points.toString() },
              reason: s.adjustment.reason,
            },
          }
        : {}),
      grade: gradeOf.get(s.unit)!,
      rank: { rank: r.rank, of: members.length, decidedBy: r.decidedBy, reason: r.reason },
      parties: s.parties,
      statistics: s.statistics,
      warnings: s.warnings,
    };
  });
  return {
    results,
    group: {
      group: members[0]!.group,
      size: members.length,
      order: ranked.map((r) => ({ unit: r.unit, rank: r.rank })),
      pairs,
      quotas,
      warnings: groupWarnings,
    },
  };
}
