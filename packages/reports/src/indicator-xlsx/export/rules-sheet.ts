import type ExcelJS from 'exceljs';
import {
  EXEMPTION_POLICY,
  enumWordList,
  formatTieBreak,
  MISSING_POLICY,
  PROVENANCE_KIND,
  QUOTA_ROUNDING,
  writeEnum,
} from '../labels';
import { GRADE_COLUMNS, RULE_KEYS, SHEET_RULES } from '../layout';
import { dimensionTieBreakLabel, type SystemContent, TIE_BREAK_LABELS } from '../model';
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

// ─── 等级与规则 ─────────────────────────────────────────────────────────────────────────────────

export interface VersionInfo {
  tenantName: string | undefined;
  status: string | undefined;
  systemVersion: number | undefined;
}

export function writeRules(wb: ExcelJS.Workbook, c: SystemContent, info: VersionInfo, header: string): void {
  const ws = wb.addWorksheet(SHEET_RULES, { views: [{ state: 'frozen', ySplit: 1 }] });
  const ncol = GRADE_COLUMNS.length;
  columnWidths(ws, GRADE_COLUMNS);
  titleRow(ws, '等级与规则', ncol);
  let r = 3;
  sectionRow(ws, r++, '评定等级（由高到低）', ncol);
  headerRow(ws, r++, GRADE_COLUMNS);
  const levelsFrom = r;
  for (const lv of c.grading.levels) {
    setText(ws.getCell(r, 1), lv.code);
    setText(ws.getCell(r, 2), lv.label.zh);
    setText(ws.getCell(r, 3), lv.label.en);
    setNumber(ws.getCell(r, 4), lv.min);
    if (lv.maxShare !== undefined) {
      ws.getCell(r, 5).value = lv.maxShare;
      ws.getCell(r, 5).numFmt = '0.##%';
    }
    setText(ws.getCell(r, 6), formatKind(lv.provenance));
    listValidation(ws.getCell(r, 6), enumWordList(PROVENANCE_KIND));
    r++;
  }
  styleTable(ws, levelsFrom, r - 1, ncol);
  center(ws, levelsFrom, r - 1, [6]);

  r++;
  sectionRow(ws, r++, '评分规则', ncol);
  const kv: [string, string | number | null | undefined, string][] = [
    [RULE_KEYS.name, c.name, 'System name'],
    [RULE_KEYS.description, c.description, 'Description'],
    [RULE_KEYS.total, c.total, 'Total points of the tree (以指标体系表“合计”行为准)'],
    [
      RULE_KEYS.quotaRounding,
      writeEnum(QUOTA_ROUNDING, c.grading.quotaRounding),
      `Quota rounding: ${enumWordList(QUOTA_ROUNDING).join(' / ')}`,
    ],
    [
      RULE_KEYS.tieBreak,
      formatTieBreak(c.grading.tieBreak),
      `Tie-break after the total: ${TIE_BREAK_LABELS.fewer_deductions.zh}; ${TIE_BREAK_LABELS.more_bonus.zh}; ${dimensionTieBreakLabel('<code>').zh}`,
    ],
    [
      RULE_KEYS.missingData,
      writeEnum(MISSING_POLICY, c.missingData),
      `No data for a leaf: ${enumWordList(MISSING_POLICY).join(' / ')}`,
    ],
    [
      RULE_KEYS.exemption,
      writeEnum(EXEMPTION_POLICY, c.exemption),
      `Exempted or not applicable: ${enumWordList(EXEMPTION_POLICY).join(' / ')}`,
    ],
    [RULE_KEYS.decimals, c.decimals, 'Decimal places shown (四舍五入)'],
  ];
  const kvFrom = r;
  for (const [label, value, en] of kv) {
    const key = ws.getCell(r, 1);
    key.value = label;
    key.note = en;
    key.font = { name: 'SimHei', bold: true };
    const cell = ws.getCell(r, 2);
    if (typeof value === 'number') setNumber(cell, value);
    else setText(cell, value);
    ws.mergeCells(r, 2, r, ncol);
    r++;
  }
  styleTable(ws, kvFrom, r - 1, ncol);
  ws.getRow(kvFrom + 1).height = 48;

  r++;
  sectionRow(ws, r++, '版本信息（仅供参考，导入时不读取）', ncol);
  const rows: [string, string | undefined][] = [
    ['单位', info.tenantName],
    ['状态', info.status],
    ['版本', info.systemVersion === undefined ? undefined : String(info.systemVersion)],
  ];
  const infoFrom = r;
  for (const [label, value] of rows) {
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 2).value = value ?? '—';
    ws.mergeCells(r, 2, r, ncol);
    r++;
  }
  styleTable(ws, infoFrom, r - 1, ncol);
  pageSetup(ws, '1:1', header);
}
