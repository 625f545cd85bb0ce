import type { Evidence, EvidenceRecord } from '@jixiao/core';

/** A document as the API shows it: the S3 version ids it keeps stay inside. */
export function evidenceView(doc: EvidenceRecord): Evidence {
  return {
    ...doc,
    versions: doc.versions.map(({ s3VersionId: _, ...v }) => v),
  };
}
