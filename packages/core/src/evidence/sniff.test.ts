import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_KIND_SPECS, EVIDENCE_KINDS, type EvidenceKind } from './kinds';
import { contentRefusal } from './refusals';
import { contentProblem, detectContent, detectedContentOf } from './sniff';
import { storedZip, zipEntries } from './zip';

const enc = new TextEncoder();
const bytes = (...xs: number[]) => new Uint8Array(xs);
const cat = (...xs: Uint8Array[]) => {
  const out = new Uint8Array(xs.reduce((n, x) => n + x.length, 0));
  let i = 0;
  for (const x of xs) {
    out.set(x, i);
    i += x.length;
  }
  return out;
};
const file = (name: string, text = 'x') => ({ name, data: enc.encode(text) });
const detect = (b: Uint8Array) => detectContent(b.subarray(0, 4096), b, b.length);

/** A minimal file of each kind, as the real programs write them (structure, not content). */
export const SAMPLES: Record<EvidenceKind, Uint8Array> = {
  pdf: enc.encode('%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n'),
  ofd: storedZip([file('OFD.xml', '<ofd:OFD/>'), file('Doc_0/Document.xml')]),
  doc: cat(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), new Uint8Array(504)),
  wps: cat(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), new Uint8Array(504)),
  xls: cat(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), new Uint8Array(504)),
  et: cat(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), new Uint8Array(504)),
  ppt: cat(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), new Uint8Array(504)),
  docx: storedZip([file('[Content_Types].xml'), file('_rels/.rels'), file('word/document.xml')]),
  xlsx: storedZip([file('[Content_Types].xml'), file('xl/workbook.xml'), file('xl/worksheets/sheet1.xml')]),
  pptx: storedZip([file('[Content_Types].xml'), file('ppt/presentation.xml')]),
  odt: storedZip([file('mimetype', 'application/vnd.oasis.opendocument.text'), file('content.xml')]),
  ods: storedZip([file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'), file('content.xml')]),
  jpg: cat(bytes(0xff, 0xd8, 0xff, 0xe0), enc.encode('JFIF'), new Uint8Array(32)),
  png: cat(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), new Uint8Array(32)),
  zip: storedZip([file('2025 台账/说明.txt', '台账'), file('照片/1.jpg')]),
};
const EXE = cat(enc.encode('MZ'), new Uint8Array(200));

describe('detecting what bytes are', () => {
  it('files each kind of evidence as itself', () => {
    for (const kind of EVIDENCE_KINDS) {
      const d = detect(SAMPLES[kind]);
      expect(detectedContentOf(d), kind).toBe(EVIDENCE_KIND_SPECS[kind].family);
      expect(contentProblem(kind, d), kind).toBeUndefined();
    }
  });

  it('reads a zip as a zip even when an entry name puts "%PDF-" in its first KiB', () => {
    const disguised = storedZip([file('%PDF-1.7 看这里.txt'), file('setup.exe', 'MZ')]);
    const d = detect(disguised);
    expect(detectedContentOf(d)).toBe('zip');
    expect(contentProblem('pdf', d)?.reason).toBe('mismatch');
  });

  it('refuses an executable whatever its name says, and names both in the reason', () => {
    for (const kind of EVIDENCE_KINDS) {
      const p = contentProblem(kind, detect(EXE));
      expect(p?.reason, kind).toBe('mismatch');
    }
    const words = contentRefusal('报告.pdf', contentProblem('pdf', detect(EXE))!);
    expect(words.zh).toBe('文件内容与扩展名不符：内容为可执行程序，扩展名为 .pdf');
    expect(words.en).toContain('an executable program');
  });

  it('tells the families apart: a docx renamed .xlsx or .pdf is refused; any zip container is a .zip', () => {
    expect(contentProblem('xlsx', detect(SAMPLES.docx))?.reason).toBe('mismatch');
    expect(contentProblem('pdf', detect(SAMPLES.docx))?.reason).toBe('mismatch');
    expect(contentProblem('docx', detect(SAMPLES.zip))?.reason).toBe('mismatch');
    expect(contentProblem('zip', detect(SAMPLES.docx))).toBeUndefined();
    expect(contentProblem('png', detect(SAMPLES.jpg))?.reason).toBe('mismatch');
    expect(contentProblem('doc', detect(SAMPLES.pdf))?.reason).toBe('mismatch');
  });

  it('refuses programs inside an archive, encrypted archives and archives without a directory', () => {
    const withExe = storedZip([file('说明.txt'), file('tools/setup.EXE')]);
    expect(contentProblem('zip', detect(withExe))).toEqual({
      reason: 'runnable_inside',
      entry: 'tools/setup.EXE',
    });
    const locked = storedZip([{ ...file('a.txt'), encrypted: true }]);
    expect(contentProblem('zip', detect(locked))?.reason).toBe('encrypted_archive');
    const cut = SAMPLES.zip.subarray(0, SAMPLES.zip.length - 10);
    expect(contentProblem('zip', detect(cut))?.reason).toBe('unreadable_archive');
  });

  it('names foreign content: scripts, web pages, other images and archives, text', () => {
    const of = (s: string | Uint8Array) =>
      detectedContentOf(detect(typeof s === 'string' ? enc.encode(s) : s));
    expect(of('#!/bin/sh\nrm -rf /')).toBe('script');
    expect(of('  <!DOCTYPE html><html>')).toBe('web_page');
    expect(of('GIF89a....')).toBe('other_image');
    expect(of(bytes(0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0))).toBe('other_archive');
    expect(of('年度工作总结\n')).toBe('text');
    expect(of(bytes(0x00, 0x01, 0x02))).toBe('unknown');
    expect(of(bytes(0x7f, 0x45, 0x4c, 0x46, 2))).toBe('executable');
  });

  it('reads the central directory from a tail of the file only (ZIP names in UTF-8)', () => {
    const big = cat(storedZip([file('a.bin', 'x'.repeat(100_000)), file('目录/b.txt')]));
    const tail = big.subarray(big.length - 2000);
    expect(zipEntries(tail, big.length)?.map((e) => e.name)).toEqual(['a.bin', '目录/b.txt']);
    // A directory that starts before the tail cannot be read.
    expect(zipEntries(big.subarray(big.length - 30), big.length)).toBeUndefined();
  });

  it('never throws and always answers, whatever the bytes (fast-check)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom(...EVIDENCE_KINDS), (b, kind) => {
        const d = detect(b);
        const p = contentProblem(kind, d);
        if (p) expect(contentRefusal(`x.${kind}`, p).zh.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('a file prefixed with an executable header is always refused (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(EXE.subarray(0, 2), bytes(0x7f, 0x45, 0x4c, 0x46), bytes(0xcf, 0xfa, 0xed, 0xfe)),
        fc.constantFrom(...EVIDENCE_KINDS),
        fc.uint8Array({ maxLength: 300 }),
        (header, kind, rest) => {
          const p = contentProblem(kind, detect(cat(header, rest)));
          expect(p?.reason).toBe('mismatch');
        },
      ),
    );
  });

  it('garbage appended to or inside a zip never makes a docx of a plain zip (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}\/[a-z]{1,8}\.txt$/), { maxLength: 8 }), (names) => {
        const z = storedZip(names.map((n) => file(n)));
        const d = detect(z);
        expect(detectedContentOf(d)).toBe('zip');
        expect(contentProblem('zip', d)).toBeUndefined();
        expect(contentProblem('docx', d)?.reason).toBe('mismatch');
      }),
    );
  });
});
