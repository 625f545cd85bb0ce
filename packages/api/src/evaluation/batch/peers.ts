import { computePeersOf, type Job, peersToJson, type S3Pointer } from '@jixiao/core';
import { keys, runObjectPath } from '@jixiao/data';
import { begin, finish, type StepDeps } from './context';
import { type PeersBySystem, scoringSystems, snapshotOf } from './frozen';
import { putJson } from './objects';

/**
 * Peers: each bound system's peer statistics over its units (the inputs of efficacy, rank and the
 * other peer-relative rules), computed once for the whole run, and the Map's items (unit codes in
 * snapshot order). Answers the job with the items' pointer, also when done before (a resumed run
 * whose Map is still to come needs it).
 */
export async function peers(deps: StepDeps, job: Job): Promise<Job> {
  const items = itemsPointer(deps, job);
  const { run, skip } = await begin(deps, job, 'peers');
  if (skip) return { ...job, items };
  const snapshot = await snapshotOf(deps, job, run);
  const out: PeersBySystem = {};
  for (const s of scoringSystems(snapshot)) {
    const groups = new Set(s.groups);
    const inputs = snapshot.inputs.filter((u) => groups.has(u.group));
    out[s.key] = peersToJson(computePeersOf(s.content, inputs));
  }
  await putJson(deps.blobs, job.tenant, runObjectPath(job.cycle, job.run, 'peers'), JSON.stringify(out));
  await putJson(
    deps.blobs,
    job.tenant,
    runObjectPath(job.cycle, job.run, 'items'),
    JSON.stringify(snapshot.units.map((u) => u.code)),
  );
  await finish(deps, job, run, ['peers']);
  return { ...job, items };
}

/** Where the Distributed Map reads its items (the full object key: the Map reads the bucket itself). */
export const itemsPointer = (deps: StepDeps, job: Job): S3Pointer => ({
  bucket: deps.blobs.bucket,
  key: keys.blob(job.tenant, ...runObjectPath(job.cycle, job.run, 'items')),
});
