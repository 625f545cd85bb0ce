import type { Bilingual } from '@jixiao/core';
import { isAppError } from '@jixiao/core';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { assertSafeWorkbook } from '../xlsx-guard';
import {
  DATA_SOURCE,
  DIRECTION,
  type EnumWords,
  EXEMPTION_POLICY,
  enumWordList,
  INDICATOR_TYPE,
  MISSING_POLICY,
  QUOTA_ROUNDING,
  readAppliesTo,
  readEnum,
  readEvidence,
  readTieBreak,
  VETO_EFFECT,
  writeEnum,
} from './labels';
import {
  BONUS_CAP_LABEL,
  BONUS_HEADERS,
  type Field,
  GRADE_HEADERS,
  LEVEL_FIELDS,
  LEVEL_NAMES,
  RULE_KEYS,
  SHEET_BONUS,
  SHEET_RULES,
  SHEET_TREE,
  TOTAL_ROW_LABELS,
  TREE_COLUMNS,
  VETO_HEADERS,
  WEIGHT_FIELDS,
} from './layout';
import {
  CODE_PATTERN,
  type DataSource,
  DEFAULT_GRADING,
  type IndicatorType,
  RULE_LABELS,
  type RuleKind,
  type SystemContent,
  systemContentSchema,
  zodIssuesToFields,
} from './model';
import { parseRuleParams, ruleKindFromName, ruleNameList } from './rule-params';
import { clean, colLetter, fmt, nfkc, ParseError, readNumber, squash } from './text';

/** A problem in the workbook, at the cell it comes from, in Chinese and English. */
export interface Issue {
  sheet: string;
  row: number;
  /** Column letter, e.g. 'D'. */
  column: string;
  /** Cell address, e.g. 'D7'. */
  cell: string;
  zh: string;
  en: string;
}

export type ImportResult =
  | { ok: true; content: SystemContent; warnings: Issue[] }
  | { ok: false; issues: Issue[] };

interface Loc {
  sheet: string;
  row: number;
  col: number;
  /** What the cell holds, prefixed to schema messages. */
  label?: Bilingual;
}

type Obj = Record<string, unknown>;

class Collector {
  errors: Issue[] = [];
  warnings: Issue[] = [];
  /** Content path (`dimensions.0.children.1.rule`) → the cell it was read from. */
  locs = new Map<string, Loc>();
  fallback: Loc = { sheet: SHEET_TREE, row: 1, col: 1 };

  issue(loc: Loc, m: Bilingual): Issue {
    const column = colLetter(loc.col);
    return { sheet: loc.sheet, row: loc.row, column, cell: `${column}${loc.row}`, zh: m.zh, en: m.en };
  }
  error(loc: Loc, m: Bilingual): void {
    this.errors.push(this.issue(loc, m));
  }
  warn(loc: Loc, m: Bilingual): void {
    this.warnings.push(this.issue(loc, m));
  }
  at(path: string, loc: Loc): void {
    this.locs.set(path, loc);
  }
  /** The cell for a schema issue: the longest registered prefix of its path. */
  find(path: readonly PropertyKey[]): { loc: Loc; rest: string } {
    for (let n = path.length; n > 0; n--) {
      const loc = this.locs.get(path.slice(0, n).map(String).join('.'));
      if (loc) return { loc, rest: path.slice(n).map(String).join('.') };
    }
    return { loc: this.fallback, rest: path.map(String).join('.') };
  }
}

// ─── Cells ──────────────────────────────────────────────────────────────────────────────────────

/** The plain value of a cell: formulas give their result, rich text its text, hyperlinks their text. */
function plain(v: ExcelJS.CellValue | undefined): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: ExcelJS.CellValue }).result;
    return typeof result === 'object' && result !== null && 'error' in result ? null : plain(result);
  }
  if ('text' in v) return typeof v.text === 'string' ? v.text : plain(v.text as ExcelJS.CellValue);
  return null;
}

/** A cell of a horizontal merge (not its first column) reads as blank; a vertical merge repeats down. */
function valueAt(ws: ExcelJS.Worksheet, row: number, col: number): string | number | boolean | null {
  const cell = ws.getCell(row, col);
  if (Number(cell.master.col) !== col) return null;
  return plain(cell.value);
}

function textAt(ws: ExcelJS.Worksheet, row: number, col: number): string | null {
  const v = valueAt(ws, row, col);
  if (v === null) return null;
  if (typeof v === 'number') return fmt(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v;
}

const isBlank = (s: string | null): s is null => s === null || s.trim() === '';

/** Optional free text: a blank cell is absent, an empty string written by the export stays ''. */
const optionalText = (s: string | null): string | undefined =>
  s === null ? undefined : s === '' ? '' : s.trim() === '' ? undefined : s.trim();

const ownValue = (ws: ExcelJS.Worksheet, row: number, col: number): boolean => {
  const cell = ws.getCell(row, col);
  return cell.master.address === cell.address && !isBlank(textAt(ws, row, col));
};

function noteText(ws: ExcelJS.Worksheet, row: number, col: number): string | undefined {
  const note = ws.getCell(row, col).master.note;
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** Header text as compared: first line, NFKC, no spaces, without a trailing (…) such as （分）. */
const headerKey = (s: string | null): string =>
  s === null ? '' : squash(s.split(/\r?\n/)[0] ?? '').replace(/\(.*\)$/, '');

const WEIGHT_HEADERS = new Set(['权重', '分值', '权重分值', '分数', '权数', '标准分'].map(headerKey));

// ─── Numbers ────────────────────────────────────────────────────────────────────────────────────

type NumberCell =
  | { kind: 'blank' }
  | { kind: 'bad'; text: string }
  | { kind: 'number'; value: number; percent: boolean };

function numberAt(ws: ExcelJS.Worksheet, row: number, col: number): NumberCell {
  const v = valueAt(ws, row, col);
  if (typeof v === 'number') {
    const numFmt = ws.getCell(row, col).master.numFmt ?? '';
    return { kind: 'number', value: v, percent: numFmt.includes('%') };
  }
  if (v === null || (typeof v === 'string' && v.trim() === '')) return { kind: 'blank' };
  const text = String(v);
  const n = readNumber(text);
  if (!n) return { kind: 'bad', text };
  return { kind: 'number', value: n.percent ? n.value / 100 : n.value, percent: n.percent };
}

// ─── 指标体系 ───────────────────────────────────────────────────────────────────────────────────

interface Header {
  row: number;
  cols: Partial<Record<Field, number>>;
}

/**
 * A sheet's column count, computed once: exceljs's `columnCount` walks every row, and asking it in
 * a per-row loop made a 5,000-row sheet take 30 s to import.
 */
const widths = new WeakMap<ExcelJS.Worksheet, number>();
function widthOf(ws: ExcelJS.Worksheet): number {
  let w = widths.get(ws);
  if (w === undefined) {
    w = ws.columnCount;
    widths.set(ws, w);
  }
  return w;
}

function findHeader(ws: ExcelJS.Worksheet): Header | undefined {
  const l1 = headerKey('一级指标');
  const last = Math.min(ws.rowCount, 30);
  for (let r = 1; r <= last; r++) {
    const cols: Partial<Record<Field, number>> = {};
    let found = false;
    let lastLevel: (typeof LEVEL_FIELDS)[number] | undefined;
    for (let c = 1; c <= widthOf(ws); c++) {
      const key = headerKey(textAt(ws, r, c));
      if (key === '') continue;
      if (key === l1) found = true;
      if (WEIGHT_HEADERS.has(key)) {
        const wf = lastLevel && WEIGHT_FIELDS[LEVEL_FIELDS.indexOf(lastLevel)];
        if (wf && cols[wf] === undefined) cols[wf] = c;
        continue;
      }
      const column = TREE_COLUMNS.find(
        (tc) => headerKey(tc.zh) === key || (tc.aliases ?? []).some((a) => headerKey(a) === key),
      );
      if (!column || cols[column.field] !== undefined) continue;
      cols[column.field] = c;
      if ((LEVEL_FIELDS as readonly Field[]).includes(column.field)) {
        lastLevel = column.field as (typeof LEVEL_FIELDS)[number];
      }
    }
    if (found) return { row: r, cols };
  }
  return undefined;
}

interface Open {
  kind: 'branch' | 'leaf';
  master: string;
  text: string;
  node: Obj;
  path: string;
}

interface CodeUse {
  code: string;
  loc: Loc;
}

interface PendingWeight {
  target: Obj;
  key: string;
  fraction: number;
}

interface BranchWithoutCode {
  node: Obj;
  path: string;
  loc: Loc;
  suggestion: string;
}

const BRANCH_TEXT = /^([\s\S]*?)\s*[（(]([^（）()]*)[）)]\s*$/;

/** `经济建设（JJ）` → name and code; the last bracketed group counts only if it is a code. */
function splitBranchText(text: string): { name: string; code?: string } {
  const t = text.trim();
  const m = t.match(BRANCH_TEXT);
  const code = m ? nfkc(m[2] ?? '').trim() : '';
  if (m && (m[1] ?? '').trim() !== '' && CODE_PATTERN.test(code)) return { name: (m[1] ?? '').trim(), code };
  return { name: t };
}

const qualitativeKinds: readonly RuleKind[] = ['qualitative_grade', 'expert', 'satisfaction'];

class TreeReader {
  dimensions: Obj[] = [];
  total?: { value: number; loc: Loc };
  title?: { text: string; loc: Loc };
  pending: PendingWeight[] = [];
  codes: CodeUse[] = [];
  unnamed: BranchWithoutCode[] = [];
  private stack: Open[] = [];
  private inferredColumnWarned = new Set<Field>();

  constructor(
    private ws: ExcelJS.Worksheet,
    private h: Header,
    private out: Collector,
  ) {}

  private loc(row: number, field: Field, label?: Bilingual): Loc {
    const col = this.h.cols[field] ?? this.h.cols.l1 ?? 1;
    return { sheet: this.ws.name, row, col, ...(label ? { label } : {}) };
  }
  private text(row: number, field: Field): string | null {
    const c = this.h.cols[field];
    return c === undefined ? null : textAt(this.ws, row, c);
  }
  private columnLabel(field: Field): Bilingual {
    const c = TREE_COLUMNS.find((x) => x.field === field);
    return { zh: c?.zh ?? field, en: c?.en ?? field };
  }

  read(): void {
    const { ws, h } = this;
    for (let r = 1; r < h.row; r++) {
      for (let c = 1; c <= widthOf(ws); c++) {
        const t = textAt(ws, r, c);
        if (!isBlank(t) && !this.title)
          this.title = { text: t.trim(), loc: { sheet: ws.name, row: r, col: c } };
      }
    }
    const mapped = Object.values(h.cols);
    for (let r = h.row + 1; r <= ws.rowCount; r++) {
      const first = textAt(ws, r, 1);
      const l1 = this.text(r, 'l1');
      if (TOTAL_ROW_LABELS.includes(squash(first ?? '')) || TOTAL_ROW_LABELS.includes(squash(l1 ?? ''))) {
        this.readTotal(r);
        break;
      }
      if (!mapped.some((c) => ownValue(ws, r, c))) continue;
      this.readRow(r);
    }
  }

  private readTotal(r: number): void {
    const col = this.h.cols.w1;
    if (col === undefined) return;
    const loc: Loc = { sheet: this.ws.name, row: r, col, label: { zh: '合计', en: 'total' } };
    const n = numberAt(this.ws, r, col);
    if (n.kind === 'blank') return;
    if (n.kind === 'bad' || n.percent) {
      this.out.error(loc, {
        zh: `合计“${n.kind === 'bad' ? n.text : `${n.value * 100}%`}”应为总分值（数字，如 100）`,
        en: 'the total must be a number of points, e.g. 100',
      });
      return;
    }
    this.total = { value: n.value, loc };
  }

  private weight(r: number, field: (typeof WEIGHT_FIELDS)[number], target: Obj, levelName: Bilingual): void {
    const col = this.h.cols[field];
    const loc = this.loc(r, field);
    if (col === undefined) {
      this.out.error(loc, {
        zh: `表头缺少${levelName.zh}的“权重”列`,
        en: `the header has no 权重 (weight) column for the ${levelName.en}`,
      });
      return;
    }
    const n = numberAt(this.ws, r, col);
    if (n.kind === 'blank') {
      this.out.error(loc, { zh: `缺少${levelName.zh}的权重`, en: `the ${levelName.en}'s weight is missing` });
    } else if (n.kind === 'bad') {
      this.out.error(loc, {
        zh: `权重“${n.text}”不是数字；权重按分值填写，如 30 或 30%（按总分折算）`,
        en: `weight "${n.text}" is not a number; weights are points, e.g. 30, or 30% of the total`,
      });
    } else if (n.percent) {
      this.pending.push({ target, key: 'weight', fraction: n.value });
      target.weight = n.value;
    } else {
      target.weight = n.value;
    }
  }

  private readRow(r: number): void {
    const levels = LEVEL_FIELDS.map((f) => {
      const col = this.h.cols[f];
      if (col === undefined) return undefined;
      const t = textAt(this.ws, r, col);
      if (isBlank(t)) return undefined;
      return { field: f, col, text: t.trim(), master: this.ws.getCell(r, col).master.address };
    });
    const depth = levels.reduce((d, l, i) => (l ? i + 1 : d), 0);
    if (depth === 0 || !levels[0]) {
      this.out.error(this.loc(r, 'l1'), {
        zh: `第 ${r} 行缺少一级指标：每个指标都须归属某个一级指标（可合并单元格或逐行重复填写）`,
        en: `row ${r} has no dimension (一级指标): every indicator must belong to one (merge the cells or repeat the name)`,
      });
      return;
    }
    for (let k = 0; k < depth; k++) {
      if (!levels[k]) {
        const name = LEVEL_NAMES[k] ?? LEVEL_NAMES[0];
        this.out.error(this.loc(r, LEVEL_FIELDS[k] ?? 'l1'), {
          zh: `第 ${r} 行缺少${name.zh}`,
          en: `row ${r} has no ${name.en} (${name.zh})`,
        });
        return;
      }
    }
    let fresh = false;
    for (let k = 0; k < depth - 1; k++) {
      const cell = levels[k];
      if (!cell) return;
      const open = this.stack[k];
      // The same node: one merged cell, or the same text repeated (ignoring width and spaces).
      const same = open && (open.master === cell.master || squash(open.text) === squash(cell.text));
      if (!fresh && open && same && open.kind === 'branch') {
        this.checkRepeatedWeight(r, k, open.node);
        continue;
      }
      if (!fresh && open && open.kind === 'leaf' && open.master === cell.master) {
        this.mixed(r, cell.col, k);
        return;
      }
      this.openBranch(r, k, cell);
      fresh = true;
    }
    const leafCell = levels[depth - 1];
    if (!leafCell) return;
    const open = this.stack[depth - 1];
    if (!fresh && open && open.kind === 'branch' && open.master === leafCell.master) {
      this.mixed(r, leafCell.col, depth - 1);
      return;
    }
    this.readLeaf(r, depth - 1, leafCell);
  }

  /** A branch's weight repeated on its later rows (instead of merged) must repeat the same number. */
  private checkRepeatedWeight(r: number, k: number, node: Obj): void {
    const field = WEIGHT_FIELDS[k] ?? 'w1';
    const col = this.h.cols[field];
    if (col === undefined || !ownValue(this.ws, r, col)) return;
    const n = numberAt(this.ws, r, col);
    if (n.kind !== 'number' || n.percent || typeof node.weight !== 'number' || n.value === node.weight)
      return;
    const name = LEVEL_NAMES[k] ?? LEVEL_NAMES[0];
    this.out.error(this.loc(r, field), {
      zh: `同一${name.zh}“${String(node.name)}”的权重前后不一致（${fmt(node.weight)} 与 ${fmt(n.value)}）`,
      en: `the ${name.en} "${String(node.name)}" has different weights on its rows (${fmt(node.weight)} and ${fmt(n.value)})`,
    });
  }

  private mixed(r: number, col: number, k: number): void {
    const name = LEVEL_NAMES[k] ?? LEVEL_NAMES[0];
    this.out.error(
      { sheet: this.ws.name, row: r, col },
      {
        zh: `${name.zh}单元格合并后，部分行有下级指标、部分行没有：请拆分合并单元格，或为每行补全下级指标`,
        en: `this merged ${name.en} cell has lower-level indicators on some rows but not on others; unmerge it or complete the rows`,
      },
    );
  }

  private parent(k: number): { list: Obj[]; path: string } {
    if (k === 0) return { list: this.dimensions, path: 'dimensions' };
    const p = this.stack[k - 1];
    if (!p) return { list: this.dimensions, path: 'dimensions' };
    if (!Array.isArray(p.node.children)) p.node.children = [];
    const children = p.node.children as Obj[];
    return { list: children, path: `${p.path}.children` };
  }

  private openBranch(r: number, k: number, cell: { col: number; text: string; master: string }): void {
    const { list, path: listPath } = this.parent(k);
    const path = `${listPath}.${list.length}`;
    const { name, code } = splitBranchText(cell.text);
    const node: Obj = { name };
    if (code !== undefined) node.code = code;
    node.children = [];
    list.push(node);
    const levelName = LEVEL_NAMES[k] ?? LEVEL_NAMES[0];
    const nameLoc: Loc = {
      sheet: this.ws.name,
      row: r,
      col: cell.col,
      label: { zh: levelName.zh, en: levelName.en },
    };
    const wf = WEIGHT_FIELDS[k] ?? 'w1';
    this.weight(r, wf, node, levelName);
    const note = noteText(this.ws, r, cell.col);
    if (note !== undefined) node.criteria = note;
    this.out.at(path, nameLoc);
    for (const f of ['name', 'code', 'criteria', 'children']) this.out.at(`${path}.${f}`, nameLoc);
    this.out.at(`${path}.weight`, this.loc(r, wf, { zh: '权重', en: 'weight' }));
    if (code !== undefined) this.codes.push({ code, loc: nameLoc });
    else {
      const parentCode = k === 0 ? 'D' : `${String(this.stack[k - 1]?.node.code ?? 'D')}-`;
      this.unnamed.push({ node, path, loc: nameLoc, suggestion: `${parentCode}${list.length}` });
    }
    this.stack[k] = { kind: 'branch', master: cell.master, text: cell.text, node, path };
    this.stack.length = k + 1;
  }

  private readLeaf(r: number, k: number, cell: { col: number; text: string; master: string }): void {
    const { list, path: listPath } = this.parent(k);
    const path = `${listPath}.${list.length}`;
    const levelName = LEVEL_NAMES[k] ?? LEVEL_NAMES[0];
    const nameLoc: Loc = {
      sheet: this.ws.name,
      row: r,
      col: cell.col,
      label: { zh: levelName.zh, en: levelName.en },
    };
    const node: Obj = { name: cell.text };
    list.push(node);
    this.stack[k] = { kind: 'leaf', master: cell.master, text: cell.text, node, path };
    this.stack.length = k + 1;
    const at = (f: Field, key: string) => {
      const loc = this.h.cols[f] === undefined ? nameLoc : this.loc(r, f, this.columnLabel(f));
      this.out.at(`${path}.${key}`, loc);
      return loc;
    };
    this.out.at(path, nameLoc);
    this.out.at(`${path}.name`, nameLoc);

    // 指标编码
    const codeLoc = at('code', 'code');
    const code = this.text(r, 'code');
    if (isBlank(code)) {
      this.out.error(codeLoc, { zh: '缺少指标编码', en: 'the indicator code (指标编码) is missing' });
    } else {
      node.code = nfkc(code).trim();
      this.codes.push({ code: node.code as string, loc: codeLoc });
    }
    // 权重
    const wf = WEIGHT_FIELDS[k] ?? 'w1';
    this.out.at(`${path}.weight`, this.loc(r, wf, { zh: '权重', en: 'weight' }));
    this.weight(r, wf, node, levelName);

    const optional = (f: Field, key: string) => {
      at(f, key);
      const v = optionalText(this.text(r, f));
      if (v !== undefined) node[key] = v;
    };
    optional('unit', 'unitOfMeasure');
    optional('criteria', 'criteria');

    const enumField = <T extends string>(f: Field, key: string, labels: EnumWords<T>) => {
      const loc = at(f, key);
      try {
        const v = readEnum(labels, this.text(r, f) ?? '');
        if (v !== undefined) node[key] = v;
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        this.out.error(loc, e);
      }
    };
    enumField('direction', 'direction', DIRECTION);
    enumField('type', 'type', INDICATOR_TYPE);
    enumField('source', 'source', DATA_SOURCE);
    enumField('missing', 'missing', MISSING_POLICY);

    at('evidence', 'evidence');
    const evidence = readEvidence(this.text(r, 'evidence') ?? '');
    if (evidence) node.evidence = evidence;

    const appliesLoc = at('applies', 'appliesTo');
    try {
      const applies = readAppliesTo(this.text(r, 'applies') ?? '');
      if (applies) node.appliesTo = applies;
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      this.out.error(appliesLoc, e);
    }

    // 评分方法 + 评分参数
    const methodLoc = this.loc(r, 'method', this.columnLabel('method'));
    const paramsLoc =
      this.h.cols.params === undefined ? methodLoc : this.loc(r, 'params', this.columnLabel('params'));
    this.out.at(`${path}.rule`, paramsLoc);
    this.out.at(`${path}.rule.kind`, methodLoc);
    const method = this.text(r, 'method');
    let kind: RuleKind | undefined;
    if (isBlank(method)) {
      this.out.error(methodLoc, {
        zh: `缺少评分方法，可填：${ruleNameList()}`,
        en: `the scoring rule (评分方法) is missing; use one of ${ruleNameList()}`,
      });
    } else {
      kind = ruleKindFromName(method);
      if (!kind) {
        this.out.error(methodLoc, {
          zh: `评分方法“${method.trim()}”无法识别，可填：${ruleNameList()}`,
          en: `unknown scoring rule "${method.trim()}"; use one of ${ruleNameList()}`,
        });
      } else {
        try {
          const parsed = parseRuleParams(kind, this.text(r, 'params') ?? '');
          node.rule = parsed.rule;
          for (const w of parsed.warnings) this.out.warn(paramsLoc, w);
        } catch (e) {
          if (!(e instanceof ParseError)) throw e;
          this.out.error(paramsLoc, e);
        }
      }
    }

    // Type and source are required by the model; infer them from the rule when left blank.
    if (kind) {
      if (node.type === undefined) {
        const type: IndicatorType = qualitativeKinds.includes(kind) ? 'qualitative' : 'quantitative';
        node.type = type;
        this.inferred('type', r, codeLoc, writeEnum(INDICATOR_TYPE, type), kind);
      }
      if (node.source === undefined) {
        const source: DataSource =
          kind === 'expert' ? 'expert' : kind === 'satisfaction' ? 'survey' : 'self_report';
        node.source = source;
        this.inferred('source', r, codeLoc, writeEnum(DATA_SOURCE, source), kind);
      }
    }
  }

  private inferred(f: Field, r: number, fallback: Loc, value: string, kind: RuleKind): void {
    const label = this.columnLabel(f);
    if (this.h.cols[f] === undefined) {
      if (this.inferredColumnWarned.has(f)) return;
      this.inferredColumnWarned.add(f);
      this.out.warn(fallback, {
        zh: `表中没有“${label.zh}”列，已按评分方法推定（如${RULE_LABELS[kind].zh} → ${value}）`,
        en: `no ${label.zh} (${label.en}) column; inferred from each scoring rule (e.g. ${RULE_LABELS[kind].zh} → ${value})`,
      });
      return;
    }
    this.out.warn(this.loc(r, f), {
      zh: `${label.zh}未填，已按评分方法${RULE_LABELS[kind].zh}推定为“${value}”`,
      en: `${label.zh} (${label.en}) is blank; inferred "${value}" from the rule ${RULE_LABELS[kind].zh}`,
    });
  }
}

// ─── 加分与否决 ─────────────────────────────────────────────────────────────────────────────────

function headerCols(ws: ExcelJS.Worksheet, r: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let c = 1; c <= widthOf(ws); c++) {
    const key = headerKey(textAt(ws, r, c));
    if (key !== '' && !m.has(key)) m.set(key, c);
  }
  return m;
}

function rowBlank(ws: ExcelJS.Worksheet, r: number): boolean {
  for (let c = 1; c <= widthOf(ws); c++) if (ownValue(ws, r, c)) return false;
  return true;
}

interface SideTables {
  bonusItems?: Obj[];
  bonusCap?: number;
  vetoItems?: Obj[];
}

function readBonusSheet(ws: ExcelJS.Worksheet, out: Collector, codes: CodeUse[]): SideTables {
  const res: SideTables = {};
  let mode: { kind: 'bonus' | 'veto'; cols: Map<string, number>; header: number } | undefined;
  const k = (s: string) => headerKey(s);
  for (let r = 1; r <= ws.rowCount; r++) {
    const a = headerKey(textAt(ws, r, 1));
    if (a === k(BONUS_CAP_LABEL)) {
      const loc: Loc = { sheet: ws.name, row: r, col: 2, label: { zh: BONUS_CAP_LABEL, en: 'bonus cap' } };
      out.at('bonusCap', loc);
      const n = numberAt(ws, r, 2);
      if (n.kind === 'bad')
        out.error(loc, { zh: `加分上限“${n.text}”不是数字`, en: `bonus cap "${n.text}" is not a number` });
      else if (n.kind === 'number') res.bonusCap = n.value;
      mode = undefined;
      continue;
    }
    const cols = headerCols(ws, r);
    if (cols.has(k(BONUS_HEADERS.code)) && cols.has(k(BONUS_HEADERS.name))) {
      const kind = cols.has(k(VETO_HEADERS.effect))
        ? 'veto'
        : cols.has(k(BONUS_HEADERS.maxPoints))
          ? 'bonus'
          : undefined;
      if (kind) {
        mode = { kind, cols, header: r };
        if (kind === 'bonus') res.bonusItems ??= [];
        else res.vetoItems ??= [];
        out.at(kind === 'bonus' ? 'bonusItems' : 'vetoItems', { sheet: ws.name, row: r, col: 1 });
        continue;
      }
    }
    if (rowBlank(ws, r) || /项目$|^一票否决$/.test(a)) {
      if (!rowBlank(ws, r)) mode = undefined;
      continue;
    }
    if (!mode) continue;
    const col = (h: string) => mode?.cols.get(k(h));
    const text = (h: string) => {
      const c = col(h);
      return c === undefined ? null : textAt(ws, r, c);
    };
    const loc = (h: string, label: Bilingual): Loc => ({ sheet: ws.name, row: r, col: col(h) ?? 1, label });
    const list = (mode.kind === 'bonus' ? res.bonusItems : res.vetoItems) ?? [];
    const path = `${mode.kind === 'bonus' ? 'bonusItems' : 'vetoItems'}.${list.length}`;
    const item: Obj = {};
    list.push(item);
    const codeLoc = loc(BONUS_HEADERS.code, { zh: '编码', en: 'code' });
    const nameLoc = loc(BONUS_HEADERS.name, { zh: '名称', en: 'name' });
    out.at(path, nameLoc);
    out.at(`${path}.code`, codeLoc);
    out.at(`${path}.name`, nameLoc);
    out.at(`${path}.criteria`, loc(BONUS_HEADERS.criteria, { zh: '标准', en: 'criteria' }));
    const what =
      mode.kind === 'bonus' ? { zh: '加分项', en: 'bonus item' } : { zh: '一票否决项', en: 'veto item' };
    const code = text(BONUS_HEADERS.code);
    if (isBlank(code)) out.error(codeLoc, { zh: `${what.zh}缺少编码`, en: `the ${what.en} has no code` });
    else {
      item.code = nfkc(code).trim();
      codes.push({ code: item.code as string, loc: codeLoc });
    }
    const name = text(BONUS_HEADERS.name);
    if (isBlank(name)) out.error(nameLoc, { zh: `${what.zh}缺少名称`, en: `the ${what.en} has no name` });
    else item.name = name.trim();
    const criteria = optionalText(text(BONUS_HEADERS.criteria));
    if (criteria !== undefined) item.criteria = criteria;
    if (mode.kind === 'bonus') {
      const c = col(BONUS_HEADERS.maxPoints) ?? 3;
      const l = loc(BONUS_HEADERS.maxPoints, { zh: '最高分', en: 'max points' });
      out.at(`${path}.maxPoints`, l);
      const n = numberAt(ws, r, c);
      if (n.kind === 'blank') out.error(l, { zh: '缺少最高分', en: 'max points are missing' });
      else if (n.kind === 'bad')
        out.error(l, { zh: `最高分“${n.text}”不是数字`, en: `max points "${n.text}" is not a number` });
      else item.maxPoints = n.value;
    } else {
      const l = loc(VETO_HEADERS.effect, { zh: '后果', en: 'effect' });
      out.at(`${path}.effect`, l);
      try {
        const effect = readEnum(VETO_EFFECT, text(VETO_HEADERS.effect) ?? '');
        if (effect === undefined) {
          const [fail, bar] = enumWordList(VETO_EFFECT);
          out.error(l, {
            zh: `缺少后果（${fail} / ${bar}）`,
            en: `the effect is missing (${fail} fail / ${bar} bar excellent)`,
          });
        } else item.effect = effect;
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        out.error(l, e);
      }
    }
  }
  return res;
}

// ─── 等级与规则 ─────────────────────────────────────────────────────────────────────────────────

interface RulesSheet {
  levels?: Obj[];
  kv: Partial<Record<keyof typeof RULE_KEYS, { row: number; text: string | null }>>;
}

function readRulesSheet(ws: ExcelJS.Worksheet, out: Collector): RulesSheet {
  const res: RulesSheet = { kv: {} };
  const keyOf = new Map(
    Object.entries(RULE_KEYS).map(([k, v]) => [headerKey(v), k as keyof typeof RULE_KEYS]),
  );
  let levelCols: Map<string, number> | undefined;
  for (let r = 1; r <= ws.rowCount; r++) {
    const a = headerKey(textAt(ws, r, 1));
    const kvKey = keyOf.get(a);
    if (kvKey) {
      levelCols = undefined;
      res.kv[kvKey] = { row: r, text: textAt(ws, r, 2) };
      out.at(kvKey === 'quotaRounding' || kvKey === 'tieBreak' ? `grading.${kvKey}` : kvKey, {
        sheet: ws.name,
        row: r,
        col: 2,
        label: { zh: RULE_KEYS[kvKey], en: kvKey },
      });
      continue;
    }
    const cols = headerCols(ws, r);
    if (cols.has(headerKey(GRADE_HEADERS.min)) && cols.has(headerKey(GRADE_HEADERS.zh))) {
      levelCols = cols;
      res.levels = [];
      out.at('grading', { sheet: ws.name, row: r, col: 1 });
      out.at('grading.levels', { sheet: ws.name, row: r, col: 1 });
      continue;
    }
    if (rowBlank(ws, r) || /^(评定等级|评分规则|版本信息)/.test(a)) {
      levelCols = undefined;
      continue;
    }
    if (!levelCols || !res.levels) continue;
    const lc = levelCols;
    const col = (h: string) => lc.get(headerKey(h));
    const path = `grading.levels.${res.levels.length}`;
    const loc = (h: string, label: Bilingual): Loc => ({ sheet: ws.name, row: r, col: col(h) ?? 1, label });
    const text = (h: string) => {
      const c = col(h);
      return c === undefined ? null : textAt(ws, r, c);
    };
    const level: Obj = {};
    res.levels.push(level);
    const codeLoc = loc(GRADE_HEADERS.code, { zh: GRADE_HEADERS.code, en: 'grade code' });
    const zhLoc = loc(GRADE_HEADERS.zh, { zh: GRADE_HEADERS.zh, en: 'grade' });
    const enLoc = loc(GRADE_HEADERS.en, { zh: GRADE_HEADERS.en, en: 'English label' });
    out.at(path, zhLoc);
    out.at(`${path}.code`, codeLoc);
    out.at(`${path}.label`, zhLoc);
    out.at(`${path}.label.zh`, zhLoc);
    out.at(`${path}.label.en`, enLoc);
    const code = text(GRADE_HEADERS.code);
    if (isBlank(code)) out.error(codeLoc, { zh: '缺少等级编码', en: 'the grade code is missing' });
    else level.code = nfkc(code).trim();
    const zh = text(GRADE_HEADERS.zh);
    const en = text(GRADE_HEADERS.en);
    if (isBlank(zh)) out.error(zhLoc, { zh: '缺少等级名称', en: 'the grade name is missing' });
    if (isBlank(en)) out.error(enLoc, { zh: '缺少等级英文名称', en: 'the English grade name is missing' });
    level.label = { zh: zh?.trim() ?? '', en: en?.trim() ?? '' };
    const minLoc = loc(GRADE_HEADERS.min, { zh: GRADE_HEADERS.min, en: 'lowest total' });
    out.at(`${path}.min`, minLoc);
    const min = numberAt(ws, r, minLoc.col);
    if (min.kind === 'blank') out.error(minLoc, { zh: '缺少最低分', en: 'the lowest total is missing' });
    else if (min.kind === 'bad' || min.percent) {
      out.error(minLoc, { zh: '最低分应为分值（数字）', en: 'the lowest total must be a number of points' });
    } else level.min = min.value;
    const shareCol = col(GRADE_HEADERS.maxShare);
    if (shareCol !== undefined) {
      const shareLoc = loc(GRADE_HEADERS.maxShare, { zh: GRADE_HEADERS.maxShare, en: 'quota share' });
      out.at(`${path}.maxShare`, shareLoc);
      const share = numberAt(ws, r, shareCol);
      if (share.kind === 'bad') {
        out.error(shareLoc, {
          zh: `比例上限“${share.text}”不是数字，如 20%`,
          en: `quota share "${share.text}" is not a number, e.g. 20%`,
        });
      } else if (share.kind === 'number') {
        if (!share.percent && share.value > 1) {
          level.maxShare = clean(share.value / 100);
          out.warn(shareLoc, {
            zh: `比例上限 ${fmt(share.value)} 按百分数理解为 ${fmt(share.value)}%`,
            en: `quota share ${fmt(share.value)} read as ${fmt(share.value)}%`,
          });
        } else level.maxShare = share.value;
      }
    }
  }
  return res;
}

// ─── Putting it together ────────────────────────────────────────────────────────────────────────

function sheetByName(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((w) => squash(w.name) === squash(name));
}

function schemaIssues(issues: readonly z.core.$ZodIssue[], out: Collector): void {
  for (const i of issues) {
    const { loc, rest } = out.find(i.path);
    const [m] = zodIssuesToFields([i], '');
    const zh = m?.zh ?? i.message;
    const en = m?.en ?? i.message;
    const where = rest === '' ? '' : ` ${rest}`;
    out.error(loc, {
      zh: loc.label ? `${loc.label.zh}${where}：${zh}` : `${where.trim()}${where ? '：' : ''}${zh}`,
      en: loc.label ? `${loc.label.en}${where}: ${en}` : `${where.trim()}${where ? ': ' : ''}${en}`,
    });
  }
}

/**
 * Reads an indicator system from an .xlsx in the layout `exportSystemXlsx` writes, tolerating what
 * people do to it in Excel (see layout.ts, rule-params.ts, labels.ts). Weights are points: `30`,
 * `３０`, `30分`; a percentage (`30%`, or a cell formatted as %) is a share of the total
 * (合计 row, else 总分, else 100). Every problem comes back with its sheet, row and column. Weight
 * sums are not checked here (validateSystem does that); weights are kept exactly as typed.
 */
export async function importSystemXlsx(bytes: Uint8Array): Promise<ImportResult> {
  // Zip bombs and workbooks too big to parse are refused before exceljs inflates anything: the
  // guard's workbook_too_large (413) goes to the caller, a file that is no readable zip is reported
  // like any unreadable file.
  try {
    await assertSafeWorkbook(bytes);
  } catch (e) {
    if (!isAppError(e) || e.code !== 'workbook_unreadable') throw e;
    return { ok: false, issues: [{ sheet: '', row: 0, column: '', cell: '', zh: e.zh, en: e.en }] };
  }
  const out = new Collector();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  } catch {
    return {
      ok: false,
      issues: [
        {
          sheet: '',
          row: 0,
          column: '',
          cell: '',
          zh: '无法读取文件：请上传 Excel 工作簿（.xlsx）',
          en: 'cannot read the file: upload an Excel workbook (.xlsx)',
        },
      ],
    };
  }

  const candidates = [sheetByName(wb, SHEET_TREE), ...wb.worksheets].filter(
    (w): w is ExcelJS.Worksheet => w !== undefined,
  );
  let tree: { ws: ExcelJS.Worksheet; header: Header } | undefined;
  for (const ws of candidates) {
    const header = findHeader(ws);
    if (header) {
      tree = { ws, header };
      break;
    }
  }
  if (!tree) {
    out.error(
      { sheet: SHEET_TREE, row: 1, col: 1 },
      {
        zh: '找不到指标体系表：需要一个含“一级指标、权重、指标编码、评分方法”等表头的工作表',
        en: 'no indicator sheet found: a sheet needs a header row with 一级指标, 权重, 指标编码, 评分方法 …',
      },
    );
    return { ok: false, issues: out.errors };
  }
  const { ws, header } = tree;
  out.fallback = { sheet: ws.name, row: header.row, col: 1 };
  out.at('dimensions', { sheet: ws.name, row: header.row, col: header.cols.l1 ?? 1 });
  for (const f of ['code', 'method'] as const) {
    if (header.cols[f] === undefined) {
      const c = TREE_COLUMNS.find((x) => x.field === f);
      out.error(
        { sheet: ws.name, row: header.row, col: 1 },
        { zh: `表头缺少“${c?.zh}”列`, en: `the header has no ${c?.zh} (${c?.en}) column` },
      );
    }
  }
  if (out.errors.length > 0) return { ok: false, issues: out.errors };

  const reader = new TreeReader(ws, header, out);
  reader.read();

  const codes = [...reader.codes];
  const bonusWs = sheetByName(wb, SHEET_BONUS);
  const side = bonusWs ? readBonusSheet(bonusWs, out, codes) : {};
  const rulesWs = sheetByName(wb, SHEET_RULES);
  const rules = rulesWs ? readRulesSheet(rulesWs, out) : { kv: {} };
  const kvLoc = (row: number, key: string): Loc => ({
    sheet: rulesWs?.name ?? SHEET_RULES,
    row,
    col: 2,
    label: { zh: RULE_KEYS[key as keyof typeof RULE_KEYS], en: key },
  });

  const content: Obj = {};
  // Name: 体系名称, else the title row.
  const nameKv = rules.kv.name;
  if (nameKv && !isBlank(nameKv.text)) content.name = nameKv.text.trim();
  else if (reader.title) {
    content.name = reader.title.text;
    out.at('name', reader.title.loc);
    out.warn(reader.title.loc, {
      zh: '未找到“体系名称”，已用标题作为体系名称',
      en: 'no 体系名称 (system name) found; the title is used as the name',
    });
  } else {
    out.error(out.fallback, {
      zh: '缺少体系名称（标题行或“等级与规则”表）',
      en: 'the system name is missing',
    });
  }
  const description = rules.kv.description ? optionalText(rules.kv.description.text) : undefined;
  if (description !== undefined) content.description = description;

  // Total: the 合计 row, else 总分.
  let total: number | undefined = reader.total?.value;
  if (reader.total) out.at('total', reader.total.loc);
  const totalKv = rules.kv.total;
  if (totalKv && !isBlank(totalKv.text)) {
    const n = readNumber(totalKv.text);
    const loc = kvLoc(totalKv.row, 'total');
    if (!n || n.percent)
      out.error(loc, { zh: `总分“${totalKv.text}”不是数字`, en: `total "${totalKv.text}" is not a number` });
    else if (total === undefined) total = n.value;
    else if (n.value !== total && reader.total) {
      out.warn(reader.total.loc, {
        zh: `合计 ${fmt(total)} 与“等级与规则”中的总分 ${fmt(n.value)} 不一致，以合计为准`,
        en: `the 合计 row (${fmt(total)}) differs from 总分 on 等级与规则 (${fmt(n.value)}); the 合计 row is used`,
      });
    }
  }
  if (total !== undefined) content.total = total;
  const base = total ?? 100;
  for (const p of reader.pending) p.target[p.key] = clean(p.fraction * base);

  content.dimensions = reader.dimensions;
  if (side.bonusItems) content.bonusItems = side.bonusItems;
  if (side.bonusCap !== undefined) content.bonusCap = side.bonusCap;
  if (side.vetoItems) content.vetoItems = side.vetoItems;

  const enumKv = <T extends string>(key: keyof typeof RULE_KEYS, labels: EnumWords<T>) => {
    const kv = rules.kv[key];
    if (!kv) return undefined;
    try {
      return readEnum(labels, kv.text ?? '');
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      out.error(kvLoc(kv.row, key), e);
      return undefined;
    }
  };
  const grading: Obj = {};
  const rounding = enumKv('quotaRounding', QUOTA_ROUNDING);
  if (rounding) grading.quotaRounding = rounding;
  if (rules.kv.tieBreak) {
    try {
      const tb = readTieBreak(rules.kv.tieBreak.text ?? '');
      if (tb) grading.tieBreak = tb;
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      out.error(kvLoc(rules.kv.tieBreak.row, 'tieBreak'), e);
    }
  }
  if (rules.levels) grading.levels = rules.levels;
  if (Object.keys(grading).length > 0) {
    grading.levels ??= DEFAULT_GRADING.levels;
    content.grading = grading;
  }
  const missing = enumKv('missingData', MISSING_POLICY);
  if (missing) content.missingData = missing;
  const exemption = enumKv('exemption', EXEMPTION_POLICY);
  if (exemption) content.exemption = exemption;
  const decimals = rules.kv.decimals;
  if (decimals && !isBlank(decimals.text)) {
    const n = readNumber(decimals.text);
    if (!n || n.percent) {
      out.error(kvLoc(decimals.row, 'decimals'), {
        zh: `小数位数“${decimals.text}”不是数字`,
        en: `decimals "${decimals.text}" is not a number`,
      });
    } else content.decimals = n.value;
  }

  // Branches typed without a code get one; then every code must be unique (tree, bonus, veto).
  const used = new Set(codes.map((c) => c.code));
  for (const u of reader.unnamed) {
    let code = u.suggestion;
    for (let n = 2; used.has(code); n++) code = `${u.suggestion}_${n}`;
    used.add(code);
    u.node.code = code;
    out.warn(u.loc, {
      zh: `“${String(u.node.name)}”未写编码，已自动编为 ${code}；如需固定编码，请写成“名称（编码）”`,
      en: `"${String(u.node.name)}" has no code; it was given ${code}. To fix a code, write "name（code）"`,
    });
  }
  const seen = new Map<string, Loc>();
  for (const c of codes) {
    const first = seen.get(c.code);
    if (!first) {
      seen.set(c.code, c.loc);
      continue;
    }
    const where = `${first.sheet === c.loc.sheet ? '' : `“${first.sheet}”表 `}${colLetter(first.col)}${first.row}`;
    out.error(c.loc, {
      zh: `编码 ${c.code} 重复（已在 ${where} 使用），编码在整个体系中须唯一`,
      en: `code ${c.code} is already used at ${where}; codes must be unique across the system`,
    });
  }

  if (out.errors.length > 0) return { ok: false, issues: out.errors };
  const parsed = systemContentSchema.safeParse(content);
  if (!parsed.success) {
    schemaIssues(parsed.error.issues, out);
    return { ok: false, issues: out.errors };
  }
  return { ok: true, content: parsed.data, warnings: out.warnings };
}
