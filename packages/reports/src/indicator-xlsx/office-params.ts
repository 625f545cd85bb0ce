import type { OfficeParams } from './model';
import { fmt, nfkc, ParseError, readNumber } from './text';

/**
 * 考核办设定参数: what the office fixes for a leaf, never the evaluated unit (the model's
 * `officeParams`): the target and a formula's office arguments, one `名称=值` per entry, entries
 * separated by `；`:
 *
 *   目标值=100；ratePercent=8；benchmarks=[6, 7.5, 8]
 *
 * `目标值` is the target (目标 also reads); every other name is a calculator argument as
 * the calculator names it (letters and digits, starting with a letter), a number or a list of
 * numbers in […]. Reading is tolerant: `:`/`：` for `=`, `;`, `,`/`，` or a new line between entries,
 * `,`/`、`/spaces inside a list, a bare number for the target, and a trailing `%` or 分, which only
 * names the unit (8% → 8: percentages are stored as percent numbers, the target 100 for 100%).
 * An office that fixes nothing writes nothing; `无` is the explicit "nothing" (an empty record).
 */

export const OFFICE_PARAMS_EXAMPLE = '目标值=100；ratePercent=8';

const TARGET_WORD = '目标值';
/** Only the Chinese words: `target` may be the name of a calculator argument. */
const TARGET = /^(?:目标值|目标)$/;
const NOTHING = /^(?:无|none)$/i;
const ARG_NAME = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
/** Chinese names offices give the office arguments of the finance calculators. */
const ARG_ALIASES: Readonly<Record<string, string>> = { 基准折现率: 'ratePercent', 折现率: 'ratePercent' };

const fmtValue = (v: number | readonly number[]): string =>
  typeof v === 'number' ? fmt(v) : `[${v.map(fmt).join(', ')}]`;

/** The cell text; null for a leaf whose office fixes nothing. An empty `args` is not written. */
export function formatOfficeParams(p: OfficeParams | undefined): string | null {
  if (p === undefined) return null;
  const entries = [
    ...(p.target === undefined ? [] : [`${TARGET_WORD}=${fmt(p.target)}`]),
    ...Object.entries(p.args ?? {}).map(([k, v]) => `${k}=${fmtValue(v)}`),
  ];
  return entries.length === 0 ? '无' : entries.join('；');
}

function bad(raw: string, detail: { zh: string; en: string }): never {
  throw new ParseError(
    `考核办设定参数“${raw}”无法识别（${detail.zh}）；应写作：${OFFICE_PARAMS_EXAMPLE}`,
    `cannot read the office parameters "${raw}" (${detail.en}); write e.g. ${OFFICE_PARAMS_EXAMPLE}`,
  );
}

/** Splits on `;`, `,` and new lines outside […]. */
function entries(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '[') depth++;
    if (ch === ']') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[;,\n]/.test(ch)) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out.map((e) => e.trim()).filter(Boolean);
}

function number(raw: string, text: string, what: string): number {
  const n = readNumber(text);
  if (!n)
    bad(raw, { zh: `${what}的值“${text}”不是数字`, en: `the value of ${what} "${text}" is not a number` });
  return n.value;
}

/** The cell → office parameters; undefined for a blank cell; throws a ParseError otherwise. */
export function readOfficeParams(text: string): OfficeParams | undefined {
  const raw = text.trim();
  if (raw === '') return undefined;
  const s = nfkc(raw);
  if (NOTHING.test(s.trim())) return {};
  const out: { target?: number; args?: Record<string, number | number[]> } = {};
  for (const entry of entries(s)) {
    const m = entry.match(/^([^=:]+?)\s*[=:]\s*([\s\S]*)$/);
    if (!m) {
      if (out.target !== undefined || readNumber(entry) === null)
        bad(raw, { zh: `“${entry}”不是 名称=值`, en: `"${entry}" is not name=value` });
      out.target = number(raw, entry, TARGET_WORD);
      continue;
    }
    const [, key = '', value = ''] = m;
    if (TARGET.test(key)) {
      if (out.target !== undefined)
        bad(raw, { zh: `${TARGET_WORD}重复`, en: `the target (${TARGET_WORD}) is given twice` });
      out.target = number(raw, value.trim(), TARGET_WORD);
      continue;
    }
    const name = (Object.hasOwn(ARG_ALIASES, key) ? ARG_ALIASES[key] : undefined) ?? key;
    if (!ARG_NAME.test(name)) {
      bad(raw, {
        zh: `参数名“${key}”须为计算公式的参数名（英文字母开头，如 ratePercent）`,
        en: `"${key}" is not an argument name (letters and digits, e.g. ratePercent)`,
      });
    }
    out.args ??= {};
    if (Object.hasOwn(out.args, name))
      bad(raw, { zh: `参数 ${name} 重复`, en: `the argument ${name} is given twice` });
    const v = value.trim();
    if (v.startsWith('[')) {
      if (!v.endsWith(']'))
        bad(raw, { zh: `${name} 的数列缺少“]”`, en: `the list of ${name} has no closing "]"` });
      out.args[name] = v
        .slice(1, -1)
        .split(/[\s,、]+/)
        .filter(Boolean)
        .map((x) => number(raw, x, name));
    } else out.args[name] = number(raw, v, name);
  }
  return out;
}
