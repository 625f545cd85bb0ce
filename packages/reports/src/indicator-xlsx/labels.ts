import {
  CODE_PATTERN,
  DATA_SOURCE_LABELS,
  DATA_SOURCES,
  DIRECTION_LABELS,
  DIRECTIONS,
  dimensionTieBreakLabel,
  EXEMPTION_POLICIES,
  EXEMPTION_POLICY_LABELS,
  INDICATOR_TYPE_LABELS,
  INDICATOR_TYPES,
  type Label,
  type Labels,
  MEASURED_PARTIES,
  MEASURED_PARTY_LABELS,
  MISSING_POLICIES,
  MISSING_POLICY_LABELS,
  PROVENANCE_COVER_LABELS,
  PROVENANCE_COVERS,
  PROVENANCE_KIND_LABELS,
  PROVENANCE_KINDS,
  QUOTA_ROUNDING_LABELS,
  QUOTA_ROUNDINGS,
  SOURCE_DOCUMENT_LABELS,
  SOURCE_DOCUMENTS,
  TIE_BREAK_LABELS,
  VETO_EFFECT_LABELS,
  VETO_EFFECTS,
} from './model';
import { nfkc, ParseError, squash } from './text';

/**
 * The model's enums in the sheet. The word WRITTEN for a value is its Chinese label from the core
 * vocabulary (`@jixiao/core` RULE_LABELS, DIRECTION_LABELS …), never spelled here. The import reads
 * that label, the English label and key, and the ALIASES below: older wordings of earlier exports (so old
 * files still import) and the variants offices type. An alias is never written.
 */
export interface EnumWords<T extends string> {
  /** The enum's values, in the order the drop-downs and messages list them. */
  values: readonly T[];
  /** The written word of each value: core's vocabulary. */
  labels: Labels<T>;
  /** Other spellings the import accepts (never written). */
  aliases: Readonly<Record<string, T>>;
  /** What the column or key holds, for messages. */
  what: Label;
}

/** The word written for a value. */
export const writeEnum = <T extends string>(w: EnumWords<T>, value: T): string => w.labels[value].zh;

/** The written words of every value, in order (drop-downs, messages). */
export const enumWordList = <T extends string>(w: EnumWords<T>): string[] =>
  w.values.map((v) => w.labels[v].zh);

export const DIRECTION: EnumWords<(typeof DIRECTIONS)[number]> = {
  values: DIRECTIONS,
  labels: DIRECTION_LABELS,
  what: { zh: '指标方向', en: 'direction' },
  aliases: {
    正: 'higher',
    越高越好: 'higher',
    正向指标: 'higher',
    逆: 'lower',
    反向: 'lower',
    负向: 'lower',
    越低越好: 'lower',
    逆向指标: 'lower',
  },
};
export const INDICATOR_TYPE: EnumWords<(typeof INDICATOR_TYPES)[number]> = {
  values: INDICATOR_TYPES,
  labels: INDICATOR_TYPE_LABELS,
  what: { zh: '指标类型', en: 'type' },
  aliases: { 定量指标: 'quantitative', 定性指标: 'qualitative' },
};
export const DATA_SOURCE: EnumWords<(typeof DATA_SOURCES)[number]> = {
  values: DATA_SOURCES,
  labels: DATA_SOURCE_LABELS,
  what: { zh: '数据来源', en: 'data source' },
  aliases: {
    自报: 'self_report',
    被考核单位自报: 'self_report',
    部门提供: 'data_provider', // written by exports before the vocabulary
    数据部门: 'data_provider',
    部门报送: 'data_provider',
    职能部门提供: 'data_provider',
    统计部门: 'data_provider',
    专家: 'expert',
    专家评议: 'expert',
    调查: 'survey',
    满意度调查: 'survey',
    社会调查: 'survey',
  },
};
export const MISSING_POLICY: EnumWords<(typeof MISSING_POLICIES)[number]> = {
  values: MISSING_POLICIES,
  labels: MISSING_POLICY_LABELS,
  what: { zh: '缺失数据处理', en: 'missing-data policy' },
  aliases: {
    零分: 'zero',
    得零分: 'zero',
    再分配: 'redistribute',
    按比例分配: 'redistribute',
    不计分: 'exclude',
    剔除: 'exclude',
  },
};
export const EXEMPTION_POLICY: EnumWords<(typeof EXEMPTION_POLICIES)[number]> = {
  values: EXEMPTION_POLICIES,
  labels: EXEMPTION_POLICY_LABELS,
  what: { zh: '免考处理', en: 'exemption policy' },
  aliases: { 再分配: 'redistribute', 按比例分配: 'redistribute', 不计分: 'exclude', 剔除: 'exclude' },
};
export const VETO_EFFECT: EnumWords<(typeof VETO_EFFECTS)[number]> = {
  values: VETO_EFFECTS,
  labels: VETO_EFFECT_LABELS,
  what: { zh: '后果', en: 'effect' },
  aliases: {
    不及格: 'fail', // written by exports before the vocabulary
    直接定为不及格: 'fail',
    一票否决: 'fail',
    不得评优: 'bar_excellent', // written by exports before the vocabulary
    取消评优资格: 'bar_excellent',
  },
};
export const QUOTA_ROUNDING: EnumWords<(typeof QUOTA_ROUNDINGS)[number]> = {
  values: QUOTA_ROUNDINGS,
  labels: QUOTA_ROUNDING_LABELS,
  what: { zh: '名额取整', en: 'quota rounding' },
  aliases: { 舍去: 'floor', 进一: 'ceil' },
};

/** 评价对象: whose performance a leaf measures (purchased services: the buyer or the provider). */
export const MEASURED_PARTY: EnumWords<(typeof MEASURED_PARTIES)[number]> = {
  values: MEASURED_PARTIES,
  labels: MEASURED_PARTY_LABELS,
  what: { zh: '评价对象', en: 'measured party' },
  aliases: {
    购买主体: 'buyer',
    购买方: 'buyer',
    购买部门: 'buyer',
    采购方: 'buyer',
    承接主体: 'provider',
    承接方: 'provider',
    服务提供方: 'provider',
    承接单位: 'provider',
    提供方: 'provider',
  },
};
/** 出处: 原文 (the source's own wording) or 示例 (the product's editable example). */
export const PROVENANCE_KIND: EnumWords<(typeof PROVENANCE_KINDS)[number]> = {
  values: PROVENANCE_KINDS,
  labels: PROVENANCE_KIND_LABELS,
  what: { zh: '出处', en: 'provenance' },
  aliases: { 原文引用: 'source', 引用原文: 'source', 样例: 'example', 范例: 'example', 示范: 'example' },
};
/** 原文涵盖: what a 原文 node takes from the source beyond its name. */
export const PROVENANCE_COVER: EnumWords<(typeof PROVENANCE_COVERS)[number]> = {
  values: PROVENANCE_COVERS,
  labels: PROVENANCE_COVER_LABELS,
  what: { zh: '原文涵盖', en: 'covers' },
  aliases: { 分值: 'weight', 权数: 'weight', 公式: 'formula', 计算方法: 'formula' },
};
/** 来源文件: the documents of the seed collection, by title (written 《title》). */
export const SOURCE_DOCUMENT: EnumWords<(typeof SOURCE_DOCUMENTS)[number]> = {
  values: SOURCE_DOCUMENTS,
  labels: SOURCE_DOCUMENT_LABELS,
  what: { zh: '来源文件', en: 'source document' },
  aliases: {},
};

/** Text → enum value; `undefined` for a blank cell; throws with the accepted words otherwise. */
export function readEnum<T extends string>(w: EnumWords<T>, text: string): T | undefined {
  const s = squash(text);
  if (s === '') return undefined;
  for (const value of w.values) {
    const { zh, en } = w.labels[value];
    if (squash(zh) === s || squash(en) === s || value.toLowerCase() === s) return value;
  }
  for (const [alias, value] of Object.entries(w.aliases)) if (squash(alias) === s) return value;
  const options = enumWordList(w).join('、');
  throw new ParseError(
    `${w.what.zh}“${text.trim()}”无法识别，可填：${options}`,
    `${w.what.en} "${text.trim()}" is not recognised; use one of ${options}`,
  );
}

// ─── 佐证材料 ───────────────────────────────────────────────────────────────────────────────────

/**
 * 佐证材料: blank = not required; `必需` / `必需：说明` = required; `可选` / `可选：说明` = not
 * required but described. Text without such a prefix (what offices usually write: 工作方案、总结)
 * means required, with that text as the description.
 */
export function formatEvidence(e: { required: boolean; description?: string | undefined }): string | null {
  const word = e.required ? '必需' : '可选';
  if (e.description === undefined) return e.required ? word : null;
  return `${word}：${e.description}`;
}

const EVIDENCE_PREFIX = /^\s*(必需|必须|需要|需|是|要|可选|不需要|无需|否|不要)\s*(?:([:：])([\s\S]*))?$/;
const NOT_REQUIRED = new Set(['可选', '不需要', '无需', '否', '不要']);

export function readEvidence(text: string): { required: boolean; description?: string } | undefined {
  if (text.trim() === '') return undefined;
  const m = text.match(EVIDENCE_PREFIX);
  if (!m) return { required: true, description: text.trim() };
  const required = !NOT_REQUIRED.has(m[1] ?? '');
  return m[2] === undefined ? { required } : { required, description: (m[3] ?? '').trim() };
}

// ─── 适用分组 ───────────────────────────────────────────────────────────────────────────────────

/** 适用分组: blank = (absent) every group; `全部` = [] (also every group); otherwise codes separated by 、 , ; or spaces. */
export const formatAppliesTo = (a: readonly string[] | undefined): string | null =>
  a === undefined ? null : a.length === 0 ? '全部' : a.join('、');

export function readAppliesTo(text: string): string[] | undefined {
  const s = nfkc(text).trim();
  if (s === '') return undefined;
  if (/^(全部|所有|全体|all)$/i.test(s)) return [];
  const codes = s.split(/[\s、,;]+/).filter(Boolean);
  const bad = codes.filter((c) => !CODE_PATTERN.test(c));
  if (bad.length > 0) {
    throw new ParseError(
      `适用分组须为分组编码（字母、数字、下划线或连字符），用“、”分隔；无法识别：${bad.join('、')}`,
      `applies-to must be group codes separated by 、 or commas; not codes: ${bad.join(', ')}`,
    );
  }
  return codes;
}

// ─── 同分排序 ───────────────────────────────────────────────────────────────────────────────────

/**
 * 同分排序: keys separated by ；, each written as its vocabulary label (`扣分少者优先`, `加分多者优先`,
 * `一级指标 JJ 得分高者优先`).
 */
export function formatTieBreak(keys: readonly string[]): string | null {
  if (keys.length === 0) return null;
  return keys
    .map((k) =>
      k === 'fewer_deductions' || k === 'more_bonus'
        ? TIE_BREAK_LABELS[k].zh
        : dimensionTieBreakLabel(k.slice('dimension:'.length)).zh,
    )
    .join('; ');
}

export function readTieBreak(text: string): string[] | undefined {
  const parts = nfkc(text)
    .split(/[;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  // Grammar, not labels: prefixes, so that the labels and older wordings (扣分较少者优先) all read.
  return parts.map((p) => {
    const dim = p.match(/^(?:一级指标|维度|dimension)\s*:?\s*([A-Za-z0-9_-]+)(?:\s*得分高者?优先)?$/i);
    if (dim) return `dimension:${dim[1]}`;
    if (/^(扣分少|扣分较少|fewer_deductions)/i.test(p)) return 'fewer_deductions';
    if (/^(加分多|加分较多|more_bonus)/i.test(p)) return 'more_bonus';
    const [fewer, more] = [TIE_BREAK_LABELS.fewer_deductions.zh, TIE_BREAK_LABELS.more_bonus.zh];
    throw new ParseError(
      `同分排序“${p}”无法识别，可填：${fewer}、${more}、${dimensionTieBreakLabel('编码').zh}（用“；”分隔）`,
      `tie-break "${p}" is not recognised; use ${fewer}, ${more} or ${dimensionTieBreakLabel('<code>').zh}, separated by ;`,
    );
  });
}
