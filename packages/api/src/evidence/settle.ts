import { AppError, type EvidenceRecord, errors, type StoredVersion, type UploadRecord } from '@jixiao/core';
import { evidenceObjectPath, evidenceRecordPath } from '@jixiao/data';
import { EVID, type EvidenceContext, evidenceRecords, ownerOfUpload, UPLOAD } from './scope';

/**
 * The steps that file a checked upload, each one conditional single-item write that a retry can
 * repeat (there are no transactions): (1) the version is added to its document, once per upload
 * id; (2) the bytes are counted in the tenant's usage, once per upload id (see StorageRepo);
 * (3) the upload is marked confirmed; (4) the upload id leaves the usage item's in-flight set.
 * A crash between any two leaves a state the next confirm, discard, sweep or lock rolls forward:
 * an upload whose version is in its document is always finished, never removed, so no document
 * ever points at a removed object.
 */

const CONFLICT_RETRIES = 6;

const isConflict = (e: unknown) =>
  e instanceof AppError && (e.code === 'version_conflict' || e.code === 'already_exists');

/** What the check of the stored bytes established. */
export interface Checked {
  sha256: string;
  s3VersionId?: string;
}

export const objectPathOf = (
  ctx: EvidenceContext,
  rec: Pick<UploadRecord, 'unit' | 'leaf' | 'evidence' | 'id'>,
) => evidenceObjectPath(ctx.cycle.id, ownerOfUpload(rec), rec.evidence, rec.id);

/** Step 1: the upload as the next version of its document (created with its first). Idempotent. */
export async function linkVersion(
  ctx: EvidenceContext,
  rec: UploadRecord,
  checked: Checked,
): Promise<EvidenceRecord> {
  const { caller, t, cycle } = ctx;
  const records = caller.deps.data.cycleRecords;
  const path = evidenceRecordPath(ownerOfUpload(rec), rec.evidence);
  for (let attempt = 0; attempt < CONFLICT_RETRIES; attempt++) {
    const doc = await records.get<EvidenceRecord>(t, cycle.id, 'EVID', path);
    if (doc?.versions.some((v) => v.upload === rec.id)) return doc;
    const version: StoredVersion = {
      n: (doc?.versions.length ?? 0) + 1,
      upload: rec.id,
      fileName: rec.fileName,
      kind: rec.kind,
      contentType: rec.contentType,
      size: rec.size,
      sha256: checked.sha256,
      ...(rec.note ? { note: rec.note } : {}),
      by: rec.by,
      at: caller.deps.now().toISOString(),
      ...(checked.s3VersionId ? { s3VersionId: checked.s3VersionId } : {}),
    };
    try {
      if (!doc)
        return await records.create(
          t,
          cycle.id,
          'EVID',
          path,
          {
            id: rec.evidence,
            cycle: cycle.id,
            ...(rec.unit ? { unit: rec.unit } : {}),
            ...(rec.leaf ? { leaf: rec.leaf } : {}),
            title: rec.title,
            versions: [version],
          },
          EVID,
        );
      return await records.update<EvidenceRecord>(
        t,
        cycle.id,
        'EVID',
        path,
        doc.version,
        { versions: [...doc.versions, version] },
        EVID,
      );
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
  }
  throw errors.versionConflict();
}

/**
 * Steps 2–4 for an upload whose version is in `doc`. Returns whether this call confirmed it (so the
 * audit entry is written by the call that did).
 */
export async function finishUpload(
  ctx: EvidenceContext,
  rec: UploadRecord,
  doc: EvidenceRecord,
): Promise<boolean> {
  const { caller, t, cycle } = ctx;
  const storage = caller.deps.data.evidence.storage;
  const filed = doc.versions.find((v) => v.upload === rec.id);
  if (!filed) throw new Error(`upload ${rec.id} is not in document ${doc.id}`);
  let transitioned = false;
  if (rec.status !== 'confirmed') {
    // Only the call that claims the upload counts its bytes: a concurrent confirm holding a stale
    // `pending` record (a double click on a large file) must not count them again once the first
    // has settled. A crash between the claim and the count leaves the file uncounted (never twice).
    if (await claimCount(ctx, rec)) await storage.count(t, rec.id, rec.size);
    const now = caller.deps.now().toISOString();
    let current: UploadRecord | undefined = rec;
    for (
      let attempt = 0;
      current && current.status !== 'confirmed' && attempt < CONFLICT_RETRIES;
      attempt++
    ) {
      try {
        await caller.deps.data.cycleRecords.update<UploadRecord>(
          t,
          cycle.id,
          'UPLOAD',
          evidenceRecordPath(ownerOfUpload(rec), rec.id),
          current.version,
          {
            status: 'confirmed',
            n: filed.n,
            sha256: filed.sha256,
            ...(filed.s3VersionId ? { s3VersionId: filed.s3VersionId } : {}),
            countedAt: now,
            confirmedAt: now,
          },
          UPLOAD,
        );
        transitioned = true;
        break;
      } catch (e) {
        if (!isConflict(e)) throw e;
        current = await evidenceRecords({ ...ctx, owner: ownerOfUpload(rec) }).upload(rec.id);
      }
    }
  }
  await storage.settle(t, rec.id);
  return transitioned;
}

/** Claims the right to count an upload's bytes, once ever (versioned write on the upload record). */
async function claimCount(ctx: EvidenceContext, rec: UploadRecord): Promise<boolean> {
  const { caller, t, cycle } = ctx;
  const records = evidenceRecords({ ...ctx, owner: ownerOfUpload(rec) });
  for (let attempt = 0; attempt < CONFLICT_RETRIES; attempt++) {
    const current = await records.upload(rec.id);
    if (!current || current.status === 'confirmed' || current.countClaimedAt) return false;
    try {
      await caller.deps.data.cycleRecords.update<UploadRecord>(
        t,
        cycle.id,
        'UPLOAD',
        evidenceRecordPath(ownerOfUpload(rec), rec.id),
        current.version,
        { countClaimedAt: caller.deps.now().toISOString() },
        UPLOAD,
      );
      return true;
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
  }
  throw errors.versionConflict();
}

/** Removes an unconfirmed upload: its object (every version of it) and its record. */
export async function removeUpload(ctx: EvidenceContext, rec: UploadRecord): Promise<void> {
  const { caller, t } = ctx;
  await caller.deps.data.blobs.deleteAllVersions(t, objectPathOf(ctx, rec));
  await caller.deps.data.store
    .remove(evidenceRecords({ ...ctx, owner: ownerOfUpload(rec) }).uploadKey(rec.id), rec.version, UPLOAD)
    .catch((e) => {
      if (!(e instanceof AppError && e.status === 404)) throw e;
    });
}

/**
 * Rolls an unconfirmed upload forward or away: one already in its document is finished; any
 * other is removed. Returns what happened.
 */
export async function settleUnconfirmed(
  ctx: EvidenceContext,
  rec: UploadRecord,
): Promise<'finished' | 'removed'> {
  const doc = await evidenceRecords({ ...ctx, owner: ownerOfUpload(rec) }).doc(rec.evidence);
  if (doc?.versions.some((v) => v.upload === rec.id)) {
    await finishUpload(ctx, rec, doc);
    return 'finished';
  }
  await removeUpload(ctx, rec);
  return 'removed';
}

/**
 * Cleans the owner's unconfirmed uploads whose time is up (pending or refused longer than the
 * platform's hours: a refused one is kept that long so a retried confirm still says why), lazily, when the owner next asks to upload; `all` cleans every unconfirmed
 * one (the freeze). Failures are left for the next sweep rather than failing the request.
 */
export async function sweepExpired(ctx: EvidenceContext, all = false): Promise<number> {
  const now = ctx.caller.deps.now().toISOString();
  const stale = (await evidenceRecords(ctx).uploads()).filter(
    (u) => u.status !== 'confirmed' && (all || u.pendingUntil < now),
  );
  let n = 0;
  for (const rec of stale) {
    try {
      await settleUnconfirmed(ctx, rec);
      n++;
    } catch (e) {
      ctx.caller.deps.log({
        level: 'warn',
        msg: 'evidence sweep: upload left for later',
        upload: rec.id,
        error: String(e),
      });
    }
  }
  return n;
}
