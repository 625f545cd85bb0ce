import type ExcelJS from 'exceljs';
import { STATISTIC_HEADERS as H, STATISTIC_CRITERIA_ALIASES } from '../layout';
import { nfkc } from '../text';
import { headerCols, headerKey, isBlank, optionalText, rowBlank, textAt } from './cells';
import type { CodeUse, Collector, Loc, Obj } from './collector';
import { readMarker } from './provenance-marker';

// ─── 统计数据指标 ───────────────────────────────────────────────────────────────────────────────

/** The statistic items (编码, 名称, 计量单位, 统计口径, 出处) below the sheet's header row. */
export function readStatisticsSheet(ws: ExcelJS.Worksheet, out: Collector, codes: CodeUse[]): Obj[] {
  const items: Obj[] = [];
  let cols: Map<string, number> | undefined;
  for (let r = 1; r <= ws.rowCount; r++) {
    if (!cols) {
      const found = headerCols(ws, r);
      if (found.has(headerKey(H.code)) && found.has(headerKey(H.name))) {
        cols = found;
        out.at('statistics', { sheet: ws.name, row: r, col: 1 });
      }
      continue;
    }
    if (rowBlank(ws, r)) continue;
    const found = cols;
    const col = (h: string, aliases: readonly string[] = []) =>
      [h, ...aliases].map((x) => found.get(headerKey(x))).find((c) => c !== undefined);
    const criteriaCol = col(H.criteria, STATISTIC_CRITERIA_ALIASES);
    const cell = (c: number | undefined) => (c === undefined ? null : textAt(ws, r, c));
    const loc = (c: number | undefined, zh: string, en: string): Loc => ({
      sheet: ws.name,
      row: r,
      col: c ?? 1,
      label: { zh, en },
    });
    const path = `statistics.${items.length}`;
    const item: Obj = {};
    items.push(item);
    const codeLoc = loc(col(H.code), H.code, 'code');
    const nameLoc = loc(col(H.name), H.name, 'name');
    out.at(path, nameLoc);
    out.at(`${path}.code`, codeLoc);
    out.at(`${path}.name`, nameLoc);
    out.at(`${path}.unitOfMeasure`, loc(col(H.unit), H.unit, 'unit of measure'));
    out.at(`${path}.criteria`, loc(criteriaCol, H.criteria, 'criteria'));
    const code = cell(col(H.code));
    if (isBlank(code))
      out.error(codeLoc, { zh: '统计数据指标缺少编码', en: 'the statistic item has no code' });
    else {
      item.code = nfkc(code).trim();
      codes.push({ code: item.code as string, loc: codeLoc });
    }
    const name = cell(col(H.name));
    if (isBlank(name))
      out.error(nameLoc, { zh: '统计数据指标缺少名称', en: 'the statistic item has no name' });
    else item.name = name.trim();
    const unit = optionalText(cell(col(H.unit)));
    if (unit !== undefined) item.unitOfMeasure = unit;
    const criteria = optionalText(cell(criteriaCol));
    if (criteria !== undefined) item.criteria = criteria;
    const provCol = col(H.provenance);
    readMarker(
      out,
      cell(provCol),
      provCol === undefined ? undefined : loc(provCol, H.provenance, 'provenance'),
      item,
      path,
    );
  }
  return items;
}
