import { describe, expect, it } from 'vitest';
import { renderReport } from '..';
import { HOSTILE, renamed, samples } from '../test-fixtures';

const htmlOf = async (data: Parameters<typeof renderReport>[0]) =>
  new TextDecoder().decode((await renderReport(data, 'html')).body);

describe('HTML reports', () => {
  it('are complete, self-contained, printable documents in Chinese', async () => {
    const { unit, office, congress } = samples();
    for (const data of [unit, office, congress]) {
      const html = await htmlOf(data);
      expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
      expect(html).toContain('<meta charset="utf-8">');
      expect(html).toMatch(/@page \{ size: A4;/);
      expect(html).toContain('@media print');
      expect(html).toContain('thead { display: table-header-group; }');
      // No script, and nothing fetched from elsewhere (no src, no link, no url()).
      expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\((?!#)/i);
      expect(html.trimEnd().endsWith('</html>')).toBe(true);
    }
  });

  it('unit report: headings, numbers, tables with <caption> and <th scope>, charts as <svg role="img">', async () => {
    const { unit } = samples();
    const html = await htmlOf(unit);
    expect(html).toContain(`<h1>${unit.unit.name}绩效评估报告</h1>`);
    for (const h of [
      '一、评估结果',
      '二、指标得分明细',
      '三、组内比较：优势与短板',
      '四、历年趋势',
      '五、申诉及复核',
      '六、整改任务',
    ]) {
      expect(html).toContain(`<h2>${h}</h2>`);
    }
    expect(html).toContain('<caption>指标得分明细</caption>');
    expect(html).toContain('<th scope="col">计分说明</th>');
    expect(html).toMatch(/<th scope="row">总分<\/th><td class="num">[\d.]+<\/td>/);
    expect(html).toContain(`<td class="num">${unit.total}</td>`);
    const svgs = html.match(/<svg [^>]*>/g) ?? [];
    expect(svgs).toHaveLength(2);
    for (const s of svgs) expect(s).toMatch(/^<svg role="img" aria-label="[^"]+"/);
    expect(html).toContain('<figcaption>图：各维度得分率与组内平均得分率</figcaption>');
  });

  it('Congress report: title, 主送, parts, signature over the date, annex on a new page', async () => {
    const { congress } = samples();
    const html = await htmlOf(congress);
    expect(html).toContain('<main class="report official">');
    expect(html).toContain(`<h1>${congress.title}</h1>`);
    expect(html).toContain(`<p class="addressee">${congress.addressee}</p>`);
    for (const s of congress.sections) expect(html).toContain(`<h2>${s.heading}</h2>`);
    expect(html).toContain(
      `<div class="closing"><div><p>${congress.signature}</p><p>${congress.dateLine}</p></div></div>`,
    );
    expect(html).toContain('<section class="annex" aria-label="附件"><p class="annex-label">附件</p>');
    expect(html).toMatch(/\.official p \{ text-indent: 2em;/);
    expect(html).toMatch(/\.annex \{ break-before: page;/);
  });

  it('escapes hostile names everywhere (a unit named <script>alert(1)</script>&")', async () => {
    const s = samples();
    for (const data of [s.unit, s.office, s.congress]) {
      const html = await htmlOf(renamed(data, () => HOSTILE));
      expect(html).not.toContain('<script');
      expect(html).not.toContain('alert(1)</script>');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;');
      // Attributes stay closed: every aria-label is one quoted value.
      for (const m of html.matchAll(/aria-label="([^"]*)"/g)) expect(m[1]).not.toMatch(/[<>]/);
    }
  });
});
