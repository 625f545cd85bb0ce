import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPORT_KINDS } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeTools } from '../support/office-tools';
import { type PdfFont, type PdfInfo, pdfFonts, pdfInfo, pdfText } from '../support/pdf-facts';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Every PDF the product writes, read back by poppler (pdfinfo, pdffonts, pdftotext): the result
 * reports of every kind in core's REPORT_KINDS (the unit's for each unit), as the office downloads
 * them and as the public portal publishes them, from the demo's released 2024 run of 哈尔滨市. Each
 * must embed its fonts as subsets with a Unicode map, give its Chinese text back (the names, totals
 * and grades the results API gives for the same run), and be A4 portrait on every page, as the
 * writer declares (pdfkit `size: 'A4'`). The pdfkit report writer is the product's only PDF writer.
 */
const tools = officeTools();
if (!tools.poppler)
  console.log(
    'clients: NOTICE — poppler-utils is not installed: the checks of every report PDF (fonts, text, page size) did not run',
  );

/** ISO 216 A4 in points (1 pt = 1/72 in): what pdfkit's `size: 'A4'` declares. */
const A4 = { width: (210 * 72) / 25.4, height: (297 * 72) / 25.4 };
const T = '230100';

interface ReadPdf {
  label: string;
  audience: 'office' | 'public';
  kind: string;
  unit?: string;
  bytes: number;
  info: PdfInfo;
  fonts: PdfFont[];
  text: string;
}

interface ResultRow {
  unit: string;
  name: string;
  total: { shown: string };
  gradeLabel: { zh: string };
}

const squash = (s: string) => s.replace(/\s+/g, '');
/** A number as a whole token (not the digits of a longer number). */
const hasNumber = (text: string, n: string) =>
  new RegExp(`(?<![\\d.])${n.replace('.', '\\.')}(?![\\d.])`).test(text);

describe.runIf(!!tools.poppler)('every PDF the product writes, read back by poppler', () => {
  let s: TestStack;
  let dir: string;
  let rows: ResultRow[];
  const pdfs: ReadPdf[] = [];
  const began = performance.now();

  beforeAll(async () => {
    s = await startTestStack({ demoYear: true, demoResults: true });
    dir = mkdtempSync(join(tmpdir(), 'jixiao-pdf-files-'));
    const token = await s.token(T, 'hrb-admin');
    const get = async (path: string) => {
      const r = await s.call('GET', path, { token });
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${r.text.slice(0, 300)}`);
      return r.body;
    };
    const cycle = (await get('/v1/cycles')).items.find((c: { year: number }) => c.year === 2024);
    const run = (await get(`/v1/cycles/${cycle.id}/evaluation`)).released.run;
    rows = (await get(`/v1/cycles/${cycle.id}/evaluation/runs/${run}/results`)).rows;
    const published = (await get(`/v1/cycles/${cycle.id}/publication`)).publication;
    if (published?.run !== run) throw new Error('the demo should publish its released 2024 run');

    const read = async (p: Omit<ReadPdf, 'bytes' | 'info' | 'fonts' | 'text'>, url: string) => {
      const res = await fetch(url);
      if (res.status !== 200) throw new Error(`${p.label}: ${res.status} from ${url}`);
      const file = join(dir, `${pdfs.length + 1}.pdf`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      writeFileSync(file, bytes);
      const [info, fonts, text] = await Promise.all([pdfInfo(file), pdfFonts(file), pdfText(file)]);
      pdfs.push({ ...p, bytes: bytes.byteLength, info, fonts, text });
    };

    // The office's downloads: every kind, the unit's for each unit of the run.
    const index = await get(`/v1/cycles/${cycle.id}/reports`);
    for (const kind of REPORT_KINDS) {
      const units: (string | undefined)[] =
        kind === 'unit' ? index.units.map((u: { code: string }) => u.code) : [undefined];
      for (const unit of units) {
        const q = unit ? `?unit=${unit}` : '';
        const file = await get(`/v1/cycles/${cycle.id}/reports/${kind}/pdf${q}`);
        await read(
          { label: `office ${kind}${unit ? ` ${unit}` : ''}`, audience: 'office', kind, unit },
          file.url,
        );
      }
    }

    // The public portal's downloads: the links it shows for the cycle and for each unit (302 to the file).
    const P = `/v1/public/${T}/results/${cycle.id}`;
    const view = (await s.call('GET', P)).body;
    const links: { kind: string; format: string; href: string }[] = [...view.reports];
    for (const g of view.groups)
      for (const r of g.rows) links.push(...(await s.call('GET', `${P}/units/${r.unit}`)).body.reports);
    for (const l of links.filter((x) => x.format === 'pdf')) {
      const res = await s.fetch(new Request(`${s.url}${l.href}`, { redirect: 'manual' }));
      if (res.status !== 302) throw new Error(`${l.href}: ${res.status}`);
      const unit = new URL(l.href, s.url).searchParams.get('unit') ?? undefined;
      const label = `public ${l.kind}${unit ? ` ${unit}` : ''}`;
      await read({ label, audience: 'public', kind: l.kind, unit }, res.headers.get('location')!);
    }
  }, 600_000);

  afterAll(async () => {
    await s?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    const pages = pdfs.reduce((n, p) => n + p.info.pages, 0);
    const kib = Math.round(pdfs.reduce((n, p) => n + p.bytes, 0) / 1024);
    console.log(
      `clients: poppler read ${pdfs.length} PDFs (${pages} pages, ${kib} KiB: ${REPORT_KINDS.join(', ')}; office and public) — fonts embedded as subsets, text, A4 — in ${((performance.now() - began) / 1000).toFixed(1)} s`,
    );
  });

  it('reads every report kind, for the office and for the public, and each unit’s report', () => {
    for (const audience of ['office', 'public'] as const) {
      const mine = pdfs.filter((p) => p.audience === audience);
      expect(new Set(mine.map((p) => p.kind)), audience).toEqual(new Set(REPORT_KINDS));
      const units = mine.filter((p) => p.kind === 'unit').map((p) => p.unit);
      expect(units.sort(), audience).toEqual(rows.map((r) => r.unit).sort());
    }
  });

  it('embeds every font, as a subset (ABCDEF+Name) with a Unicode map', () => {
    for (const p of pdfs) {
      expect(p.fonts.length, p.label).toBeGreaterThan(0);
      for (const f of p.fonts) {
        const where = `${p.label}: ${f.name} (${f.type})`;
        expect({ embedded: f.embedded, subset: f.subset, unicode: f.unicode }, where).toEqual({
          embedded: true,
          subset: true,
          unicode: true,
        });
        expect(f.name, where).toMatch(/^[A-Z]{6}\+/);
      }
    }
  });

  it('lays every page on A4 portrait, as the writer declares, unrotated', () => {
    for (const p of pdfs) {
      expect(p.info.pages, p.label).toBeGreaterThan(0);
      expect(p.info.encrypted, p.label).toBe(false);
      expect(
        p.info.boxes.map((b) => b.page),
        p.label,
      ).toEqual(Array.from({ length: p.info.pages }, (_, i) => i + 1));
      for (const b of p.info.boxes) {
        const where = `${p.label} page ${b.page}: ${b.width} × ${b.height} pt`;
        expect(Math.abs(b.width - A4.width), where).toBeLessThanOrEqual(1);
        expect(Math.abs(b.height - A4.height), where).toBeLessThanOrEqual(1);
        expect(b.rotation, where).toBe(0);
      }
    }
  });

  it('gives its Chinese text back: no replacement characters, no private-use glyphs, the title', () => {
    for (const p of pdfs) {
      expect(p.text, p.label).not.toContain('\uFFFD');
      expect(p.text, p.label).not.toMatch(/[\uE000-\uF8FF]/);
      const cjk = p.text.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
      expect(cjk, p.label).toBeGreaterThan(200);
      // The document's title (its info, as a viewer's title bar shows it) is printed on its first page.
      expect(p.info.title, p.label).toMatch(/[\u4e00-\u9fff]/);
      const first = p.text.split('\f')[0] ?? '';
      expect(squash(first), p.label).toContain(squash(p.info.title!));
    }
  });

  it('numbers every page 第 i 页 共 N 页, N being the page count poppler reads', () => {
    for (const p of pdfs) {
      // pdftotext ends every page with a form feed.
      const pages = p.text.split('\f').slice(0, p.info.pages);
      expect(pages.length, p.label).toBe(p.info.pages);
      for (const [i, text] of pages.entries())
        expect(squash(text), `${p.label} page ${i + 1}`).toContain(`第${i + 1}页共${p.info.pages}页`);
    }
  });

  it('says what the results API says for the same run: each unit’s name, total and grade', () => {
    for (const p of pdfs) {
      const mine = p.kind === 'unit' ? rows.filter((r) => r.unit === p.unit) : rows;
      expect(mine.length, p.label).toBeGreaterThan(0);
      for (const r of mine) {
        const where = `${p.label}: ${r.name} ${r.total.shown} ${r.gradeLabel.zh}`;
        if (p.kind === 'unit') {
          expect(p.info.title, where).toContain(r.name);
          expect(p.text, where).toContain(r.name);
          expect(hasNumber(p.text, r.total.shown), where).toBe(true);
          expect(p.text, where).toContain(r.gradeLabel.zh);
        } else {
          // A report of all units lists each with its total and grade on one line of its ranking.
          const line = p.text
            .split('\n')
            .find((l) => l.includes(r.name) && hasNumber(l, r.total.shown) && l.includes(r.gradeLabel.zh));
          expect(line, where).toBeDefined();
        }
      }
    }
  });
});
