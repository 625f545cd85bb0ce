import type ExcelJS from 'exceljs';
import {
  type Field,
  LEVEL_FIELDS,
  PROVENANCE_FIELDS,
  PROVENANCE_HEADER,
  TREE_COLUMNS,
  WEIGHT_FIELDS,
} from '../layout';
import { WEIGHT_WORD } from '../model';
import { headerKey, textAt, widthOf } from './cells';

// ─── 指标体系: the header row ───────────────────────────────────────────────────────────────────

const WEIGHT_HEADERS = new Set([WEIGHT_WORD.zh, '分值', '权重分值', '分数', '权数', '标准分'].map(headerKey));
const PROVENANCE_HEADERS = new Set([PROVENANCE_HEADER, 'provenance'].map(headerKey));

export interface Header {
  row: number;
  cols: Partial<Record<Field, number>>;
}

export function findHeader(ws: ExcelJS.Worksheet): Header | undefined {
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
      // 权重 and 出处 belong to the level column before them.
      const perLevel = WEIGHT_HEADERS.has(key)
        ? WEIGHT_FIELDS
        : PROVENANCE_HEADERS.has(key)
          ? PROVENANCE_FIELDS
          : undefined;
      if (perLevel) {
        const f = lastLevel && perLevel[LEVEL_FIELDS.indexOf(lastLevel)];
        if (f && cols[f] === undefined) cols[f] = c;
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
