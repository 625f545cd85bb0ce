import type { AppealableLeaf, AppealDecide, Problem } from '@jixiao/core';
import { type FormErrors, type FormValues, numberFrom, problemToFormErrors, str } from '../../forms';
import type { Lang } from '../../i18n';

/**
 * The office's decision form and the API's body: the conclusion, the reason, and a correction of
 * the kind the leaf takes — a value; a grade; incident counts per deduction item (`count.<code>`);
 * or an exemption with its reason. The API's problem at `body.correction.input.counts.SJ` comes
 * back to the field it was typed in.
 */

export const CORRECTIONS = ['value', 'grade', 'incidents', 'exempt'] as const;
export type CorrectionKind = (typeof CORRECTIONS)[number];

/** The corrections the form offers for a leaf: its own input kind (if the form can take it) and an exemption. */
export function correctionsFor(leaf: AppealableLeaf | undefined): CorrectionKind[] {
  if (!leaf) return [];
  if (leaf.input === 'value') return ['value'];
  const own = (CORRECTIONS as readonly string[]).includes(leaf.input) ? [leaf.input as CorrectionKind] : [];
  return [...own, 'exempt'];
}

const text = (form: FormValues, name: string) => str(form[name]).trim();

export function decisionBody(form: FormValues, leaf: AppealableLeaf | undefined): AppealDecide {
  const kind = text(form, 'correction');
  const correction =
    kind === 'value'
      ? { value: numberFrom(text(form, 'correction.value')) }
      : kind === 'grade'
        ? { input: { kind: 'grade', grade: text(form, 'correction.grade') } }
        : kind === 'incidents'
          ? {
              input: {
                kind: 'incidents',
                counts: Object.fromEntries(
                  (leaf?.items ?? []).map((i) => [i.code, numberFrom(text(form, `count.${i.code}`) || '0')]),
                ),
              },
            }
          : kind === 'exempt'
            ? { input: { kind: 'exempt', reason: text(form, 'correction.reason') } }
            : undefined;
  // Typed as the API's body; what was typed is checked by the API, whose problem comes back to the fields.
  return {
    version: numberFrom(text(form, 'version')),
    status: text(form, 'status'),
    reason: text(form, 'reason'),
    ...(correction ? { correction } : {}),
  } as unknown as AppealDecide;
}

/** The form's field names for a leaf. */
export const decisionFields = (leaf: AppealableLeaf | undefined) => [
  'version',
  'status',
  'reason',
  'correction',
  'correction.value',
  'correction.grade',
  'correction.reason',
  ...(leaf?.items ?? []).map((i) => `count.${i.code}`),
];

/** The API's problem at the form's fields. */
export function decisionErrors(problem: Problem, lang: Lang, leaf: AppealableLeaf | undefined): FormErrors {
  const moved = (path: string) =>
    path
      .replace(/^body\.correction\.input\.counts\.(.+)$/, 'body.count.$1')
      .replace(/^body\.correction\.input\.(grade|reason)$/, 'body.correction.$1')
      .replace(/^body\.correction\.input(\..*)?$/, 'body.correction');
  const errors = problem.errors?.map((e) => ({ ...e, path: moved(e.path) }));
  return problemToFormErrors({ ...problem, ...(errors ? { errors } : {}) }, lang, decisionFields(leaf));
}
