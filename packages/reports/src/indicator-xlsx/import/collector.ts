import type { Bilingual } from '@jixiao/core';
import { SHEET_TREE } from '../layout';
import type { ProvenanceKind } from '../model';
import { colLetter } from '../text';

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

export interface Loc {
  sheet: string;
  row: number;
  col: number;
  /** What the cell holds, prefixed to schema messages. */
  label?: Bilingual;
}

export type Obj = Record<string, unknown>;

export class Collector {
  errors: Issue[] = [];
  warnings: Issue[] = [];
  /** Content path (`dimensions.0.children.1.rule`) → the cell it was read from. */
  locs = new Map<string, Loc>();
  fallback: Loc = { sheet: SHEET_TREE, row: 1, col: 1 };
  /** Every node and item that can have a provenance, as read (see ./provenance-sheet). */
  cited: Cited[] = [];

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

/** A code and the cell it was read from, to check that codes are unique across the system. */
export interface CodeUse {
  code: string;
  loc: Loc;
}

/**
 * A node or item that can carry a provenance: the object being built, its content path, whether
 * its code is a grade's, and the 原文/示例 word of its 出处 column, if any.
 */
export interface Cited {
  node: Obj;
  path: string;
  grade: boolean;
  marker?: { kind: ProvenanceKind; loc: Loc };
}
