import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportSystemXlsx } from './export';
import { type Issue, importSystemXlsx } from './import';
import { systemContentSchema } from './model';
import { richSystem } from './test-fixtures';

type Row = (string | number | null)[];

/**
 * An office's own file: a title, its own column order (no 三级指标, no 指标类型, 评分方法 in H),
 * merged first-level cells without codes, full-width characters, a weight typed as text "１５",
 * a percentage weight, trailing spaces, a blank row, repeated (not merged) dimension cells.
 */
const HEADER: Row = [
  '一级指标',
  '分值',
  '二级指标',
  '分值（分）',
  '指标编码',
  '评分标准',
  '数据来源',
  '评分方法',
  '评分参数',
];
const ROWS: Record<number, Row> = {
  3: [
    '经济发展',
    40,
    'GDP 增速',
    20,
    'ＪＪ０１',
    '完成目标得满分',
    '部门提供',
    '目标完成率法',
    '封顶　１．２',
  ],
  4: [
    null,
    null,
    '招商引资',
    '１５',
    'JJ02',
    '实际到位资金',
    '单位自报',
    '分档计分',
    '［0，60）：0；［60，）：1',
  ],
  5: [null, null, '项目投资', 5, 'JJ03', null, '单位自报', '排名法', null],
  // row 6 left blank
  7: [
    '社会建设（ＳＨ）',
    '６０',
    '群众满意度',
    30,
    'SH01',
    null,
    '问卷调查',
    '满意度测评',
    '服务对象 0.5，社会公众 50%',
  ],
  8: [
    '社会建设（SH） ',
    60,
    '安全生产 ',
    '30%',
    'SH02',
    null,
    '部门提供',
    '扣分法',
    'AQ1 发生事故 每起扣2分；最多扣10',
  ],
  9: ['合计', 100],
};

async function officeWorkbook(edit?: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2026年考核指标');
  ws.getCell('A1').value = '某区 2026 年度部门绩效考核指标';
  ws.mergeCells('A1:I1');
  ws.getRow(2).values = HEADER;
  for (const [r, values] of Object.entries(ROWS)) ws.getRow(Number(r)).values = values;
  ws.mergeCells('A3:A5');
  ws.mergeCells('B3:B5');
  ws.getCell('A3').value = '经济发展';
  ws.getCell('B3').value = 40;
  edit?.(ws);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as unknown as ArrayBuffer);
}

async function issuesOf(edit: (ws: ExcelJS.Worksheet) => void): Promise<Issue[]> {
  const r = await importSystemXlsx(await officeWorkbook(edit));
  if (r.ok) throw new Error('expected the import to fail');
  return r.issues;
}

describe('a sheet edited by hand', () => {
  it('parses the office layout: merges, full-width text, text and percentage weights, blank rows', async () => {
    const r = await importSystemXlsx(await officeWorkbook());
    if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
    const c = r.content;
    expect(c.name).toBe('某区 2026 年度部门绩效考核指标');
    expect(c.total).toBe(100);
    expect(c.dimensions.map((d) => [d.code, d.name, d.weight])).toEqual([
      ['D1', '经济发展', 40],
      ['SH', '社会建设', 60],
    ]);
    const [jj, sh] = c.dimensions;
    if (!jj || !('children' in jj) || !sh || !('children' in sh)) throw new Error('dimensions are branches');
    expect(jj.children).toEqual([
      {
        code: 'JJ01',
        name: 'GDP 增速',
        weight: 20,
        criteria: '完成目标得满分',
        direction: 'higher',
        type: 'quantitative',
        source: 'data_provider',
        rule: { kind: 'target_completion', cap: 1.2 },
        evidence: { required: false },
      },
      {
        code: 'JJ02',
        name: '招商引资',
        weight: 15,
        criteria: '实际到位资金',
        direction: 'higher',
        type: 'quantitative',
        source: 'self_report',
        rule: {
          kind: 'bands',
          bands: [
            { min: 0, max: 60, fraction: 0 },
            { min: 60, max: null, fraction: 1 },
          ],
        },
        evidence: { required: false },
      },
      {
        code: 'JJ03',
        name: '项目投资',
        weight: 5,
        direction: 'higher',
        type: 'quantitative',
        source: 'self_report',
        rule: { kind: 'rank', lastFraction: 0.6 },
        evidence: { required: false },
      },
    ]);
    expect(sh.children.map((l) => [l.code, l.name, l.weight])).toEqual([
      ['SH01', '群众满意度', 30],
      ['SH02', '安全生产', 30],
    ]);
    const [survey, safety] = sh.children;
    expect(survey && 'rule' in survey && survey.rule).toEqual({
      kind: 'satisfaction',
      levelPoints: { very_satisfied: 100, satisfied: 80, fair: 60, dissatisfied: 30, very_dissatisfied: 0 },
      groups: [
        { key: 'G1', label: '服务对象', weight: 0.5 },
        { key: 'G2', label: '社会公众', weight: 0.5 },
      ],
      minSample: 30,
    });
    expect(survey && 'type' in survey && survey.type).toBe('qualitative');
    expect(safety && 'rule' in safety && safety.rule).toEqual({
      kind: 'deduction',
      items: [{ code: 'AQ1', label: '发生事故', pointsEach: 2 }],
      maxDeduction: 10,
    });
    // Defaults where the office had no sheet for them.
    expect(c.bonusItems).toEqual([]);
    expect(c.grading.levels.map((l) => l.code)).toEqual(['excellent', 'good', 'fair', 'fail']);

    const warned = r.warnings.map((w) => `${w.sheet}!${w.cell}`);
    expect(warned).toContain('2026年考核指标!A3'); // code D1 given to 经济发展
    expect(warned).toContain('2026年考核指标!I7'); // groups without codes numbered G1, G2
    expect(r.warnings.find((w) => w.cell === 'A3')?.zh).toContain('已自动编为 D1');
    expect(r.warnings.some((w) => w.en.includes('no 指标类型'))).toBe(true);
  });

  it('reports an unknown 评分方法 at its cell, in Chinese and English', async () => {
    const issues = await issuesOf((ws) => {
      ws.getCell('H5').value = '打分法';
    });
    expect(issues).toEqual([
      {
        sheet: '2026年考核指标',
        row: 5,
        column: 'H',
        cell: 'H5',
        zh: expect.stringContaining(
          '评分方法“打分法”无法识别，可填：目标完成率法、逆向指标、差额计分、分档计分',
        ),
        en: expect.stringContaining('unknown scoring rule "打分法"; use one of'),
      },
    ]);
  });

  it('reports bands it cannot read, saying what was expected', async () => {
    const issues = await issuesOf((ws) => {
      ws.getCell('I4').value = '0-60:0; 60以上:1';
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.cell).toBe('I4');
    expect(issues[0]?.zh).toContain('评分参数“0-60:0; 60以上:1”无法识别');
    expect(issues[0]?.zh).toContain('分档计分的参数应写作：[0,60):0; [60,80):0.6; [80,):1');
    expect(issues[0]?.en).toContain('cannot read the parameters');
    expect(issues[0]?.en).toContain('expects e.g. [0,60):0; [60,80):0.6; [80,):1');
  });

  it('insists bands include the lower bound and exclude the upper', async () => {
    const issues = await issuesOf((ws) => {
      ws.getCell('I4').value = '[0,60]:0; (60,):1';
    });
    expect(issues.map((i) => i.cell)).toEqual(['I4']);
    expect(issues[0]?.zh).toContain('含下限、不含上限');
  });

  it('reports a duplicate code at the second use, naming the first', async () => {
    const issues = await issuesOf((ws) => {
      ws.getCell('E7').value = 'JJ02';
    });
    expect(issues).toEqual([
      expect.objectContaining({
        cell: 'E7',
        zh: '编码 JJ02 重复（已在 E4 使用），编码在整个体系中须唯一',
        en: 'code JJ02 is already used at E4; codes must be unique across the system',
      }),
    ]);
  });

  it('reports a missing weight and a non-numeric weight', async () => {
    const issues = await issuesOf((ws) => {
      ws.getCell('D3').value = null;
      ws.getCell('D4').value = '十五';
    });
    expect(issues.map((i) => [i.cell, i.zh, i.en])).toEqual([
      ['D3', '缺少二级指标的权重', "the indicator's weight is missing"],
      [
        'D4',
        '权重“十五”不是数字；权重按分值填写，如 30 或 30%（按总分折算）',
        'weight "十五" is not a number; weights are points, e.g. 30, or 30% of the total',
      ],
    ]);
  });

  it('reports a leaf without a dimension and a missing code', async () => {
    const issues = await issuesOf((ws) => {
      ws.getCell('A7').value = null;
      ws.getCell('E8').value = '  ';
    });
    expect(issues.map((i) => i.cell)).toEqual(['A7', 'E8']);
    expect(issues[0]?.zh).toContain('第 7 行缺少一级指标');
    expect(issues[0]?.en).toContain('row 7 has no dimension');
    expect(issues[1]?.zh).toBe('缺少指标编码');
  });

  it('maps schema issues back to the cell the value came from', async () => {
    const issues = await issuesOf((ws) => {
      ws.getCell('I3').value = '封顶 5';
      ws.getCell('I7').value = 'FW 服务对象 1.5';
    });
    expect(issues.map((i) => [i.cell, i.zh, i.en])).toEqual([
      ['I3', '评分参数 cap：不能大于 3', expect.stringMatching(/^Rule parameters cap: .*3/)],
      [
        'I7',
        '评分参数 groups.0.weight：不能大于 1',
        expect.stringMatching(/^Rule parameters groups\.0\.weight: .*1/),
      ],
    ]);
  });

  it('reports a repeated dimension weight that differs from the first', async () => {
    const issues = await issuesOf((ws) => {
      ws.getCell('B8').value = 50;
    });
    expect(issues.map((i) => [i.cell, i.zh])).toEqual([
      ['B8', '同一一级指标“社会建设”的权重前后不一致（60 与 50）'],
    ]);
  });

  it('reports unknown enum words', async () => {
    const issues = await issuesOf((ws) => {
      ws.getCell('G3').value = '统计局';
    });
    expect(issues).toEqual([
      expect.objectContaining({
        cell: 'G3',
        zh: '数据来源“统计局”无法识别，可填：单位自报、数据提供部门、专家评审、问卷调查',
      }),
    ]);
  });

  it('refuses a file that is not a workbook, or has no indicator header', async () => {
    const notXlsx = await importSystemXlsx(new TextEncoder().encode('not a workbook'));
    expect(notXlsx.ok).toBe(false);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    const empty = await importSystemXlsx(
      new Uint8Array((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer),
    );
    expect(empty).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({
          sheet: '指标体系',
          cell: 'A1',
          zh: expect.stringContaining('找不到指标体系表'),
        }),
      ],
    });
  });
});

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

describe('editing an exported workbook', () => {
  async function edited(edit: (wb: ExcelJS.Workbook) => void) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportSystemXlsx(richSystem)).slice().buffer as ArrayBuffer);
    edit(wb);
    return importSystemXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer));
  }

  it('survives unmerging the dimension cells and repeating their text', async () => {
    const r = await edited((wb) => {
      const ws = wb.getWorksheet('指标体系');
      if (!ws) throw new Error('sheet');
      ws.unMergeCells('A3:A7');
      ws.unMergeCells('B3:B7');
      ws.unMergeCells('C3:C7');
      for (const row of [4, 5, 6, 7]) ws.getCell(`A${row}`).value = '经济建设（JJ）';
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
    expect(r.content.dimensions[0]).toEqual(richSystem.dimensions[0]);
  });

  it('reports a merged cell that is a leaf on one row and a branch on the next', async () => {
    const r = await edited((wb) => {
      const ws = wb.getWorksheet('指标体系');
      if (!ws) throw new Error('sheet');
      ws.getCell('G7').value = null; // row 7 was 营商环境 → 投资拉动就业; now 营商环境 itself looks like a leaf
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ sheet: '指标体系', cell: 'D7' });
    expect(r.issues[0]?.zh).toContain('部分行有下级指标、部分行没有');
  });

  it('reports bonus and veto problems on their own sheet', async () => {
    const r = await edited((wb) => {
      const ws = wb.getWorksheet('加分与否决');
      if (!ws) throw new Error('sheet');
      ws.getCell('C7').value = '两分';
      ws.getCell('C12').value = '警告';
      ws.getCell('A12').value = 'JJ';
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.sheet}!${i.cell}`)).toEqual([
      '加分与否决!C7',
      '加分与否决!C12',
      '加分与否决!A12',
    ]);
    expect(r.issues[1]?.zh).toBe('后果“警告”无法识别，可填：定为不及格、不得评为优秀');
    expect(r.issues[2]?.zh).toContain('已在 “指标体系”表 A3 使用');
  });

  it('reads the English labels and keys of 出处, 来源文件, 原文涵盖 and 评价对象, and the aliases offices type', async () => {
    const r = await edited((wb) => {
      const tree = sheet(wb, '指标体系');
      tree.getCell('C8').value = 'Example'; // SH
      tree.getCell('U16').value = 'provider';
      tree.getCell('U17').value = '购买方';
      const cites = sheet(wb, '出处');
      cites.getCell('D3').value = 'Source';
      cites.getCell('E3').value = 'Government KPI appraisal plan';
      cites.getCell('H3').value = 'weight';
      cites.getCell('D10').value = 'example'; // SH's row
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
    expect(r.content).toStrictEqual(systemContentSchema.parse(richSystem));
  });

  it('reports a 出处 word that is neither 原文 nor 示例 at its cell, in Chinese and English', async () => {
    const r = await edited((wb) => {
      sheet(wb, '指标体系').getCell('F6').value = '引自文件';
      sheet(wb, '出处').getCell('D4').value = '摘录';
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      expect.objectContaining({
        sheet: '指标体系',
        cell: 'F6',
        zh: '出处“引自文件”无法识别，可填：原文、示例',
        en: 'provenance "引自文件" is not recognised; use one of 原文、示例',
      }),
      expect.objectContaining({ sheet: '出处', cell: 'D4', zh: '出处“摘录”无法识别，可填：原文、示例' }),
    ]);
  });

  it('reports an unknown source document at its cell, listing the titles', async () => {
    const r = await edited((wb) => {
      sheet(wb, '出处').getCell('E3').value = '《某省绩效考核办法》';
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ sheet: '出处', cell: 'E3' });
    expect(r.issues[0]?.zh).toContain(
      '来源文件“《某省绩效考核办法》”不是已收录的来源文件，可填：《财政绩效评价工作方案》',
    );
    expect(r.issues[0]?.en).toContain(
      'source document "《某省绩效考核办法》" is not one of the source documents',
    );
  });

  it('reports a 原文 without its citation, a missing quote, a citation for an unknown code, and a disagreement', async () => {
    const r = await edited((wb) => {
      const tree = sheet(wb, '指标体系');
      tree.getCell('C12').value = '原文'; // ZS is 示例 on the 出处 sheet
      const cites = sheet(wb, '出处');
      cites.getCell('G4').value = null; // JJ01's quote
      cites.getCell('B5').value = 'NOPE'; // JJ02's row
      tree.getCell('F4').value = '原文'; // JJ02 now 原文, with no citation left
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [`${i.sheet}!${i.cell}`, i.zh])).toEqual([
      ['出处!G4', '原文须填原文摘录'],
      ['出处!B5', '编码 NOPE 在体系中不存在，无法对应出处'],
      ['指标体系!F4', '出处为“原文”，但“出处”表中没有编码 JJ02 的来源文件、条款和原文摘录'],
      ['指标体系!C12', '出处为“原文”，与“出处”表第 11 行的“示例”不一致'],
    ]);
  });

  it('reports a measured party it does not know at its cell', async () => {
    const r = await edited((wb) => {
      sheet(wb, '指标体系').getCell('U16').value = '第三方';
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      expect.objectContaining({
        sheet: '指标体系',
        cell: 'U16',
        zh: '评价对象“第三方”无法识别，可填：购买主体（购买服务的部门）、承接主体（服务提供方）',
        en: expect.stringContaining('measured party "第三方" is not recognised'),
      }),
    ]);
  });

  it('reads office parameters as people type them, and reports what it cannot read', async () => {
    const ok = await edited((wb) => {
      const tree = sheet(wb, '指标体系');
      tree.getCell('Q3').value = '100%';
      tree.getCell('Q15').value = '目标：0\n基准折现率＝８％，benchmarks: [6、7.5 -0.25 1e-7]';
    });
    if (!ok.ok) throw new Error(JSON.stringify(ok.issues, null, 2));
    expect(ok.content).toStrictEqual(systemContentSchema.parse(richSystem));

    const bad = await edited((wb) => {
      const tree = sheet(wb, '指标体系');
      tree.getCell('Q3').value = '目标值=很高';
      tree.getCell('Q15').value = '基准 折现=8';
      tree.getCell('Q16').value = 'x=[1, 2';
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => [i.cell, i.zh])).toEqual([
      [
        'Q3',
        '考核办设定参数“目标值=很高”无法识别（目标值的值“很高”不是数字）；应写作：目标值=100；ratePercent=8',
      ],
      [
        'Q15',
        '考核办设定参数“基准 折现=8”无法识别（参数名“基准 折现”须为计算公式的参数名（英文字母开头，如 ratePercent））；应写作：目标值=100；ratePercent=8',
      ],
      ['Q16', '考核办设定参数“x=[1, 2”无法识别（x 的数列缺少“]”）；应写作：目标值=100；ratePercent=8'],
    ]);
    expect(bad.issues[0]?.en).toBe(
      'cannot read the office parameters "目标值=很高" (the value of 目标值 "很高" is not a number); write e.g. 目标值=100；ratePercent=8',
    );
  });

  it('reports statistic items without a code or name, and a code used elsewhere', async () => {
    const r = await edited((wb) => {
      const ws = sheet(wb, '统计数据指标');
      ws.getCell('A3').value = null;
      ws.getCell('B4').value = ' ';
      ws.getCell('A5').value = 'B1';
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [`${i.sheet}!${i.cell}`, i.zh])).toEqual([
      ['统计数据指标!A3', '统计数据指标缺少编码'],
      ['统计数据指标!B4', '统计数据指标缺少名称'],
      ['出处!B16', '编码 S1 在体系中不存在，无法对应出处'],
      ['统计数据指标!A5', '编码 B1 重复（已在 “加分与否决”表 A6 使用），编码在整个体系中须唯一'],
    ]);
  });

  it('maps schema problems of a citation to its cell on the 出处 sheet', async () => {
    const r = await edited((wb) => {
      sheet(wb, '出处').getCell('F3').value = '条'.repeat(101);
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.cell)).toEqual(['F3']);
    expect(r.issues[0]?.sheet).toBe('出处');
  });
});
