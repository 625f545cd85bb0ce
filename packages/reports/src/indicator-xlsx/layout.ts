/**
 * The workbook layout shared by export and import.
 *
 * Sheet 指标体系: row 1 the title (merged across the table), row 2 the header, then one row per
 * leaf in tree order, then 合计. A branch's name cell, its 权重 cell and its 出处 cell are merged
 * down across its leaves. A branch keeps its code in its own cell text as `名称（编码）`: the import
 * takes the last bracketed group that looks like a code (letters, digits, _ or -; full- or
 * half-width brackets), so it survives re-typing, copying, sorting and un-merging, and a name may
 * itself end in brackets (`地区生产总值（GDP）（JJ01）`). A branch typed without a code gets one (D1,
 * D1-2 …) and a warning. A branch's 评分标准 (criteria) is the note (批注) on its name cell. A
 * leaf's code is in 指标编码.
 *
 * 出处 (provenance): each level has a narrow 出处 column after its 权重, holding 原文 or 示例 for the
 * node of that level (merged like the weight); blank for a node the office wrote itself. The
 * citation of a 原文 node (来源文件, 条款, 原文摘录, 原文涵盖) and the note of a 示例 are on the sheet
 * 出处, one row per node or item by its code, in separate columns so that a long quote wraps and
 * prints on its own row. The bonus, veto, statistic and grade tables have the same 出处 column.
 *
 * The import finds the header row by its text (一级指标 …) and each column by its header, so
 * offices may reorder, drop optional columns or add their own; 权重 and 出处 columns belong to the
 * level column just before them.
 */

import {
  DIRECTION_LABELS,
  INDICATOR_TYPE_LABELS,
  PROVENANCE_KIND_LABELS,
  PROVENANCE_KINDS,
  VETO_EFFECT_LABELS,
  WEIGHT_WORD,
} from './model';

export const SHEET_TREE = '指标体系';
export const SHEET_BONUS = '加分与否决';
export const SHEET_STATISTICS = '统计数据指标';
export const SHEET_RULES = '等级与规则';
export const SHEET_PROVENANCE = '出处';

/** The header of every 出处 column (原文 / 示例). */
export const PROVENANCE_HEADER = '出处';
const KINDS_EN = PROVENANCE_KINDS.map(
  (k) => `${PROVENANCE_KIND_LABELS[k].zh} ${PROVENANCE_KIND_LABELS[k].en.toLowerCase()}`,
).join(' / ');
const provenanceNote = (of: string) =>
  `Provenance of the ${of}: ${KINDS_EN}; blank = the office's own. Citations on sheet ${SHEET_PROVENANCE}`;

export type Field =
  | 'l1'
  | 'w1'
  | 'p1'
  | 'l2'
  | 'w2'
  | 'p2'
  | 'l3'
  | 'w3'
  | 'p3'
  | 'code'
  | 'unit'
  | 'direction'
  | 'type'
  | 'source'
  | 'method'
  | 'params'
  | 'office'
  | 'criteria'
  | 'evidence'
  | 'applies'
  | 'party'
  | 'missing';

export interface Column {
  field: Field;
  zh: string;
  en: string;
  width: number;
  /** Other header texts accepted on import. */
  aliases?: string[];
  /**
   * False for a column the print layout leaves out: what the import needs but a reader of the
   * printed system does not (machine-readable 评分参数, 出处 marks, defaults), so that the printed
   * sheet fits A4 landscape at a readable size.
   */
  print?: false;
  /** The width in the print layout, where narrower than `width`. */
  printWidth?: number;
}

/** Export order (the one definition of the tree sheet's columns); the import maps by header text. */
export const TREE_COLUMNS: Column[] = [
  { field: 'l1', zh: '一级指标', en: 'Dimension (level 1)', width: 18, printWidth: 14 },
  { field: 'w1', zh: WEIGHT_WORD.zh, en: 'Weight (points)', width: 7 },
  { field: 'p1', print: false, zh: PROVENANCE_HEADER, en: provenanceNote('dimension'), width: 6 },
  { field: 'l2', zh: '二级指标', en: 'Indicator (level 2)', width: 20, printWidth: 16 },
  { field: 'w2', zh: WEIGHT_WORD.zh, en: 'Weight (points)', width: 7 },
  { field: 'p2', print: false, zh: PROVENANCE_HEADER, en: provenanceNote('indicator'), width: 6 },
  { field: 'l3', zh: '三级指标', en: 'Sub-indicator (level 3)', width: 22, printWidth: 18 },
  { field: 'w3', zh: WEIGHT_WORD.zh, en: 'Weight (points)', width: 7 },
  { field: 'p3', print: false, zh: PROVENANCE_HEADER, en: provenanceNote('sub-indicator'), width: 6 },
  { field: 'code', zh: '指标编码', en: 'Code', width: 11, aliases: ['编码', '指标代码', '代码'] },
  { field: 'unit', zh: '计量单位', en: 'Unit of measure', width: 9, aliases: ['单位'] },
  {
    field: 'direction',
    print: false,
    zh: '指标方向',
    en: `Direction (${DIRECTION_LABELS.higher.zh} higher / ${DIRECTION_LABELS.lower.zh} lower)`,
    width: 9,
    aliases: ['方向', '指标属性'],
  },
  {
    field: 'type',
    print: false,
    zh: '指标类型',
    en: `Type (${INDICATOR_TYPE_LABELS.quantitative.zh} / ${INDICATOR_TYPE_LABELS.qualitative.zh})`,
    width: 9,
    aliases: ['类型'],
  },
  { field: 'source', print: false, zh: '数据来源', en: 'Data source', width: 10, aliases: ['来源'] },
  {
    field: 'method',
    zh: '评分方法',
    en: 'Scoring rule',
    width: 12,
    aliases: ['评分办法', '计分方法', '计分办法'],
  },
  {
    field: 'params',
    print: false,
    zh: '评分参数',
    en: 'Rule parameters',
    width: 32,
    aliases: ['参数', '计分参数'],
  },
  {
    field: 'office',
    print: false,
    zh: '考核办设定参数',
    en: 'Set by the office, never by the unit: 目标值 (target) and calculator arguments, e.g. 目标值=100；ratePercent=8',
    width: 16,
    aliases: ['考核办参数', '设定参数', '目标值'],
  },
  {
    field: 'criteria',
    zh: '评分标准',
    en: 'Scoring criteria',
    width: 40,
    aliases: ['考核标准', '评分细则', '评价标准', '考核内容'],
  },
  {
    field: 'evidence',
    zh: '佐证材料',
    en: 'Evidence (必需 / 可选：说明)',
    width: 20,
    aliases: ['佐证', '佐证资料'],
  },
  {
    field: 'applies',
    print: false,
    zh: '适用分组',
    en: 'Applies to groups (blank = all)',
    width: 12,
    aliases: ['适用范围', '适用对象'],
  },
  {
    field: 'party',
    print: false,
    zh: '评价对象',
    en: 'Whose performance it measures (purchased services; blank = not applicable)',
    width: 12,
    aliases: ['考核对象', '被评价方'],
  },
  {
    field: 'missing',
    print: false,
    zh: '缺失数据处理',
    en: 'Missing data (blank = system policy)',
    width: 12,
    aliases: ['缺失处理', '无数据处理'],
  },
];

/**
 * The print layout's columns for a tree `depth` levels deep: its levels (a two-level system prints
 * no empty 三级指标), codes, units, the rule's name, criteria and evidence.
 */
export function treePrintColumns(depth: number): Column[] {
  const deeper = new Set<Field>(['l3', 'w3', 'l2', 'w2'].slice(0, 2 * Math.max(0, 3 - depth)) as Field[]);
  return TREE_COLUMNS.filter((c) => c.print !== false && !deeper.has(c.field)).map((c) =>
    c.printWidth ? { ...c, width: c.printWidth } : c,
  );
}

export const LEVEL_FIELDS = ['l1', 'l2', 'l3'] as const;
export const WEIGHT_FIELDS = ['w1', 'w2', 'w3'] as const;
export const PROVENANCE_FIELDS = ['p1', 'p2', 'p3'] as const;
export const LEVEL_NAMES = [
  { zh: '一级指标', en: 'dimension' },
  { zh: '二级指标', en: 'indicator' },
  { zh: '三级指标', en: 'sub-indicator' },
] as const;

export const TOTAL_ROW_LABELS = ['合计', '总计', '总分'];

/** Row labels of the key–value block on 等级与规则. */
export const RULE_KEYS = {
  name: '体系名称',
  description: '体系说明',
  total: '总分',
  quotaRounding: '名额取整',
  tieBreak: '同分排序',
  missingData: '缺失数据处理',
  exemption: '免考处理',
  decimals: '小数位数',
} as const;

/** A column of the side tables (加分与否决, 统计数据指标, 等级与规则, 出处): header, note, width. */
export interface SideColumn {
  zh: string;
  en: string;
  width: number;
}

export const BONUS_HEADERS = {
  code: '编码',
  name: '名称',
  maxPoints: '最高分',
  criteria: '标准',
  provenance: PROVENANCE_HEADER,
} as const;
export const VETO_HEADERS = {
  code: '编码',
  name: '名称',
  effect: '后果',
  criteria: '标准',
  provenance: PROVENANCE_HEADER,
} as const;
/** 加分与否决: the bonus and the veto tables share the sheet's columns (and widths); the third differs. */
export const BONUS_COLUMNS: readonly SideColumn[] = [
  { zh: BONUS_HEADERS.code, en: 'Code', width: 12 },
  { zh: BONUS_HEADERS.name, en: 'Name', width: 32 },
  { zh: BONUS_HEADERS.maxPoints, en: 'Max points', width: 14 },
  { zh: BONUS_HEADERS.criteria, en: 'Criteria', width: 56 },
  { zh: BONUS_HEADERS.provenance, en: provenanceNote('item'), width: 7 },
];
export const VETO_COLUMNS: readonly SideColumn[] = [
  { zh: VETO_HEADERS.code, en: 'Code', width: 12 },
  { zh: VETO_HEADERS.name, en: 'Name', width: 32 },
  {
    zh: VETO_HEADERS.effect,
    en: `Effect: ${VETO_EFFECT_LABELS.fail.zh} fail / ${VETO_EFFECT_LABELS.bar_excellent.zh} may not be excellent`,
    width: 14,
  },
  { zh: VETO_HEADERS.criteria, en: 'Criteria', width: 56 },
  { zh: VETO_HEADERS.provenance, en: provenanceNote('item'), width: 7 },
];
export const BONUS_CAP_LABEL = '加分上限';

export const STATISTIC_HEADERS = {
  code: '编码',
  name: '名称',
  unit: '计量单位',
  criteria: '统计口径',
  provenance: PROVENANCE_HEADER,
} as const;
/** Other header texts the import accepts for 统计口径 (the item's criteria). */
export const STATISTIC_CRITERIA_ALIASES = ['说明', '标准', '填报说明'];
export const STATISTIC_COLUMNS: readonly SideColumn[] = [
  { zh: STATISTIC_HEADERS.code, en: 'Code', width: 12 },
  { zh: STATISTIC_HEADERS.name, en: 'Name', width: 30 },
  { zh: STATISTIC_HEADERS.unit, en: 'Unit of measure', width: 12 },
  { zh: STATISTIC_HEADERS.criteria, en: 'What is counted and how it is reported', width: 58 },
  { zh: STATISTIC_HEADERS.provenance, en: provenanceNote('item'), width: 7 },
];

export const GRADE_HEADERS = {
  code: '等级编码',
  zh: '等级',
  en: '英文名称',
  min: '最低分',
  maxShare: '比例上限',
  provenance: PROVENANCE_HEADER,
} as const;
export const GRADE_COLUMNS: readonly SideColumn[] = [
  { zh: GRADE_HEADERS.code, en: 'Grade code', width: 14 },
  { zh: GRADE_HEADERS.zh, en: 'Grade (Chinese)', width: 16 },
  { zh: GRADE_HEADERS.en, en: 'Grade (English)', width: 18 },
  { zh: GRADE_HEADERS.min, en: 'Lowest total (inclusive)', width: 12 },
  { zh: GRADE_HEADERS.maxShare, en: 'Quota: at most this share of a group', width: 12 },
  { zh: GRADE_HEADERS.provenance, en: provenanceNote('grade'), width: 7 },
];

/**
 * Sheet 出处: one row per node or item that has a provenance, in tree order, then bonus, veto,
 * statistic items and grades. 类别 and 编码 name the node (a grade's code is looked up among the
 * grades, any other code across the system); 名称 is for the reader and is not read back.
 */
export const PROVENANCE_SHEET_HEADERS = {
  category: '类别',
  code: '编码',
  name: '名称',
  kind: PROVENANCE_HEADER,
  document: '来源文件',
  section: '条款',
  quote: '原文摘录',
  covers: '原文涵盖',
  note: '说明',
} as const;
export type ProvenanceKey = keyof typeof PROVENANCE_SHEET_HEADERS;
export const PROVENANCE_COLUMNS: readonly (SideColumn & { key: ProvenanceKey })[] = [
  { key: 'category', zh: PROVENANCE_SHEET_HEADERS.category, en: 'What it is', width: 11 },
  { key: 'code', zh: PROVENANCE_SHEET_HEADERS.code, en: 'Code', width: 11 },
  { key: 'name', zh: PROVENANCE_SHEET_HEADERS.name, en: 'Name (for the reader; not read back)', width: 18 },
  { key: 'kind', zh: PROVENANCE_SHEET_HEADERS.kind, en: KINDS_EN, width: 6 },
  { key: 'document', zh: PROVENANCE_SHEET_HEADERS.document, en: 'Source document (原文)', width: 20 },
  {
    key: 'section',
    zh: PROVENANCE_SHEET_HEADERS.section,
    en: 'Section, as the document numbers it',
    width: 18,
  },
  { key: 'quote', zh: PROVENANCE_SHEET_HEADERS.quote, en: "The source's own words, verbatim", width: 48 },
  {
    key: 'covers',
    zh: PROVENANCE_SHEET_HEADERS.covers,
    en: 'What the source also gives (权重 weight, 计算公式 formula); blank = name and meaning only; 无 = none',
    width: 9,
  },
  { key: 'note', zh: PROVENANCE_SHEET_HEADERS.note, en: 'Note on an example (示例)', width: 20 },
];

/** 类别 on the sheet 出处, besides the tree levels (LEVEL_NAMES). */
export const ITEM_CATEGORIES = {
  bonus: { zh: '加分项目', en: 'bonus item' },
  veto: { zh: '一票否决项目', en: 'veto item' },
  statistic: { zh: '统计数据指标', en: 'statistic item' },
  grade: { zh: '等级', en: 'grade' },
} as const;
