import type { Bilingual } from '@jixiao/core';
import {
  CODE_PATTERN,
  LIKERT_LABELS,
  LIKERT_LEVELS,
  RULE_KINDS,
  RULE_LABELS,
  type RuleKind,
  type ScoringRule,
} from './model';
import { fmt, nfkc, ParseError, quote, readFraction, readPlain, splitTop, squash, unquote } from './text';

/**
 * 评分方法 and 评分参数: the rule's Chinese name (its label in the core vocabulary, RULE_LABELS) in
 * one column, its parameters in a compact text in the next. Export writes the canonical form; import reads it back exactly and also accepts the
 * variants people type (full-width punctuation and digits, `；` or a new line for `;`, `，` for
 * `,`, `:`/`：`/`=` after a keyword, `60%` for 0.6 wherever a fraction is meant, a trailing 分).
 *
 * | 评分方法 (kind)                   | 评分参数, canonical form                                                    | blank means          |
 * |-----------------------------------|-----------------------------------------------------------------------------|----------------------|
 * | 目标完成率法 (target_completion)  | `封顶 1.2`                                                                  | 封顶 1               |
 * | 逆向指标 (reverse)                | `封顶 1`                                                                    | 封顶 1               |
 * | 分档计分 (bands)                  | `[0,60):0; [60,80):0.6 良好; [80,):1` — `[下限,上限):得分比例 标签`；下限空 = −∞（写作 `(,60)`），上限空 = +∞；标签可省 | (required) |
 * | 扣分法 (deduction)                | `AQ1 发生安全事故 每次扣2; AQ2 被通报批评 每次扣0.5; 最多扣10` — `编码 事项 每次扣N`，`最多扣N` 可省 | (required) |
 * | 功效系数法 (efficacy)             | `基础分 60; 浮动分 40`                                                      | 60 / 40              |
 * | 排名法 (rank)                     | `末位 0.6` (last place gets 60% of the weight)                              | 末位 0.6             |
 * | 定性等级 (qualitative_grade)      | `A 1; B 0.8; C 0.6; D 0.4` (优/良/中/差 accepted for A–D)                   | 1 / 0.8 / 0.6 / 0.4  |
 * | 专家评分 (expert)                 | `满分 100; 5人及以上去掉最高最低分`                                         | 满分 100; 5 人       |
 * | 满意度测评 (satisfaction)         | `很满意100 满意80 基本满意60 不满意30 很不满意0; FWDX 服务对象 0.5, RD 人大代表政协委员 0.2, GZ 社会公众 0.3; 最少样本 30` — 三段（分值、群体、样本）顺序不限，分值与样本可省；群体写作 `编码 名称 权重`，省略编码时自动编号（提示） | (groups required) |
 * | 综合得分 (composite)              | `ZBKH 指标考核 0.6; MYD 满意度 0.2; LD 领导评价 0.2` — `编码 名称 权重`     | (required)           |
 * | 公式指标 (formula)                | `employment_per_investment → 目标完成率 封顶 1` — `计算器 → 方法 参数`，方法为 目标完成率 / 逆向 / 分档 (`->` accepted) | (required) |
 *
 * Free-text labels (band labels, deduction items, groups, sources) are written bare unless they
 * are empty or contain `"` `;` `；` `,` `，` or a line break; then they are quoted "like ""this""".
 *
 * Labels versus grammar: the 评分方法 cell is written with RULE_LABELS (目标完成率法, 分档计分 …) and
 * the Likert words with LIKERT_LABELS, both from core. The words below are GRAMMAR, not labels:
 * RULE_ALIASES are other spellings the import accepts (earlier wordings such as 目标完成率 and 分档
 * included), and the method words inside a formula's parameters (`→ 目标完成率 封顶 1`, 逆向, 分档)
 * are short tokens of this notation, kept short on purpose and never shown as a rule's name.
 */

/**
 * Other names of the rules that the import accepts (earlier wordings such as 目标完成率 and 分档,
 * and the variants offices type); never written: the written name is RULE_LABELS.
 */
const RULE_ALIASES: Readonly<Record<string, RuleKind>> = {
  目标完成率: 'target_completion',
  完成率法: 'target_completion',
  完成率: 'target_completion',
  目标值法: 'target_completion',
  逆向指标法: 'reverse',
  逆向: 'reverse',
  逆向法: 'reverse',
  反向指标: 'reverse',
  分档: 'bands',
  分档法: 'bands',
  分档计分法: 'bands',
  区间计分: 'bands',
  分段计分: 'bands',
  扣分: 'deduction',
  扣分制: 'deduction',
  功效系数: 'efficacy',
  排名: 'rank',
  排名计分: 'rank',
  排序法: 'rank',
  定性: 'qualitative_grade',
  定性评价: 'qualitative_grade',
  等级评定: 'qualitative_grade',
  等级评价: 'qualitative_grade',
  专家评审: 'expert',
  专家打分: 'expert',
  专家评议: 'expert',
  满意度: 'satisfaction',
  满意度调查: 'satisfaction',
  满意度评价: 'satisfaction',
  综合: 'composite',
  综合评分: 'composite',
  加权综合: 'composite',
  公式: 'formula',
  计算公式: 'formula',
};

/** Canonical examples, quoted in error messages. */
export const PARAM_EXAMPLES: Record<RuleKind, string> = {
  target_completion: '封顶 1.2',
  reverse: '封顶 1',
  bands: '[0,60):0; [60,80):0.6; [80,):1',
  deduction: 'AQ1 发生安全事故 每次扣2; 最多扣10',
  efficacy: '基础分 60; 浮动分 40',
  rank: '末位 0.6',
  qualitative_grade: 'A 1; B 0.8; C 0.6; D 0.4',
  expert: '满分 100; 5人及以上去掉最高最低分',
  satisfaction:
    '很满意100 满意80 基本满意60 不满意30 很不满意0; FWDX 服务对象 0.5, GZ 社会公众 0.5; 最少样本 30',
  composite: 'ZBKH 指标考核 0.6; MYD 满意度 0.4',
  formula: 'employment_per_investment → 目标完成率 封顶 1',
};

const KIND_BY_NAME = new Map<string, RuleKind>();
for (const kind of RULE_KINDS) {
  KIND_BY_NAME.set(squash(RULE_LABELS[kind].zh), kind);
  KIND_BY_NAME.set(squash(kind), kind);
}
for (const [alias, kind] of Object.entries(RULE_ALIASES)) KIND_BY_NAME.set(squash(alias), kind);

/** 评分方法 cell → rule kind (Chinese names, common variants, or the English key). */
export const ruleKindFromName = (text: string): RuleKind | undefined => KIND_BY_NAME.get(squash(text));

/** The written rule names (RULE_LABELS), for messages and the drop-down list. */
export const ruleNames = (): string[] => RULE_KINDS.map((kind) => RULE_LABELS[kind].zh);
export const ruleNameList = (): string => ruleNames().join('、');

// ─── Writing ────────────────────────────────────────────────────────────────────────────────────

type RuleOf<K extends RuleKind> = Extract<ScoringRule, { kind: K }>;
type Weighted = { key: string; label: string; weight: number };

/** The Likert levels with their written words (core's LIKERT_LABELS), best first. */
const LIKERT: readonly (readonly [keyof RuleOf<'satisfaction'>['levelPoints'], string])[] = LIKERT_LEVELS.map(
  (level) => [level, LIKERT_LABELS[level].zh] as const,
);

const weighted = (items: readonly Weighted[], sep: string) =>
  items.map((i) => `${i.key} ${quote(i.label)} ${fmt(i.weight)}`).join(sep);

function formatBands(rule: RuleOf<'bands'>): string {
  return rule.bands
    .map((b) => {
      const lower = b.min === null ? '(' : `[${fmt(b.min)}`;
      const upper = b.max === null ? ')' : `${fmt(b.max)})`;
      return `${lower},${upper}:${fmt(b.fraction)}${b.label === undefined ? '' : ` ${quote(b.label)}`}`;
    })
    .join('; ');
}

/** The canonical 评分参数 text of a (parsed) rule. */
export function formatRuleParams(rule: ScoringRule): string {
  switch (rule.kind) {
    case 'target_completion':
    case 'reverse':
      return `封顶 ${fmt(rule.cap)}`;
    case 'bands':
      return formatBands(rule);
    case 'deduction': {
      const items = rule.items.map((i) => `${i.code} ${quote(i.label)} 每次扣${fmt(i.pointsEach)}`);
      if (rule.maxDeduction !== undefined) items.push(`最多扣${fmt(rule.maxDeduction)}`);
      return items.join('; ');
    }
    case 'efficacy':
      return `基础分 ${fmt(rule.base)}; 浮动分 ${fmt(rule.span)}`;
    case 'rank':
      return `末位 ${fmt(rule.lastFraction)}`;
    case 'qualitative_grade':
      return (['A', 'B', 'C', 'D'] as const).map((g) => `${g} ${fmt(rule.fractions[g])}`).join('; ');
    case 'expert':
      return `满分 ${fmt(rule.scale)}; ${rule.trimFrom}人及以上去掉最高最低分`;
    case 'satisfaction': {
      const levels = LIKERT.map(([k, zh]) => `${zh}${fmt(rule.levelPoints[k])}`).join(' ');
      return `${levels}; ${weighted(rule.groups, ', ')}; 最少样本 ${rule.minSample}`;
    }
    case 'composite':
      return weighted(rule.sources, '; ');
    case 'formula': {
      const inner = rule.then;
      const name = FORMULA_INNER_NAMES[inner.kind];
      return `${rule.calculator} → ${name} ${formatRuleParams(inner)}`;
    }
  }
}

/**
 * Grammar tokens, not labels: the short method words written inside a formula's 评分参数
 * (`irr → 逆向 封顶 1`). The rule's label (RULE_LABELS) is also read there.
 */
const FORMULA_INNER_NAMES = { target_completion: '目标完成率', reverse: '逆向', bands: '分档' } as const;

// ─── Reading ────────────────────────────────────────────────────────────────────────────────────

export interface ParsedParams {
  /** The rule as read, before the schema fills defaults and checks bounds. */
  rule: Record<string, unknown>;
  warnings: Bilingual[];
}

function fail(kind: RuleKind, raw: string, detail?: Bilingual): never {
  const name = RULE_LABELS[kind];
  throw new ParseError(
    `评分参数“${raw}”无法识别${detail ? `（${detail.zh}）` : ''}；${name.zh}的参数应写作：${PARAM_EXAMPLES[kind]}`,
    `cannot read the parameters "${raw}"${detail ? ` (${detail.en})` : ''}; ${name.zh} (${name.en}) expects e.g. ${PARAM_EXAMPLES[kind]}`,
  );
}

const NUM = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;

/** `keyword [:=] value` segments; each keyword at most once. */
function keywordSegments(
  kind: RuleKind,
  raw: string,
  keywords: Record<string, RegExp>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const seg of splitTop(raw, ';,\n')) {
    const s = nfkc(seg).trim();
    const hit = Object.entries(keywords).find(([, re]) => re.test(s));
    if (!hit) fail(kind, raw, { zh: `无法理解“${seg}”`, en: `"${seg}" is not understood` });
    const [key, re] = hit;
    if (key in out) fail(kind, raw, { zh: `“${seg}”重复`, en: `"${seg}" is given twice` });
    out[key] = s.match(re)?.[1] ?? '';
  }
  return out;
}

function num(kind: RuleKind, raw: string, text: string, what: Bilingual, fraction: boolean): number {
  const v = fraction ? readFraction(text) : readPlain(text);
  if (v === null)
    fail(kind, raw, { zh: `${what.zh}“${text}”不是数字`, en: `${what.en} "${text}" is not a number` });
  return v;
}

function readCode(kind: RuleKind, raw: string, token: string, what: Bilingual): string {
  const code = nfkc(token).trim();
  if (!CODE_PATTERN.test(code)) {
    fail(kind, raw, {
      zh: `${what.zh}编码“${token}”须为 1-32 位字母、数字、下划线或连字符`,
      en: `${what.en} code "${token}" must be 1-32 letters, digits, _ or -`,
    });
  }
  return code;
}

function parseCap(kind: RuleKind, raw: string): Record<string, unknown> {
  const seg = keywordSegments(kind, raw, { cap: /^(?:封顶|上限|最高)\s*[:=]?\s*(\S+)$/ });
  return seg.cap === undefined
    ? { kind }
    : { kind, cap: num(kind, raw, seg.cap, { zh: '封顶', en: 'cap' }, true) };
}

const BAND = /^([[(【［])\s*([^,]*?)\s*,\s*([^)\]】］]*?)\s*([)\]】］])\s*[:=]\s*(\S+)(?:\s+([\s\S]*))?$/;
const INFINITY = /^[+-]?(?:∞|inf|infinity|无穷)?$/i;

function parseBands(raw: string): Record<string, unknown> {
  const kind = 'bands';
  const segments = splitTop(raw, ';\n');
  if (segments.length === 0) fail(kind, raw, { zh: '至少需要一档', en: 'at least one band is required' });
  const bands = segments.map((seg) => {
    // Normalise only the part before the label: the label stays as typed.
    const m = seg.match(/^(\S[^:：=]*[:：=]\s*\S+)([\s\S]*)$/);
    const head = nfkc(m?.[1] ?? seg);
    const b = `${head}${m?.[2] ?? ''}`.match(BAND);
    if (!b)
      fail(kind, raw, { zh: `“${seg}”不是 [下限,上限):得分比例`, en: `"${seg}" is not [min,max):fraction` });
    const [, open, lo = '', hi = '', close, frac = '', label] = b;
    const bound = (t: string, what: Bilingual): number | null =>
      INFINITY.test(t.trim()) ? null : num(kind, raw, t, what, false);
    const min = bound(lo, { zh: '下限', en: 'lower bound' });
    const max = bound(hi, { zh: '上限', en: 'upper bound' });
    if ((min !== null && open !== '[' && open !== '［' && open !== '【') || (max !== null && close !== ')')) {
      fail(kind, raw, {
        zh: `“${seg}”：区间一律含下限、不含上限，请写作 [下限,上限)`,
        en: `"${seg}": bands always include the lower bound and exclude the upper, write [min,max)`,
      });
    }
    const band: Record<string, unknown> = {
      min,
      max,
      fraction: num(kind, raw, frac, { zh: '得分比例', en: 'fraction' }, true),
    };
    if (label !== undefined && label.trim() !== '') band.label = unquote(label);
    return band;
  });
  return { kind, bands };
}

const DEDUCT_PREFIX = /\s*(?:每次|每起|每件|每项|每例|每处|每个)$/;

function parseDeduction(raw: string): Record<string, unknown> {
  const kind = 'deduction';
  const items: Record<string, unknown>[] = [];
  let maxDeduction: number | undefined;
  for (const seg of splitTop(raw, ';\n')) {
    const cap = nfkc(seg).match(/^(?:最多扣|最高扣|累计最多扣|扣完为止,?最多)\s*(\S+)$/);
    if (cap) {
      maxDeduction = num(kind, raw, cap[1] ?? '', { zh: '最多扣', en: 'maximum deduction' }, false);
      continue;
    }
    const m = seg.match(/^(\S+)\s+([\s\S]*)扣\s*(\S+)$/);
    if (!m)
      fail(kind, raw, { zh: `“${seg}”不是 编码 事项 每次扣N`, en: `"${seg}" is not "code item 每次扣N"` });
    const [, code = '', middle = '', points = ''] = m;
    items.push({
      code: readCode(kind, raw, code, { zh: '扣分事项', en: 'deduction item' }),
      label: unquote(middle.replace(DEDUCT_PREFIX, '')),
      pointsEach: num(kind, raw, points, { zh: '扣分', en: 'points' }, false),
    });
  }
  if (items.length === 0)
    fail(kind, raw, { zh: '至少需要一个扣分事项', en: 'at least one deduction item is required' });
  return maxDeduction === undefined ? { kind, items } : { kind, items, maxDeduction };
}

/** `编码 名称 权重` items (groups, sources); a missing code is numbered with `prefix` and reported. */
function parseWeighted(
  kind: RuleKind,
  raw: string,
  items: string[],
  prefix: string,
  warnings: Bilingual[],
): Weighted[] {
  return items.map((item, i) => {
    const m = item.match(/^([\s\S]*?)\s+(\S+)$/) ?? nfkc(item).match(/^(\S*?)([+-]?[\d.]+%?)$/);
    if (!m)
      fail(kind, raw, { zh: `“${item}”不是 编码 名称 权重`, en: `"${item}" is not "code name weight"` });
    const [, rest = '', w = ''] = m;
    const weight = num(kind, raw, w, { zh: '权重', en: 'weight' }, true);
    const k = rest.match(/^(\S+)\s+([\s\S]+)$/);
    if (k && CODE_PATTERN.test(nfkc(k[1] ?? ''))) {
      return { key: nfkc(k[1] ?? ''), label: unquote(k[2] ?? ''), weight };
    }
    const key = `${prefix}${i + 1}`;
    const label = unquote(rest);
    warnings.push({
      zh: `“${label}”未写编码，已自动编为 ${key}`,
      en: `"${label}" has no code; numbered ${key}`,
    });
    return { key, label, weight };
  });
}

/** A Likert word (longest first, so 很不满意 is not read as 不满意) and its points. */
const LIKERT_RE = new RegExp(
  String.raw`(${LIKERT.map(([, zh]) => zh)
    .sort((a, b) => b.length - a.length)
    .join('|')})\s*[:=]?\s*([+-]?[\d.]+(?:e[+-]?\d+)?)\s*分?`,
  'gi',
);

function parseLikert(raw: string, seg: string): Record<string, number> | null {
  const s = nfkc(seg);
  const leftover = s.replace(LIKERT_RE, '').replace(/[\s,、]/g, '');
  if (leftover !== '') return null;
  const out: Record<string, number> = {};
  for (const m of s.matchAll(LIKERT_RE)) {
    const key = LIKERT.find(([, zh]) => zh === m[1])?.[0];
    if (!key) return null;
    if (key in out) fail('satisfaction', raw, { zh: `“${m[1]}”重复`, en: `"${m[1]}" is given twice` });
    out[key] = num('satisfaction', raw, m[2] ?? '', { zh: m[1] ?? '', en: key }, false);
  }
  const missing = LIKERT.filter(([k]) => !(k in out)).map(([, zh]) => zh);
  if (missing.length > 0) {
    fail('satisfaction', raw, {
      zh: `缺少 ${missing.join('、')} 的分值`,
      en: `points missing for ${missing.join(', ')}`,
    });
  }
  return out;
}

function parseSatisfaction(raw: string, warnings: Bilingual[]): Record<string, unknown> {
  const kind = 'satisfaction';
  const rule: Record<string, unknown> = { kind };
  for (const seg of splitTop(raw, ';\n')) {
    const sample = nfkc(seg).match(/^(?:最少样本|最低样本|样本)(?:量|数)?\s*[:=]?\s*(\S+?)(?:份|人)?$/);
    if (sample) {
      rule.minSample = num(kind, raw, sample[1] ?? '', { zh: '最少样本', en: 'minimum sample' }, false);
      continue;
    }
    const levels = parseLikert(raw, seg);
    if (levels) {
      rule.levelPoints = levels;
      continue;
    }
    if (rule.groups) fail(kind, raw, { zh: `无法理解“${seg}”`, en: `"${seg}" is not understood` });
    rule.groups = parseWeighted(kind, raw, splitTop(seg, ','), 'G', warnings);
  }
  if (!rule.groups)
    fail(kind, raw, { zh: '缺少调查群体及权重', en: 'respondent groups and weights are missing' });
  return rule;
}

function parseQualitative(raw: string): Record<string, unknown> {
  const kind = 'qualitative_grade';
  const s = nfkc(raw);
  const re = new RegExp(
    String.raw`(A|B|C|D|优秀|良好|中等|一般|较差|优|良|中|差)\s*[:=]?\s*(${NUM}%?)`,
    'gi',
  );
  const leftover = s.replace(re, '').replace(/[\s,;、]/g, '');
  if (leftover !== '')
    fail(kind, raw, { zh: `无法理解“${leftover}”`, en: `"${leftover}" is not understood` });
  const alias: Record<string, 'A' | 'B' | 'C' | 'D'> = {
    优: 'A',
    优秀: 'A',
    良: 'B',
    良好: 'B',
    中: 'C',
    中等: 'C',
    一般: 'C',
    差: 'D',
    较差: 'D',
  };
  const fractions: Record<string, number> = {};
  for (const m of s.matchAll(re)) {
    const g = alias[m[1] ?? ''] ?? (m[1] ?? '').toUpperCase();
    if (g in fractions) fail(kind, raw, { zh: `等级 ${g} 重复`, en: `grade ${g} is given twice` });
    fractions[g] = num(kind, raw, m[2] ?? '', { zh: `等级 ${g}`, en: `grade ${g}` }, true);
  }
  const missing = ['A', 'B', 'C', 'D'].filter((g) => !(g in fractions));
  if (missing.length > 0) {
    fail(kind, raw, { zh: `缺少等级 ${missing.join('、')}`, en: `grades ${missing.join(', ')} are missing` });
  }
  return { kind, fractions };
}

type InnerKind = keyof typeof FORMULA_INNER_NAMES;
const INNER_KINDS: readonly InnerKind[] = ['target_completion', 'reverse', 'bands'];
/** The words read after `→`: each inner rule's label, its grammar token, its key, and 完成率; longest first. */
const FORMULA_INNER: [string, InnerKind][] = [
  ...INNER_KINDS.flatMap((k): [string, InnerKind][] => [
    [RULE_LABELS[k].zh, k],
    [FORMULA_INNER_NAMES[k], k],
    [k, k],
  ]),
  ['完成率', 'target_completion'],
];
FORMULA_INNER.sort((a, b) => b[0].length - a[0].length);

function parseFormula(raw: string, warnings: Bilingual[]): Record<string, unknown> {
  const kind = 'formula';
  const m = raw.match(/^([^→⇒]*?)\s*(?:→|⇒|->|=>|－>|＝>)\s*([\s\S]*)$/);
  if (!m) fail(kind, raw, { zh: '缺少“→”', en: 'the arrow "→" is missing' });
  const calculator = nfkc(m[1] ?? '').trim();
  const right = (m[2] ?? '').trim();
  const inner = FORMULA_INNER.find(([name]) => right.toLowerCase().startsWith(name));
  if (!inner) {
    const [t, r, b] = INNER_KINDS.map((k) => FORMULA_INNER_NAMES[k]);
    fail(kind, raw, {
      zh: `“→”后应为 ${t}、${r} 或 ${b}，再写其参数`,
      en: `after "→" write ${t}, ${r} or ${b}, then its parameters`,
    });
  }
  const rest = right.slice(inner[0].length).replace(/^\s*[:：]?\s*/, '');
  const then = parseRuleParams(inner[1], rest);
  warnings.push(...then.warnings);
  // biome-ignore lint/suspicious/noThenProperty: the model names the inner rule `then`
  return { kind, calculator, then: then.rule };
}

/**
 * Reads a 评分参数 cell for a rule kind. Blank is allowed where every parameter has a default.
 * Bounds (cap ≤ 3, fractions ≤ 1 …) are left to the schema, whose issues land on the same cell.
 */
export function parseRuleParams(kind: RuleKind, text: string): ParsedParams {
  const raw = text.trim();
  const warnings: Bilingual[] = [];
  const rule = ((): Record<string, unknown> => {
    switch (kind) {
      case 'target_completion':
      case 'reverse':
        return parseCap(kind, raw);
      case 'bands':
        return parseBands(raw);
      case 'deduction':
        return parseDeduction(raw);
      case 'efficacy': {
        const seg = keywordSegments(kind, raw, {
          base: /^(?:基础分|基础|基本分)\s*[:=]?\s*(\S+)$/,
          span: /^(?:浮动分|浮动|浮动区间)\s*[:=]?\s*(\S+)$/,
        });
        const rule: Record<string, unknown> = { kind };
        if (seg.base !== undefined) rule.base = num(kind, raw, seg.base, { zh: '基础分', en: 'base' }, false);
        if (seg.span !== undefined) rule.span = num(kind, raw, seg.span, { zh: '浮动分', en: 'span' }, false);
        return rule;
      }
      case 'rank': {
        const seg = keywordSegments(kind, raw, { last: /^(?:末位|末名|最后一名)(?:得分)?\s*[:=]?\s*(\S+)$/ });
        return seg.last === undefined
          ? { kind }
          : { kind, lastFraction: num(kind, raw, seg.last, { zh: '末位', en: 'last place' }, true) };
      }
      case 'qualitative_grade':
        return raw === '' ? { kind } : parseQualitative(raw);
      case 'expert': {
        const seg = keywordSegments(kind, raw, {
          scale: /^满分\s*[:=]?\s*(\S+)$/,
          trim: /^(?:满\s*)?(\S+?)\s*人(?:及以上|以上)?(?:时)?去掉?最高(?:分)?(?:和|、|,)?最低分?$/,
        });
        const rule: Record<string, unknown> = { kind };
        if (seg.scale !== undefined)
          rule.scale = num(kind, raw, seg.scale, { zh: '满分', en: 'scale' }, false);
        if (seg.trim !== undefined)
          rule.trimFrom = num(kind, raw, seg.trim, { zh: '人数', en: 'experts' }, false);
        return rule;
      }
      case 'satisfaction':
        return parseSatisfaction(raw, warnings);
      case 'composite': {
        const items = splitTop(raw, ';,\n');
        if (items.length === 0) fail(kind, raw, { zh: '缺少得分来源', en: 'sources are missing' });
        return { kind, sources: parseWeighted(kind, raw, items, 'S', warnings) };
      }
      case 'formula':
        return parseFormula(raw, warnings);
    }
  })();
  return { rule, warnings };
}
