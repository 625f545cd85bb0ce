import ExcelJS from 'exceljs';
import {
  DATA_SOURCE,
  DIRECTION,
  EXEMPTION_POLICY,
  enumWordList,
  formatAppliesTo,
  formatEvidence,
  formatTieBreak,
  INDICATOR_TYPE,
  MISSING_POLICY,
  QUOTA_ROUNDING,
  VETO_EFFECT,
  writeEnum,
} from './labels';
import {
  BONUS_CAP_LABEL,
  BONUS_HEADERS,
  type Field,
  GRADE_HEADERS,
  LEVEL_FIELDS,
  RULE_KEYS,
  SHEET_BONUS,
  SHEET_RULES,
  SHEET_TREE,
  TREE_COLUMNS,
  VETO_HEADERS,
  WEIGHT_FIELDS,
} from './layout';
import {
  type Branch,
  dimensionTieBreakLabel,
  type IndicatorNode,
  isBranch,
  isEnumValue,
  type Leaf,
  RULE_LABELS,
  SYSTEM_STATUS_LABELS,
  type SystemContent,
  systemContentSchema,
  TIE_BREAK_LABELS,
  VETO_EFFECT_LABELS,
} from './model';
import { formatRuleParams, ruleNames } from './rule-params';

export interface ExportMeta {
  /** Title row; default: tenant name and system name. */
  title?: string;
  tenantName?: string;
  /** A system status (draft, submitted …) or any text. */
  status?: string;
  systemVersion?: number;
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const FONT = 'SimSun';

const col = (field: Field): number => TREE_COLUMNS.findIndex((c) => c.field === field) + 1;

/** Integers show as typed; fractional points with up to two decimals (the value keeps full precision). */
function setNumber(cell: ExcelJS.Cell, n: number): void {
  cell.value = n;
  if (!Number.isInteger(n)) cell.numFmt = '0.##';
}

const setText = (cell: ExcelJS.Cell, s: string | null | undefined): void => {
  cell.value = s ?? null;
};

function styleTable(ws: ExcelJS.Worksheet, fromRow: number, toRow: number, cols: number): void {
  for (let r = fromRow; r <= toRow; r++) {
    for (let c = 1; c <= cols; c++) {
      const cell = ws.getCell(r, c);
      cell.border = THIN;
      cell.font = { name: FONT, size: 10.5, ...(cell.font ?? {}) };
      cell.alignment = { vertical: 'middle', wrapText: true, ...(cell.alignment ?? {}) };
    }
  }
}

function titleRow(ws: ExcelJS.Worksheet, text: string, cols: number): void {
  ws.mergeCells(1, 1, 1, cols);
  const cell = ws.getCell(1, 1);
  cell.value = text;
  cell.font = { name: 'SimHei', size: 16, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 34;
}

function headerRow(
  ws: ExcelJS.Worksheet,
  row: number,
  headers: readonly { zh: string; en?: string }[],
): void {
  headers.forEach((h, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = h.zh;
    if (h.en) cell.note = h.en;
    cell.font = { name: 'SimHei', size: 10.5, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  ws.getRow(row).height = 30;
}

function sectionRow(ws: ExcelJS.Worksheet, row: number, text: string, cols: number): void {
  ws.mergeCells(row, 1, row, cols);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { name: 'SimHei', size: 12, bold: true };
  cell.fill = SECTION_FILL;
  cell.alignment = { vertical: 'middle' };
  ws.getRow(row).height = 24;
}

function pageSetup(ws: ExcelJS.Worksheet, titleRows: string, header: string): void {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: titleRows,
    margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
  const amp = (s: string) => s.replace(/&/g, '&&');
  ws.headerFooter = {
    oddHeader: header ? `&R${amp(header)}` : '',
    oddFooter: '&C第 &P 页，共 &N 页',
  };
}

const statusText = (status: string | undefined): string | undefined =>
  status === undefined
    ? undefined
    : isEnumValue('systemStatus', status)
      ? SYSTEM_STATUS_LABELS[status].zh
      : status;

const metaLine = (meta: ExportMeta): string =>
  [statusText(meta.status), meta.systemVersion === undefined ? undefined : `第 ${meta.systemVersion} 版`]
    .filter(Boolean)
    .join('  ');

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

function writeTree(wb: ExcelJS.Workbook, c: SystemContent, meta: ExportMeta): void {
  const ws = wb.addWorksheet(SHEET_TREE, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  const ncol = TREE_COLUMNS.length;
  TREE_COLUMNS.forEach((column, i) => {
    ws.getColumn(i + 1).width = column.width;
  });
  const tenant = meta.tenantName && !c.name.includes(meta.tenantName) ? meta.tenantName : undefined;
  titleRow(ws, meta.title ?? [tenant, c.name].filter(Boolean).join(' '), ncol);
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
      const name = ws.getCell(r, col(LEVEL_FIELDS[level] ?? 'l1'));
      name.value = `${b.name}（${b.code}）`;
      if (b.criteria !== undefined) name.note = b.criteria;
      setNumber(ws.getCell(r, col(WEIGHT_FIELDS[level] ?? 'w1')), b.weight);
    });
    const level = ancestors.length;
    const at = (f: Field) => ws.getCell(r, col(f));
    setText(ws.getCell(r, col(LEVEL_FIELDS[level] ?? 'l1')), leaf.name);
    setNumber(ws.getCell(r, col(WEIGHT_FIELDS[level] ?? 'w1')), leaf.weight);
    setText(at('code'), leaf.code);
    setText(at('unit'), leaf.unitOfMeasure);
    setText(at('direction'), writeEnum(DIRECTION, leaf.direction));
    setText(at('type'), writeEnum(INDICATOR_TYPE, leaf.type));
    setText(at('source'), writeEnum(DATA_SOURCE, leaf.source));
    setText(at('method'), RULE_LABELS[leaf.rule.kind].zh);
    setText(at('params'), formatRuleParams(leaf.rule));
    setText(at('criteria'), leaf.criteria);
    setText(at('evidence'), formatEvidence(leaf.evidence));
    setText(at('applies'), formatAppliesTo(leaf.appliesTo));
    setText(at('missing'), leaf.missing === undefined ? null : writeEnum(MISSING_POLICY, leaf.missing));
  });
  const last = first + rows.length - 1;
  for (const [, s] of spans) {
    if (s.to > s.from) {
      ws.mergeCells(s.from, col(LEVEL_FIELDS[s.level] ?? 'l1'), s.to, col(LEVEL_FIELDS[s.level] ?? 'l1'));
      ws.mergeCells(s.from, col(WEIGHT_FIELDS[s.level] ?? 'w1'), s.to, col(WEIGHT_FIELDS[s.level] ?? 'w1'));
    }
  }

  const totalRow = last + 1;
  ws.getCell(totalRow, 1).value = '合计';
  setNumber(ws.getCell(totalRow, col('w1')), c.total);
  styleTable(ws, first, totalRow, ncol);
  for (let r = first; r <= last; r++) {
    for (const f of ['w1', 'w2', 'w3', 'code', 'unit', 'direction', 'type', 'source', 'method'] as Field[]) {
      const cell = ws.getCell(r, col(f));
      cell.alignment = { ...cell.alignment, horizontal: 'center' };
    }
  }
  for (let cI = 1; cI <= ncol; cI++) {
    const cell = ws.getCell(totalRow, cI);
    cell.font = { name: 'SimHei', size: 10.5, bold: true };
    cell.fill = SECTION_FILL;
  }
  ws.getCell(totalRow, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getCell(totalRow, col('w1')).alignment = { horizontal: 'center', vertical: 'middle' };

  // Drop-downs offer the canonical words; other spellings stay allowed (no error box).
  const lists: [Field, string[]][] = [
    ['direction', enumWordList(DIRECTION)],
    ['type', enumWordList(INDICATOR_TYPE)],
    ['source', enumWordList(DATA_SOURCE)],
    ['method', ruleNames()],
    ['missing', enumWordList(MISSING_POLICY)],
  ];
  for (let r = first; r <= last; r++) {
    for (const [f, values] of lists) {
      ws.getCell(r, col(f)).dataValidation = {
        type: 'list',
        allowBlank: true,
        showErrorMessage: false,
        formulae: [`"${values.join(',')}"`],
      };
    }
  }
  pageSetup(ws, '1:2', metaLine(meta));
}

function writeBonus(wb: ExcelJS.Workbook, c: SystemContent): void {
  const ws = wb.addWorksheet(SHEET_BONUS, { views: [{ state: 'frozen', ySplit: 1 }] });
  [12, 32, 12, 60].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  titleRow(ws, '加分与一票否决项目', 4);
  ws.getCell(2, 1).value = BONUS_CAP_LABEL;
  setNumber(ws.getCell(2, 2), c.bonusCap);
  ws.getCell(2, 3).value = '加分项目合计不超过此分值（分）';
  ws.mergeCells(2, 3, 2, 4);
  styleTable(ws, 2, 2, 4);
  ws.getCell(2, 1).font = { name: 'SimHei', bold: true };

  let r = 4;
  sectionRow(ws, r++, '加分项目', 4);
  headerRow(ws, r++, [
    { zh: BONUS_HEADERS.code, en: 'Code' },
    { zh: BONUS_HEADERS.name, en: 'Name' },
    { zh: BONUS_HEADERS.maxPoints, en: 'Max points' },
    { zh: BONUS_HEADERS.criteria, en: 'Criteria' },
  ]);
  const bonusFrom = r;
  for (const b of c.bonusItems) {
    setText(ws.getCell(r, 1), b.code);
    setText(ws.getCell(r, 2), b.name);
    setNumber(ws.getCell(r, 3), b.maxPoints);
    setText(ws.getCell(r, 4), b.criteria);
    r++;
  }
  if (r > bonusFrom) styleTable(ws, bonusFrom, r - 1, 4);

  r++;
  sectionRow(ws, r++, '一票否决项目', 4);
  headerRow(ws, r++, [
    { zh: VETO_HEADERS.code, en: 'Code' },
    { zh: VETO_HEADERS.name, en: 'Name' },
    {
      zh: VETO_HEADERS.effect,
      en: `Effect: ${VETO_EFFECT_LABELS.fail.zh} fail / ${VETO_EFFECT_LABELS.bar_excellent.zh} may not be excellent`,
    },
    { zh: VETO_HEADERS.criteria, en: 'Criteria' },
  ]);
  const vetoFrom = r;
  for (const v of c.vetoItems) {
    setText(ws.getCell(r, 1), v.code);
    setText(ws.getCell(r, 2), v.name);
    setText(ws.getCell(r, 3), writeEnum(VETO_EFFECT, v.effect));
    ws.getCell(r, 3).dataValidation = {
      type: 'list',
      allowBlank: true,
      showErrorMessage: false,
      formulae: [`"${enumWordList(VETO_EFFECT).join(',')}"`],
    };
    setText(ws.getCell(r, 4), v.criteria);
    r++;
  }
  if (r > vetoFrom) styleTable(ws, vetoFrom, r - 1, 4);
  for (let i = bonusFrom; i < r; i++)
    ws.getCell(i, 3).alignment = { horizontal: 'center', vertical: 'middle' };
  pageSetup(ws, '1:1', '');
}

function writeRules(wb: ExcelJS.Workbook, c: SystemContent, meta: ExportMeta): void {
  const ws = wb.addWorksheet(SHEET_RULES, { views: [{ state: 'frozen', ySplit: 1 }] });
  [14, 16, 18, 12, 12].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  titleRow(ws, '等级与规则', 5);
  let r = 3;
  sectionRow(ws, r++, '评定等级（由高到低）', 5);
  headerRow(ws, r++, [
    { zh: GRADE_HEADERS.code, en: 'Grade code' },
    { zh: GRADE_HEADERS.zh, en: 'Grade (Chinese)' },
    { zh: GRADE_HEADERS.en, en: 'Grade (English)' },
    { zh: GRADE_HEADERS.min, en: 'Lowest total (inclusive)' },
    { zh: GRADE_HEADERS.maxShare, en: 'Quota: at most this share of a group' },
  ]);
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
    r++;
  }
  styleTable(ws, levelsFrom, r - 1, 5);

  r++;
  sectionRow(ws, r++, '评分规则', 5);
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
    ws.mergeCells(r, 2, r, 5);
    r++;
  }
  styleTable(ws, kvFrom, r - 1, 5);
  ws.getRow(kvFrom + 1).height = 48;

  r++;
  sectionRow(ws, r++, '版本信息（仅供参考，导入时不读取）', 5);
  const info: [string, string | undefined][] = [
    ['单位', meta.tenantName],
    ['状态', statusText(meta.status)],
    ['版本', meta.systemVersion === undefined ? undefined : String(meta.systemVersion)],
  ];
  const infoFrom = r;
  for (const [label, value] of info) {
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 2).value = value ?? '—';
    ws.mergeCells(r, 2, r, 5);
    r++;
  }
  styleTable(ws, infoFrom, r - 1, 5);
  pageSetup(ws, '1:1', metaLine(meta));
}

/**
 * The indicator system as an .xlsx in the layout offices keep (see layout.ts for the sheets and
 * rule-params.ts for the 评分参数 grammar). The content is parsed with the schema first, so
 * defaults are written out explicitly; throws if it is not schema-valid or deeper than 3 levels.
 */
export async function exportSystemXlsx(content: SystemContent, meta: ExportMeta = {}): Promise<Uint8Array> {
  const c = systemContentSchema.parse(content);
  const wb = new ExcelJS.Workbook();
  wb.creator = '绩效 jixiao';
  wb.title = c.name;
  writeTree(wb, c, meta);
  writeBonus(wb, c);
  writeRules(wb, c, meta);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as unknown as ArrayBuffer);
}
