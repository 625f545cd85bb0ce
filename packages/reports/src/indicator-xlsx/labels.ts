import { CODE_PATTERN } from './model';
import { nfkc, ParseError, squash } from './text';

/**
 * Chinese words for the model's enums, as written in the sheet; the import also accepts the
 * listed variants and the English keys.
 */
export interface EnumLabels<T extends string> {
  zh: Record<T, string>;
  aliases: Record<string, T>;
  what: { zh: string; en: string };
}

const labels = <T extends string>(
  what: { zh: string; en: string },
  zh: Record<T, string>,
  aliases: Record<string, NoInfer<T>> = {},
): EnumLabels<T> => ({ zh, aliases, what });

export const DIRECTION = labels(
  { zh: '指标方向', en: 'direction' },
  { higher: '正向', lower: '逆向' },
  {
    正: 'higher',
    越高越好: 'higher',
    正向指标: 'higher',
    逆: 'lower',
    反向: 'lower',
    负向: 'lower',
    越低越好: 'lower',
    逆向指标: 'lower',
  },
);
export const INDICATOR_TYPE = labels(
  { zh: '指标类型', en: 'type' },
  { quantitative: '定量', qualitative: '定性' },
  { 定量指标: 'quantitative', 定性指标: 'qualitative' },
);
export const DATA_SOURCE = labels(
  { zh: '数据来源', en: 'data source' },
  { self_report: '单位自报', data_provider: '部门提供', expert: '专家评审', survey: '问卷调查' },
  {
    自报: 'self_report',
    被考核单位自报: 'self_report',
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
);
export const MISSING_POLICY = labels(
  { zh: '缺失数据处理', en: 'missing-data policy' },
  { zero: '计零分', redistribute: '权重再分配', exclude: '不计入' },
  {
    零分: 'zero',
    得零分: 'zero',
    再分配: 'redistribute',
    按比例分配: 'redistribute',
    不计分: 'exclude',
    剔除: 'exclude',
  },
);
export const EXEMPTION_POLICY = labels(
  { zh: '免考处理', en: 'exemption policy' },
  { redistribute: '权重再分配', exclude: '不计入' },
  { 再分配: 'redistribute', 按比例分配: 'redistribute', 不计分: 'exclude', 剔除: 'exclude' },
);
export const VETO_EFFECT = labels(
  { zh: '后果', en: 'effect' },
  { fail: '不及格', bar_excellent: '不得评优' },
  {
    定为不及格: 'fail',
    直接定为不及格: 'fail',
    一票否决: 'fail',
    不得评为优秀: 'bar_excellent',
    取消评优资格: 'bar_excellent',
  },
);
export const QUOTA_ROUNDING = labels(
  { zh: '名额取整', en: 'quota rounding' },
  { floor: '向下取整', round: '四舍五入', ceil: '向上取整' },
  { 舍去: 'floor', 进一: 'ceil' },
);

/** Text → enum value; `undefined` for a blank cell; throws with the accepted words otherwise. */
export function readEnum<T extends string>(l: EnumLabels<T>, text: string): T | undefined {
  const s = squash(text);
  if (s === '') return undefined;
  for (const [key, zh] of Object.entries(l.zh) as [T, string][]) {
    if (squash(zh) === s || key.toLowerCase() === s) return key;
  }
  for (const [alias, key] of Object.entries(l.aliases) as [string, T][]) if (squash(alias) === s) return key;
  const options = Object.values<string>(l.zh).join('、');
  throw new ParseError(
    `${l.what.zh}“${text.trim()}”无法识别，可填：${options}`,
    `${l.what.en} "${text.trim()}" is not recognised; use one of ${options}`,
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

/** 同分排序: keys separated by ；: `扣分少者优先`, `加分多者优先`, `一级指标 JJ 得分高者优先`. */
export function formatTieBreak(keys: readonly string[]): string | null {
  if (keys.length === 0) return null;
  return keys
    .map((k) =>
      k === 'fewer_deductions'
        ? '扣分少者优先'
        : k === 'more_bonus'
          ? '加分多者优先'
          : `一级指标 ${k.slice('dimension:'.length)} 得分高者优先`,
    )
    .join('; ');
}

export function readTieBreak(text: string): string[] | undefined {
  const parts = nfkc(text)
    .split(/[;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  return parts.map((p) => {
    const dim = p.match(/^(?:一级指标|维度|dimension)\s*:?\s*([A-Za-z0-9_-]+)(?:\s*得分高者?优先)?$/i);
    if (dim) return `dimension:${dim[1]}`;
    if (/^(扣分少|扣分较少|fewer_deductions)/i.test(p)) return 'fewer_deductions';
    if (/^(加分多|加分较多|more_bonus)/i.test(p)) return 'more_bonus';
    throw new ParseError(
      `同分排序“${p}”无法识别，可填：扣分少者优先、加分多者优先、一级指标 编码 得分高者优先（用“；”分隔）`,
      `tie-break "${p}" is not recognised; use 扣分少者优先, 加分多者优先 or 一级指标 <code> 得分高者优先, separated by ;`,
    );
  });
}
