import type { CycleState } from '../cycles/model';
import type { FieldIssue } from '../errors/app-error';
import { EVIDENCE_KIND_LABELS } from '../vocabulary/evidence-labels';
import { EVIDENCE_KIND_SPECS, type EvidenceKind, extensionOf, kindOfFileName } from './kinds';
import type { EvidenceSettings } from './model';
import { EVIDENCE_PLATFORM } from './model';

/**
 * The rules of evidence that need no storage: when files are accepted, what an upload request may
 * ask for, how long locked evidence is kept, and how a download names its file. Pure.
 */

/**
 * A unit files evidence from planning through verification; the evaluation freezes it when the
 * cycle moves to review. The office files its own documents (e.g. the review meeting's papers)
 * until the cycle closes; those filed during review are locked as they are filed.
 */
export const UNIT_UPLOAD_STATES: readonly CycleState[] = [
  'planning',
  'monitoring',
  'self_assessment',
  'verification',
];
export const OFFICE_UPLOAD_STATES: readonly CycleState[] = [
  'draft',
  'planning',
  'monitoring',
  'self_assessment',
  'verification',
  'review',
];
/** From review on, the evaluation's evidence is frozen (locked, retained). */
export const isEvidenceFrozen = (state: CycleState): boolean => state === 'review' || state === 'closed';

/** A size in words: 1.5 MB, 300 KB, 12 字节 / bytes. */
export function formatBytes(bytes: number): { zh: string; en: string } {
  const KiB = 1024;
  const MiB = KiB * 1024;
  const GiB = MiB * 1024;
  const round = (x: number) => (x >= 100 ? Math.round(x) : Math.round(x * 10) / 10);
  if (bytes >= GiB) return { zh: `${round(bytes / GiB)} GB`, en: `${round(bytes / GiB)} GB` };
  if (bytes >= MiB) return { zh: `${round(bytes / MiB)} MB`, en: `${round(bytes / MiB)} MB` };
  if (bytes >= KiB) return { zh: `${round(bytes / KiB)} KB`, en: `${round(bytes / KiB)} KB` };
  return { zh: `${bytes} 字节`, en: `${bytes} bytes` };
}

/** The tenant's usage when a request is made. */
export interface UsageNow {
  usedBytes: number;
  quotaBytes: number;
}

/**
 * The problems of an upload request against the tenant's settings: the kind its name claims (known,
 * allowed) and its size (the tenant's per-file limit). Field paths as the body names them.
 */
export function uploadRequestIssues(
  req: { fileName: string; size: number },
  settings: EvidenceSettings,
): { kind?: EvidenceKind; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const kind = kindOfFileName(req.fileName);
  const allowed = settings.allowedKinds.flatMap((k) => EVIDENCE_KIND_SPECS[k].extensions.map((e) => `.${e}`));
  if (!kind) {
    const ext = extensionOf(req.fileName);
    issues.push({
      path: 'body.fileName',
      zh: `${ext ? `不接受 .${ext} 文件` : '文件名没有扩展名'}；可上传的类型：${allowed.join('、')}`,
      en: `${ext ? `.${ext} files are not accepted` : 'The file name has no extension'}; accepted: ${allowed.join(', ')}`,
    });
  } else if (!settings.allowedKinds.includes(kind)) {
    issues.push({
      path: 'body.fileName',
      zh: `本地区不接受${EVIDENCE_KIND_LABELS[kind].zh}作为佐证材料；可上传的类型：${allowed.join('、')}`,
      en: `${EVIDENCE_KIND_LABELS[kind].en} files are not accepted here; accepted: ${allowed.join(', ')}`,
    });
  }
  if (req.size > settings.maxFileBytes) {
    const max = formatBytes(settings.maxFileBytes);
    const got = formatBytes(req.size);
    issues.push({
      path: 'body.size',
      zh: `文件大小为 ${got.zh}，超过单个文件上限 ${max.zh}`,
      en: `The file is ${got.en}, over the per-file limit of ${max.en}`,
    });
  }
  return { ...(kind ? { kind } : {}), issues };
}

/** Whether `size` more bytes would pass the quota. */
export const exceedsQuota = (usage: UsageNow, size: number): boolean =>
  usage.usedBytes + size > usage.quotaBytes;

/** The day retention ends: `years` after locking (Object Lock retain-until, UTC). */
export function retainUntilOf(lockedAt: Date, years: number = EVIDENCE_PLATFORM.retentionYears): Date {
  const d = new Date(lockedAt.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

/** The title of a new document: its first file's name without the extension. */
export const titleOf = (fileName: string): string => {
  const ext = extensionOf(fileName);
  return ext ? fileName.slice(0, fileName.length - ext.length - 1) : fileName;
};

/**
 * A Content-Disposition header (RFC 6266) for a download: an ASCII fallback name for old clients and
 * the real name as RFC 5987 `filename*=UTF-8''…`, so 2025 年度工作方案.pdf arrives with its name.
 */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  const fallback = [...fileName]
    .map((ch) => (/[\x20-\x7e]/.test(ch) && ch !== '"' && ch !== '\\' && ch !== '%' ? ch : '_'))
    .join('');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
