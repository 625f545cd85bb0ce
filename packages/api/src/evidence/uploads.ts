import {
  EVIDENCE_KIND_SPECS,
  EVIDENCE_PLATFORM,
  errors,
  evidenceErrors,
  exceedsQuota,
  type FieldIssue,
  leafLabel,
  titleOf,
  type UploadRecord,
  type UploadRequest,
  type UploadTicket,
  uploadRequestIssues,
} from '@jixiao/core';
import { evidenceObjectPath, evidenceRecordPath, isOfficeOwner, newId } from '@jixiao/data';
import { type EvidenceContext, evidenceRecords, requireAcceptsFiles, UPLOAD, whoOf } from './scope';
import { sweepExpired } from './settle';

/**
 * Asking to upload a file: every rule that can be checked before the bytes exist is checked here
 * (the kind its name claims, the tenant's kinds and per-file limit, the quota, the indicator, the
 * document it adds a version to, the cycle's state), then the upload is recorded as pending and a
 * presigned POST is made for exactly one key, one size and one content type.
 */
export async function requestUpload(ctx: EvidenceContext, req: UploadRequest): Promise<UploadTicket> {
  const { caller, t, cycle, owner } = ctx;
  requireAcceptsFiles(ctx);
  const recs = evidenceRecords(ctx);
  const issues: FieldIssue[] = [];

  // The indicator: a unit's file supports one that applies to the unit; the office's has none.
  let leaf = req.leaf;
  const existing = req.evidence ? await recs.docOr404(req.evidence) : undefined;
  if (isOfficeOwner(owner)) {
    if (leaf !== undefined)
      issues.push({
        path: 'body.leaf',
        zh: '考核办的工作文件不属于某个指标，请不要指定指标',
        en: "The office's documents belong to no indicator; leave the indicator out",
      });
  } else {
    leaf ??= existing?.leaf;
    const applies = ctx.u?.leaves.find((l) => l.code === leaf);
    if (!leaf)
      issues.push({
        path: 'body.leaf',
        zh: '请选择该文件支持的指标',
        en: 'Choose the indicator the file supports',
      });
    else if (!applies)
      issues.push({
        path: 'body.leaf',
        zh: `指标 ${leaf} 不适用于本单位`,
        en: `Indicator ${leaf} does not apply to this unit`,
      });
    else if (existing && existing.leaf !== leaf) {
      const theirs = ctx.u?.leaves.find((l) => l.code === existing.leaf);
      const name = theirs ? leafLabel(theirs) : { zh: existing.leaf ?? '', en: existing.leaf ?? '' };
      issues.push({
        path: 'body.evidence',
        zh: `该材料属于指标「${name.zh}」，不能作为指标 ${leaf} 的新版本上传`,
        en: `This document belongs to ${name.en}; it cannot take a version for indicator ${leaf}`,
      });
    }
  }

  const storage = await caller.deps.data.evidence.storage.get(t);
  const checked = uploadRequestIssues(req, storage.settings);
  issues.push(...checked.issues);
  if (issues.length || !checked.kind) throw errors.validation(issues);
  if (exceedsQuota(storage, req.size))
    throw evidenceErrors.quotaExceeded(storage.usedBytes, req.size, storage.quotaBytes);

  await sweepExpired(ctx);
  const now = caller.deps.now();
  const spec = EVIDENCE_KIND_SPECS[checked.kind];
  const id = newId('upload');
  const evidence = existing?.id ?? newId('evidence');
  const placed = isOfficeOwner(owner) ? owner : { unit: owner.unit, leaf: leaf! };
  const record: Omit<UploadRecord, 'version' | 'createdAt' | 'updatedAt'> = {
    id,
    cycle: cycle.id,
    ...(isOfficeOwner(owner) ? {} : { unit: owner.unit, leaf: leaf! }),
    evidence,
    title: existing?.title ?? titleOf(req.fileName),
    fileName: req.fileName,
    kind: checked.kind,
    contentType: spec.mediaType,
    size: req.size,
    ...(req.note ? { note: req.note } : {}),
    status: 'pending',
    by: whoOf(caller),
    pendingUntil: new Date(now.getTime() + EVIDENCE_PLATFORM.pendingHours * 3600_000).toISOString(),
  };
  // Recorded before the ticket exists: every object that can arrive has a record to clean it by.
  await caller.deps.data.cycleRecords.create(
    t,
    cycle.id,
    'UPLOAD',
    evidenceRecordPath(owner, id),
    record,
    UPLOAD,
  );
  const post = await caller.deps.data.blobs.presignUpload(
    t,
    evidenceObjectPath(cycle.id, placed, evidence, id),
    { contentType: spec.mediaType, minBytes: req.size, maxBytes: req.size },
    EVIDENCE_PLATFORM.uploadSeconds,
  );
  return {
    upload: id,
    evidence,
    url: post.url,
    fields: post.fields,
    fileField: 'file',
    contentType: spec.mediaType,
    kind: checked.kind,
    size: req.size,
    expiresAt: new Date(now.getTime() + EVIDENCE_PLATFORM.uploadSeconds * 1000).toISOString(),
  };
}
