import type { EvidenceKind } from './kinds';
import type { Evidence, EvidenceVersion, UploadStatus } from './model';

/**
 * What is stored (DynamoDB, the cycle's partition) beside what the API shows: an upload from the
 * ticket to its confirmation, and a document whose versions also keep the S3 version id they were
 * checked at (never shown: a download link is presigned for it).
 */

/** Unit evidence hangs under an indicator; office documents under the cycle. */
export type EvidenceScope = { unit: string; leaf: string } | { office: true };

export interface EvidenceWho {
  id: string;
  name: string;
}

export interface UploadRecord {
  id: string;
  cycle: string;
  unit?: string;
  leaf?: string;
  /** The document this upload becomes a version of (new or existing). */
  evidence: string;
  /** Set when the upload starts a new document (its title). */
  title: string;
  fileName: string;
  kind: EvidenceKind;
  contentType: string;
  /** Declared size: the POST policy allows exactly this many bytes. */
  size: number;
  note?: string;
  status: UploadStatus;
  by: EvidenceWho;
  /**
   * After this an unconfirmed upload is cleaned away (by the app, which removes its object too; not
   * the table's TTL attribute `expiresAt`, which would drop the record and orphan the object).
   */
  pendingUntil: string;
  /** Why the stored bytes were refused. */
  reason?: { zh: string; en: string };
  /** Filled by the check at confirmation. */
  sha256?: string;
  s3VersionId?: string;
  /** The version number it was filed as. */
  n?: number;
  /** When its bytes were added to the tenant's usage (exactly once). */
  countedAt?: string;
  /** Set once, by the one confirm that counts the bytes (a permanent claim: no count twice). */
  countClaimedAt?: string;
  confirmedAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface StoredVersion extends EvidenceVersion {
  s3VersionId?: string;
}

export interface EvidenceRecord extends Omit<Evidence, 'versions'> {
  versions: StoredVersion[];
}
