import {
  CYCLE_STATE_LABELS,
  contentDisposition,
  EVIDENCE_KIND_SPECS,
  EVIDENCE_PLATFORM,
  type EvidenceRecord,
  errors,
  isEvidenceFrozen,
} from '@jixiao/core';
import { evidenceObjectPath, isOfficeOwner } from '@jixiao/data';
import { isOffice, isOwnUnit, loadCycle, tenant, unitsInCycle } from '../cycles/context';
import type { Caller } from '../http/caller';
import { acceptsFiles, type EvidenceContext, evidenceRecords } from './scope';
import { evidenceView } from './view';

/** Reading evidence: lists of documents, short-lived download links, and the office's overview. */

const byLeafThenTime = (a: EvidenceRecord, b: EvidenceRecord) =>
  (a.leaf ?? '').localeCompare(b.leaf ?? '') ||
  a.createdAt.localeCompare(b.createdAt) ||
  a.id.localeCompare(b.id);

/** Why files are not accepted now (the cycle's state), or nothing when they are. */
function notAccepting(ctx: EvidenceContext) {
  if (acceptsFiles(ctx)) return undefined;
  const s = CYCLE_STATE_LABELS[ctx.cycle.state];
  if (isEvidenceFrozen(ctx.cycle.state))
    return {
      zh: `考核周期处于「${s.zh}」环节，佐证材料已锁定，不能再上传。`,
      en: `The cycle is in ${s.en}; evidence is locked and takes no more files.`,
    };
  return {
    zh: `考核周期处于「${s.zh}」环节，尚未开放上传佐证材料。`,
    en: `The cycle is in ${s.en}; evidence cannot be uploaded yet.`,
  };
}

export async function listEvidence(ctx: EvidenceContext, leaf?: string) {
  const { caller, owner } = ctx;
  const docs = (await evidenceRecords(ctx).docs()).filter((d) => leaf === undefined || d.leaf === leaf);
  const mayFile = isOfficeOwner(owner) ? isOffice(caller) : isOwnUnit(caller, owner.unit);
  const why = notAccepting(ctx);
  const storage = await caller.deps.data.evidence.storage.get(ctx.t);
  return {
    items: docs.sort(byLeafThenTime).map(evidenceView),
    canUpload: mayFile && !why,
    ...(why ? { frozen: why } : {}),
    settings: storage.settings,
  };
}

/**
 * A presigned GET for one version, pinned to its S3 version, with the stored type and the file's
 * name. Only kinds the browser shows safely (PDF, JPEG, PNG) are ever served inline.
 */
export async function downloadLink(
  ctx: EvidenceContext,
  evidenceId: string,
  n: number,
  disposition: 'inline' | 'attachment',
) {
  const { caller, t, cycle } = ctx;
  const doc = await evidenceRecords(ctx).docOr404(evidenceId);
  const v = doc.versions.find((x) => x.n === n);
  if (!v) throw errors.notFound('该版本', 'This version');
  const inline = disposition === 'inline' && EVIDENCE_KIND_SPECS[v.kind].previewable;
  const owner = doc.unit
    ? { unit: doc.unit, ...(doc.leaf ? { leaf: doc.leaf } : {}) }
    : ({ office: true } as const);
  const now = caller.deps.now();
  const url = await caller.deps.data.blobs.presignDownload(
    t,
    evidenceObjectPath(cycle.id, owner, doc.id, v.upload),
    {
      ...(v.s3VersionId ? { versionId: v.s3VersionId } : {}),
      contentType: v.contentType,
      contentDisposition: contentDisposition(inline ? 'inline' : 'attachment', v.fileName),
      expiresSeconds: EVIDENCE_PLATFORM.downloadSeconds,
      // Signed at the real time: the link must be valid when the browser uses it, whatever the app's clock.
      now: new Date(),
    },
  );
  return {
    url,
    expiresAt: new Date(now.getTime() + EVIDENCE_PLATFORM.downloadSeconds * 1000).toISOString(),
    fileName: v.fileName,
    contentType: v.contentType,
  };
}

const bytesOf = (d: EvidenceRecord) => d.versions.reduce((n, v) => n + v.size, 0);

/** Per unit of the cycle and per indicator: how many documents and bytes; the office's own too. */
export async function evidenceOverview(caller: Caller, cycleId: string) {
  const cycle = await loadCycle(caller, cycleId);
  const t = tenant(caller);
  const records = caller.deps.data.cycleRecords;
  const [units, unitDocs, officeDocs] = await Promise.all([
    unitsInCycle(caller, cycle),
    records.all<EvidenceRecord>(t, cycle.id, 'EVID', ['U']),
    records.all<EvidenceRecord>(t, cycle.id, 'EVID', ['OFFICE']),
  ]);
  return {
    units: units.map((u) => {
      const docs = unitDocs.filter((d) => d.unit === u.code);
      const leaves = new Map<string, number>();
      for (const d of docs) if (d.leaf) leaves.set(d.leaf, (leaves.get(d.leaf) ?? 0) + 1);
      return {
        unit: u.code,
        name: u.name,
        documents: docs.length,
        bytes: docs.reduce((n, d) => n + bytesOf(d), 0),
        leaves: [...leaves]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([leaf, documents]) => ({ leaf, documents })),
      };
    }),
    office: { documents: officeDocs.length, bytes: officeDocs.reduce((n, d) => n + bytesOf(d), 0) },
    frozen: isEvidenceFrozen(cycle.state),
  };
}
