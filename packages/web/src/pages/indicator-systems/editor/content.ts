import { RULE_KINDS, type RuleKind } from '@jixiao/core';
import { parseRuleParams, readOfficeParams } from '@jixiao/reports/grammar';
import type { Lang } from '../../../i18n';
import type { EdNode, EdSystem } from './model';
import { HIDDEN_LEAF_FIELDS, HIDDEN_NODE_FIELDS } from './model';

/** The API's `content` from what the editor's form holds; 评分参数 and 考核办设定参数 read with the
 * Excel grammar. */

export const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A number as typed; anything else is sent as typed for the API to refuse at its path. */
function toNum(s: string): number | string {
  const v = s.normalize('NFKC').trim();
  return NUMBER.test(v) ? Number(v) : v;
}

const parseExtra = (s: string): Record<string, unknown> => {
  try {
    const x = JSON.parse(s) as unknown;
    return x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** The hidden fields of an extra JSON that the node or item keeps (nothing else is taken from it). */
const kept = (extra: string, fields: readonly string[]): Record<string, unknown> => {
  const x = parseExtra(extra);
  return Object.fromEntries(fields.flatMap((f) => (x[f] === undefined ? [] : [[f, x[f]]])));
};

export interface ContentResult {
  content: Record<string, unknown>;
  /** Parameter texts that could not be read, by form field name (`n.0.1.params`, `n.0.1.officeParams`). */
  errors: Record<string, string>;
}

/** A grammar's ParseError (or anything else thrown) in the user's language. */
const messageOf = (e: unknown, lang: Lang): string => {
  const err = e as { zh?: string; en?: string; message?: string };
  return (lang === 'zh' ? err.zh : err.en) ?? err.message ?? String(e);
};

/**
 * The API's `content` from the form's model; 评分参数 read with `parseRuleParams`, 考核办设定参数
 * with `readOfficeParams` (an empty text: the office fixes nothing, so none is sent).
 */
export function toContent(sys: EdSystem, lang: Lang): ContentResult {
  const errors: Record<string, string> = {};
  const officeParams = (n: EdNode, key: string): Record<string, unknown> => {
    try {
      const p = readOfficeParams(n.officeParams);
      return p === undefined ? {} : { officeParams: p };
    } catch (e) {
      errors[`n.${key}.officeParams`] = messageOf(e, lang);
      return {};
    }
  };
  const node = (n: EdNode, key: string): Record<string, unknown> => {
    const base: Record<string, unknown> = {
      code: n.code.trim(),
      name: n.name.trim(),
      weight: toNum(n.weight),
    };
    if (n.criteria.trim()) base.criteria = n.criteria.trim();
    if (n.kind === 'branch') {
      return {
        ...base,
        ...kept(n.extra, HIDDEN_NODE_FIELDS),
        children: n.children.map((c, i) => node(c, `${key}.${i}`)),
      };
    }
    const extra = parseExtra(n.extra);
    let rule: Record<string, unknown> = { kind: n.rule };
    if (!(RULE_KINDS as string[]).includes(n.rule)) {
      errors[`n.${key}.rule`] = lang === 'zh' ? '请选择评分方法' : 'Choose a scoring method';
    } else {
      try {
        rule = parseRuleParams(n.rule as RuleKind, n.params).rule;
      } catch (e) {
        errors[`n.${key}.params`] = messageOf(e, lang);
      }
    }
    const leaf: Record<string, unknown> = {
      ...base,
      ...(n.unit.trim() ? { unitOfMeasure: n.unit.trim() } : {}),
      direction: n.direction,
      type: n.type,
      source: n.source,
      rule,
      evidence: {
        required: n.evidence,
        ...(n.evidenceDescription.trim() ? { description: n.evidenceDescription.trim() } : {}),
      },
      ...(n.appliesTo.length > 0
        ? { appliesTo: [...new Set(n.appliesTo)] }
        : Array.isArray(extra.appliesTo)
          ? { appliesTo: [] }
          : {}),
      ...(n.missing ? { missing: n.missing } : {}),
      ...officeParams(n, key),
      // Anything but '' is sent as chosen, for the API to refuse a value that is not a party.
      ...(n.party ? { party: n.party } : {}),
      ...kept(n.extra, HIDDEN_LEAF_FIELDS),
    };
    return leaf;
  };
  const content: Record<string, unknown> = {
    ...kept(sys.extra, ['statistics']),
    name: sys.name.trim(),
    ...(sys.description.trim() ? { description: sys.description.trim() } : {}),
    total: toNum(sys.total),
    dimensions: sys.dims.map((d, i) => node(d, String(i))),
    bonusItems: sys.bonus.map((b) => ({
      code: b.code.trim(),
      name: b.name.trim(),
      maxPoints: toNum(b.maxPoints),
      ...(b.criteria.trim() ? { criteria: b.criteria.trim() } : {}),
      ...kept(b.extra, HIDDEN_NODE_FIELDS),
    })),
    bonusCap: toNum(sys.bonusCap),
    vetoItems: sys.veto.map((x) => ({
      code: x.code.trim(),
      name: x.name.trim(),
      effect: x.effect,
      ...(x.criteria.trim() ? { criteria: x.criteria.trim() } : {}),
      ...kept(x.extra, HIDDEN_NODE_FIELDS),
    })),
    grading: {
      levels: sys.levels.map((l) => ({
        code: l.code.trim(),
        label: { zh: l.zh.trim(), en: l.en.trim() },
        min: toNum(l.min),
        ...(l.maxShare.trim() ? { maxShare: toNum(l.maxShare) } : {}),
        ...kept(l.extra, HIDDEN_NODE_FIELDS),
      })),
      quotaRounding: sys.quotaRounding,
      tieBreak: sys.tieBreak,
    },
    missingData: sys.missingData,
    exemption: sys.exemption,
    ...(sys.decimals.trim() ? { decimals: toNum(sys.decimals) } : {}),
  };
  return { content, errors };
}

/** Sum of weights with 6-decimal integer arithmetic (as the page's script does). */
export const sumWeights = (values: readonly string[]): number | undefined => {
  let micro = 0;
  for (const s of values) {
    const v = s.normalize('NFKC').trim();
    if (v === '') continue;
    if (!NUMBER.test(v)) return undefined;
    micro += Math.round(Number(v) * 1e6);
  }
  return micro / 1e6;
};
