import { statSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderReport } from '..';
import { readPdf, samples } from '../test-fixtures';
import { fontPath } from './fonts';

const pdfOf = async (data: Parameters<typeof renderReport>[0]) => (await renderReport(data, 'pdf')).body;
const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
/** Collapses whitespace, since a PDF's text comes back in runs. */
const flat = (s: string) => s.replace(/\s+/g, '');

/** The embedded font programs (/FontFile2 streams): their compressed and inflated sizes. */
function fontFiles(pdf: Uint8Array): Array<{ stored: number; size: number }> {
  const text = latin1(pdf);
  const out: Array<{ stored: number; size: number }> = [];
  for (const m of text.matchAll(/\/FontFile2 (\d+) 0 R/g)) {
    const obj = new RegExp(`\\n${m[1]} 0 obj\\n<<([^]*?)>>\\nstream\\n`).exec(text)!;
    const length = Number(/\/Length (\d+)/.exec(obj[1]!)![1]);
    const start = obj.index + obj[0].length;
    const stream = Buffer.from(pdf.subarray(start, start + length));
    out.push({ stored: length, size: inflateSync(stream).length });
  }
  return out;
}

describe('PDF reports', () => {
  it('unit report: the Chinese headings, the unit, its total, grade and rank read back from the PDF', async () => {
    const { unit } = samples();
    const read = await readPdf(await pdfOf(unit));
    const text = flat(read.text);
    for (const h of [
      '绩效评估报告',
      '一、评估结果',
      '二、指标得分明细',
      '三、组内比较',
      '四、历年趋势',
      '五、申诉及复核',
      '六、整改任务',
    ]) {
      expect(text).toContain(h);
    }
    expect(text).toContain(`${unit.unit.name}绩效评估报告`);
    expect(text).toContain(`总分${unit.total}分，排名第${unit.rank}`);
    for (const i of unit.indicators) expect(text).toContain(flat(i.name));
    for (const d of unit.dimensions) expect(text).toContain(d.points);
    expect(read.pages[0]).toContain(`第 1 页 共 ${read.pages.length} 页`);
    expect(read.info.Title).toBe(`${unit.unit.name}绩效评估报告`);
    expect(read.info.Author).toBe(unit.header.tenant.name);
  });

  it('office report: headings, every unit of every group with its total', async () => {
    const { office } = samples();
    const read = await readPdf(await pdfOf(office));
    const text = flat(read.text);
    for (const h of [
      '总体情况报告',
      '一、总体情况',
      '二、等次和得分分布',
      '三、分组排名',
      '四、存在的主要问题',
      '五、申诉及结果变化',
    ]) {
      expect(text).toContain(h);
    }
    for (const g of office.groups) {
      expect(text).toContain(`${g.name}得分排名`);
      for (const l of g.ranking) expect(text).toContain(`${l.name}${l.total}`);
    }
    expect(text).toContain(`平均得分${office.mean}分`);
  });

  it('Congress report: the formal title, 主送, parts, signature, date, and the annex with the rankings', async () => {
    const { congress } = samples();
    const read = await readPdf(await pdfOf(congress));
    const text = flat(read.text);
    expect(flat(read.pages[0]!)).toMatch(new RegExp(`^${flat(congress.title)}${flat(congress.addressee)}`));
    for (const s of congress.sections) expect(text).toContain(flat(s.heading));
    expect(text).toContain(`${congress.signature}${flat(congress.dateLine)}`);
    // The annex starts a page of its own.
    const annex = read.pages.findIndex((p) => flat(p).startsWith('附件'));
    expect(annex).toBeGreaterThan(0);
    for (const g of congress.annex)
      for (const l of g.ranking)
        expect(flat(read.pages.slice(annex).join(''))).toContain(`${l.name}${l.total}`);
  });

  it('embeds Noto Sans SC as TrueType subsets (tagged ABCDEF+, in /FontFile2), far smaller than the font', async () => {
    const pdf = await pdfOf(samples().unit);
    const text = latin1(pdf);
    const names = [...text.matchAll(/\/BaseFont \/([A-Z]{6})\+(NotoSansSC-\w+)/g)].map((m) => m[2]);
    expect(new Set(names)).toEqual(new Set(['NotoSansSC-Regular', 'NotoSansSC-Bold']));
    const files = fontFiles(pdf);
    expect(files).toHaveLength(2);
    const full = statSync(fontPath('regular')).size;
    for (const f of files) {
      // Measured: ~40–60 KiB each inflated (the glyphs used), against the 10 MiB font.
      expect(f.size).toBeGreaterThan(5_000);
      expect(f.size).toBeLessThan(full / 50);
    }
    expect(pdf.length).toBeLessThan(200 * 1024);
  });

  it('gives identical bytes for equal data (dates and /ID from the data, not the clock)', async () => {
    const a = await pdfOf(samples().office);
    await new Promise((r) => setTimeout(r, 1100));
    const b = await pdfOf(samples().office);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    // The data's day (2025-01-24 in Asia/Shanghai), as UTC.
    const { info } = await readPdf(a);
    expect(info.CreationDate).toBe('D:20250123160000Z');
    expect(info.ModDate).toBe('D:20250123160000Z');
    // Other data, other bytes.
    const changed = samples().office;
    changed.mean = '99.99';
    expect(Buffer.compare(Buffer.from(a), Buffer.from(await pdfOf(changed)))).not.toBe(0);
  });

  it('pages a long table with its header row repeated, and wraps long Chinese text inside the page', async () => {
    const { unit } = samples();
    const long = '因第四季度重点任务完成情况说明材料未按时报送且佐证不足，依据评分办法扣减相应分值，'.repeat(
      12,
    );
    unit.indicators = Array.from({ length: 60 }, (_, i) => ({
      ...unit.indicators[i % unit.indicators.length]!,
      code: `L${i}`,
      reason: { zh: i === 3 ? long.repeat(8) : long.slice(0, 40), en: '' },
    }));
    const read = await readPdf(await pdfOf(unit));
    const continued = read.pages.filter((p) => flat(p).includes('指标得分明细（续）'));
    expect(continued.length).toBeGreaterThan(2);
    for (const p of continued)
      expect(flat(p)).toContain('一级指标指标编码指标完成值计量单位得分满分状态计分说明');
    // Every character of the very long reason is on some page (nothing cut off).
    expect(flat(read.text).split('依据评分办法扣减相应分值').length - 1).toBeGreaterThanOrEqual(12 * 8);
  });
});
