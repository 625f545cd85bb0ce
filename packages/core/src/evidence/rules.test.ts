import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_KINDS } from './kinds';
import { DEFAULT_EVIDENCE_SETTINGS, EVIDENCE_PLATFORM } from './model';
import { sizeRefusal } from './refusals';
import {
  contentDisposition,
  exceedsQuota,
  formatBytes,
  isEvidenceFrozen,
  retainUntilOf,
  titleOf,
  uploadRequestIssues,
} from './rules';

describe('upload requests', () => {
  it('accepts a known, allowed kind within the per-file limit', () => {
    const r = uploadRequestIssues({ fileName: '2025 年度台账.PDF', size: 1000 }, DEFAULT_EVIDENCE_SETTINGS);
    expect(r).toEqual({ kind: 'pdf', issues: [] });
  });

  it('names the field and the accepted types for an unknown extension, a disallowed kind, a size over the limit', () => {
    const settings = { allowedKinds: ['pdf', 'jpg'] as const, maxFileBytes: 1024 * 1024 };
    const unknown = uploadRequestIssues(
      { fileName: 'setup.exe', size: 10 },
      { ...settings, allowedKinds: [...settings.allowedKinds] },
    );
    expect(unknown.issues).toEqual([
      expect.objectContaining({
        path: 'body.fileName',
        zh: '不接受 .exe 文件；可上传的类型：.pdf、.jpg、.jpeg',
      }),
    ]);
    const disallowed = uploadRequestIssues(
      { fileName: 'a.docx', size: 10 },
      { ...settings, allowedKinds: ['pdf'] },
    );
    expect(disallowed.kind).toBe('docx');
    expect(disallowed.issues[0]!.zh).toContain('本地区不接受Word 文档（.docx）');
    const big = uploadRequestIssues(
      { fileName: 'a.pdf', size: 3 * 1024 * 1024 },
      { ...settings, allowedKinds: ['pdf'] },
    );
    expect(big.issues).toEqual([
      {
        path: 'body.size',
        zh: '文件大小为 3 MB，超过单个文件上限 1 MB',
        en: 'The file is 3 MB, over the per-file limit of 1 MB',
      },
    ]);
    expect(
      uploadRequestIssues({ fileName: 'noext', size: 1 }, DEFAULT_EVIDENCE_SETTINGS).issues[0]!.zh,
    ).toContain('文件名没有扩展名');
  });

  it('every extension of every allowed kind is accepted (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EVIDENCE_KINDS),
        fc.string({ minLength: 1, maxLength: 20 }),
        (kind, stem) => {
          const stemOk = stem.replace(/[./\\]/g, '_');
          const r = uploadRequestIssues(
            { fileName: `${stemOk}.${kind === 'jpg' ? 'JPEG' : kind}`, size: 1 },
            DEFAULT_EVIDENCE_SETTINGS,
          );
          expect(r.kind).toBe(kind);
          expect(r.issues).toEqual([]);
        },
      ),
    );
  });

  it('the quota counts what is used plus the new file', () => {
    expect(exceedsQuota({ usedBytes: 90, quotaBytes: 100 }, 10)).toBe(false);
    expect(exceedsQuota({ usedBytes: 90, quotaBytes: 100 }, 11)).toBe(true);
  });
});

describe('locking and downloads', () => {
  it('freezes from review on', () => {
    expect(isEvidenceFrozen('verification')).toBe(false);
    expect(isEvidenceFrozen('review')).toBe(true);
    expect(isEvidenceFrozen('closed')).toBe(true);
  });

  it('retains for the platform years after locking', () => {
    expect(retainUntilOf(new Date('2026-01-20T04:00:00Z')).toISOString()).toBe(
      `${2026 + EVIDENCE_PLATFORM.retentionYears}-01-20T04:00:00.000Z`,
    );
  });

  it('names a Chinese file in RFC 5987 form with an ASCII fallback', () => {
    expect(contentDisposition('attachment', '2025 年度绩效评估工作方案.pdf')).toBe(
      `attachment; filename="2025 __________.pdf"; filename*=UTF-8''2025%20%E5%B9%B4%E5%BA%A6%E7%BB%A9%E6%95%88%E8%AF%84%E4%BC%B0%E5%B7%A5%E4%BD%9C%E6%96%B9%E6%A1%88.pdf`,
    );
    expect(contentDisposition('inline', `a"b'(c).png`)).toBe(
      `inline; filename="a_b'(c).png"; filename*=UTF-8''a%22b%27%28c%29.png`,
    );
  });

  it('a disposition round-trips any file name and never breaks the header (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }), (name) => {
        const h = contentDisposition('attachment', name);
        expect(h).not.toMatch(/[\r\n]/);
        const star = h.split("filename*=UTF-8''")[1]!;
        expect(decodeURIComponent(star)).toBe(name);
        expect(/^[\x20-\x7e]*$/.test(h)).toBe(true);
      }),
    );
  });

  it('titles, sizes and size refusals in words', () => {
    expect(titleOf('2025 年度台账.xlsx')).toBe('2025 年度台账');
    expect(formatBytes(1536).zh).toBe('1.5 KB');
    expect(sizeRefusal(100, 5000).zh).toBe(
      '上传的文件大小为 4.9 KB（5000 字节），与申请上传时声明的 100 字节 不符',
    );
  });
});
