import { EVIDENCE_KINDS } from '@jixiao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptOf, extensionsOf, formatBytes, kindsText, sharePct, shortHash, toGb, toMb } from './format';

describe('evidence figures', () => {
  it('reads sizes in 字节, KB, MB and GB, with one decimal below 100', () => {
    expect(formatBytes(512, 'zh')).toBe('512 字节');
    expect(formatBytes(512, 'en')).toBe('512 bytes');
    expect(formatBytes(1024, 'zh')).toBe('1 KB');
    expect(formatBytes(12_800, 'zh')).toBe('12.5 KB');
    expect(formatBytes(50 * 1024 * 1024, 'en')).toBe('50 MB');
    expect(formatBytes(150.3 * 1024, 'zh')).toBe('150 KB');
    expect(formatBytes(1.25 * 1024 ** 3, 'zh')).toBe('1.3 GB');
    expect(toMb(50 * 1024 * 1024)).toBe('50');
    expect(toGb(20 * 1024 ** 3)).toBe('20');
    expect(sharePct(0.125)).toBe('12.5%');
  });

  it('never reads a bigger size as a smaller number of the same unit (fast-check)', () => {
    const value = (s: string) => {
      const [n, u] = s.split(' ');
      const scale = { GB: 1024 ** 3, MB: 1024 ** 2, KB: 1024 }[u!] ?? 1;
      return Number(n) * scale;
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 2 ** 40 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(value(formatBytes(lo, 'en'))).toBeLessThanOrEqual(value(formatBytes(hi, 'en')) + 1e-9);
      }),
    );
  });

  it('shortens a hash and lists the kinds with their extensions', () => {
    expect(shortHash('a'.repeat(64))).toBe('a'.repeat(12));
    expect(kindsText(['pdf', 'jpg'], 'zh')).toBe('PDF 文档、JPEG 图片');
    expect(extensionsOf(['jpg'])).toEqual(['jpg', 'jpeg']);
    expect(acceptOf(['pdf', 'png'])).toBe('.pdf,.png');
    expect(extensionsOf(EVIDENCE_KINDS).length).toBeGreaterThanOrEqual(EVIDENCE_KINDS.length);
  });
});
