import type { Bilingual } from '@jixiao/core';
import type ExcelJS from 'exceljs';
import { enumWordList, readEnum, VETO_EFFECT } from '../labels';
import { BONUS_CAP_LABEL, BONUS_HEADERS, VETO_HEADERS } from '../layout';
import { nfkc, ParseError } from '../text';
import { headerCols, headerKey, isBlank, numberAt, optionalText, rowBlank, textAt } from './cells';
import type { CodeUse, Collector, Loc, Obj } from './collector';
import { readMarker } from './provenance-marker';

// ─── 加分与否决 ─────────────────────────────────────────────────────────────────────────────────

export interface SideTables {
  bonusItems?: Obj[];
  bonusCap?: number;
  vetoItems?: Obj[];
}

export function readBonusSheet(ws: ExcelJS.Worksheet, out: Collector, codes: CodeUse[]): SideTables {
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
    const provCol = col(BONUS_HEADERS.provenance);
    const provLoc =
      provCol === undefined
        ? undefined
        : loc(BONUS_HEADERS.provenance, { zh: BONUS_HEADERS.provenance, en: 'provenance' });
    readMarker(out, text(BONUS_HEADERS.provenance), provLoc, item, path);
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
