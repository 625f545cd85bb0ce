import type ExcelJS from 'exceljs';
import {
  PROVENANCE_SHEET_HEADERS as H,
  ITEM_CATEGORIES,
  PROVENANCE_COLUMNS,
  type ProvenanceKey,
  SHEET_PROVENANCE,
} from '../layout';
import { PROVENANCE_KIND_LABELS } from '../model';
import { type ProvenanceCells, readProvenanceCells } from '../provenance';
import { colLetter, nfkc, squash } from '../text';
import { headerCols, headerKey, isBlank, rowBlank, textAt } from './cells';
import type { Cited, Collector, Loc, Obj } from './collector';

// ─── 出处: the citations, joined with the 出处 columns of the other sheets ─────────────────────────

interface Row {
  row: number;
  grade: boolean;
  code: string;
  locs: Partial<Record<ProvenanceKey, Loc>>;
  /** Undefined when the row says nothing; `failed` when its problems were reported. */
  provenance?: Obj;
  failed: boolean;
}

/** 类别 of a grade: 等级 (written), also 评定等级 or grade. */
const isGrade = (category: string | null): boolean =>
  new RegExp(`^(?:评定)?${ITEM_CATEGORIES.grade.zh}$|^${ITEM_CATEGORIES.grade.en}$`, 'i').test(
    squash(category ?? ''),
  );

/** The rows of the sheet 出处; problems in them are reported at their cells. */
export function readProvenanceSheet(ws: ExcelJS.Worksheet, out: Collector): Row[] {
  const rows: Row[] = [];
  let cols: Map<ProvenanceKey, number> | undefined;
  for (let r = 1; r <= ws.rowCount; r++) {
    const found = headerCols(ws, r);
    if (found.has(headerKey(H.code)) && found.has(headerKey(H.kind))) {
      cols = new Map();
      for (const c of PROVENANCE_COLUMNS) {
        const at = found.get(headerKey(c.zh));
        if (at !== undefined) cols.set(c.key, at);
      }
      continue;
    }
    if (!cols || rowBlank(ws, r)) continue;
    const where = cols;
    const text = (k: ProvenanceKey) => {
      const c = where.get(k);
      return c === undefined ? null : textAt(ws, r, c);
    };
    const locs: Partial<Record<ProvenanceKey, Loc>> = {};
    for (const [k, c] of where) locs[k] = { sheet: ws.name, row: r, col: c, label: { zh: H[k], en: k } };
    const codeLoc = locs.code ?? { sheet: ws.name, row: r, col: 1 };
    const code = text('code');
    const cells: Partial<ProvenanceCells> = {};
    for (const k of ['kind', 'document', 'section', 'quote', 'covers', 'note'] as const) cells[k] = text(k);
    const read = readProvenanceCells(cells);
    for (const p of read.problems) out.error(locs[p.key] ?? codeLoc, p.message);
    if (isBlank(code)) {
      if (read.provenance)
        out.error(codeLoc, {
          zh: `${H.code}缺失：出处须注明所属指标或项目的编码`,
          en: 'the code is missing: a citation names the code of its node or item',
        });
      continue;
    }
    rows.push({
      row: r,
      grade: isGrade(text('category')),
      code: nfkc(code).trim(),
      locs,
      ...(read.provenance ? { provenance: read.provenance } : {}),
      failed: read.problems.length > 0,
    });
  }
  return rows;
}

/**
 * Gives every node and item its provenance: the row of the sheet 出处 with its code (the citation)
 * or, where there is none, its 出处 column (示例 needs nothing more; 原文 does). A row and a column
 * that disagree, a row for a code the system does not have, and 原文 without a citation are errors.
 */
export function joinProvenance(out: Collector, rows: readonly Row[]): void {
  // Rows meet objects by code, in order: a code used twice (two grades, say, which validation
  // reports) still gets each its own row, as exported.
  const byCode = new Map<string, Cited[]>();
  for (const c of out.cited) {
    const key = `${c.grade ? 'grade' : 'code'}:${String(c.node.code ?? '')}`;
    byCode.set(key, [...(byCode.get(key) ?? []), c]);
  }
  const rowOf = new Map<Cited, Row>();
  const [source, example] = [PROVENANCE_KIND_LABELS.source, PROVENANCE_KIND_LABELS.example];
  for (const row of rows) {
    if (!row.provenance && !row.failed) continue;
    const codeLoc = row.locs.code ?? { sheet: SHEET_PROVENANCE, row: row.row, col: 1 };
    const targets = byCode.get(`${row.grade ? 'grade' : 'code'}:${row.code}`);
    if (!targets) {
      out.error(codeLoc, {
        zh: `${row.grade ? '等级编码' : '编码'} ${row.code} 在体系中不存在，无法对应出处`,
        en: `${row.grade ? 'grade code' : 'code'} ${row.code} is not in the system; the citation belongs to nothing`,
      });
      continue;
    }
    const target = targets.find((t) => !rowOf.has(t));
    if (!target) {
      const first = targets[0] && rowOf.get(targets[0]);
      const at = first ? `${colLetter(first.locs.code?.col ?? 1)}${first.row}` : '';
      out.error(codeLoc, {
        zh: `编码 ${row.code} 的出处重复（已在 ${at} 填写）`,
        en: `code ${row.code} already has a citation at ${at}`,
      });
      continue;
    }
    rowOf.set(target, row);
  }
  for (const c of out.cited) {
    const row = rowOf.get(c);
    if (row?.failed) continue;
    const kind = row?.provenance?.kind as keyof typeof PROVENANCE_KIND_LABELS | undefined;
    if (row && kind && c.marker && c.marker.kind !== kind) {
      const [m, k] = [PROVENANCE_KIND_LABELS[c.marker.kind], PROVENANCE_KIND_LABELS[kind]];
      out.error(c.marker.loc, {
        zh: `出处为“${m.zh}”，与“${SHEET_PROVENANCE}”表第 ${row.row} 行的“${k.zh}”不一致`,
        en: `the provenance says ${m.zh} (${m.en.toLowerCase()}) but row ${row.row} of sheet ${SHEET_PROVENANCE} says ${k.zh} (${k.en.toLowerCase()})`,
      });
      continue;
    }
    if (row?.provenance) {
      c.node.provenance = row.provenance;
      const kindLoc = row.locs.kind;
      if (kindLoc) out.at(`${c.path}.provenance`, kindLoc);
      for (const [k, loc] of Object.entries(row.locs)) if (loc) out.at(`${c.path}.provenance.${k}`, loc);
      continue;
    }
    if (c.marker?.kind === 'example') c.node.provenance = { kind: 'example' };
    // Without a code (reported where it is missing) no citation can name it: nothing more to say.
    else if (c.marker?.kind === 'source' && c.node.code !== undefined) {
      out.error(c.marker.loc, {
        zh: `出处为“${source.zh}”，但“${SHEET_PROVENANCE}”表中没有编码 ${String(c.node.code ?? '')} 的来源文件、条款和原文摘录`,
        en: `marked ${source.zh} (source), but sheet ${SHEET_PROVENANCE} has no document, section and quote for code ${String(c.node.code ?? '')}; write them there, or mark it ${example.zh} (example)`,
      });
    }
  }
}
