import type { EvaluationRun, Job, RunDigest } from '@jixiao/core';
import { runObjectPath } from '@jixiao/data';
import { begin, finish, type StepDeps } from './context';
import { getJson } from './objects';

/**
 * Write: each unit's line of the run (RESULT#<run>#<unit>, for lists and comparisons) from the
 * digest, which holds every row, and the run's summary. Rows are keyed by run and unit, so writing
 * them again puts the same items.
 */
export async function write(deps: StepDeps, job: Job): Promise<Job> {
  const { run, skip } = await begin(deps, job, 'write');
  if (skip) return job;
  const digest = await getJson<RunDigest>(
    deps.blobs,
    job.tenant,
    runObjectPath(job.cycle, job.run, 'digest'),
  );
  const units = Object.entries(digest.units).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rows = units.map(([, u]) => u.row);
  await deps.runs.putRows(job.tenant, job.cycle, run.id, rows);
  await finish(deps, job, run, ['write'], { summary: summaryOf(units.map(([, u]) => u)) });
  return job;
}

/** Units, groups (per system), units per grade level code, and warnings of a run. */
export function summaryOf(
  units: readonly RunDigest['units'][string][],
): NonNullable<EvaluationRun['summary']> {
  const grades: Record<string, number> = {};
  for (const u of units) grades[u.row.grade] = (grades[u.row.grade] ?? 0) + 1;
  return {
    units: units.length,
    groups: new Set(units.map((u) => `${u.system}|${u.row.group}`)).size,
    grades: Object.fromEntries(Object.entries(grades).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    warnings: units.reduce((n, u) => n + u.row.warnings, 0),
  };
}
