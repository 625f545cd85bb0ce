import type { SystemContent } from '../indicators/model';
import { byCode } from '../scoring/run';
import type { UnitResult } from '../scoring/types';
import type { LeafProvenance, ResultRow, UnitRunResult } from './model';
import { stagesOf } from './stages';

/**
 * One unit's result as a run stores it: the engine's result, its stages and, per leaf, where the
 * input came from. Nothing of the run itself goes in, so equal inputs give byte-equal results.
 */
export function unitRunResultOf(a: {
  unit: { code: string; name: string };
  system: { id: string; version: number; name: string };
  content: SystemContent;
  result: UnitResult;
  provenance: Record<string, LeafProvenance>;
}): UnitRunResult {
  const { result } = a;
  return {
    unit: a.unit.code,
    name: a.unit.name,
    system: { id: a.system.id, version: a.system.version, name: a.system.name },
    result,
    stages: stagesOf(a.content, result),
    ...(result.adjustment
      ? { adjustment: { points: result.adjustment.points, reason: result.adjustment.reason } }
      : {}),
    provenance: Object.fromEntries(Object.entries(a.provenance).sort(([x], [y]) => byCode(x, y))),
  };
}

/** The unit's line in the run's list. */
export function resultRowOf(r: UnitRunResult): ResultRow {
  const { result } = r;
  return {
    unit: r.unit,
    name: r.name,
    group: result.group,
    total: result.total,
    rank: result.rank.rank,
    of: result.rank.of,
    grade: result.grade.code,
    gradeLabel: result.grade.label,
    stages: r.stages,
    ...(r.adjustment ? { adjustment: r.adjustment.points } : {}),
    vetoes: result.vetoes.map((v) => v.code),
    warnings: result.warnings.length,
  };
}
