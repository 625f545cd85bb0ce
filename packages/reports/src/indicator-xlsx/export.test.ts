import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MIN_PRINT_POINTS, printScale } from '../xlsx-layout';
import { exportSystemXlsx } from './export';
import { TREE_COLUMNS } from './layout';
import {
  type IndicatorNode,
  isBranch,
  MEASURED_PARTY_LABELS,
  PROVENANCE_KIND_LABELS,
  SOURCE_DOCUMENT_LABELS,
} from './model';
import { richSystem } from './test-fixtures';

async function open(meta = {}) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportSystemXlsx(richSystem, meta)).slice().buffer as ArrayBuffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

describe('the exported workbook', () => {
  it('has the tree, bonus, statistics, rules and 出处 sheets', async () => {
    const wb = await open();
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '指标体系',
      '加分与否决',
      '统计数据指标',
      '等级与规则',
      '出处',
    ]);
  });

  it('has a merged title, the header, frozen panes and A4 landscape print setup', async () => {
    const ws = sheet(
      await open({ title: '哈尔滨市 2026 年度政府绩效评估指标体系', status: 'draft', systemVersion: 2 }),
      '指标体系',
    );
    expect(ws.getCell('A1').value).toBe('哈尔滨市 2026 年度政府绩效评估指标体系');
    // Printed across pages (22 columns at a readable size), the title spans the first page's columns.
    expect(ws.model.merges).toContain('A1:O1');
    expect(values(ws, 2)).toEqual([
      '一级指标',
      '权重',
      '出处',
      '二级指标',
      '权重',
      '出处',
      '三级指标',
      '权重',
      '出处',
      '指标编码',
      '计量单位',
      '指标方向',
      '指标类型',
      '数据来源',
      '评分方法',
      '评分参数',
      '考核办设定参数',
      '评分标准',
      '佐证材料',
      '适用分组',
      '评价对象',
      '缺失数据处理',
    ]);
    expect(values(ws, 2)).toEqual(TREE_COLUMNS.map((c) => c.zh));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    // 22 columns do not fit A4 at a readable size: printed at 77 %, across then down.
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: false,
      scale: 77,
      pageOrder: 'overThenDown',
      printTitlesRow: '1:2',
    });
    expect(ws.headerFooter.oddHeader).toContain('草稿');
    expect(ws.getColumn(16).width).toBeGreaterThan(20);
    for (const address of ['P3', 'Q15', 'R3']) expect(ws.getCell(address).alignment?.wrapText).toBe(true);
  });

  it('merges each branch down across its leaves, name, weight and 出处, and keeps its code in the text', async () => {
    const ws = sheet(await open(), '指标体系');
    expect(ws.model.merges).toEqual(
      expect.arrayContaining([
        'A3:A7',
        'B3:B7',
        'C3:C7',
        'D6:D7',
        'E6:E7',
        'F6:F7',
        'A8:A11',
        'B8:B11',
        'C8:C11',
        'A12:A14',
        'A15:A17',
      ]),
    );
    expect(ws.getCell('A3').value).toBe('经济建设（JJ）');
    expect(ws.getCell('A8').value).toBe('社会建设（民生）（SH）');
    expect(ws.getCell('D6').value).toBe('营商环境（JJ03）');
    expect(ws.getCell('A3').note).toBe('经济建设类指标；按统计部门数据评分');
    expect(ws.getCell('B3').value).toBe(40);
    expect(ws.getCell('E3').value).toBe(12.5);
    expect(ws.getCell('E3').numFmt).toBe('0.##');
    expect(ws.getCell('O3').value).toBe('目标完成率法');
    expect(ws.getCell('P3').value).toBe('封顶 1.2');
    expect(ws.getCell('G6').value).toBe('企业开办时间');
    expect(ws.getCell('P6').value).toBe('(,1):1 优秀; [1,3):0.8 "良好; 达标"; [3,5):0.5 ""; [5,):0');
    expect(ws.getCell('O3').dataValidation).toMatchObject({ type: 'list' });
  });

  it('writes 差额计分, office parameters and the measured party as a reader reads them', async () => {
    const ws = sheet(await open(), '指标体系');
    expect([ws.getCell('O5').value, ws.getCell('P5').value, ws.getCell('Q5').value]).toEqual([
      '差额计分',
      '容差 2.5',
      '目标值=-2',
    ]);
    expect(ws.getCell('Q3').value).toBe('目标值=100');
    expect([ws.getCell('O15').value, ws.getCell('P15').value, ws.getCell('Q15').value]).toEqual([
      '公式指标',
      'fnpv → 差额 容差 50',
      '目标值=0；ratePercent=8；benchmarks=[6, 7.5, -0.25, 1e-7]',
    ]);
    expect(ws.getCell('Q16').value).toBe('无');
    expect(ws.getCell('Q17').value).toBe('empty=[]');
    expect(ws.getCell('U16').value).toBe(MEASURED_PARTY_LABELS.provider.zh);
    expect(ws.getCell('U17').value).toBe(MEASURED_PARTY_LABELS.buyer.zh);
    expect(ws.getCell('U15').value).toBeNull();
    expect(ws.getCell('U16').dataValidation).toMatchObject({ type: 'list' });
  });

  it('shows 原文 or 示例 for each node of the tree in its level’s 出处 column, blank for the office’s own', async () => {
    const ws = sheet(await open(), '指标体系');
    const provenanceCol = [3, 6, 9];
    const seen: string[] = [];
    let row = 3;
    const walk = (nodes: readonly IndicatorNode[], level: number) => {
      for (const n of nodes) {
        const cell = ws.getCell(row, provenanceCol[level] ?? 0);
        const expected = n.provenance ? PROVENANCE_KIND_LABELS[n.provenance.kind].zh : null;
        expect(cell.value, `${n.code} at ${cell.address}`).toBe(expected);
        seen.push(`${n.code}:${String(cell.value)}`);
        if (isBranch(n)) walk(n.children, level + 1);
        else row++;
      }
    };
    walk(richSystem.dimensions, 0);
    expect(seen).toEqual(
      expect.arrayContaining(['JJ:原文', 'SH:示例', 'JJ03:原文', 'JJ03-1:示例', 'XM:null']),
    );
    expect(ws.getCell('C3').dataValidation).toMatchObject({ type: 'list', formulae: ['"原文,示例"'] });
  });

  it('ends with a 合计 row equal to the total', async () => {
    const ws = sheet(await open(), '指标体系');
    expect(ws.getCell('A18').value).toBe('合计');
    expect(ws.getCell('B18').value).toBe(richSystem.total);
    expect(ws.rowCount).toBe(18);
  });

  it('lists bonus and veto items with their 出处, grading and rules', async () => {
    const wb = await open({ tenantName: '哈尔滨市', status: 'approved', systemVersion: 4 });
    const bonus = sheet(wb, '加分与否决');
    const rules = sheet(wb, '等级与规则');
    expect(bonus.getCell('B2').value).toBe(3);
    expect(values(bonus, 5)).toEqual(['编码', '名称', '最高分', '标准', '出处']);
    expect(values(bonus, 6)).toEqual(['B1', '获国家级表彰', 2, '每项加 1 分，最多 2 分', '示例']);
    expect(values(bonus, 7)).toEqual(['B2', '改革创新经验被推广', 1.5, undefined, '原文']);
    expect(values(bonus, 11)).toEqual(['V1', '发生重大安全生产责任事故', '定为不及格', '定为不及格', '原文']);
    expect(values(bonus, 12)).toEqual(['V2', '违反中央八项规定精神被查处', '不得评为优秀']);
    expect(values(rules, 5)).toEqual(['A', '优秀', 'Excellent', 92.5, 0.15, '原文']);
    expect(values(rules, 6)).toEqual(['B', '良好', 'Good', 80, 0.4, '示例']);
    expect(rules.getCell('E5').numFmt).toBe('0.##%');
    const kv = Object.fromEntries(
      [11, 12, 13, 14, 15, 16, 17, 18, 21, 22, 23].map((r) => [
        rules.getCell(r, 1).value,
        rules.getCell(r, 2).value,
      ]),
    );
    expect(kv).toMatchObject({
      总分: 100,
      名额取整: '四舍五入',
      同分排序: '扣分少者优先; 一级指标 JJ 得分高者优先; 加分多者优先',
      缺失数据处理: '权重再分配',
      免考处理: '不计入',
      小数位数: 3,
      单位: '哈尔滨市',
      状态: '已备案',
      版本: '4',
    });
  });

  it('lists the statistic items on their own sheet, printable', async () => {
    const ws = sheet(await open(), '统计数据指标');
    expect(values(ws, 2)).toEqual(['编码', '名称', '计量单位', '统计口径', '出处']);
    expect(values(ws, 3)).toEqual(['S1', '办事量', '件', '年度受理并办结的事项数', '原文']);
    expect(values(ws, 4)).toEqual(['S2', '窗口人员配置', '人', undefined, '示例']);
    expect(values(ws, 5)).toEqual(['S3', '平均服务时间', undefined, '']);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:2' });
  });

  it('cites each 原文 on the 出处 sheet in separate columns, and notes each 示例', async () => {
    const ws = sheet(await open(), '出处');
    expect(values(ws, 2)).toEqual([
      '类别',
      '编码',
      '名称',
      '出处',
      '来源文件',
      '条款',
      '原文摘录',
      '原文涵盖',
      '说明',
    ]);
    expect(values(ws, 3)).toEqual([
      '一级指标',
      'JJ',
      '经济建设',
      '原文',
      `《${SOURCE_DOCUMENT_LABELS.kpi.zh}》`,
      '考核指标和权重 1.',
      '工作目标完成情况(权重:30%):- 目标完成率- 项目进度和质量',
      '权重',
    ]);
    const rows = Array.from({ length: ws.rowCount - 2 }, (_, i) => values(ws, i + 3));
    const byCode = new Map(rows.map((r) => [`${String(r[0])}:${String(r[1])}`, r]));
    expect(byCode.get('三级指标:JJ03-2')?.[7]).toBe('计算公式、权重');
    expect(byCode.get('一票否决项目:V1')?.[7]).toBe('无');
    expect(byCode.get('一级指标:SH')?.slice(3)).toEqual([
      '示例',
      undefined,
      undefined,
      undefined,
      undefined,
      '「社会建设」维度的示例，来源文件未列此维度',
    ]);
    expect(byCode.get('统计数据指标:S1')?.[3]).toBe('原文');
    expect(byCode.get('等级:A')?.[3]).toBe('原文');
    expect(byCode.has('一级指标:XM')).toBe(false);
    // Every node and item with a provenance has its row, in order; nothing else does.
    expect(rows.map((r) => r[1])).toEqual([
      'JJ',
      'JJ01',
      'JJ02',
      'JJ04',
      'JJ03',
      'JJ03-1',
      'JJ03-2',
      'SH',
      'ZS',
      'XM01',
      'B1',
      'B2',
      'V1',
      'S1',
      'S2',
      'A',
      'B',
    ]);
    expect(ws.getCell('G3').alignment?.wrapText).toBe(true);
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
    });
  });
});

describe('the print layout', () => {
  it('keeps the columns a reader needs, fitted to A4 landscape at a readable size', async () => {
    const wb = await open({ layout: 'print', status: 'draft', systemVersion: 2 });
    const ws = sheet(wb, '指标体系');
    expect(values(ws, 2)).toEqual([
      '一级指标',
      '权重',
      '二级指标',
      '权重',
      '三级指标',
      '权重',
      '指标编码',
      '计量单位',
      '评分方法',
      '评分标准',
      '佐证材料',
    ]);
    expect(ws.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, printTitlesRow: '1:2' });
    expect(printScale(ws).scale * 10.5).toBeGreaterThanOrEqual(MIN_PRINT_POINTS);
    expect(ws.headerFooter.oddHeader).toContain('打印版（不用于导入）');
    // Every leaf is there, with its criteria, as in the full layout.
    const full = sheet(await open(), '指标体系');
    const criteria = (w: ExcelJS.Worksheet, col: number) =>
      Array.from({ length: w.rowCount - 2 }, (_, i) => w.getCell(i + 3, col).value);
    expect(criteria(ws, 10)).toEqual(criteria(full, 18));
    // Branches merged down their leaves start at the top (a span crossing a page break would
    // otherwise print its name over the repeated header).
    expect(ws.getCell('A3').alignment?.vertical).toBe('top');
  });

  it('prints no empty level: a two-level system has no 三级指标 column', async () => {
    const twoLevels = {
      ...richSystem,
      dimensions: richSystem.dimensions.map((d) =>
        isBranch(d) ? { ...d, children: d.children.filter((n: IndicatorNode) => !isBranch(n)) } : d,
      ),
    };
    const wb = new ExcelJS.Workbook();
    const fixed = {
      ...twoLevels,
      dimensions: twoLevels.dimensions.filter((d) => !isBranch(d) || d.children.length > 0),
    };
    const weights = (nodes: readonly IndicatorNode[]): number => nodes.reduce((a, n) => a + n.weight, 0);
    await wb.xlsx.load(
      (await exportSystemXlsx({ ...fixed, total: weights(fixed.dimensions) }, { layout: 'print' })).slice()
        .buffer as ArrayBuffer,
    );
    expect(values(sheet(wb, '指标体系'), 2)).not.toContain('三级指标');
  });
});
