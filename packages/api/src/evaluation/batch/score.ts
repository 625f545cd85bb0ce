import { type Job, type ScoredJson, scoreBatch, type UnitInputs } from '@jixiao/core';
import { scoredBatchPath } from '@jixiao/data';
import { begin, leaseUntil, type StepDeps } from './context';
import { preparedSystems, snapshotOf, systemOfGroup } from './frozen';
import { putJson } from './objects';
import { runIncomplete } from './step-errors';

/** One scored batch (scored/<first unit>.json): the units of each system, scored, not yet ranked. */
export type ScoredBatch = { system: string; scored: ScoredJson[] }[];

/**
 * Score (the Distributed Map's item processor): one batch of units, each with its system's engine
 * and the peers of the whole run, plus the meeting's adjustment. A batch whose object exists was
 * scored before (a retry, a resumed run): it is counted, not scored again; `countBatch` counts each
 * batch once, so `scored` never passes the total.
 */
export async function score(deps: StepDeps, job: Job, units: readonly string[]): Promise<Job> {
  const { run, skip } = await begin(deps, job, 'score', { mark: false });
  if (skip) return job;
  const first = units[0]!;
  const path = scoredBatchPath(job.cycle, job.run, first);
  if (!(await deps.blobs.head(job.tenant, path))) {
    const snapshot = await snapshotOf(deps, job, run);
    const systems = await preparedSystems(deps, job, run);
    const inputsOf = await deps.cache.get(`${run.snapshot!.sha256}#inputs`, async () => {
      const m = new Map<string, UnitInputs>();
      for (const u of snapshot.inputs) m.set(u.unit, u);
      return m;
    });
    const adjustments = new Map(Object.entries(snapshot.adjustments));
    const bySystem = new Map<string, UnitInputs[]>();
    for (const code of units) {
      const inputs = inputsOf.get(code);
      if (!inputs)
        throw runIncomplete(
          `单位 ${code} 不在第 ${run.number} 次计算的快照中。`,
          `Unit ${code} is not in run ${run.number}'s snapshot.`,
        );
      const key = systemOfGroup(systems, inputs.group).key;
      const list = bySystem.get(key) ?? [];
      list.push(inputs);
      bySystem.set(key, list);
    }
    const batch: ScoredBatch = [...bySystem].map(([key, list]) => ({
      system: key,
      scored: scoreBatch(systems.get(key)!.engine, list, adjustments),
    }));
    await putJson(deps.blobs, job.tenant, path, JSON.stringify(batch));
  }
  await deps.runs.countBatch(job.tenant, job.cycle, run.id, first, units.length, leaseUntil(deps));
  return job;
}
