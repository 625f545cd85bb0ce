import {
  AppError,
  type Cycle,
  type EvidenceRecord,
  errors,
  evidenceErrors,
  retainUntilOf,
  type StoredVersion,
  type UploadRecord,
} from '@jixiao/core';
import { evidenceObjectPath, evidenceRecordPath } from '@jixiao/data';
import { recordAudit, tenant } from '../cycles/context';
import type { Caller } from '../http/caller';
import { EVID, type EvidenceContext } from './scope';
import { settleUnconfirmed } from './settle';

/**
 * Locking a cycle's evidence when its evaluation is frozen (the move to review; issue #10's batch
 * calls the same function at its freeze step). Each confirmed version gets `lockedAt` and
 * `retainUntil`; where the bucket has S3 Object Lock, first a COMPLIANCE retention on its S3
 * version, so not even an operator can delete or overwrite it before then. Idempotent: versions
 * locked already are skipped. A retention that fails after its retries is reported (503), and the
 * version stays unlocked for the next run: never skipped in silence.
 */

export interface LockResult {
  locked: number;
  failed: number;
}

const ownerOfDoc = (d: EvidenceRecord) =>
  d.unit ? { unit: d.unit, ...(d.leaf ? { leaf: d.leaf } : {}) } : ({ office: true } as const);

/** Locks the document's unlocked versions; returns the document as saved. */
export async function lockDocument(
  ctx: Pick<EvidenceContext, 'caller' | 't' | 'cycle'>,
  doc: EvidenceRecord,
): Promise<{ doc: EvidenceRecord } & LockResult> {
  const { caller, t, cycle } = ctx;
  const open = doc.versions.filter((v) => !v.lockedAt);
  if (!open.length) return { doc, locked: 0, failed: 0 };
  const now = caller.deps.now();
  const retainUntil = retainUntilOf(now);
  const done = new Set<number>();
  let failed = 0;
  for (const v of open) {
    try {
      if (caller.deps.evidence?.objectLock)
        await caller.deps.data.blobs.setRetention(
          t,
          evidenceObjectPath(cycle.id, ownerOfDoc(doc), doc.id, v.upload),
          v.s3VersionId,
          retainUntil,
          caller.deps.evidence.retentionRetry,
        );
      done.add(v.n);
    } catch (e) {
      failed++;
      caller.deps.log({
        level: 'error',
        msg: 'evidence lock: retention not set',
        tenant: t,
        cycle: cycle.id,
        evidence: doc.id,
        n: v.n,
        error: String((e as Error)?.name ?? e),
      });
    }
  }
  if (!done.size) return { doc, locked: 0, failed };
  const stamp = (v: StoredVersion): StoredVersion =>
    done.has(v.n) && !v.lockedAt
      ? { ...v, lockedAt: now.toISOString(), retainUntil: retainUntil.toISOString() }
      : v;
  const records = caller.deps.data.cycleRecords;
  const path = evidenceRecordPath(ownerOfDoc(doc), doc.id);
  let current = doc;
  for (let attempt = 0; attempt < 6; attempt++) {
    try {
      const saved = await records.update<EvidenceRecord>(
        t,
        cycle.id,
        'EVID',
        path,
        current.version,
        { versions: current.versions.map(stamp) },
        EVID,
      );
      return { doc: saved, locked: done.size, failed };
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'version_conflict')) throw e;
      current = await records.getOr404<EvidenceRecord>(t, cycle.id, 'EVID', path, EVID);
    }
  }
  throw errors.versionConflict(current.version);
}

/**
 * Locks every confirmed version of the cycle (units' and the office's), after settling the units'
 * unconfirmed uploads (finished if already filed, else removed: no upload of a unit outlives the
 * freeze). Audits `evidence.lock` once per run that locked anything; throws 503 if any failed.
 */
export async function lockCycleEvidence(caller: Caller, cycle: Cycle): Promise<LockResult> {
  const t = tenant(caller);
  const ctx = { caller, t, cycle };
  const records = caller.deps.data.cycleRecords;
  const pending = (await records.all<UploadRecord>(t, cycle.id, 'UPLOAD', ['U'])).filter(
    (u) => u.status !== 'confirmed',
  );
  for (const rec of pending) await settleUnconfirmed({ ...ctx, owner: { unit: rec.unit! } }, rec);
  const docs = [
    ...(await records.all<EvidenceRecord>(t, cycle.id, 'EVID', ['U'])),
    ...(await records.all<EvidenceRecord>(t, cycle.id, 'EVID', ['OFFICE'])),
  ];
  let locked = 0;
  let failed = 0;
  for (const doc of docs) {
    const r = await lockDocument(ctx, doc);
    locked += r.locked;
    failed += r.failed;
  }
  if (locked > 0 || failed > 0)
    await recordAudit(caller, {
      action: 'evidence.lock',
      target: { type: 'cycle', id: cycle.id },
      after: { locked, failed, objectLock: !!caller.deps.evidence?.objectLock },
      note: cycle.state,
    });
  if (failed > 0) throw evidenceErrors.retentionFailed(failed);
  return { locked, failed };
}
