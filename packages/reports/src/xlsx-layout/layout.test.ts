import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  columnPoints,
  fitRowHeights,
  fitToPrint,
  LINE_FACTOR,
  MIN_PRINT_POINTS,
  neutraliseFormula,
  pagePoints,
  printScale,
  printSetup,
  restoreFormula,
  sheetPoints,
  splitByLines,
  textWidth,
  workbookBytes,
  wrappedLines,
} from '.';

const sheet = (widths: number[]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return { wb, ws };
};

describe('text width', () => {
  it('counts a CJK or full-width character as two units, others 1.2', () => {
    expect(textWidth('市发改委')).toBe(8);
    expect(textWidth('（）')).toBe(4);
    expect(textWidth('abc')).toBeCloseTo(3.6);
  });

  it('counts the lines a cell prints on, explicit breaks included, fewer at a smaller size', () => {
    expect(wrappedLines('', 10)).toBe(1);
    expect(wrappedLines('短', 10)).toBe(1);
    // 20 CJK characters = 40 units in a column of 10 usable units: 4 lines.
    expect(wrappedLines('一'.repeat(20), 12)).toBe(4);
    expect(wrappedLines('a\nb\r\nc', 10)).toBe(3);
    // At twice the size 5 usable units hold two characters (whole characters only): 10 lines.
    expect(wrappedLines('一'.repeat(20), 12, 21)).toBe(10);
    // A Latin run without spaces is one word, broken only where the line ends; spaces break.
    expect(wrappedLines('a'.repeat(30), 12)).toBe(4);
    expect(wrappedLines('aaaaaaa bbbbbbb', 12)).toBe(2);
  });

  it('never counts fewer lines for a narrower column or longer text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 3, max: 60 }), (text, width) => {
        expect(wrappedLines(text, width)).toBeGreaterThanOrEqual(wrappedLines(text, width + 5));
        expect(wrappedLines(`${text}一二三`, width)).toBeGreaterThanOrEqual(wrappedLines(text, width));
      }),
    );
  });
});

describe('row heights', () => {
  it('makes a row as tall as its tallest wrapped cell, at that cell’s font size', () => {
    const { ws } = sheet([12, 12]);
    ws.getCell('A1').value = '短';
    ws.getCell('B1').value = '一'.repeat(25); // 50 units in 10: 5 lines
    ws.getCell('B1').font = { size: 10.5 };
    ws.getCell('B1').alignment = { wrapText: true };
    ws.getCell('A2').value = '一'.repeat(25);
    ws.getCell('A2').font = { size: 21 }; // twice the size: two characters a line, 13 lines
    fitRowHeights(ws);
    expect(ws.getRow(1).height).toBeCloseTo(5 * 10.5 * LINE_FACTOR + 4);
    expect(ws.getRow(2).height).toBeCloseTo(13 * 21 * LINE_FACTOR + 4);
  });

  it('sets text wider than its cell to wrap, but not a number', () => {
    const { ws } = sheet([6]);
    ws.getCell('A1').value = '一段放不下的文字';
    ws.getCell('A2').value = 123456789012;
    fitRowHeights(ws);
    expect(ws.getCell('A1').alignment?.wrapText).toBe(true);
    expect(ws.getCell('A2').alignment?.wrapText).toBeUndefined();
  });

  it('measures a merged cell across its columns, and spreads what a cell merged down lacks', () => {
    const { ws } = sheet([10, 10, 10]);
    ws.mergeCells('A1:C1');
    ws.getCell('A1').value = '一'.repeat(26); // 52 units in 28: 2 lines
    ws.getCell('A1').font = { size: 10.5 };
    ws.mergeCells('A2:A3');
    ws.getCell('A2').value = '一'.repeat(40); // 80 units in 8: 10 lines over two rows
    ws.getCell('A2').font = { size: 10.5 };
    ws.getCell('B2').value = '短';
    ws.getCell('B2').font = { size: 10.5 };
    fitRowHeights(ws);
    expect(ws.getRow(1).height).toBeCloseTo(2 * 10.5 * LINE_FACTOR + 4);
    const two = (ws.getRow(2).height ?? 0) + (ws.getRow(3).height ?? 0);
    expect(two).toBeGreaterThanOrEqual(10 * 10.5 * LINE_FACTOR + 4 - 1e-9);
  });

  it('never lowers a height the writer set, and stops at Excel’s tallest row', () => {
    const { ws } = sheet([10]);
    ws.getCell('A1').value = '标题';
    ws.getRow(1).height = 34;
    ws.getCell('A2').value = '一'.repeat(2000);
    ws.getCell('A2').alignment = { wrapText: true };
    fitRowHeights(ws);
    expect(ws.getRow(1).height).toBe(34);
    expect(ws.getRow(2).height).toBe(409);
  });
});

describe('print scale', () => {
  const filled = (widths: number[], size = 10.5) => {
    const s = sheet(widths);
    widths.forEach((_, i) => {
      const cell = s.ws.getCell(1, i + 1);
      cell.value = '文字';
      cell.font = { size };
    });
    printSetup(s.ws, { titleRows: '1:1', header: '草稿' });
    return s;
  };

  it('fits a sheet to the page width while its smallest text prints at 8 pt or more', () => {
    const { ws } = filled([40, 40, 40, 40]);
    const { scale, fitted } = printScale(ws);
    expect(fitted).toBe(true);
    expect(scale * 10.5).toBeGreaterThanOrEqual(MIN_PRINT_POINTS);
    fitToPrint(ws);
    expect(ws.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
  });

  it('prints a sheet too wide for that at the readable scale, across then down, instead', () => {
    const { ws } = filled(Array(22).fill(14));
    expect(pagePoints(ws) / sheetPoints(ws)).toBeLessThan(MIN_PRINT_POINTS / 10.5);
    fitToPrint(ws);
    expect(ws.pageSetup).toMatchObject({ fitToPage: false, scale: 77, pageOrder: 'overThenDown' });
  });

  it('takes the smallest font on the sheet as the one to keep readable', () => {
    const { ws } = filled([45, 45, 45, 30], 9);
    expect(printScale(ws).fitted).toBe(false);
    expect(printScale(filled([45, 45, 45, 30], 10.5).ws).fitted).toBe(true);
  });

  it('never enlarges a narrow sheet, and prints portrait when asked', () => {
    const { ws } = filled([10]);
    printSetup(ws, { titleRows: '1:1', header: '', orientation: 'portrait' });
    expect(printScale(ws)).toEqual({ scale: 1, fitted: true });
    expect(pagePoints(ws)).toBeCloseTo(595.28 - 72);
    expect(columnPoints(10)).toBeCloseTo(75 * 0.75 * 1.07);
  });

  it('keeps the settings through the written file', async () => {
    const { wb } = filled(Array(22).fill(14));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await workbookBytes(wb)) as unknown as ArrayBuffer);
    const ws = back.worksheets[0]!;
    expect(ws.pageSetup).toMatchObject({ scale: 77, fitToPage: false, printTitlesRow: '1:1' });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    expect(ws.getRow(1).height).toBeGreaterThan(15);
  });
});

describe('formula-like text', () => {
  it('goes behind an apostrophe when it starts with = + - @, a tab or a CR', () => {
    expect(neutraliseFormula('=HYPERLINK("http://x","点我")')).toBe('\'=HYPERLINK("http://x","点我")');
    for (const t of ['+1', '-2', '@SUM(A1)', '\t=1', '\r=1']) expect(neutraliseFormula(t)).toBe(`'${t}`);
    for (const t of ['市发改委', '-', '+', '', "'", "it's"]) expect(neutraliseFormula(t)).toBe(t);
    // Apostrophes already there get one more, so reading back is exact.
    expect(neutraliseFormula("'=1")).toBe("''=1");
  });

  it('reads back exactly what was written, for any text', () => {
    const risky = fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", "'=", "''-");
    fc.assert(
      fc.property(fc.tuple(risky, fc.string()), ([head, tail]) => {
        const text = head + tail;
        const cell = neutraliseFormula(text);
        expect(restoreFormula(cell)).toBe(text);
        expect(cell.length <= 1 || !/^[=+\-@\t\r]/.test(cell)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(restoreFormula(neutraliseFormula(text))).toBe(text);
      }),
    );
  });

  it('is applied to every text cell of a workbook, merged cells once', async () => {
    const { wb, ws } = sheet([10, 10]);
    ws.mergeCells('A1:B1');
    ws.getCell('A1').value = '=1+1';
    ws.getCell('A2').value = '@x';
    ws.getCell('B2').value = 5;
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await workbookBytes(wb)) as unknown as ArrayBuffer);
    const out = back.worksheets[0]!;
    expect([out.getCell('A1').value, out.getCell('A2').value, out.getCell('B2').value]).toEqual([
      "'=1+1",
      "'@x",
      5,
    ]);
  });
});

describe('text longer than a row shows', () => {
  it('is cut into pieces that each print on at most so many lines, losing nothing', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 3000, unit: fc.constantFrom('a', '{', '"', ':', '经', '济', '\n', ' ') }),
        fc.integer({ min: 4, max: 40 }),
        fc.integer({ min: 1, max: 30 }),
        (text, width, maxLines) => {
          const pieces = splitByLines(text, width, maxLines);
          expect(pieces.join('').replace(/\n/g, '')).toBe(text.replace(/\n/g, ''));
          for (const p of pieces) expect(wrappedLines(p, width)).toBeLessThanOrEqual(maxLines);
        },
      ),
    );
    expect(splitByLines('短', 10, 3)).toEqual(['短']);
  });
});
