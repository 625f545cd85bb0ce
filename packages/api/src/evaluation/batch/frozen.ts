import {
  batchRun,
  type EvaluationRun,
  FINANCE_CALCULATORS,
  type Job,
  type PeersJson,
  type Snapshot,
} from '@jixiao/core';
import { runObjectPath } from '@jixiao/data';
import type { StepDeps } from './context';
import { getJson, sha256Of } from './objects';
import { runIncomplete } from './step-errors';

/**
 * The run's frozen inputs read back (snapshot, peer statistics, the Map's items) and the engine's
 * prepared system per binding, each once per process: later steps and every score batch of a
 * warm function share them. The snapshot is checked against the SHA-256 recorded at the freeze.
 */

/** peers.json: peer statistics per system (`id@version`). */
export type PeersBySystem = Record<string, PeersJson>;

/**
 * A system that scores units of the run: a bound system version and every group bound to it (the
 * same version bound twice scores as one, so its peers and ranks are never split by key).
 */
export interface ScoringSystem {
  /** `id@version`, the key of peers.json, scored batches, groups.json and the digest. */
  key: string;
  system: Snapshot['bindings'][number]['system'];
  content: Snapshot['bindings'][number]['content'];
  groups: string[];
}

export const systemKey = (s: { id: string; version: number }) => `${s.id}@${s.version}`;

/** The snapshot's bindings as scoring systems, in binding order. */
export function scoringSystems(snapshot: Snapshot): ScoringSystem[] {
  const out = new Map<string, ScoringSystem>();
  for (const b of snapshot.bindings) {
    const key = systemKey(b.system);
    const seen = out.get(key);
    if (seen) seen.groups.push(...b.groups);
    else out.set(key, { key, system: b.system, content: b.content, groups: [...b.groups] });
  }
  return [...out.values()];
}

/** A scoring system with the engine's prepared run for it. */
export interface PreparedSystem extends ScoringSystem {
  engine: ReturnType<typeof batchRun>;
}

const idOf = (deps: StepDeps, job: Job, key: string) => `${deps.blobs.bucket}/${job.tenant}/${key}`;

export function snapshotOf(deps: StepDeps, job: Job, run: EvaluationRun): Promise<Snapshot> {
  const frozen = run.snapshot;
  if (!frozen)
    throw runIncomplete(
      `第 ${run.number} 次计算尚未冻结输入数据（无快照）。`,
      `Run ${run.number} has no snapshot of its inputs yet.`,
    );
  return deps.cache.get(`${idOf(deps, job, frozen.key)}#${frozen.sha256}`, async () => {
    const bytes = await deps.blobs.get(job.tenant, frozen.key.split('/'));
    if (!bytes || sha256Of(bytes) !== frozen.sha256)
      throw runIncomplete(
        `第 ${run.number} 次计算的输入快照缺失或与冻结时不一致，需重新发起计算。`,
        `Run ${run.number}'s snapshot is missing or differs from what was frozen; start a new run.`,
      );
    return JSON.parse(new TextDecoder().decode(bytes)) as Snapshot;
  });
}

const cachedJson = <T>(deps: StepDeps, job: Job, path: string[]) =>
  deps.cache.get(idOf(deps, job, path.join('/')), () => getJson<T>(deps.blobs, job.tenant, path));

export const peersOf = (deps: StepDeps, job: Job) =>
  cachedJson<PeersBySystem>(deps, job, runObjectPath(job.cycle, job.run, 'peers'));

export const itemsOf = (deps: StepDeps, job: Job) =>
  cachedJson<string[]>(deps, job, runObjectPath(job.cycle, job.run, 'items'));

/** Each scoring system prepared (tree flattened, peers loaded), by key. */
export async function preparedSystems(
  deps: StepDeps,
  job: Job,
  run: EvaluationRun,
): Promise<Map<string, PreparedSystem>> {
  const snapshot = await snapshotOf(deps, job, run);
  const peers = await peersOf(deps, job);
  return deps.cache.get(
    `${idOf(deps, job, run.snapshot!.key)}#${run.snapshot!.sha256}#prepared`,
    async () => {
      const out = new Map<string, PreparedSystem>();
      for (const s of scoringSystems(snapshot)) {
        const p = peers[s.key];
        if (!p)
          throw runIncomplete(
            `同组统计量中缺少指标体系「${s.system.name}」的数据。`,
            `The peer statistics lack the system ${s.system.name}.`,
          );
        out.set(s.key, { ...s, engine: batchRun(s.content, p, FINANCE_CALCULATORS) });
      }
      return out;
    },
  );
}

/** The system that scores a unit of `group` (a group is bound once per cycle). */
export function systemOfGroup(systems: Map<string, PreparedSystem>, group: string): PreparedSystem {
  for (const s of systems.values()) if (s.groups.includes(group)) return s;
  throw runIncomplete(
    `单位分组 ${group} 在快照中没有绑定的指标体系。`,
    `The unit group ${group} has no bound system in the snapshot.`,
  );
}
