import type ExcelJS from 'exceljs';
import { enumWordList, PROVENANCE_KIND, VETO_EFFECT, writeEnum } from '../labels';
import {
  BONUS_CAP_LABEL,
  BONUS_COLUMNS,
  SHEET_BONUS,
  SHEET_STATISTICS,
  STATISTIC_COLUMNS,
  VETO_COLUMNS,
} from '../layout';
import type { SystemContent } from '../model';
import { formatKind } from '../provenance';
import {
  center,
  columnWidths,
  headerRow,
  listValidation,
  pageSetup,
  sectionRow,
  setNumber,
  setText,
  styleTable,
  titleRow,
} from './style';

// ─── 加分与否决, 统计数据指标 ────────────────────────────────────────────────────────────────────

export function writeBonus(wb: ExcelJS.Workbook, c: SystemContent): void {
  const ws = wb.addWorksheet(SHEET_BONUS, { views: [{ state: 'frozen', ySplit: 1 }] });
  const ncol = BONUS_COLUMNS.length;
  columnWidths(ws, BONUS_COLUMNS);
  titleRow(ws, '加分与一票否决项目', ncol);
  ws.getCell(2, 1).value = BONUS_CAP_LABEL;
  setNumber(ws.getCell(2, 2), c.bonusCap);
  ws.getCell(2, 3).value = '加分项目合计不超过此分值（分）';
  ws.mergeCells(2, 3, 2, ncol);
  styleTable(ws, 2, 2, ncol);
  ws.getCell(2, 1).font = { name: 'SimHei', bold: true };

  let r = 4;
  sectionRow(ws, r++, '加分项目', ncol);
  headerRow(ws, r++, BONUS_COLUMNS);
  const bonusFrom = r;
  for (const b of c.bonusItems) {
    setText(ws.getCell(r, 1), b.code);
    setText(ws.getCell(r, 2), b.name);
    setNumber(ws.getCell(r, 3), b.maxPoints);
    setText(ws.getCell(r, 4), b.criteria);
    setText(ws.getCell(r, 5), formatKind(b.provenance));
    listValidation(ws.getCell(r, 5), enumWordList(PROVENANCE_KIND));
    r++;
  }
  if (r > bonusFrom) styleTable(ws, bonusFrom, r - 1, ncol);

  r++;
  sectionRow(ws, r++, '一票否决项目', ncol);
  headerRow(ws, r++, VETO_COLUMNS);
  const vetoFrom = r;
  for (const v of c.vetoItems) {
    setText(ws.getCell(r, 1), v.code);
    setText(ws.getCell(r, 2), v.name);
    setText(ws.getCell(r, 3), writeEnum(VETO_EFFECT, v.effect));
    listValidation(ws.getCell(r, 3), enumWordList(VETO_EFFECT));
    setText(ws.getCell(r, 4), v.criteria);
    setText(ws.getCell(r, 5), formatKind(v.provenance));
    listValidation(ws.getCell(r, 5), enumWordList(PROVENANCE_KIND));
    r++;
  }
  if (r > vetoFrom) styleTable(ws, vetoFrom, r - 1, ncol);
  center(ws, bonusFrom, r - 1, [3, 5]);
  pageSetup(ws, '1:1', '');
}

/** 统计数据指标: written only when the system has some (an absent sheet reads as none). */
export function writeStatistics(wb: ExcelJS.Workbook, c: SystemContent): void {
  if (c.statistics.length === 0) return;
  const ws = wb.addWorksheet(SHEET_STATISTICS, { views: [{ state: 'frozen', ySplit: 2 }] });
  const ncol = STATISTIC_COLUMNS.length;
  columnWidths(ws, STATISTIC_COLUMNS);
  titleRow(ws, '统计数据指标（填报并随结果展示，不计分）', ncol);
  headerRow(ws, 2, STATISTIC_COLUMNS);
  let r = 3;
  for (const s of c.statistics) {
    setText(ws.getCell(r, 1), s.code);
    setText(ws.getCell(r, 2), s.name);
    setText(ws.getCell(r, 3), s.unitOfMeasure);
    setText(ws.getCell(r, 4), s.criteria);
    setText(ws.getCell(r, 5), formatKind(s.provenance));
    listValidation(ws.getCell(r, 5), enumWordList(PROVENANCE_KIND));
    r++;
  }
  styleTable(ws, 3, r - 1, ncol);
  center(ws, 3, r - 1, [3, 5]);
  pageSetup(ws, '1:2', '');
}
