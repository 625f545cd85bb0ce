import { describe, expect, it } from 'vitest';
import { type PdfPage, parseBboxLayout } from '../support/pdf-layout';
import { rulesOfSvgPage, svgPages } from '../support/pdf-rules';
import { checkOnPage, checkOverflow } from '../support/print-checks';
import { findChain, indexPage } from '../support/text-chains';
import { variantsOf, xlsxOperations } from '../support/xlsx-routes';

/**
 * The readers and checks the workbook print tests rely on, on known input (no LibreOffice, no
 * poppler needed): poppler's word boxes, pdftocairo's cell edges, a wrapped cell found among its
 * neighbours, the overflow signals, and the workbook operations of an OpenAPI document.
 */
describe('reading a print back (the parsers and checks on known input)', () => {
  const word = (text: string, xMin: number, yMin: number, w = 50, h = 13) => ({
    text,
    xMin,
    yMin,
    xMax: xMin + w,
    yMax: yMin + h,
  });
  const pageOf = (...lines: ReturnType<typeof word>[][]): PdfPage => ({
    number: 1,
    width: 841.89,
    height: 595.3,
    lines: lines.map((words) => ({
      words,
      text: words.map((w) => w.text).join(' '),
      xMin: Math.min(...words.map((w) => w.xMin)),
      yMin: Math.min(...words.map((w) => w.yMin)),
      xMax: Math.max(...words.map((w) => w.xMax)),
      yMax: Math.max(...words.map((w) => w.yMax)),
    })),
  });

  it('reads pages, lines and words with their boxes from pdftotext -bbox-layout', () => {
    const pages = parseBboxLayout(
      '<doc><page width="841.889764" height="595.303937"><flow><block xMin="1" yMin="2" xMax="40" yMax="15">' +
        '<line xMin="1" yMin="2" xMax="40" yMax="15"><word xMin="1" yMin="2" xMax="10" yMax="15">A&amp;B</word>' +
        '<word xMin="12" yMin="2" xMax="40" yMax="15">指标</word></line></block></flow></page>' +
        '<page width="595.3" height="841.9"></page></doc>',
    );
    expect(pages.map((p) => [p.number, p.width, p.lines.length])).toEqual([
      [1, 841.889764, 1],
      [2, 595.3, 0],
    ]);
    expect(pages[0]!.lines[0]).toMatchObject({ text: 'A&B 指标', xMin: 1, yMax: 15 });
    expect(pages[0]!.lines[0]!.words[1]).toEqual({ text: '指标', xMin: 12, yMin: 2, xMax: 40, yMax: 15 });
  });

  it('reads the horizontal cell edges of pdftocairo’s SVG, through its transforms', () => {
    const stroke = 'fill:none;stroke-width:0.27;stroke:rgb(0%,0%,0%);';
    const page = [
      '<defs><g><symbol id="glyph0-1"><path style="stroke:none;" d="M 0 0 L 3 0 L 3 -3 L 0 -3 Z"/></symbol></g></defs>',
      `<path style="${stroke}" d="M 40.747744 532.777788 L 800.936342 532.777788 " transform="matrix(0.998832,0,0,-0.998832,0.436564,594.608687)"/>`,
      `<path style="${stroke}" d="M 40.88 532.91 L 40.88 467.87 " transform="matrix(0.998832,0,0,-0.998832,0.436564,594.608687)"/>`,
      '<path style=" stroke:none;fill:rgb(86%,92%,96%);" d="M 41.2 73.1 L 800.2 73.1 L 800.2 62.3 L 41.2 62.3 Z M 41.2 73.1 "/>',
      '<path style="stroke:none;" d="M 1 1 C 2 2 3 3 4 4 Z"/>',
    ].join('\n');
    expect(rulesOfSvgPage(page)).toEqual([
      // y = -0.998832 × 532.78 + 594.61: the transform flips the PDF's y to the page's top.
      {
        y: expect.closeTo(62.46, 1),
        x1: expect.closeTo(41.14, 1),
        x2: expect.closeTo(800.44, 1),
        kind: 'border',
      },
      { y: 62.3, x1: 41.2, x2: 800.2, kind: 'fill' },
      { y: 73.1, x1: 41.2, x2: 800.2, kind: 'fill' },
    ]);
    expect(svgPages('<svg><pageSet><page>A</page><page>B</page></pageSet></svg>')).toEqual(['A', 'B']);
    expect(svgPages('<svg>A</svg>')).toEqual(['<svg>A</svg>']);
  });

  it('finds a wrapped cell whole among its neighbours’ words, and not a cell cut short', () => {
    const page = pageOf(
      [word('按期完成且', 10, 100), word('扣二分', 80, 100)],
      [word('质量达标的', 10, 115), word('扣完为止', 80, 115)],
      [word('得满分', 10, 130, 30)],
      [word('得满分', 10, 300, 30)],
    );
    const ix = indexPage(page);
    expect(findChain(ix, '按期完成且质量\n达标的得满分')?.map((w) => w.yMin)).toEqual([100, 115, 130]);
    expect(findChain(ix, '扣二分扣完为止')?.map((w) => w.xMin)).toEqual([80, 80]);
    expect(findChain(ix, '按期完成且质量')).toBeUndefined();
    expect(findChain(ix, '质量达标的得满分没有了')).toBeUndefined();
  });

  it('tells text printed over text, and a cell edge through a line, from rows that merely touch', () => {
    const check = (page: PdfPage, rules: { y: number; x1: number; x2: number; kind: 'border' }[] = []) =>
      checkOverflow({ sheets: [], pages: [page], rules: [rules] }).map((f) => f.detail);
    // Boxes of neighbouring rows may overlap by a little; their ink does not.
    expect(check(pageOf([word('上一行', 10, 100)], [word('下一行', 10, 112)]))).toEqual([]);
    expect(check(pageOf([word('上一行', 10, 100)], [word('压在上面', 20, 106)]))).toEqual([
      'printed over «压在上面»',
    ]);
    const line = pageOf([word('跨过表格线', 10, 100)]);
    expect(check(line, [{ y: 106, x1: 0, x2: 300, kind: 'border' }])).toEqual([
      'cut by a cell border at y=106.0 (line 100.0–113.0)',
    ]);
    expect(check(line, [{ y: 112, x1: 0, x2: 300, kind: 'border' }])).toEqual([]);
    // One poppler line may join two cells' words on a baseline; words of a third cell beside it, on
    // another baseline, print over neither.
    const joined = pageOf([word('左格', 10, 100), word('右格', 300, 100)], [word('中格', 120, 106)]);
    expect(check(joined)).toEqual([]);
  });

  it('takes a merged cell redrawn above the page for the clipped copy it is, and text past an edge for a cut', () => {
    const onPage = (page: PdfPage) =>
      checkOnPage({ sheets: [], pages: [page], rules: [[]] }, []).map((f) => f.text);
    expect(onPage(pageOf([word('投入（D1）', 40, -6)]))).toEqual([]);
    expect(onPage(pageOf([word('超出右边', 820, 100)]))).toEqual(['超出右边']);
    expect(onPage(pageOf([word('超出下边', 40, 590)]))).toEqual(['超出下边']);
  });

  it('lists the workbook operations of an OpenAPI document with every enum value and layout', () => {
    const xlsx = { content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} } };
    const ops = xlsxOperations({
      paths: {
        '/v1/c/{id}/t/{table}': {
          get: {
            parameters: [
              { name: 'id', in: 'path' },
              { name: 'table', in: 'path', schema: { enum: ['a.xlsx', 'b.xlsx'] } },
              { name: 'layout', in: 'query', schema: { enum: ['full', 'print'] } },
            ],
            responses: { 200: xlsx },
          },
        },
        '/v1/json': { get: { responses: { 200: { content: { 'application/json': {} } } } } },
      },
    });
    expect(ops.map((o) => o.key)).toEqual(['GET /v1/c/{id}/t/{table}']);
    expect(variantsOf(ops[0]!, { id: 'x1' }, { year: '2025' }).map((v) => [v.url, v.label])).toEqual([
      ['/v1/c/x1/t/a.xlsx?year=2025&layout=full', 'a-full'],
      ['/v1/c/x1/t/a.xlsx?year=2025&layout=print', 'a-print'],
      ['/v1/c/x1/t/b.xlsx?year=2025&layout=full', 'b-full'],
      ['/v1/c/x1/t/b.xlsx?year=2025&layout=print', 'b-print'],
    ]);
    expect(() => variantsOf(ops[0]!, {})).toThrow(/no value for id/);
  });
});
