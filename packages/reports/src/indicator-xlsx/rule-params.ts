import type { Bilingual } from '@jixiao/core';
import { RULE_LABELS, type RuleKind, type ScoringRule } from './model';
import { formatBands, parseBands } from './rule-params/bands';
import { fail, type ParsedParams, type RuleOf } from './rule-params/common';
import { formatDeduction, parseDeduction } from './rule-params/deduction';
import { formatExpert, formatQualitative, parseExpert, parseQualitative } from './rule-params/judgement';
import { formatEfficacy, formatRank, parseEfficacy, parseRank } from './rule-params/peer';
import { formatCap, formatGap, parseCap, parseGap } from './rule-params/target';
import {
  formatComposite,
  formatSatisfaction,
  parseComposite,
  parseSatisfaction,
} from './rule-params/weighted';
import { nfkc } from './text';

export type { ParsedParams } from './rule-params/common';
export { PARAM_EXAMPLES } from './rule-params/examples';
export { ruleKindFromName, ruleNameList, ruleNames } from './rule-params/names';

/**
 * 评分方法 and 评分参数: the rule's Chinese name (its label in the core vocabulary, RULE_LABELS) in
 * one column, its parameters in a compact text in the next. Export writes the canonical form;
 * import reads it back exactly and also accepts the variants people type (full-width punctuation
 * and digits, `；` or a new line for `;`, `，` for `,`, `:`/`：`/`=` after a keyword, `60%` for 0.6
 * wherever a fraction is meant, a trailing 分). Each rule family has its module in ./rule-params/;
 * this one dispatches, and holds the formula rule, which nests the value rules.
 *
 * | 评分方法 (kind)                   | 评分参数, canonical form                                                    | blank means          |
 * |-----------------------------------|-----------------------------------------------------------------------------|----------------------|
 * | 目标完成率法 (target_completion)  | `封顶 1.2`                                                                  | 封顶 1               |
 * | 逆向指标 (reverse)                | `封顶 1`                                                                    | 封顶 1               |
 * | 差额计分 (target_gap)             | `容差 5` — 差多少（指标自身单位）得 0 分；`差 5 不得分`、`5个百分点` 亦可  | (required)           |
 * | 分档计分 (bands)                  | `[0,60):0; [60,80):0.6 良好; [80,):1` — `[下限,上限):得分比例 标签`；下限空 = −∞（写作 `(,60)`），上限空 = +∞；标签可省 | (required) |
 * | 扣分法 (deduction)                | `AQ1 发生安全事故 每次扣2; AQ2 被通报批评 每次扣0.5; 最多扣10` — `编码 事项 每次扣N`，`最多扣N` 可省 | (required) |
 * | 功效系数法 (efficacy)             | `基础分 60; 浮动分 40`                                                      | 60 / 40              |
 * | 排名法 (rank)                     | `末位 0.6` (last place gets 60% of the weight)                              | 末位 0.6             |
 * | 定性等级 (qualitative_grade)      | `A 1; B 0.8; C 0.6; D 0.4` (优/良/中/差 accepted for A–D)                   | 1 / 0.8 / 0.6 / 0.4  |
 * | 专家评分 (expert)                 | `满分 100; 5人及以上去掉最高最低分`                                         | 满分 100; 5 人       |
 * | 满意度测评 (satisfaction)         | `很满意100 满意80 基本满意60 不满意30 很不满意0; FWDX 服务对象 0.5, RD 人大代表政协委员 0.2, GZ 社会公众 0.3; 最少样本 30` — 三段（分值、群体、样本）顺序不限，分值与样本可省；群体写作 `编码 名称 权重`，省略编码时自动编号（提示） | (groups required) |
 * | 综合得分 (composite)              | `ZBKH 指标考核 0.6; MYD 满意度 0.2; LD 领导评价 0.2` — `编码 名称 权重`     | (required)           |
 * | 公式指标 (formula)                | `employment_per_investment → 目标完成率 封顶 1` — `计算器 → 方法 参数`，方法为 目标完成率 / 逆向 / 差额 / 分档 (`->` accepted) | (required) |
 *
 * Free-text labels (band labels, deduction items, groups, sources) are written bare unless they
 * are empty or contain `"` `;` `；` `,` `，` or a line break; then they are quoted "like ""this""".
 *
 * Labels versus grammar: the 评分方法 cell is written with RULE_LABELS (目标完成率法, 分档计分 …) and
 * the Likert words with LIKERT_LABELS, both from core. The words below are GRAMMAR, not labels:
 * the aliases in ./rule-params/names.ts are other spellings the import accepts (earlier wordings
 * such as 目标完成率 and 分档 included), and the method words inside a formula's parameters
 * (`→ 目标完成率 封顶 1`, 逆向, 差额, 分档) are short tokens of this notation, kept short on purpose
 * and never shown as a rule's name.
 */

/** The canonical 评分参数 text of a (parsed) rule. */
export function formatRuleParams(rule: ScoringRule): string {
  switch (rule.kind) {
    case 'target_completion':
    case 'reverse':
      return formatCap(rule);
    case 'target_gap':
      return formatGap(rule);
    case 'bands':
      return formatBands(rule);
    case 'deduction':
      return formatDeduction(rule);
    case 'efficacy':
      return formatEfficacy(rule);
    case 'rank':
      return formatRank(rule);
    case 'qualitative_grade':
      return formatQualitative(rule);
    case 'expert':
      return formatExpert(rule);
    case 'satisfaction':
      return formatSatisfaction(rule);
    case 'composite':
      return formatComposite(rule);
    case 'formula':
      return formatFormula(rule);
  }
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
      case 'target_gap':
        return parseGap(raw);
      case 'bands':
        return parseBands(raw);
      case 'deduction':
        return parseDeduction(raw);
      case 'efficacy':
        return parseEfficacy(raw);
      case 'rank':
        return parseRank(raw);
      case 'qualitative_grade':
        return parseQualitative(raw);
      case 'expert':
        return parseExpert(raw);
      case 'satisfaction':
        return parseSatisfaction(raw, warnings);
      case 'composite':
        return parseComposite(raw, warnings);
      case 'formula':
        return parseFormula(raw, warnings);
    }
  })();
  return { rule, warnings };
}

// ─── 公式指标: a calculator, then a value rule ─────────────────────────────────────────────────────

type InnerKind = RuleOf<'formula'>['then']['kind'];

/**
 * Grammar tokens, not labels: the short method words written inside a formula's 评分参数
 * (`irr → 逆向 封顶 1`). The rule's label (RULE_LABELS) is also read there.
 */
const FORMULA_INNER_NAMES: Record<InnerKind, string> = {
  target_completion: '目标完成率',
  reverse: '逆向',
  target_gap: '差额',
  bands: '分档',
};
const INNER_KINDS = Object.keys(FORMULA_INNER_NAMES) as InnerKind[];

function formatFormula(rule: RuleOf<'formula'>): string {
  const inner = rule.then;
  return `${rule.calculator} → ${FORMULA_INNER_NAMES[inner.kind]} ${formatRuleParams(inner)}`;
}

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
    const names = INNER_KINDS.map((k) => FORMULA_INNER_NAMES[k]);
    const last = names.pop();
    fail(kind, raw, {
      zh: `“→”后应为 ${names.join('、')} 或 ${last}，再写其参数`,
      en: `after "→" write ${names.join(', ')} or ${last}, then its parameters`,
    });
  }
  const rest = right.slice(inner[0].length).replace(/^\s*[:：]?\s*/, '');
  const then = parseRuleParams(inner[1], rest);
  warnings.push(...then.warnings);
  // biome-ignore lint/suspicious/noThenProperty: the model names the inner rule `then`
  return { kind, calculator, then: then.rule };
}
