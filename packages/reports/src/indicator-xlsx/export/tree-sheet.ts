import type ExcelJS from 'exceljs';
import {
  DATA_SOURCE,
  DIRECTION,
  enumWordList,
  formatAppliesTo,
  formatEvidence,
  INDICATOR_TYPE,
  MEASURED_PARTY,
  MISSING_POLICY,
  PROVENANCE_KIND,
  writeEnum,
} from '../labels';
import {
  type Column,
  type Field,
  LEVEL_FIELDS,
  PROVENANCE_FIELDS,
  SHEET_TREE,
  TREE_COLUMNS,
  WEIGHT_FIELDS,
} from '../layout';
import {
  type Branch,
  type IndicatorNode,
  isBranch,
  type Leaf,
  RULE_LABELS,
  type SystemContent,
} from '../model';
import { formatOfficeParams } from '../office-params';
import { formatKind } from '../provenance';
import { formatRuleParams, ruleNames } from '../rule-params';
import {
  BOLD,
  center,
  columnWidths,
  headerRow,
  listValidation,
  pageSetup,
  SECTION_FILL,
  setNumber,
  setText,
  styleTable,
  titleRow,
} from './style';

// ─── 指标体系 ───────────────────────────────────────────────────────────────────────────────────

/** Where each field is on a sheet of these columns (1-based), or undefined when left out. */
function placesOf(columns: readonly Column[]) {
  const col = (field: Field): number | undefined => {
    const i = columns.findIndex((c) => c.field === field);
    return i < 0 ? undefined : i + 1;
  };
  /** The columns of a node at a level (0-based): its name, weight and 出处. */
  const levelCols = (level: number) => ({
    name: col(LEVEL_FIELDS[level] ?? 'l1'),
    weight: col(WEIGHT_FIELDS[level] ?? 'w1'),
    provenance: col(PROVENANCE_FIELDS[level] ?? 'p1'),
  });
  return { col, levelCols };
}
type Places = ReturnType<typeof placesOf>;

interface LeafRow {
  leaf: Leaf;
  ancestors: Branch[];
}

function flatten(nodes: readonly IndicatorNode[], ancestors: Branch[], out: LeafRow[]): void {
  for (const n of nodes) {
    if (isBranch(n)) flatten(n.children, [...ancestors, n], out);
    else {
      if (ancestors.length > 2) {
        throw new Error(`indicator ${n.code} is deeper than three levels; the sheet has 一级/二级/三级 only`);
      }
      out.push({ leaf: n, ancestors });
    }
  }
}

/** Writes one leaf's own cells on row `r` (the fields the sheet has). */
function writeLeaf(ws: ExcelJS.Worksheet, p: Places, r: number, leaf: Leaf, level: number): void {
  const put = (column: number | undefined, write: (cell: ExcelJS.Cell) => void) => {
    if (column !== undefined) write(ws.getCell(r, column));
  };
  const text = (f: Field, value: string | null | undefined) => put(p.col(f), (cell) => setText(cell, value));
  const c = p.levelCols(level);
  put(c.name, (cell) => setText(cell, leaf.name));
  put(c.weight, (cell) => setNumber(cell, leaf.weight));
  put(c.provenance, (cell) => setText(cell, formatKind(leaf.provenance)));
  text('code', leaf.code);
  text('unit', leaf.unitOfMeasure);
  text('direction', writeEnum(DIRECTION, leaf.direction));
  text('type', writeEnum(INDICATOR_TYPE, leaf.type));
  text('source', writeEnum(DATA_SOURCE, leaf.source));
  text('method', RULE_LABELS[leaf.rule.kind].zh);
  text('params', formatRuleParams(leaf.rule));
  text('office', formatOfficeParams(leaf.officeParams));
  text('criteria', leaf.criteria);
  text('evidence', formatEvidence(leaf.evidence));
  text('applies', formatAppliesTo(leaf.appliesTo));
  text('party', leaf.party === undefined ? null : writeEnum(MEASURED_PARTY, leaf.party));
  text('missing', leaf.missing === undefined ? null : writeEnum(MISSING_POLICY, leaf.missing));
}

/**
 * The sheet 指标体系 with `columns`: every column (the layout the import reads back) or the print
 * layout's (treePrintColumns: fits A4 landscape at a readable size; not for import).
 */
export function writeTree(
  wb: ExcelJS.Workbook,
  c: SystemContent,
  title: string,
  header: string,
  columns: readonly Column[] = TREE_COLUMNS,
): void {
  const ws = wb.addWorksheet(SHEET_TREE, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  const p = placesOf(columns);
  const { col, levelCols } = p;
  const ncol = columns.length;
  columnWidths(ws, columns);
  titleRow(ws, title, ncol);
  headerRow(ws, 2, columns);

  const rows: LeafRow[] = [];
  flatten(c.dimensions, [], rows);
  const first = 3;
  const spans = new Map<Branch, { level: number; from: number; to: number }>();
  rows.forEach(({ leaf, ancestors }, i) => {
    const r = first + i;
    ancestors.forEach((b, level) => {
      const span = spans.get(b);
      if (span) {
        span.to = r;
        return;
      }
      spans.set(b, { level, from: r, to: r });
      const cols = levelCols(level);
      if (cols.name !== undefined) {
        const name = ws.getCell(r, cols.name);
        name.value = `${b.name}（${b.code}）`;
        if (b.criteria !== undefined) name.note = b.criteria;
      }
      if (cols.weight !== undefined) setNumber(ws.getCell(r, cols.weight), b.weight);
      if (cols.provenance !== undefined) setText(ws.getCell(r, cols.provenance), formatKind(b.provenance));
    });
    writeLeaf(ws, p, r, leaf, ancestors.length);
  });
  const last = first + rows.length - 1;
  const merged: { row: number; col: number }[] = [];
  for (const [, s] of spans) {
    if (s.to === s.from) continue;
    for (const cI of Object.values(levelCols(s.level))) {
      if (cI === undefined) continue;
      ws.mergeCells(s.from, cI, s.to, cI);
      merged.push({ row: s.from, col: cI });
    }
  }

  const totalRow = last + 1;
  ws.getCell(totalRow, 1).value = '合计';
  const w1 = col('w1');
  if (w1 !== undefined) setNumber(ws.getCell(totalRow, w1), c.total);
  styleTable(ws, first, totalRow, ncol);
  const centered: Field[] = [
    ...WEIGHT_FIELDS,
    ...PROVENANCE_FIELDS,
    'code',
    'unit',
    'direction',
    'type',
    'source',
    'method',
  ];
  center(
    ws,
    first,
    last,
    centered.map(col).filter((x) => x !== undefined),
  );
  for (let cI = 1; cI <= ncol; cI++) {
    const cell = ws.getCell(totalRow, cI);
    cell.font = BOLD;
    cell.fill = SECTION_FILL;
  }
  // A branch merged down its leaves starts at their top: centred, a span that crosses a page break
  // would print its name over the header rows repeated on the next page.
  for (const m of merged)
    ws.getCell(m.row, m.col).alignment = { ...ws.getCell(m.row, m.col).alignment, vertical: 'top' };
  ws.getCell(totalRow, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  if (w1 !== undefined) ws.getCell(totalRow, w1).alignment = { horizontal: 'center', vertical: 'middle' };

  const lists: [Field, string[]][] = [
    ...PROVENANCE_FIELDS.map((f): [Field, string[]] => [f, enumWordList(PROVENANCE_KIND)]),
    ['direction', enumWordList(DIRECTION)],
    ['type', enumWordList(INDICATOR_TYPE)],
    ['source', enumWordList(DATA_SOURCE)],
    ['method', ruleNames()],
    ['party', enumWordList(MEASURED_PARTY)],
    ['missing', enumWordList(MISSING_POLICY)],
  ];
  for (const [f, values] of lists) {
    const at = col(f);
    if (at === undefined) continue;
    for (let r = first; r <= last; r++) listValidation(ws.getCell(r, at), values);
  }
  pageSetup(ws, '1:2', header);
}
