import type { Bilingual } from '@jixiao/core';
import { CODE_PATTERN, RULE_LABELS, type RuleKind, type ScoringRule } from '../model';
import { nfkc, ParseError, readFraction, readPlain, splitTop } from '../text';
import { PARAM_EXAMPLES } from './examples';

/** The shared reading machinery of the 评分参数 grammar: errors, numbers, codes, keyword segments. */

export type RuleOf<K extends RuleKind> = Extract<ScoringRule, { kind: K }>;

export interface ParsedParams {
  /** The rule as read, before the schema fills defaults and checks bounds. */
  rule: Record<string, unknown>;
  warnings: Bilingual[];
}

/** Throws the rule's "cannot read" error, with the canonical example of its parameters. */
export function fail(kind: RuleKind, raw: string, detail?: Bilingual): never {
  const name = RULE_LABELS[kind];
  throw new ParseError(
    `评分参数“${raw}”无法识别${detail ? `（${detail.zh}）` : ''}；${name.zh}的参数应写作：${PARAM_EXAMPLES[kind]}`,
    `cannot read the parameters "${raw}"${detail ? ` (${detail.en})` : ''}; ${name.zh} (${name.en}) expects e.g. ${PARAM_EXAMPLES[kind]}`,
  );
}

export const NUM = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;

/** `keyword [:=] value` segments; each keyword at most once. */
export function keywordSegments(
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

/** A number of the rule; `fraction` reads `60%` as 0.6, otherwise a percentage is refused. */
export function num(kind: RuleKind, raw: string, text: string, what: Bilingual, fraction: boolean): number {
  const v = fraction ? readFraction(text) : readPlain(text);
  if (v === null)
    fail(kind, raw, { zh: `${what.zh}“${text}”不是数字`, en: `${what.en} "${text}" is not a number` });
  return v;
}

export function readCode(kind: RuleKind, raw: string, token: string, what: Bilingual): string {
  const code = nfkc(token).trim();
  if (!CODE_PATTERN.test(code)) {
    fail(kind, raw, {
      zh: `${what.zh}编码“${token}”须为 1-32 位字母、数字、下划线或连字符`,
      en: `${what.en} code "${token}" must be 1-32 letters, digits, _ or -`,
    });
  }
  return code;
}
