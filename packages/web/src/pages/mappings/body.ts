import type { Leaf, LeafMapping, Problem } from '@jixiao/core';
import { type BodyOf, type FormErrors, type FormValues, noErrors, numberFrom, str } from '../../forms';
import type { Lang } from '../../i18n';
import type { MAPPINGS } from '../comparisons/routes';

/**
 * A mapping between its form and the API. The form has a row per leaf of the system's latest
 * version (`m.<row>.standard`, `.factor`, `.aggregate`, `.unit`); the body holds the rows mapped
 * to a standard, in order. The API's issues name an item (`body.items.<k>`): they go back to the
 * row that item came from.
 */

export const cell = (row: number, field: string) => `m.${row}.${field}`;

/** The body of the PUT, and which row each item came from. */
export function mappingBody(form: FormValues, leaves: readonly Leaf[]) {
  const items: Record<string, unknown>[] = [];
  const rows: number[] = [];
  leaves.forEach((leaf, i) => {
    const standard = str(form[cell(i, 'standard')]).trim();
    if (!standard) return;
    const factor = str(form[cell(i, 'factor')]).trim();
    const unit = str(form[cell(i, 'unit')]).trim();
    items.push({
      leaf: leaf.code,
      standard,
      factor: factor === '' ? 1 : numberFrom(factor),
      aggregate: str(form[cell(i, 'aggregate')]) || 'mean',
      ...(unit ? { unit } : {}),
    });
    rows.push(i);
  });
  const version = str(form.version);
  // Typed as the route's body; what was typed is not checked here (text in a number field stays
  // text): the API validates it and its issues come back to the rows.
  const body = { items, ...(version ? { version: Number(version) } : {}) } as BodyOf<typeof MAPPINGS.put>;
  return { body, rows };
}

/** The form's values for a stored mapping (leaves not mapped: empty rows). */
export function mappingValues(m: LeafMapping | undefined, leaves: readonly Leaf[]): FormValues {
  const out: FormValues = m ? { version: String(m.version) } : {};
  const byLeaf = new Map((m?.items ?? []).map((x) => [x.leaf, x]));
  leaves.forEach((leaf, i) => {
    const x = byLeaf.get(leaf.code);
    out[cell(i, 'standard')] = x?.standard ?? '';
    out[cell(i, 'factor')] = x ? String(x.factor) : '1';
    out[cell(i, 'aggregate')] = x?.aggregate ?? 'mean';
    out[cell(i, 'unit')] = x?.unit ?? '';
  });
  return out;
}

/** The problem's issues by row (`rows` maps items to rows); the rest for the summary. */
export function rowIssues(problem: Problem, lang: Lang, rows: readonly number[]) {
  const byRow = new Map<number, string[]>();
  const errors: FormErrors = { ...noErrors(), message: problem.message[lang], code: problem.code };
  if (problem.requestId) errors.requestId = problem.requestId;
  for (const issue of problem.errors ?? []) {
    const m = /^body\.items\.(\d+)/.exec(issue.path);
    const row = m ? rows[Number(m[1])] : undefined;
    if (row === undefined) errors.other.push(issue[lang]);
    else byRow.set(row, [...(byRow.get(row) ?? []), issue[lang]]);
  }
  return { errors, byRow };
}
