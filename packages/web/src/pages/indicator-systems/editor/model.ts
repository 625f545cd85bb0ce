import { DEFAULT_GRADING, type IndicatorNode, isBranch, type SystemContent } from '@jixiao/core';
import { formatOfficeParams, formatRuleParams } from '@jixiao/reports/grammar';
import { num } from '../../../i18n';

/**
 * The draft editor's model: the system as the form holds it (every value a string, as typed), so a
 * structural change (add, remove, move) can be applied to what the user has typed and the page
 * re-rendered without saving, and nothing typed is lost. `toContent` turns it into the API's JSON,
 * reading 评分参数 and 考核办设定参数 with the Excel grammar.
 *
 * Form field names: `n.<key>.<field>` for tree nodes, where key is the index path (`0`, `0.1`,
 * `0.1.2`); `b.<i>.*` bonus items, `x.<i>.*` veto items, `g.<i>.*` grade levels; plain names for the
 * system's own fields; `tb.<i>` the tie-break keys in order. Leaf `appliesTo` is a set of checkboxes
 * (one `n.<key>.appliesTo` value per checked group). What the form does not show travels in hidden
 * JSON (`extra`), so that saving from the editor never drops it: an explicitly empty `appliesTo`
 * (no checkbox can tell it from absent), every node's and item's provenance (原文/示例), and the
 * system's statistic items. A leaf's office parameters and measured party are fields of their own
 * (`n.<key>.officeParams`, `n.<key>.party`), never in `extra`: each value has one source in the form.
 */

export interface EdNode {
  kind: 'branch' | 'leaf';
  code: string;
  name: string;
  weight: string;
  criteria: string;
  unit: string;
  direction: string;
  type: string;
  source: string;
  rule: string;
  params: string;
  evidence: boolean;
  /** 佐证材料说明. */
  evidenceDescription: string;
  /** Unit group codes the leaf applies to; none = every group. */
  appliesTo: string[];
  /** The leaf's missing-data override; '' follows the system. */
  missing: string;
  /** 考核办设定参数 in the workbook's notation (`目标值=100；ratePercent=8`); '' = none. */
  officeParams: string;
  /** 评价对象 (`buyer` / `provider`); '' = none. */
  party: string;
  /** JSON of the leaf's fields the form does not show (an explicitly empty `appliesTo`). */
  extra: string;
  children: EdNode[];
}

export interface EdBonus {
  code: string;
  name: string;
  maxPoints: string;
  criteria: string;
  /** JSON of what the form does not show (provenance). */
  extra: string;
}
export interface EdVeto {
  code: string;
  name: string;
  effect: string;
  criteria: string;
  extra: string;
}
export interface EdLevel {
  code: string;
  zh: string;
  en: string;
  min: string;
  maxShare: string;
  extra: string;
}

export interface EdSystem {
  version: string;
  name: string;
  description: string;
  total: string;
  bonusCap: string;
  missingData: string;
  exemption: string;
  /** Decimal places shown, 0–4. */
  decimals: string;
  /** 名额取整: floor / round / ceil. */
  quotaRounding: string;
  /** 同分排序 keys in order (`fewer_deductions`, `more_bonus`, `dimension:<code>`). */
  tieBreak: string[];
  dims: EdNode[];
  bonus: EdBonus[];
  veto: EdVeto[];
  levels: EdLevel[];
  /** JSON of the system's fields the form does not show (the statistic items). */
  extra: string;
}

export const NEW_LEAF: Omit<EdNode, 'code' | 'kind' | 'children'> = {
  name: '',
  weight: '',
  criteria: '',
  unit: '',
  direction: 'higher',
  type: 'quantitative',
  source: 'self_report',
  rule: 'target_completion',
  params: '',
  evidence: false,
  evidenceDescription: '',
  appliesTo: [],
  missing: '',
  officeParams: '',
  party: '',
  extra: '{}',
};

export const newLeaf = (code: string): EdNode => ({ ...NEW_LEAF, kind: 'leaf', code, children: [] });
export const newDimension = (code: string): EdNode => ({
  ...NEW_LEAF,
  kind: 'branch',
  code,
  children: [newLeaf(`${code}-1`)],
});

// ─── From the API's content ────────────────────────────────────────────────────────────────────

/** The named fields of `x` that are set, as the hidden JSON the form carries. */
const extraOf = (x: object, fields: readonly string[]): string =>
  JSON.stringify(
    Object.fromEntries(
      fields.flatMap((f) => {
        const v = (x as Record<string, unknown>)[f];
        return v === undefined ? [] : [[f, v]];
      }),
    ),
  );

/** A node's or item's fields that only travel as hidden JSON. */
export const HIDDEN_NODE_FIELDS = ['provenance'] as const;
export const HIDDEN_LEAF_FIELDS = ['provenance'] as const;

function nodeFrom(n: IndicatorNode): EdNode {
  if (isBranch(n)) {
    return {
      ...NEW_LEAF,
      kind: 'branch',
      code: n.code,
      name: n.name,
      weight: num(n.weight),
      criteria: n.criteria ?? '',
      extra: extraOf(n, HIDDEN_NODE_FIELDS),
      children: n.children.map(nodeFrom),
    };
  }
  const extra: Record<string, unknown> = JSON.parse(extraOf(n, HIDDEN_LEAF_FIELDS));
  if (n.appliesTo && n.appliesTo.length === 0) extra.appliesTo = [];
  let params = '';
  try {
    params = formatRuleParams(n.rule);
  } catch {
    params = '';
  }
  return {
    kind: 'leaf',
    code: n.code,
    name: n.name,
    weight: num(n.weight),
    criteria: n.criteria ?? '',
    unit: n.unitOfMeasure ?? '',
    direction: n.direction ?? 'higher',
    type: n.type,
    source: n.source,
    rule: n.rule.kind,
    params,
    evidence: n.evidence?.required ?? false,
    evidenceDescription: n.evidence?.description ?? '',
    appliesTo: [...(n.appliesTo ?? [])],
    missing: n.missing ?? '',
    officeParams: formatOfficeParams(n.officeParams) ?? '',
    party: n.party ?? '',
    extra: JSON.stringify(extra),
    children: [],
  };
}

export function fromContent(c: SystemContent, version: number): EdSystem {
  const grading = c.grading ?? DEFAULT_GRADING;
  return {
    version: String(version),
    name: c.name,
    description: c.description ?? '',
    total: num(c.total),
    bonusCap: num(c.bonusCap),
    missingData: c.missingData,
    exemption: c.exemption,
    decimals: num(c.decimals),
    quotaRounding: grading.quotaRounding ?? 'floor',
    tieBreak: [...(grading.tieBreak ?? [])],
    dims: c.dimensions.map(nodeFrom),
    bonus: c.bonusItems.map((b) => ({
      code: b.code,
      name: b.name,
      maxPoints: num(b.maxPoints),
      criteria: b.criteria ?? '',
      extra: extraOf(b, HIDDEN_NODE_FIELDS),
    })),
    veto: c.vetoItems.map((x) => ({
      code: x.code,
      name: x.name,
      effect: x.effect,
      criteria: x.criteria ?? '',
      extra: extraOf(x, HIDDEN_NODE_FIELDS),
    })),
    levels: grading.levels.map((l) => ({
      code: l.code,
      zh: l.label.zh,
      en: l.label.en,
      min: num(l.min),
      maxShare: l.maxShare === undefined ? '' : num(l.maxShare),
      extra: extraOf(l, HIDDEN_NODE_FIELDS),
    })),
    extra: (c.statistics ?? []).length ? JSON.stringify({ statistics: c.statistics }) : '{}',
  };
}
