import type { Bilingual } from '@jixiao/core';
import type ExcelJS from 'exceljs';
import { GRADE_HEADERS, RULE_KEYS } from '../layout';
import { clean, fmt, nfkc } from '../text';
import { headerCols, headerKey, isBlank, numberAt, rowBlank, textAt } from './cells';
import type { Collector, Loc, Obj } from './collector';
import { readMarker } from './provenance-marker';

// ─── 等级与规则 ─────────────────────────────────────────────────────────────────────────────────

export interface RulesSheet {
  levels?: Obj[];
  kv: Partial<Record<keyof typeof RULE_KEYS, { row: number; text: string | null }>>;
}

export function readRulesSheet(ws: ExcelJS.Worksheet, out: Collector): RulesSheet {
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
    const provLoc =
      col(GRADE_HEADERS.provenance) === undefined
        ? undefined
        : loc(GRADE_HEADERS.provenance, { zh: GRADE_HEADERS.provenance, en: 'provenance' });
    readMarker(out, text(GRADE_HEADERS.provenance), provLoc, level, path, true);
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
