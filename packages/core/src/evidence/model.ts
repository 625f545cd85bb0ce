import { z } from 'zod';
import { idPattern } from '../ids';
import { codeSchema } from '../org/schemas';
import { EVIDENCE_KINDS } from './kinds';

/**
 * Evidence (佐证材料) of a cycle: documents a unit files per indicator (or the office files for the
 * cycle as a whole, e.g. the review meeting's papers), each with numbered versions that are never
 * overwritten. A file reaches S3 by presigned POST and counts only once the API has checked its
 * bytes (size, kind sniffed from the bytes, SHA-256) in the confirm call.
 */

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** The platform's limits: no tenant setting may exceed them (示例 values, chosen in #9). */
export const EVIDENCE_PLATFORM = {
  /** The largest file any tenant may allow. */
  maxFileBytes: 200 * MiB,
  /** A tenant's per-file limit unless it sets its own. */
  defaultMaxFileBytes: 50 * MiB,
  /** A tenant's storage quota unless the platform operator sets another. */
  defaultQuotaBytes: 20 * GiB,
  /** The largest quota the operator may set. */
  maxQuotaBytes: 10 * 1024 * GiB,
  /** How long a presigned upload or download stays valid. */
  uploadSeconds: 900,
  downloadSeconds: 300,
  /** An unconfirmed upload is cleaned away after this long. */
  pendingHours: 24,
  /** How long locked evidence is retained under S3 Object Lock (government archive practice). */
  retentionYears: 10,
} as const;

export const evidenceKindSchema = z.enum(EVIDENCE_KINDS);

/** What a tenant's office chooses: the kinds it accepts and the per-file limit. */
export const evidenceSettingsSchema = z
  .object({
    allowedKinds: z.array(evidenceKindSchema).min(1).max(EVIDENCE_KINDS.length),
    maxFileBytes: z.number().int().min(1024).max(EVIDENCE_PLATFORM.maxFileBytes),
  })
  .strict()
  .meta({ id: 'EvidenceSettings' });
export type EvidenceSettings = z.infer<typeof evidenceSettingsSchema>;

export const DEFAULT_EVIDENCE_SETTINGS: EvidenceSettings = {
  allowedKinds: [...EVIDENCE_KINDS],
  maxFileBytes: EVIDENCE_PLATFORM.defaultMaxFileBytes,
};

export const evidenceSettingsPutSchema = evidenceSettingsSchema
  .extend({ version: z.number().int().positive().optional() })
  .meta({ id: 'EvidenceSettingsPut' });

/** The operator's quota for a tenant. */
export const storageQuotaPutSchema = z
  .object({ quotaBytes: z.number().int().min(GiB).max(EVIDENCE_PLATFORM.maxQuotaBytes) })
  .strict()
  .meta({ id: 'StorageQuotaPut' });

/** A tenant's storage: what its confirmed files take, its quota and its evidence settings. */
export const storageViewSchema = z
  .object({
    tenant: z.string(),
    usedBytes: z.number().int().min(0),
    files: z.number().int().min(0),
    quotaBytes: z.number().int().positive(),
    /** usedBytes / quotaBytes, 0..1 (may pass 1 only if the quota was lowered below use). */
    usedShare: z.number().min(0),
    settings: evidenceSettingsSchema,
    /** The platform's ceiling for `settings.maxFileBytes`. */
    platformMaxFileBytes: z.number().int().positive(),
    version: z.number().int().min(0),
  })
  .meta({ id: 'StorageView' });
export type StorageView = z.infer<typeof storageViewSchema>;

/** A file name as the user's computer calls it: no path, no control characters. */
export const fileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine(
    (n) => ![...n].some((ch) => ch === '/' || ch === '\\' || ch.charCodeAt(0) < 32 || ch === '\u007f'),
    {
      message: '文件名不能包含路径或控制字符 / a file name has no path or control characters',
    },
  );

/** Asking to upload one file (then POST it to S3 with the ticket, then confirm). */
export const uploadRequestSchema = z
  .object({
    /** The indicator the file supports (unit evidence); omitted for the office's documents. */
    leaf: codeSchema.optional(),
    /** A new version of this document; omitted for a new document. */
    evidence: z.string().regex(idPattern('evidence')).optional(),
    fileName: fileNameSchema,
    /** The file's size in bytes, as the browser read it; the stored object must have exactly it. */
    size: z.number().int().min(1).max(EVIDENCE_PLATFORM.maxFileBytes),
    note: z.string().trim().max(200).optional(),
  })
  .strict()
  .meta({ id: 'UploadRequest' });
export type UploadRequest = z.infer<typeof uploadRequestSchema>;

/** Where and how to POST the file: S3's presigned form (every field goes in the form, then the file). */
export const uploadTicketSchema = z
  .object({
    upload: z.string(),
    evidence: z.string(),
    url: z.string(),
    fields: z.record(z.string(), z.string()),
    /** The form field the file goes in (last). */
    fileField: z.literal('file'),
    contentType: z.string(),
    kind: evidenceKindSchema,
    size: z.number().int(),
    expiresAt: z.string(),
  })
  .meta({ id: 'UploadTicket' });
export type UploadTicket = z.infer<typeof uploadTicketSchema>;

export const UPLOAD_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type UploadStatus = (typeof UPLOAD_STATUSES)[number];

const who = z.object({ id: z.string(), name: z.string() });

/** One confirmed version of a document: what was checked and who filed it. */
export const evidenceVersionSchema = z.object({
  n: z.number().int().positive(),
  upload: z.string(),
  fileName: z.string(),
  kind: evidenceKindSchema,
  contentType: z.string(),
  size: z.number().int().positive(),
  /** Hex SHA-256 of the stored bytes, computed by the API. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  note: z.string().optional(),
  by: who,
  at: z.string(),
  /** Locked when the cycle's evaluation was frozen; retained (Object Lock in the cloud) until then. */
  lockedAt: z.string().optional(),
  retainUntil: z.string().optional(),
});
export type EvidenceVersion = z.infer<typeof evidenceVersionSchema>;

/** A document and its versions (newest last). `unit` absent: the office's own document. */
export const evidenceSchema = z
  .object({
    id: z.string(),
    cycle: z.string(),
    unit: z.string().optional(),
    leaf: z.string().optional(),
    title: z.string(),
    versions: z.array(evidenceVersionSchema),
    version: z.number().int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Evidence' });
export type Evidence = z.infer<typeof evidenceSchema>;

/** A list of documents, and what the caller may do there now. */
export const evidenceListSchema = z
  .object({
    items: z.array(evidenceSchema),
    /** Whether new files and versions are accepted now (the cycle's evaluation not frozen, the caller may). */
    canUpload: z.boolean(),
    /** Why not, in words, when not. */
    frozen: z.object({ zh: z.string(), en: z.string() }).optional(),
    settings: evidenceSettingsSchema,
  })
  .meta({ id: 'EvidenceList' });

/** A short-lived link to a version's bytes. */
export const downloadLinkSchema = z
  .object({ url: z.string(), expiresAt: z.string(), fileName: z.string(), contentType: z.string() })
  .meta({ id: 'DownloadLink' });

/** The office's view of a cycle's evidence: per unit and indicator, how many documents and bytes. */
export const evidenceOverviewSchema = z
  .object({
    units: z.array(
      z.object({
        unit: z.string(),
        name: z.string(),
        documents: z.number().int(),
        bytes: z.number().int(),
        leaves: z.array(z.object({ leaf: z.string(), documents: z.number().int() })),
      }),
    ),
    office: z.object({ documents: z.number().int(), bytes: z.number().int() }),
    frozen: z.boolean(),
  })
  .meta({ id: 'EvidenceOverview' });
