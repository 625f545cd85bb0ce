import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportSystemXlsx } from './export';
import { richSystem } from './test-fixtures';

async function open(meta = {}) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportSystemXlsx(richSystem, meta)).slice().buffer as ArrayBuffer);
  return wb;
}

describe('the exported workbook', () => {
  it('has the three sheets', async () => {
    const wb = await open();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标体系', '加分与否决', '等级与规则']);
  });

  it('has a merged title, the header, frozen panes and A4 landscape print setup', async () => {
    const ws = (
      await open({ title: '哈尔滨市 2026 年度政府绩效评估指标体系', status: 'draft', systemVersion: 2 })
    ).getWorksheet('指标体系');
    if (!ws) throw new Error('sheet');
    expect(ws.getCell('A1').value).toBe('哈尔滨市 2026 年度政府绩效评估指标体系');
    expect(ws.model.merges).toContain('A1:Q1');
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      '一级指标',
      '权重',
      '二级指标',
      '权重',
      '三级指标',
      '权重',
      '指标编码',
      '计量单位',
      '指标方向',
      '指标类型',
      '数据来源',
      '评分方法',
      '评分参数',
      '评分标准',
      '佐证材料',
      '适用分组',
      '缺失数据处理',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:2' });
    expect(ws.headerFooter.oddHeader).toContain('草稿');
    expect(ws.getColumn(13).width).toBeGreaterThan(20);
  });

  it('merges each branch down across its leaves, name and weight, and keeps its code in the text', async () => {
    const ws = (await open()).getWorksheet('指标体系');
    if (!ws) throw new Error('sheet');
    expect(ws.model.merges).toEqual(
      expect.arrayContaining(['A3:A6', 'B3:B6', 'C5:C6', 'D5:D6', 'A7:A10', 'B7:B10', 'A11:A13', 'B11:B13']),
    );
    expect(ws.getCell('A3').value).toBe('经济建设（JJ）');
    expect(ws.getCell('A7').value).toBe('社会建设（民生）（SH）');
    expect(ws.getCell('C5').value).toBe('营商环境（JJ03）');
    expect(ws.getCell('A3').note).toBe('经济建设类指标；按统计部门数据评分');
    expect(ws.getCell('B3').value).toBe(40);
    expect(ws.getCell('D3').value).toBe(12.5);
    expect(ws.getCell('D3').numFmt).toBe('0.##');
    expect(ws.getCell('L3').value).toBe('目标完成率法');
    expect(ws.getCell('M3').value).toBe('封顶 1.2');
    expect(ws.getCell('M5').value).toBe('(,1):1 优秀; [1,3):0.8 "良好; 达标"; [3,5):0.5 ""; [5,):0');
    expect(ws.getCell('L3').dataValidation).toMatchObject({ type: 'list' });
  });

  it('ends with a 合计 row equal to the total', async () => {
    const ws = (await open()).getWorksheet('指标体系');
    if (!ws) throw new Error('sheet');
    expect(ws.getCell('A15').value).toBe('合计');
    expect(ws.getCell('B15').value).toBe(richSystem.total);
    expect(ws.rowCount).toBe(15);
  });

  it('lists bonus and veto items, grading and rules', async () => {
    const wb = await open({ tenantName: '哈尔滨市', status: 'approved', systemVersion: 4 });
    const bonus = wb.getWorksheet('加分与否决');
    const rules = wb.getWorksheet('等级与规则');
    if (!bonus || !rules) throw new Error('sheets');
    expect(bonus.getCell('B2').value).toBe(3);
    expect((bonus.getRow(6).values as unknown[]).slice(1)).toEqual([
      'B1',
      '获国家级表彰',
      2,
      '每项加 1 分，最多 2 分',
    ]);
    expect((bonus.getRow(12).values as unknown[]).slice(1)).toEqual([
      'V2',
      '违反中央八项规定精神被查处',
      '不得评为优秀',
    ]);
    expect((rules.getRow(5).values as unknown[]).slice(1)).toEqual(['A', '优秀', 'Excellent', 92.5, 0.15]);
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
});
