import {
  buildSharedResult,
  type Cycle,
  contentOf,
  type EvaluationRun,
  isAppError,
  leafMappingSchema,
  leavesOf,
  type ReleasePointer,
  type SharedResult,
  type ShareRecipientKind,
  type SystemLeafFacts,
  standardIndicatorSchema,
} from '@jixiao/core';
import { loadCycle, tenant } from '../cycles/context';
import { loadRun, preconditionFailed, releasedPointer } from '../evaluation/context';
import { readDigest } from '../evaluation/run-objects';
import type { Caller } from '../http/caller';
import { callerTenant, type RecipientChoice, recipientFor, type TenantFacts } from '../province/context';

/**
 * The snapshot a share sends, built from the cycle's RELEASED run only: its digest (per unit the
 * system that scored it and each leaf's value), the leaves and weights of every system version the
 * digest names, the tenant's mappings, the province's library and whether the cycle is published.
 * The same function serves the preview (nothing written) and the share itself.
 */

export interface ShareBasis {
  cycle: Cycle;
  pointer: ReleasePointer;
  run: EvaluationRun;
  tenant: TenantFacts;
  recipient: RecipientChoice;
  snapshot: SharedResult;
}

/** Every system version the digest names (`id@version`), with its leaves' points. */
async function systemsOf(caller: Caller, named: readonly string[]): Promise<SystemLeafFacts[]> {
  const t = tenant(caller);
  const out: SystemLeafFacts[] = [];
  for (const ref of [...new Set(named)].sort()) {
    const at = ref.lastIndexOf('@');
    const id = ref.slice(0, at);
    const version = Number(ref.slice(at + 1));
    // A version deleted since the run leaves the coverage; any other failure is the request's.
    const system = await caller.deps.data.indicatorSystems.getVersion(t, id, version).catch((e: unknown) => {
      if (isAppError(e) && e.status === 404) return undefined;
      throw e;
    });
    if (!system) continue;
    out.push({
      id,
      version,
      leaves: leavesOf(contentOf(system).dimensions).map((l) => ({
        code: l.code,
        name: l.name,
        weight: l.weight,
      })),
    });
  }
  return out;
}

export async function shareBasis(
  caller: Caller,
  cycleId: string,
  kind: ShareRecipientKind,
  o: { note: string; shared: { by: string; name?: string; at: string } },
): Promise<ShareBasis> {
  const cycle = await loadCycle(caller, cycleId);
  const own = await callerTenant(caller);
  const recipient = await recipientFor(caller, own, kind);
  const pointer = await releasedPointer(caller, cycle);
  if (!pointer)
    throw preconditionFailed(
      '该考核周期尚未发布评估结果，只能共享已发布的结果。',
      'The cycle has no released results; only released results are shared.',
    );
  const t = tenant(caller);
  const data = caller.deps.data;
  const [run, digest, mappings, library, publication] = await Promise.all([
    loadRun(caller, cycle, pointer.run),
    readDigest(caller, cycle.id, pointer.run),
    data.province.mappings.all(t),
    data.province.standards.all(own.province),
    data.publications.get(t, cycle.id),
  ]);
  const systems = await systemsOf(
    caller,
    Object.values(digest.units).map((u) => u.system),
  );
  const snapshot = buildSharedResult({
    recipient: recipient.code,
    recipientKind: recipient.kind,
    tenant: {
      code: own.code,
      name: own.name,
      level: own.level,
      ...(own.parent ? { parent: own.parent } : {}),
    },
    year: cycle.year,
    cycle: { id: cycle.id, name: cycle.name, kind: cycle.kind },
    run: { id: run.id, number: run.number, released: pointer.released.at },
    published: publication?.status === 'published',
    shared: o.shared,
    note: o.note,
    digest,
    systems,
    mappings: mappings.map((m) => leafMappingSchema.parse(m)),
    library: library.map((s) => standardIndicatorSchema.parse(s)),
  });
  return { cycle, pointer, run, tenant: own, recipient, snapshot };
}
