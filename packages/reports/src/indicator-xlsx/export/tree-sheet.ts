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

const col = (field: Field): number => TREE_COLUMNS.findIndex((c) => c.field === field) + 1;

/** The columns of a node at a level (0-based): its name, weight and 出处. */
const levelCols = (level: number) => ({
  name: col(LEVEL_FIELDS[level] ?? 'l1'),
  weight: col(WEIGHT_FIELDS[level] ?? 'w1'),
  provenance: col(PROVENANCE_FIELDS[level] ?? 'p1'),
});

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

/** Writes one leaf's own cells on row `r`. */
function writeLeaf(ws: ExcelJS.Worksheet, r: number, leaf: Leaf, level: number): void {
  const at = (f: Field) => ws.getCell(r, col(f));
  const c = levelCols(level);
  setText(ws.getCell(r, c.name), leaf.name);
  setNumber(ws.getCell(r, c.weight), leaf.weight);
  setText(ws.getCell(r, c.provenance), formatKind(leaf.provenance));
  setText(at('code'), leaf.code);
  setText(at('unit'), leaf.unitOfMeasure);
  setText(at('direction'), writeEnum(DIRECTION, leaf.direction));
  setText(at('type'), writeEnum(INDICATOR_TYPE, leaf.type));
  setText(at('source'), writeEnum(DATA_SOURCE, leaf.source));
  setText(at('method'), RULE_LABELS[leaf.rule.kind].zh);
  setText(at('params'), formatRuleParams(leaf.rule));
  setText(at('office'), formatOfficeParams(leaf.officeParams));
  setText(at('criteria'), leaf.criteria);
  setText(at('evidence'), formatEvidence(leaf.evidence));
  setText(at('applies'), formatAppliesTo(leaf.appliesTo));
  setText(at('party'), leaf.party === undefined ? null : writeEnum(MEASURED_PARTY, leaf.party));
  setText(at('missing'), leaf.missing === undefined ? null : writeEnum(MISSING_POLICY, leaf.missing));
}

export function writeTree(wb: ExcelJS.Workbook, c: SystemContent, title: string, header: string): void {
  const ws = wb.addWorksheet(SHEET_TREE, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  const ncol = TREE_COLUMNS.length;
  columnWidths(ws, TREE_COLUMNS);
  titleRow(ws, title, ncol);
  headerRow(ws, 2, TREE_COLUMNS);

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
      const name = ws.getCell(r, cols.name);
      name.value = `${b.name}（${b.code}）`;
      if (b.criteria !== undefined) name.note = b.criteria;
      setNumber(ws.getCell(r, cols.weight), b.weight);
      setText(ws.getCell(r, cols.provenance), formatKind(b.provenance));
    });
    writeLeaf(ws, r, leaf, ancestors.length);
  });
  const last = first + rows.length - 1;
  for (const [, s] of spans) {
    if (s.to === s.from) continue;
    for (const cI of Object.values(levelCols(s.level))) ws.mergeCells(s.from, cI, s.to, cI);
  }

  const totalRow = last + 1;
  ws.getCell(totalRow, 1).value = '合计';
  setNumber(ws.getCell(totalRow, col('w1')), c.total);
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
  center(ws, first, last, centered.map(col));
  for (let cI = 1; cI <= ncol; cI++) {
    const cell = ws.getCell(totalRow, cI);
    cell.font = BOLD;
    cell.fill = SECTION_FILL;
  }
  ws.getCell(totalRow, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getCell(totalRow, col('w1')).alignment = { horizontal: 'center', vertical: 'middle' };

  const lists: [Field, string[]][] = [
    ...PROVENANCE_FIELDS.map((f): [Field, string[]] => [f, enumWordList(PROVENANCE_KIND)]),
    ['direction', enumWordList(DIRECTION)],
    ['type', enumWordList(INDICATOR_TYPE)],
    ['source', enumWordList(DATA_SOURCE)],
    ['method', ruleNames()],
    ['party', enumWordList(MEASURED_PARTY)],
    ['missing', enumWordList(MISSING_POLICY)],
  ];
  for (let r = first; r <= last; r++) {
    for (const [f, values] of lists) listValidation(ws.getCell(r, col(f)), values);
  }
  pageSetup(ws, '1:2', header);
}
