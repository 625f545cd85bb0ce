import type { Bilingual } from '@jixiao/core';
import type ExcelJS from 'exceljs';
import {
  DATA_SOURCE,
  DIRECTION,
  type EnumWords,
  INDICATOR_TYPE,
  MEASURED_PARTY,
  MISSING_POLICY,
  readAppliesTo,
  readEnum,
  readEvidence,
  writeEnum,
} from '../labels';
import { type Field, PROVENANCE_FIELDS, PROVENANCE_HEADER, TREE_COLUMNS, WEIGHT_FIELDS } from '../layout';
import { type DataSource, type IndicatorType, RULE_LABELS, type RuleKind, WEIGHT_WORD } from '../model';
import { readOfficeParams } from '../office-params';
import { parseRuleParams, ruleKindFromName, ruleNameList } from '../rule-params';
import { nfkc, ParseError } from '../text';
import { isBlank, numberAt, optionalText, textAt } from './cells';
import type { CodeUse, Collector, Loc, Obj } from './collector';
import { readMarker } from './provenance-marker';
import type { Header } from './tree-header';

// ─── 指标体系: weights and a leaf indicator's cells ─────────────────────────────────────────────

export interface PendingWeight {
  target: Obj;
  key: string;
  fraction: number;
}

const qualitativeKinds: readonly RuleKind[] = ['qualitative_grade', 'expert', 'satisfaction'];

/**
 * The cell reading of one 指标体系 row: weights, and every column of a leaf indicator. TreeReader
 * (tree-sheet.ts) adds the tree structure on top.
 */
export class TreeCellReader {
  pending: PendingWeight[] = [];
  codes: CodeUse[] = [];
  private inferredColumnWarned = new Set<Field>();

  constructor(
    protected ws: ExcelJS.Worksheet,
    protected h: Header,
    protected out: Collector,
  ) {}

  protected loc(row: number, field: Field, label?: Bilingual): Loc {
    const col = this.h.cols[field] ?? this.h.cols.l1 ?? 1;
    return { sheet: this.ws.name, row, col, ...(label ? { label } : {}) };
  }
  protected text(row: number, field: Field): string | null {
    const c = this.h.cols[field];
    return c === undefined ? null : textAt(this.ws, row, c);
  }
  /** The 出处 word of the node on row `r` (its level's 出处 column), registered for the join. */
  protected marker(r: number, field: (typeof PROVENANCE_FIELDS)[number], node: Obj, path: string): void {
    const col = this.h.cols[field];
    const loc =
      col === undefined ? undefined : this.loc(r, field, { zh: PROVENANCE_HEADER, en: 'provenance' });
    readMarker(this.out, col === undefined ? null : textAt(this.ws, r, col), loc, node, path);
  }
  protected columnLabel(field: Field): Bilingual {
    const c = TREE_COLUMNS.find((x) => x.field === field);
    return { zh: c?.zh ?? field, en: c?.en ?? field };
  }

  protected weight(
    r: number,
    field: (typeof WEIGHT_FIELDS)[number],
    target: Obj,
    levelName: Bilingual,
  ): void {
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

  /** A leaf's columns after its name: code, weight, the optional texts and enums, rule and params. */
  protected readLeafCells(
    r: number,
    k: number,
    path: string,
    node: Obj,
    nameLoc: Loc,
    levelName: Bilingual,
  ): void {
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
    this.out.at(`${path}.weight`, this.loc(r, wf, WEIGHT_WORD));
    this.weight(r, wf, node, levelName);
    this.marker(r, PROVENANCE_FIELDS[k] ?? 'p1', node, path);

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
    enumField('party', 'party', MEASURED_PARTY);

    // 考核办设定参数
    const officeLoc = at('office', 'officeParams');
    try {
      const office = readOfficeParams(this.text(r, 'office') ?? '');
      if (office) node.officeParams = office;
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      this.out.error(officeLoc, e);
    }

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
