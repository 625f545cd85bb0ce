import {
  contentProblem,
  contentRefusal,
  detectContent,
  detectedContentOf,
  type EvidenceRecord,
  type EvidenceWords,
  evidenceErrors,
  exceedsQuota,
  isEvidenceFrozen,
  sizeRefusal,
  type UploadRecord,
  uploadRejected,
} from '@jixiao/core';
import { evidenceRecordPath } from '@jixiao/data';
import { recordAudit } from '../cycles/context';
import { lockDocument } from './lock';
import { type EvidenceContext, evidenceRecords, ownerOfUpload, requireAcceptsFiles, UPLOAD } from './scope';
import { type Checked, finishUpload, linkVersion, objectPathOf, removeUpload } from './settle';
import { evidenceView } from './view';

/**
 * Confirming an upload: the API reads the stored object once (size, SHA-256, the kind sniffed from
 * its bytes) before it counts; bytes that break the ticket are removed and the upload is refused
 * with the reason. Safe to call again at any point: a confirmed upload answers its document, a
 * refused one its reason, and a half-done one is finished.
 */
export async function confirmUpload(ctx: EvidenceContext, uploadId: string) {
  const recs = evidenceRecords(ctx);
  const rec = await recs.uploadOr404(uploadId);
  if (rec.status === 'rejected') throw evidenceErrors.rejected(rec.reason ?? { zh: '', en: '' });

  let doc: EvidenceRecord | undefined;
  if (rec.status === 'confirmed') doc = await recs.docOr404(rec.evidence);
  else {
    doc = await recs.doc(rec.evidence);
    if (!doc?.versions.some((v) => v.upload === rec.id)) {
      requireAcceptsFiles(ctx);
      doc = await linkVersion(ctx, rec, await checkStoredBytes(ctx, rec));
    }
  }
  const confirmed = await finishUpload(ctx, rec, doc);
  if (confirmed) {
    const v = doc.versions.find((x) => x.upload === rec.id)!;
    await recordAudit(ctx.caller, {
      action: 'evidence.confirm',
      target: { type: 'evidence', id: `${ctx.cycle.id}/${doc.id}` },
      after: {
        unit: doc.unit ?? null,
        leaf: doc.leaf ?? null,
        n: v.n,
        fileName: v.fileName,
        size: v.size,
        sha256: v.sha256,
        upload: rec.id,
      },
    });
  }
  // Filed while the evaluation is frozen (the office's papers in review): locked as it is filed.
  if (isEvidenceFrozen(ctx.cycle.state)) doc = (await lockDocument(ctx, doc)).doc;
  return evidenceView(doc);
}

/** Reads the stored bytes and checks them against the ticket; refuses (and removes) on any mismatch. */
async function checkStoredBytes(ctx: EvidenceContext, rec: UploadRecord): Promise<Checked> {
  const { caller, t } = ctx;
  const path = objectPathOf(ctx, rec);
  const head = await caller.deps.data.blobs.head(t, path);
  if (!head) throw evidenceErrors.missingObject();
  // Pin the version that was checked: bytes re-posted under the key later are never what is filed.
  const o = await caller.deps.data.blobs.inspect(t, path, {
    maxBytes: rec.size,
    ...(head.versionId ? { versionId: head.versionId } : {}),
  });
  if (!o) throw evidenceErrors.missingObject();
  if (o.oversize || o.size !== rec.size)
    return reject(ctx, rec, sizeRefusal(rec.size, o.size), {
      reason: 'size',
      declared: rec.size,
      stored: o.size,
    });
  const detected = detectContent(o.head, o.tail, o.size);
  const problem = contentProblem(rec.kind, detected);
  if (problem)
    return reject(ctx, rec, contentRefusal(rec.fileName, problem), {
      reason: problem.reason,
      detected: detectedContentOf(detected),
      kind: rec.kind,
    });
  // The quota again, now the bytes are real: tickets issued side by side each passed it alone.
  const storage = await caller.deps.data.evidence.storage.get(t);
  if (exceedsQuota(storage, rec.size)) {
    const over = evidenceErrors.quotaExceeded(storage.usedBytes, rec.size, storage.quotaBytes);
    return reject(ctx, rec, { zh: over.zh, en: over.en }, { reason: 'quota', ...over.detail });
  }
  return { sha256: o.sha256, ...(o.versionId ? { s3VersionId: o.versionId } : {}) };
}

/** Removes the object, marks the upload refused with its reason, and answers 422 `upload_rejected`. */
async function reject(
  ctx: EvidenceContext,
  rec: UploadRecord,
  words: EvidenceWords,
  detail: Record<string, unknown>,
): Promise<never> {
  const { caller, t, cycle } = ctx;
  await caller.deps.data.blobs.deleteAllVersions(t, objectPathOf(ctx, rec));
  await caller.deps.data.cycleRecords
    .update<UploadRecord>(
      t,
      cycle.id,
      'UPLOAD',
      evidenceRecordPath(ownerOfUpload(rec), rec.id),
      rec.version,
      {
        status: 'rejected',
        reason: words,
      },
      UPLOAD,
    )
    .catch(() => undefined); // a concurrent confirm got there first: the refusal stands either way
  throw uploadRejected(words, detail);
}

/** Removes an upload never confirmed; a confirmed version stays forever (409 `evidence_immutable`). */
export async function discardUpload(ctx: EvidenceContext, uploadId: string): Promise<void> {
  const recs = evidenceRecords(ctx);
  const rec = await recs.uploadOr404(uploadId);
  if (rec.status === 'confirmed') throw evidenceErrors.immutable();
  const doc = await recs.doc(rec.evidence);
  if (doc?.versions.some((v) => v.upload === rec.id)) {
    // Filed already (a confirm cut short): it is finished, not removed.
    await finishUpload(ctx, rec, doc);
    throw evidenceErrors.immutable();
  }
  await removeUpload(ctx, rec);
  await recordAudit(ctx.caller, {
    action: 'evidence.discard',
    target: { type: 'upload', id: `${ctx.cycle.id}/${rec.id}` },
    before: { status: rec.status, fileName: rec.fileName, size: rec.size, evidence: rec.evidence },
  });
}
