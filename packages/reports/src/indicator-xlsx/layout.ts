/**
 * The workbook layout shared by export and import.
 *
 * Sheet 指标体系: row 1 the title (merged across the table), row 2 the header, then one row per
 * leaf in tree order, then 合计. A branch's name cell and its 权重 cell are merged down across its
 * leaves. A branch keeps its code in its own cell text as `名称（编码）`: the import takes the last
 * bracketed group that looks like a code (letters, digits, _ or -; full- or half-width brackets),
 * so it survives re-typing, copying, sorting and un-merging, and a name may itself end in brackets
 * (`地区生产总值（GDP）（JJ01）`). A branch typed without a code gets one (D1, D1-2 …) and a warning.
 * A branch's 评分标准 (criteria) is the note (批注) on its name cell. A leaf's code is in 指标编码.
 *
 * The import finds the header row by its text (一级指标 …) and each column by its header, so
 * offices may reorder, drop optional columns or add their own; 权重 columns belong to the level
 * column just before them.
 */

import { DIRECTION_LABELS, INDICATOR_TYPE_LABELS } from './model';

export const SHEET_TREE = '指标体系';
export const SHEET_BONUS = '加分与否决';
export const SHEET_RULES = '等级与规则';

export type Field =
  | 'l1'
  | 'w1'
  | 'l2'
  | 'w2'
  | 'l3'
  | 'w3'
  | 'code'
  | 'unit'
  | 'direction'
  | 'type'
  | 'source'
  | 'method'
  | 'params'
  | 'criteria'
  | 'evidence'
  | 'applies'
  | 'missing';

export interface Column {
  field: Field;
  zh: string;
  en: string;
  width: number;
  /** Other header texts accepted on import. */
  aliases?: string[];
}

/** Export order; the import maps by header text. */
export const TREE_COLUMNS: Column[] = [
  { field: 'l1', zh: '一级指标', en: 'Dimension (level 1)', width: 18 },
  { field: 'w1', zh: '权重', en: 'Weight (points)', width: 7 },
  { field: 'l2', zh: '二级指标', en: 'Indicator (level 2)', width: 20 },
  { field: 'w2', zh: '权重', en: 'Weight (points)', width: 7 },
  { field: 'l3', zh: '三级指标', en: 'Sub-indicator (level 3)', width: 22 },
  { field: 'w3', zh: '权重', en: 'Weight (points)', width: 7 },
  { field: 'code', zh: '指标编码', en: 'Code', width: 11, aliases: ['编码', '指标代码', '代码'] },
  { field: 'unit', zh: '计量单位', en: 'Unit of measure', width: 9, aliases: ['单位'] },
  {
    field: 'direction',
    zh: '指标方向',
    en: `Direction (${DIRECTION_LABELS.higher.zh} higher / ${DIRECTION_LABELS.lower.zh} lower)`,
    width: 9,
    aliases: ['方向', '指标属性'],
  },
  {
    field: 'type',
    zh: '指标类型',
    en: `Type (${INDICATOR_TYPE_LABELS.quantitative.zh} / ${INDICATOR_TYPE_LABELS.qualitative.zh})`,
    width: 9,
    aliases: ['类型'],
  },
  { field: 'source', zh: '数据来源', en: 'Data source', width: 10, aliases: ['来源'] },
  {
    field: 'method',
    zh: '评分方法',
    en: 'Scoring rule',
    width: 12,
    aliases: ['评分办法', '计分方法', '计分办法'],
  },
  { field: 'params', zh: '评分参数', en: 'Rule parameters', width: 32, aliases: ['参数', '计分参数'] },
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
    zh: '适用分组',
    en: 'Applies to groups (blank = all)',
    width: 12,
    aliases: ['适用范围', '适用对象'],
  },
  {
    field: 'missing',
    zh: '缺失数据处理',
    en: 'Missing data (blank = system policy)',
    width: 12,
    aliases: ['缺失处理', '无数据处理'],
  },
];

export const LEVEL_FIELDS = ['l1', 'l2', 'l3'] as const;
export const WEIGHT_FIELDS = ['w1', 'w2', 'w3'] as const;
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

export const BONUS_HEADERS = { code: '编码', name: '名称', maxPoints: '最高分', criteria: '标准' } as const;
export const VETO_HEADERS = { code: '编码', name: '名称', effect: '后果', criteria: '标准' } as const;
export const GRADE_HEADERS = {
  code: '等级编码',
  zh: '等级',
  en: '英文名称',
  min: '最低分',
  maxShare: '比例上限',
} as const;
export const BONUS_CAP_LABEL = '加分上限';
