import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FONT_FILES, fontOf, fontPath } from './fonts';

const saved = process.env.REPORT_FONT_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.REPORT_FONT_DIR;
  else process.env.REPORT_FONT_DIR = saved;
});

describe('the report font', () => {
  it('comes from the registry package by default, parsed once per process', () => {
    delete process.env.REPORT_FONT_DIR;
    expect(fontPath('regular')).toMatch(
      /@expo-google-fonts\/noto-sans-sc\/400Regular\/NotoSansSC_400Regular\.ttf$/,
    );
    expect(fontPath('bold')).toMatch(/700Bold\/NotoSansSC_700Bold\.ttf$/);
    expect(fontOf('regular').postscriptName).toBe('NotoSansSC-Regular');
    expect(fontOf('regular')).toBe(fontOf('regular'));
  });

  it('comes from REPORT_FONT_DIR when set (the Lambda bundle ships the two files flat there)', () => {
    delete process.env.REPORT_FONT_DIR;
    const packaged = dirname(fontPath('bold'));
    process.env.REPORT_FONT_DIR = packaged;
    expect(fontPath('bold')).toBe(join(packaged, FONT_FILES.bold.file));
    expect(fontOf('bold').postscriptName).toBe('NotoSansSC-Bold');
  });

  it('says where it looked when the file is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-fonts-'));
    try {
      process.env.REPORT_FONT_DIR = empty;
      expect(() => fontOf('regular')).toThrow(
        /report font missing: .*NotoSansSC_400Regular\.ttf \(set REPORT_FONT_DIR/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
