import type { DeterminationPut, DeterminationView, LeafInput, Problem, ScoringRule } from '@jixiao/core';
import { type FormErrors, type FormValues, numberFrom, problemToFormErrors, str } from '../../forms';
import type { Lang } from '../../i18n';

/**
 * The office's determinations of a unit as a form, and back: one fieldset per leaf, named
 * `leaf.<code>.…` (a grade; incident counts per deduction item `leaf.<code>.count.<item>`; a value;
 * a formula's arguments as name/value rows `leaf.<code>.arg.<n>.name|value`, a list of numbers
 * written `1, 2, 3`; 免考 with its reason), bonus points `bonus.<code>`, vetoes `veto.<code>` with
 * their note, and a note. Leaf codes have no dots (codeSchema), so the names split unambiguously.
 * What was typed is sent as typed (text in a number field stays text) for the API to refuse at its
 * path, which comes back to the field here.
 */

/** Rules whose input is a number the office may state in place of the unit's value. */
export const VALUE_RULES: ReadonlySet<string> = new Set([
  'target_completion',
  'reverse',
  'target_gap',
  'bands',
  'efficacy',
  'rank',
]);

/** Name/value rows offered for a formula's arguments beyond those stored. */
export const BLANK_ARGS = 3;

type Leaf = DeterminationView['leaves'][number];

/** The leaf's rule from its system (deduction items, the formula's calculator), when it could be read. */
export type Rules = ReadonlyMap<string, ScoringRule>;

const text = (form: FormValues, name: string) => str(form[name]).trim();

/** `1.5` → 1.5; `1, 2，3` → [1, 2, 3]; anything else as typed. */
export function argValue(typed: string): number | string | (number | string)[] {
  const parts = typed
    .normalize('NFKC')
    .split(/[,\s]+/)
    .filter((p) => p !== '');
  if (parts.length > 1) return parts.map(numberFrom);
  return numberFrom(typed);
}

/** Which deduction items a leaf's form shows: the rule's, else those stored. */
export function itemsOf(
  leaf: Leaf,
  rules: Rules,
  stored: LeafInput | undefined,
): { code: string; label: string }[] {
  const rule = rules.get(leaf.code);
  if (rule?.kind === 'deduction') return rule.items.map((i) => ({ code: i.code, label: i.label }));
  return stored?.kind === 'incidents'
    ? Object.keys(stored.counts).map((code) => ({ code, label: code }))
    : [];
}

/** The argument rows a formula leaf's form shows (stored ones, then blank ones). */
export const argRows = (values: FormValues, code: string, stored: number): number => {
  const prefix = `leaf.${code}.arg.`;
  const typed = Object.keys(values)
    .filter((k) => k.startsWith(prefix))
    .map((k) => Number(k.slice(prefix.length).split('.')[0]))
    .filter((n) => Number.isInteger(n));
  return Math.max(stored + BLANK_ARGS, ...typed.map((n) => n + 1));
};

/** One leaf's input from the form: 免考 wins; then what its rule takes; nothing typed → none. */
function leafFrom(form: FormValues, leaf: Leaf, rules: Rules, stored: LeafInput | undefined): unknown {
  const at = (f: string) => text(form, `leaf.${leaf.code}.${f}`);
  if (str(form[`leaf.${leaf.code}.exempt`]) === 'true') return { kind: 'exempt', reason: at('exemptReason') };
  if (leaf.rule === 'qualitative_grade')
    return at('grade') ? { kind: 'grade', grade: at('grade') } : undefined;
  if (leaf.rule === 'deduction') {
    const counts: Record<string, unknown> = {};
    for (const item of itemsOf(leaf, rules, stored)) {
      const v = at(`count.${item.code}`);
      if (v !== '') counts[item.code] = numberFrom(v);
    }
    return Object.keys(counts).length ? { kind: 'incidents', counts } : undefined;
  }
  if (leaf.rule === 'formula') {
    const args: Record<string, unknown> = {};
    const n = argRows(form, leaf.code, 0);
    for (let i = 0; i < n; i++) {
      const name = at(`arg.${i}.name`);
      if (name) args[name] = argValue(at(`arg.${i}.value`));
    }
    if (Object.keys(args).length === 0) return undefined;
    return { kind: 'formula', args, ...(at('moneyUnit') ? { moneyUnit: at('moneyUnit') } : {}) };
  }
  if (VALUE_RULES.has(leaf.rule))
    return at('actual') ? { kind: 'value', actual: numberFrom(at('actual')) } : undefined;
  // Inputs the form cannot edit (experts' scores, survey answers, sources) are kept as stored.
  return stored && stored.kind !== 'exempt' ? stored : undefined;
}

/** The PUT body from the form (with the stored version, when there is one). */
export function determinationBody(view: DeterminationView, form: FormValues, rules: Rules): DeterminationPut {
  const stored = view.determination?.leaves ?? {};
  const leaves: Record<string, unknown> = {};
  for (const leaf of view.leaves) {
    const input = leafFrom(form, leaf, rules, stored[leaf.code]);
    if (input !== undefined) leaves[leaf.code] = input;
  }
  const bonus: Record<string, unknown> = {};
  for (const b of view.bonusItems) {
    const v = text(form, `bonus.${b.code}`);
    if (v !== '') bonus[b.code] = numberFrom(v);
  }
  const vetoes: Record<string, string> = {};
  for (const v of view.vetoItems)
    if (str(form[`veto.${v.code}`]) === 'true') vetoes[v.code] = text(form, `veto.${v.code}.note`);
  const version = text(form, 'version');
  // Typed as the API's body; what was typed is checked by the API, whose problem comes back to the fields.
  return {
    ...(version ? { version: numberFrom(version) } : {}),
    leaves,
    bonus,
    vetoes,
    note: text(form, 'note'),
  } as unknown as DeterminationPut;
}

/** The stored determinations as the form's values. */
export function determinationValues(view: DeterminationView): FormValues {
  const d = view.determination;
  if (!d) return {};
  const out: FormValues = { version: String(d.version), note: d.note };
  for (const [code, input] of Object.entries(d.leaves)) {
    const k = (f: string) => `leaf.${code}.${f}`;
    if (input.kind === 'exempt')
      Object.assign(out, { [k('exempt')]: 'true', [k('exemptReason')]: input.reason });
    else if (input.kind === 'grade') out[k('grade')] = input.grade;
    else if (input.kind === 'value') out[k('actual')] = String(input.actual);
    else if (input.kind === 'incidents')
      for (const [item, n] of Object.entries(input.counts)) out[k(`count.${item}`)] = String(n);
    else if (input.kind === 'formula') {
      Object.entries(input.args).forEach(([name, v], i) => {
        out[k(`arg.${i}.name`)] = name;
        out[k(`arg.${i}.value`)] = Array.isArray(v) ? v.join(', ') : String(v);
      });
      if (input.moneyUnit) out[k('moneyUnit')] = input.moneyUnit;
    }
  }
  for (const [code, points] of Object.entries(d.bonus)) out[`bonus.${code}`] = String(points);
  for (const [code, note] of Object.entries(d.vetoes))
    Object.assign(out, { [`veto.${code}`]: 'true', [`veto.${code}.note`]: note });
  return out;
}

/** Every field name of the form, for the API's problem to find its field. */
export function determinationFields(view: DeterminationView, values: FormValues): string[] {
  const names = ['version', 'note', 'leaves', 'bonus', 'vetoes'];
  for (const leaf of view.leaves) names.push(`leaf.${leaf.code}`, `leaf.${leaf.code}.exemptReason`);
  for (const name of Object.keys(values))
    if (name.startsWith('leaf.') && !names.includes(name)) names.push(name);
  for (const b of view.bonusItems) names.push(`bonus.${b.code}`);
  for (const v of view.vetoItems) names.push(`veto.${v.code}.note`);
  return names;
}

/**
 * The API's problem at the form's fields: `body.leaves.L1.counts.X` is the field
 * `leaf.L1.count.X`, an exemption's `reason` is `leaf.L1.exemptReason`, a veto's note is
 * `veto.V1.note`; anything deeper that names no field of the form lands on the leaf's fieldset.
 */
export function determinationErrors(problem: Problem, lang: Lang, fields: readonly string[]): FormErrors {
  const errors = problem.errors?.map((e) => ({
    ...e,
    path: e.path
      .replace(/^body\.leaves\.([^.]+)\.counts\./, 'body.leaf.$1.count.')
      .replace(/^body\.leaves\.([^.]+)\.reason$/, 'body.leaf.$1.exemptReason')
      .replace(/^body\.leaves\./, 'body.leaf.')
      .replace(/^body\.vetoes\.([^.]+)$/, 'body.veto.$1.note'),
  }));
  return problemToFormErrors({ ...problem, ...(errors ? { errors } : {}) }, lang, fields);
}
