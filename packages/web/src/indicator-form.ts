import {
  DEFAULT_GRADING,
  type IndicatorNode,
  isBranch,
  RULE_KINDS,
  type RuleKind,
  type SystemContent,
} from '@jixiao/core';
import { formatRuleParams, parseRuleParams } from '@jixiao/reports/grammar';
import { type FormValues, list, str } from './forms';
import type { Lang } from './i18n';
import type { SystemIssueView } from './indicator-types';
import { anchorOf, locateIssue, num } from './indicator-view';

/**
 * The draft editor's model: the system as the form holds it (every value a string, as typed), so a
 * structural change (add, remove, move) can be applied to what the user has typed and the page
 * re-rendered without saving, and nothing typed is lost. `toContent` turns it into the API's JSON,
 * reading 评分参数 with the Excel grammar.
 *
 * Form field names: `n.<key>.<field>` for tree nodes, where key is the index path (`0`, `0.1`,
 * `0.1.2`); `b.<i>.*` bonus items, `x.<i>.*` veto items, `g.<i>.*` grade levels; plain names for the
 * system's own fields; `tb.<i>` the tie-break keys in order. Leaf `appliesTo` is a set of checkboxes
 * (one `n.<key>.appliesTo` value per checked group). What the form does not show travels in hidden
 * JSON (`extra`): today only an explicitly empty `appliesTo`, which no checkbox can tell from absent.
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
  /** JSON of the leaf's fields the form does not show (an explicitly empty `appliesTo`). */
  extra: string;
  children: EdNode[];
}

export interface EdBonus {
  code: string;
  name: string;
  maxPoints: string;
  criteria: string;
}
export interface EdVeto {
  code: string;
  name: string;
  effect: string;
  criteria: string;
}
export interface EdLevel {
  code: string;
  zh: string;
  en: string;
  min: string;
  maxShare: string;
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
  /** JSON of the system's fields the form does not show (none today; kept for what comes). */
  extra: string;
}

const NEW_LEAF: Omit<EdNode, 'code' | 'kind' | 'children'> = {
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
  extra: '{}',
};

export const newLeaf = (code: string): EdNode => ({ ...NEW_LEAF, kind: 'leaf', code, children: [] });
const newDimension = (code: string): EdNode => ({
  ...NEW_LEAF,
  kind: 'branch',
  code,
  children: [newLeaf(`${code}-1`)],
});

// ─── From the API's content ────────────────────────────────────────────────────────────────────

function nodeFrom(n: IndicatorNode): EdNode {
  if (isBranch(n)) {
    return {
      ...NEW_LEAF,
      kind: 'branch',
      code: n.code,
      name: n.name,
      weight: num(n.weight),
      criteria: n.criteria ?? '',
      children: n.children.map(nodeFrom),
    };
  }
  const extra: Record<string, unknown> = {};
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
    })),
    veto: c.vetoItems.map((x) => ({
      code: x.code,
      name: x.name,
      effect: x.effect,
      criteria: x.criteria ?? '',
    })),
    levels: grading.levels.map((l) => ({
      code: l.code,
      zh: l.label.zh,
      en: l.label.en,
      min: num(l.min),
      maxShare: l.maxShare === undefined ? '' : num(l.maxShare),
    })),
    extra: '{}',
  };
}

// ─── From the submitted form ───────────────────────────────────────────────────────────────────

const indexed = (form: FormValues, prefix: string): number[] =>
  [
    ...new Set(
      Object.keys(form)
        .map((k) => new RegExp(`^${prefix}\\.(\\d+)\\.code$`).exec(k)?.[1])
        .filter((x): x is string => x !== undefined)
        .map(Number),
    ),
  ].sort((a, b) => a - b);

export function fromForm(form: FormValues): EdSystem {
  const f = (name: string) => str(form[name]);
  // Node keys present in the form, e.g. "0", "0.1", "0.1.0".
  const keys = Object.keys(form)
    .map((k) => /^n\.(\d+(?:\.\d+){0,2})\.code$/.exec(k)?.[1])
    .filter((x): x is string => x !== undefined);
  const parts = (k: string) => k.split('.').map(Number);
  const byParent = new Map<string, string[]>();
  for (const k of keys) {
    const p = parts(k);
    const parent = p.slice(0, -1).join('.');
    byParent.set(parent, [...(byParent.get(parent) ?? []), k]);
  }
  const build = (parent: string): EdNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => (parts(a).at(-1) ?? 0) - (parts(b).at(-1) ?? 0))
      .map((k) => {
        const p = (field: string) => f(`n.${k}.${field}`);
        const children = build(k);
        return {
          kind: children.length > 0 || p('kind') === 'branch' ? 'branch' : 'leaf',
          code: p('code'),
          name: p('name'),
          weight: p('weight'),
          criteria: p('criteria'),
          unit: p('unit'),
          direction: p('direction') || 'higher',
          type: p('type') || 'quantitative',
          source: p('source') || 'self_report',
          rule: p('rule') || 'target_completion',
          params: p('params'),
          evidence: p('evidence') === 'true',
          evidenceDescription: p('evidenceDescription'),
          appliesTo: list(form[`n.${k}.appliesTo`]).filter((x) => x.trim() !== ''),
          missing: p('missing'),
          extra: p('extra') || '{}',
          children,
        };
      });
  return {
    version: f('version'),
    name: f('name'),
    description: f('description'),
    total: f('total'),
    bonusCap: f('bonusCap'),
    missingData: f('missingData') || 'zero',
    exemption: f('exemption') || 'redistribute',
    decimals: f('decimals'),
    quotaRounding: f('quotaRounding') || 'floor',
    tieBreak: Object.keys(form)
      .map((k) => /^tb\.(\d+)$/.exec(k)?.[1])
      .filter((x): x is string => x !== undefined)
      .map(Number)
      .sort((a, b) => a - b)
      .map((i) => f(`tb.${i}`))
      .filter((x) => x !== ''),
    dims: build(''),
    bonus: indexed(form, 'b').map((i) => ({
      code: f(`b.${i}.code`),
      name: f(`b.${i}.name`),
      maxPoints: f(`b.${i}.maxPoints`),
      criteria: f(`b.${i}.criteria`),
    })),
    veto: indexed(form, 'x').map((i) => ({
      code: f(`x.${i}.code`),
      name: f(`x.${i}.name`),
      effect: f(`x.${i}.effect`) || 'fail',
      criteria: f(`x.${i}.criteria`),
    })),
    levels: indexed(form, 'g').map((i) => ({
      code: f(`g.${i}.code`),
      zh: f(`g.${i}.zh`),
      en: f(`g.${i}.en`),
      min: f(`g.${i}.min`),
      maxShare: f(`g.${i}.maxShare`),
    })),
    extra: f('extra') || '{}',
  };
}

// ─── Structural operations ─────────────────────────────────────────────────────────────────────

export interface OpResult {
  /** The node (or item) to focus after the change. */
  focus?: string;
}

function listAt(sys: EdSystem, parentKey: string): EdNode[] | undefined {
  if (parentKey === '') return sys.dims;
  const node = nodeAt(sys, parentKey);
  return node?.children;
}

export function nodeAt(sys: EdSystem, key: string): EdNode | undefined {
  let list = sys.dims;
  let node: EdNode | undefined;
  for (const i of key.split('.').map(Number)) {
    node = list[i];
    if (!node) return undefined;
    list = node.children;
  }
  return node;
}

const splitKey = (key: string) => {
  const p = key.split('.');
  return { parent: p.slice(0, -1).join('.'), index: Number(p.at(-1)), depth: p.length };
};
const keyOf = (parent: string, i: number) => (parent === '' ? String(i) : `${parent}.${i}`);

/** Applies an `op` button's value (`add-child:0.1`, `remove:2`, `up:0.1.0`, `add-bonus` …) in place. */
export function applyOp(sys: EdSystem, op: string): OpResult {
  const [name = '', arg = ''] = op.split(':');
  switch (name) {
    case 'add-dim': {
      sys.dims.push(newDimension(`D${sys.dims.length + 1}`));
      return { focus: `n.${sys.dims.length - 1}` };
    }
    case 'add-child': {
      const node = nodeAt(sys, arg);
      const { depth } = splitKey(arg);
      if (!node || depth >= 3) return {};
      if (node.kind === 'leaf') {
        // The indicator gets sub-indicators: what it had becomes its first one, so nothing is lost.
        const child: EdNode = { ...node, code: `${node.code}-1`, children: [] };
        Object.assign(node, { ...NEW_LEAF, kind: 'branch', criteria: '', children: [child] });
        return { focus: `n.${arg}.0` };
      }
      node.kind = 'branch';
      node.children.push(newLeaf(`${node.code}-${node.children.length + 1}`));
      return { focus: `n.${keyOf(arg, node.children.length - 1)}` };
    }
    case 'add-sibling': {
      const { parent, index, depth } = splitKey(arg);
      const list = listAt(sys, parent);
      if (!list) return {};
      const parentNode = parent ? nodeAt(sys, parent) : undefined;
      const code = parentNode ? `${parentNode.code}-${list.length + 1}` : `D${list.length + 1}`;
      list.splice(index + 1, 0, depth === 1 ? newDimension(code) : newLeaf(code));
      return { focus: `n.${keyOf(parent, index + 1)}` };
    }
    case 'remove': {
      const { parent, index, depth } = splitKey(arg);
      const list = listAt(sys, parent);
      if (!list?.[index]) return {};
      list.splice(index, 1);
      // An indicator whose last sub-indicator went is an indicator again (a leaf).
      const parentNode = parent ? nodeAt(sys, parent) : undefined;
      if (parentNode && depth === 3 && list.length === 0) {
        Object.assign(parentNode, {
          ...NEW_LEAF,
          code: parentNode.code,
          name: parentNode.name,
          weight: parentNode.weight,
          kind: 'leaf',
        });
      }
      return list.length ? { focus: `n.${keyOf(parent, Math.min(index, list.length - 1))}` } : {};
    }
    case 'up':
    case 'down': {
      const { parent, index } = splitKey(arg);
      const list = listAt(sys, parent);
      const to = name === 'up' ? index - 1 : index + 1;
      if (!list?.[index] || to < 0 || to >= list.length) return {};
      const [moved] = list.splice(index, 1);
      list.splice(to, 0, moved!);
      return { focus: `n.${keyOf(parent, to)}` };
    }
    case 'add-bonus':
      sys.bonus.push({ code: `JF${sys.bonus.length + 1}`, name: '', maxPoints: '', criteria: '' });
      return { focus: `b.${sys.bonus.length - 1}` };
    case 'add-veto':
      sys.veto.push({ code: `FJ${sys.veto.length + 1}`, name: '', effect: 'fail', criteria: '' });
      return { focus: `x.${sys.veto.length - 1}` };
    case 'add-level':
      sys.levels.push({ code: `L${sys.levels.length + 1}`, zh: '', en: '', min: '', maxShare: '' });
      return { focus: `g.${sys.levels.length - 1}` };
    case 'remove-bonus':
      sys.bonus.splice(Number(arg), 1);
      return {};
    case 'remove-veto':
      sys.veto.splice(Number(arg), 1);
      return {};
    case 'remove-level':
      sys.levels.splice(Number(arg), 1);
      return {};
    default:
      return {};
  }
}

// ─── To the API's content ──────────────────────────────────────────────────────────────────────

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

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

export interface ContentResult {
  content: Record<string, unknown>;
  /** Parameter texts that could not be read, by form field name (`n.0.1.params`). */
  errors: Record<string, string>;
}

/** The API's `content` from the form's model; 评分参数 read with `parseRuleParams`. */
export function toContent(sys: EdSystem, lang: Lang): ContentResult {
  const errors: Record<string, string> = {};
  const node = (n: EdNode, key: string): Record<string, unknown> => {
    const base: Record<string, unknown> = {
      code: n.code.trim(),
      name: n.name.trim(),
      weight: toNum(n.weight),
    };
    if (n.criteria.trim()) base.criteria = n.criteria.trim();
    if (n.kind === 'branch') {
      return { ...base, children: n.children.map((c, i) => node(c, `${key}.${i}`)) };
    }
    const extra = parseExtra(n.extra);
    let rule: Record<string, unknown> = { kind: n.rule };
    if (!(RULE_KINDS as string[]).includes(n.rule)) {
      errors[`n.${key}.rule`] = lang === 'zh' ? '请选择评分方法' : 'Choose a scoring method';
    } else {
      try {
        rule = parseRuleParams(n.rule as RuleKind, n.params).rule;
      } catch (e) {
        const err = e as { zh?: string; en?: string; message?: string };
        errors[`n.${key}.params`] = (lang === 'zh' ? err.zh : err.en) ?? err.message ?? String(e);
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
    };
    return leaf;
  };
  const content: Record<string, unknown> = {
    ...parseExtra(sys.extra),
    name: sys.name.trim(),
    ...(sys.description.trim() ? { description: sys.description.trim() } : {}),
    total: toNum(sys.total),
    dimensions: sys.dims.map((d, i) => node(d, String(i))),
    bonusItems: sys.bonus.map((b) => ({
      code: b.code.trim(),
      name: b.name.trim(),
      maxPoints: toNum(b.maxPoints),
      ...(b.criteria.trim() ? { criteria: b.criteria.trim() } : {}),
    })),
    bonusCap: toNum(sys.bonusCap),
    vetoItems: sys.veto.map((x) => ({
      code: x.code.trim(),
      name: x.name.trim(),
      effect: x.effect,
      ...(x.criteria.trim() ? { criteria: x.criteria.trim() } : {}),
    })),
    grading: {
      levels: sys.levels.map((l) => ({
        code: l.code.trim(),
        label: { zh: l.zh.trim(), en: l.en.trim() },
        min: toNum(l.min),
        ...(l.maxShare.trim() ? { maxShare: toNum(l.maxShare) } : {}),
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

// ─── Issues placed on the form ─────────────────────────────────────────────────────────────────

export interface EditorErrors {
  /** Form field name → message. */
  fields: Record<string, string>;
  /** Row anchor (`node-0-1`, `bonus-2`, `node-root`, `system`) → messages not tied to a shown field. */
  rows: Map<string, string[]>;
}

export const noEditorErrors = (): EditorErrors => ({ fields: {}, rows: new Map() });

const NODE_FIELDS: Record<string, string> = {
  code: 'code',
  name: 'name',
  weight: 'weight',
  criteria: 'criteria',
  unitOfMeasure: 'unit',
  direction: 'direction',
  type: 'type',
  source: 'source',
  rule: 'params',
  'rule.kind': 'rule',
  evidence: 'evidence',
  'evidence.description': 'evidenceDescription',
  appliesTo: 'appliesTo',
  missing: 'missing',
};

/** Where each issue goes on the editor: under its field when the form shows one, else on its row. */
export function placeIssues(issues: readonly SystemIssueView[], lang: Lang, into = noEditorErrors()) {
  const addField = (name: string, text: string) => {
    into.fields[name] = into.fields[name] ? `${into.fields[name]}；${text}` : text;
  };
  const addRow = (anchor: string, text: string) =>
    into.rows.set(anchor, [...(into.rows.get(anchor) ?? []), text]);
  for (const issue of issues) {
    const target = locateIssue(issue.path);
    const text = issue[lang];
    const field = target.field ?? '';
    const head = field.split('.')[0] ?? '';
    if (target.section === 'node') {
      const f = NODE_FIELDS[field] ?? NODE_FIELDS[head];
      if (f) addField(`n.${target.key}.${f}`, text);
      else addRow(anchorOf(target), text);
    } else if (
      target.section === 'bonus' &&
      target.key !== '' &&
      ['code', 'name', 'maxPoints', 'criteria'].includes(head)
    ) {
      addField(`b.${target.key}.${head}`, text);
    } else if (
      target.section === 'veto' &&
      target.key !== '' &&
      ['code', 'name', 'effect', 'criteria'].includes(head)
    ) {
      addField(`x.${target.key}.${head}`, text);
    } else if (
      target.section === 'level' &&
      target.key !== '' &&
      ['code', 'min', 'maxShare', 'label'].includes(head)
    ) {
      const f = head === 'label' ? (field.endsWith('en') ? 'en' : 'zh') : head;
      addField(`g.${target.key}.${f}`, text);
    } else if (target.section === 'level' && target.key === '' && /^grading\.tieBreak(\.|$)/.test(field)) {
      const i = /^grading\.tieBreak\.(\d+)/.exec(field)?.[1];
      addField(i === undefined ? 'tieBreak' : `tb.${i}`, text);
    } else if (target.section === 'level' && target.key === '' && field === 'grading.quotaRounding') {
      addField('quotaRounding', text);
    } else if (
      target.section === 'system' &&
      ['name', 'description', 'total', 'bonusCap', 'missingData', 'exemption', 'decimals'].includes(head)
    ) {
      addField(head, text);
    } else {
      addRow(anchorOf(target), text);
    }
  }
  return into;
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
