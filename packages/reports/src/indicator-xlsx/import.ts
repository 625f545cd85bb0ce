import { isAppError } from '@jixiao/core';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { assertSafeWorkbook } from '../xlsx-guard';
import { readBonusSheet } from './import/bonus-sheet';
import { isBlank, optionalText } from './import/cells';
import { Collector, type Issue, type Loc, type Obj } from './import/collector';
import { joinProvenance, readProvenanceSheet } from './import/provenance-sheet';
import { readRulesSheet } from './import/rules-sheet';
import { readStatisticsSheet } from './import/statistics-sheet';
import { findHeader, type Header } from './import/tree-header';
import { TreeReader } from './import/tree-sheet';
import {
  type EnumWords,
  EXEMPTION_POLICY,
  MISSING_POLICY,
  QUOTA_ROUNDING,
  readEnum,
  readTieBreak,
} from './labels';
import {
  RULE_KEYS,
  SHEET_BONUS,
  SHEET_PROVENANCE,
  SHEET_RULES,
  SHEET_STATISTICS,
  SHEET_TREE,
  TREE_COLUMNS,
} from './layout';
import { DEFAULT_GRADING, type SystemContent, systemContentSchema, zodIssuesToFields } from './model';
import { clean, colLetter, fmt, ParseError, readNumber, squash } from './text';

export type { Issue } from './import/collector';

export type ImportResult =
  | { ok: true; content: SystemContent; warnings: Issue[] }
  | { ok: false; issues: Issue[] };

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
 * people do to it in Excel (see layout.ts, rule-params.ts, office-params.ts, provenance.ts,
 * labels.ts). Sheets other than 指标体系 are optional (a system without them gets the defaults). Weights are points: `30`,
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
  const statisticsWs = sheetByName(wb, SHEET_STATISTICS);
  const statistics = statisticsWs ? readStatisticsSheet(statisticsWs, out, codes) : undefined;
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
  if (statistics) content.statistics = statistics;

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
  // 出处: once every code is known, the citations of the sheet 出处 meet the 出处 columns.
  const provenanceWs = sheetByName(wb, SHEET_PROVENANCE);
  joinProvenance(out, provenanceWs ? readProvenanceSheet(provenanceWs, out) : []);

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
