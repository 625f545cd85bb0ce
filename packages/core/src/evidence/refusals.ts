import { AppError } from '../errors/app-error';
import { DETECTED_CONTENT_LABELS } from '../vocabulary/evidence-labels';
import { extensionOf } from './kinds';
import { formatBytes } from './rules';
import { type ContentProblem, detectedContentOf } from './sniff';

/**
 * The refusals of evidence, each with its stable code and its words in Chinese and English, so the
 * console can show exactly why a file was not filed.
 */

export type EvidenceWords = { zh: string; en: string };

/** Why stored bytes are refused at confirmation (the upload is marked rejected and its object removed). */
export function contentRefusal(fileName: string, p: ContentProblem): EvidenceWords {
  const ext = extensionOf(fileName);
  switch (p.reason) {
    case 'mismatch': {
      const d = DETECTED_CONTENT_LABELS[detectedContentOf(p.detected)];
      return {
        zh: `文件内容与扩展名不符：内容为${d.zh}，扩展名为 .${ext}`,
        en: `The file's content does not match its extension: it is ${d.en}, named .${ext}`,
      };
    }
    case 'runnable_inside':
      return {
        zh: `压缩包内含可执行程序或脚本（${p.entry}），不能作为佐证材料`,
        en: `The archive holds a program or script (${p.entry}), which cannot be evidence`,
      };
    case 'encrypted_archive':
      return {
        zh: '压缩包已加密，无法检查其内容；请上传未加密的压缩包',
        en: 'The archive is encrypted, so its content cannot be checked; upload it unencrypted',
      };
    case 'unreadable_archive':
      return {
        zh: '无法读取压缩包的目录，文件可能已损坏或不完整',
        en: "The archive's directory cannot be read; the file may be damaged or incomplete",
      };
  }
}

export function sizeRefusal(declared: number, stored: number): EvidenceWords {
  const d = formatBytes(declared);
  const s = formatBytes(stored);
  const exact = (w: EvidenceWords, n: number) =>
    n >= 1024 ? { zh: `${w.zh}（${n} 字节）`, en: `${w.en} (${n} bytes)` } : w;
  const dd = exact(d, declared);
  const ss = exact(s, stored);
  return {
    zh: `上传的文件大小为 ${ss.zh}，与申请上传时声明的 ${dd.zh} 不符`,
    en: `The uploaded file is ${ss.en}, not the ${dd.en} declared when the upload was requested`,
  };
}

export const uploadRejected = (w: EvidenceWords, detail: Record<string, unknown> = {}) =>
  new AppError({ status: 422, code: 'upload_rejected', zh: w.zh, en: w.en, detail });

export const evidenceErrors = {
  frozen: (closed: boolean) =>
    new AppError({
      status: 409,
      code: 'evidence_frozen',
      zh: closed
        ? '考核周期已结束，佐证材料已锁定，不能再上传或确认文件。'
        : '考核周期已进入综合评议，本年度的佐证材料已锁定，不能再上传或确认文件。',
      en: closed
        ? 'The cycle is closed; its evidence is locked and takes no more files.'
        : "The cycle is in review; the year's evidence is locked and takes no more files.",
    }),
  immutable: () =>
    new AppError({
      status: 409,
      code: 'evidence_immutable',
      zh: '已确认的文件版本不能删除或覆盖；如需更正，请上传新版本。',
      en: 'A confirmed version cannot be deleted or replaced; upload a new version instead.',
    }),
  quotaExceeded: (used: number, size: number, quota: number) => {
    const u = formatBytes(used);
    const s = formatBytes(size);
    const q = formatBytes(quota);
    return new AppError({
      status: 409,
      code: 'quota_exceeded',
      zh: `存储空间不足：已用 ${u.zh}，加上此文件（${s.zh}）将超过配额 ${q.zh}。请联系考核办。`,
      en: `Not enough storage: ${u.en} used, and this file (${s.en}) would pass the quota of ${q.en}. Contact the office.`,
      detail: { usedBytes: used, size, quotaBytes: quota },
    });
  },
  missingObject: () =>
    new AppError({
      status: 409,
      code: 'upload_missing',
      zh: '尚未收到上传的文件：请先把文件上传到存储，再确认（上传凭证有效期内可重试）。',
      en: 'The file has not arrived: upload it to storage first, then confirm (retry while the ticket is valid).',
    }),
  rejected: (reason: EvidenceWords) =>
    new AppError({
      status: 422,
      code: 'upload_rejected',
      zh: `该上传已被拒收：${reason.zh}`,
      en: `This upload was refused: ${reason.en}`,
    }),
  officeOnly: () =>
    new AppError({
      status: 403,
      code: 'forbidden',
      zh: '无权执行此操作：只有考核办可以上传本周期的工作文件。',
      en: "You may not do this: only the office files the cycle's own documents.",
    }),
  unitOnly: () =>
    new AppError({
      status: 403,
      code: 'forbidden',
      zh: '无权执行此操作：佐证材料由被考核单位自行上传。',
      en: 'You may not do this: a unit uploads its own evidence.',
    }),
  retentionFailed: (failed: number) =>
    new AppError({
      status: 503,
      code: 'evidence_lock_incomplete',
      zh: `有 ${failed} 个文件版本未能设置保留期（对象锁定），佐证材料尚未全部锁定；请稍后重试。`,
      en: `${failed} file version(s) could not be given their retention (Object Lock); evidence is not fully locked yet. Retry shortly.`,
      retryAfterSeconds: 5,
    }),
};
