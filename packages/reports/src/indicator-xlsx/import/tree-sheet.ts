import { LEVEL_FIELDS, LEVEL_NAMES, PROVENANCE_FIELDS, TOTAL_ROW_LABELS, WEIGHT_FIELDS } from '../layout';
import { CODE_PATTERN, WEIGHT_WORD } from '../model';
import { fmt, nfkc, squash } from '../text';
import { isBlank, noteText, numberAt, ownValue, textAt, widthOf } from './cells';
import type { Loc, Obj } from './collector';
import { TreeCellReader } from './tree-leaf';

// ─── 指标体系: the tree ─────────────────────────────────────────────────────────────────────────

interface Open {
  kind: 'branch' | 'leaf';
  master: string;
  text: string;
  node: Obj;
  path: string;
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

export class TreeReader extends TreeCellReader {
  dimensions: Obj[] = [];
  total?: { value: number; loc: Loc };
  title?: { text: string; loc: Loc };
  unnamed: BranchWithoutCode[] = [];
  private stack: Open[] = [];

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
    this.out.at(`${path}.weight`, this.loc(r, wf, WEIGHT_WORD));
    this.marker(r, PROVENANCE_FIELDS[k] ?? 'p1', node, path);
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
    this.readLeafCells(r, k, path, node, nameLoc, levelName);
  }
}
