import type ExcelJS from 'exceljs';
import { enumWordList, PROVENANCE_KIND } from '../labels';
import { ITEM_CATEGORIES, LEVEL_NAMES, PROVENANCE_COLUMNS, SHEET_PROVENANCE } from '../layout';
import { type IndicatorNode, isBranch, type Provenance, type SystemContent } from '../model';
import { formatProvenanceCells } from '../provenance';
import {
  center,
  columnWidths,
  headerRow,
  listValidation,
  pageSetup,
  setText,
  styleTable,
  titleRow,
} from './style';

// ─── 出处 ───────────────────────────────────────────────────────────────────────────────────────

interface Cited {
  category: string;
  code: string;
  name: string;
  provenance: Provenance;
}

/** Every node and item with a provenance: the tree in order, then bonus, veto, statistic items and grades. */
function cited(c: SystemContent): Cited[] {
  const out: Cited[] = [];
  const walk = (nodes: readonly IndicatorNode[], level: number) => {
    for (const n of nodes) {
      const category = (LEVEL_NAMES[level] ?? LEVEL_NAMES[0]).zh;
      if (n.provenance) out.push({ category, code: n.code, name: n.name, provenance: n.provenance });
      if (isBranch(n)) walk(n.children, level + 1);
    }
  };
  walk(c.dimensions, 0);
  const items = (
    category: string,
    list: readonly { code: string; name: string; provenance?: Provenance }[],
  ) => {
    for (const i of list)
      if (i.provenance) out.push({ category, code: i.code, name: i.name, provenance: i.provenance });
  };
  items(ITEM_CATEGORIES.bonus.zh, c.bonusItems);
  items(ITEM_CATEGORIES.veto.zh, c.vetoItems);
  items(ITEM_CATEGORIES.statistic.zh, c.statistics);
  for (const lv of c.grading.levels) {
    if (lv.provenance)
      out.push({
        category: ITEM_CATEGORIES.grade.zh,
        code: lv.code,
        name: lv.label.zh,
        provenance: lv.provenance,
      });
  }
  return out;
}

/**
 * 出处: the citation of every 原文 node (document, section, the quote) and the note of every 示例,
 * one row each, so that a long quote wraps on its own row and prints; written only when something
 * has a provenance.
 */
export function writeProvenance(wb: ExcelJS.Workbook, c: SystemContent): void {
  const rows = cited(c);
  if (rows.length === 0) return;
  const ws = wb.addWorksheet(SHEET_PROVENANCE, { views: [{ state: 'frozen', ySplit: 2 }] });
  const ncol = PROVENANCE_COLUMNS.length;
  columnWidths(ws, PROVENANCE_COLUMNS);
  titleRow(ws, '出处（原文：来源文件原话；示例：产品提供、可修改的示例）', ncol);
  headerRow(ws, 2, PROVENANCE_COLUMNS);
  let r = 3;
  for (const row of rows) {
    const cells: Record<string, string | null> = {
      category: row.category,
      code: row.code,
      name: row.name,
      ...formatProvenanceCells(row.provenance),
    };
    PROVENANCE_COLUMNS.forEach((column, i) => {
      setText(ws.getCell(r, i + 1), cells[column.key]);
    });
    listValidation(
      ws.getCell(r, PROVENANCE_COLUMNS.findIndex((x) => x.key === 'kind') + 1),
      enumWordList(PROVENANCE_KIND),
    );
    r++;
  }
  styleTable(ws, 3, r - 1, ncol);
  const centered = ['category', 'code', 'kind', 'covers'].map(
    (k) => PROVENANCE_COLUMNS.findIndex((x) => x.key === k) + 1,
  );
  center(ws, 3, r - 1, centered);
  pageSetup(ws, '1:2', '');
}
