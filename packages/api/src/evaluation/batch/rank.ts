import {
  digestOf,
  type GroupResult,
  type Job,
  mapLimit,
  rankBatches,
  type ScoredJson,
  type UnitRunResult,
  unitRunResultOf,
} from '@jixiao/core';
import { runObjectPath, runPath, unitResultPath } from '@jixiao/data';
import { begin, finish, type StepDeps } from './context';
import { itemsOf, preparedSystems, snapshotOf } from './frozen';
import { getJson, putJson } from './objects';
import type { ScoredBatch } from './score';
import { runIncomplete } from './step-errors';

/** groups.json: each group's order, what separated neighbours and its quotas, with its system. */
export type GroupsObject = (GroupResult & { system: string })[];

/** Objects written at once (S3 takes thousands of requests a second per prefix). */
const WRITERS = 16;

/**
 * Rank: every scored batch read back, checked complete against the items, then ranked and graded
 * per system within each group (quotas, vetoes, ties) exactly as the engine does in one piece.
 * Writes each unit's result (the breakdown with stages and provenance), groups.json and the digest
 * runs are compared by. Reaching this step means the Map finished, so `score` is done too.
 */
export async function rank(deps: StepDeps, job: Job): Promise<Job> {
  const { run, skip } = await begin(deps, job, 'rank');
  if (skip) return job;
  const [snapshot, systems, items] = await Promise.all([
    snapshotOf(deps, job, run),
    preparedSystems(deps, job, run),
    itemsOf(deps, job),
  ]);

  const listed = await deps.blobs.list(job.tenant, [...runPath(job.cycle, job.run), 'scored']);
  const batches = await mapLimit(listed.map((o) => o.path).sort(), WRITERS, (p) =>
    getJson<ScoredBatch>(deps.blobs, job.tenant, p.split('/')),
  );
  // A unit in two batches (batched differently on a resumption) scored the same: keep the first.
  const bySystem = new Map<string, ScoredJson[]>();
  const seen = new Set<string>();
  for (const batch of batches)
    for (const part of batch)
      for (const s of part.scored) {
        if (seen.has(s.unit)) continue;
        seen.add(s.unit);
        const list = bySystem.get(part.system) ?? [];
        list.push(s);
        bySystem.set(part.system, list);
      }
  const missing = items.filter((u) => !seen.has(u));
  if (missing.length)
    throw runIncomplete(
      `有 ${missing.length} 个单位尚未计分（${missing.slice(0, 10).join('、')}${missing.length > 10 ? '等' : ''}），不能排名。`,
      `${missing.length} unit(s) are not scored (${missing.slice(0, 10).join(', ')}${missing.length > 10 ? '…' : ''}); ranking needs every unit.`,
    );

  const names = new Map(snapshot.units.map((u) => [u.code, u.name]));
  const byUnit = new Map<string, UnitRunResult>();
  const groups: GroupsObject = [];
  for (const [key, system] of systems) {
    const ranked = rankBatches(system.engine, bySystem.get(key) ?? []);
    for (const result of ranked.units)
      byUnit.set(
        result.unit,
        unitRunResultOf({
          unit: { code: result.unit, name: names.get(result.unit) ?? result.unit },
          system: system.system,
          content: system.content,
          result,
          provenance: snapshot.provenance[result.unit] ?? {},
        }),
      );
    for (const g of ranked.groups) groups.push({ ...g, system: key });
  }

  const results = snapshot.units.flatMap((u) => byUnit.get(u.code) ?? []);
  await mapLimit(results, WRITERS, (r) =>
    putJson(deps.blobs, job.tenant, unitResultPath(job.cycle, job.run, r.unit), JSON.stringify(r)),
  );
  await putJson(deps.blobs, job.tenant, runObjectPath(job.cycle, job.run, 'groups'), JSON.stringify(groups));
  await putJson(
    deps.blobs,
    job.tenant,
    runObjectPath(job.cycle, job.run, 'digest'),
    JSON.stringify(digestOf(results, snapshot.inputs)),
  );
  await finish(deps, job, run, ['score', 'rank']);
  return job;
}
