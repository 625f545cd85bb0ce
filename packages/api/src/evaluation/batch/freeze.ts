import { assembleSnapshot, canonicalJson, type Job } from '@jixiao/core';
import { runObjectPath } from '@jixiao/data';
import { begin, finish, type StepDeps } from './context';
import { putJson } from './objects';

/**
 * Freeze: the cycle's inputs as they are now, in one snapshot (canonical JSON, so the same inputs
 * give the same bytes), with its size and SHA-256 on the run. An official run first locks the
 * cycle's evidence. A run that has its snapshot keeps it: a resumed run scores what was frozen,
 * whatever changed in the cycle since.
 */
export async function freeze(deps: StepDeps, job: Job): Promise<Job> {
  const { run, skip } = await begin(deps, job, 'freeze');
  if (skip) return job;
  if (run.snapshot) {
    await finish(deps, job, run, ['freeze']);
    return job;
  }
  if (run.kind === 'official') await deps.cycle.lockEvidence(job);
  const snapshot = assembleSnapshot(await deps.cycle.gather(job, run));
  const written = await putJson(
    deps.blobs,
    job.tenant,
    runObjectPath(job.cycle, job.run, 'snapshot'),
    canonicalJson(snapshot),
  );
  await finish(deps, job, run, ['freeze'], { snapshot: written, total: snapshot.units.length });
  deps.log({
    level: 'info',
    msg: 'evaluation: frozen',
    tenant: job.tenant,
    cycle: job.cycle,
    run: job.run,
    units: snapshot.units.length,
    bytes: written.bytes,
  });
  return job;
}
