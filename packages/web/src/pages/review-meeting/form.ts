import type { Meeting, MeetingPut, Problem } from '@jixiao/core';
import { type FormErrors, type FormValues, numberFrom, str } from '../../forms';
import type { Lang } from '../../i18n';
import { type Renames, rowErrors, rowNumbers, rowsOf } from '../cycles/office/cycle-form';

/**
 * The meeting's editor form and the API's body: rows of members, documents and decisions read from
 * numbered fields (`member.<n>.name`, `decision.<n>.points`), with the renames that put the API's
 * problem at `body.decisions.1.adjustment.points` back at the field the row was typed in.
 */

export const MEMBER = ['name', 'organisation', 'role'] as const;
export const DOCUMENT = ['title', 'evidence', 'reference', 'note'] as const;
export const DECISION = ['unit', 'decision', 'points', 'reason'] as const;
/** Blank rows offered below the stored ones (more appear after each save). */
export const BLANK = { member: 3, document: 2, decision: 3 } as const;

const text = (form: FormValues, name: string) => str(form[name]).trim();

/** The PUT body from the form, the renames of its rows, and every field name of the form. */
export function meetingFrom(form: FormValues): { body: MeetingPut; renames: Renames; fields: string[] } {
  const renames: Renames = [];
  const members = rowsOf(form, 'member', 'members', MEMBER, renames);
  const documents = rowsOf(form, 'document', 'documents', DOCUMENT, renames).map((d) => ({
    title: d.title,
    ...(d.evidence ? { evidence: d.evidence } : {}),
    ...(d.reference ? { reference: d.reference } : {}),
    ...(d.note ? { note: d.note } : {}),
  }));
  const decisions = rowsOf(form, 'decision', 'decisions', DECISION, renames).map((d) => ({
    unit: d.unit,
    decision: d.decision,
    ...(d.points || d.reason ? { adjustment: { points: numberFrom(d.points), reason: d.reason } } : {}),
  }));
  const version = text(form, 'version');
  const body = {
    ...(version ? { version: numberFrom(version) } : {}),
    title: text(form, 'title'),
    day: text(form, 'day'),
    place: text(form, 'place'),
    members,
    documents,
    decisions,
    minutes: text(form, 'minutes'),
  };
  const rows = (prefix: string, fields: readonly string[]) =>
    rowNumbers(form, prefix).flatMap((n) => fields.map((f) => `${prefix}.${n}.${f}`));
  const fields = [
    'version',
    'title',
    'day',
    'place',
    'minutes',
    'members',
    'documents',
    'decisions',
    ...rows('member', MEMBER),
    ...rows('document', DOCUMENT),
    ...rows('decision', DECISION),
  ];
  // Typed as the API's body; what was typed is checked by the API, whose problem comes back to the fields.
  return { body: body as unknown as MeetingPut, renames, fields };
}

/** The API's problem at the form's fields: an adjustment's points and reason are cells of the decision's row. */
export function meetingErrors(problem: Problem, lang: Lang, renames: Renames, fields: string[]): FormErrors {
  const errors = problem.errors?.map((e) => ({
    ...e,
    path: e.path.replace(/^(body\.decisions\.\d+)\.adjustment(?=\.|$)/, (_, row: string) =>
      e.path.endsWith('.adjustment') ? `${row}.reason` : row,
    ),
  }));
  return rowErrors({ ...problem, ...(errors ? { errors } : {}) }, lang, renames, fields);
}

/** The stored meeting as form values. */
export function meetingValues(m: Meeting | null): FormValues {
  if (!m) return {};
  const out: FormValues = {
    version: String(m.version),
    title: m.title,
    day: m.day,
    place: m.place,
    minutes: m.minutes,
  };
  m.members.forEach((x, i) => {
    Object.assign(out, {
      [`member.${i}.name`]: x.name,
      [`member.${i}.organisation`]: x.organisation,
      [`member.${i}.role`]: x.role,
    });
  });
  m.documents.forEach((x, i) => {
    Object.assign(out, {
      [`document.${i}.title`]: x.title,
      [`document.${i}.evidence`]: x.evidence ?? '',
      [`document.${i}.reference`]: x.reference ?? '',
      [`document.${i}.note`]: x.note ?? '',
    });
  });
  m.decisions.forEach((x, i) => {
    Object.assign(out, {
      [`decision.${i}.unit`]: x.unit,
      [`decision.${i}.decision`]: x.decision,
      [`decision.${i}.points`]: x.adjustment ? String(x.adjustment.points) : '',
      [`decision.${i}.reason`]: x.adjustment?.reason ?? '',
    });
  });
  return out;
}

/** How many rows of a list the editor shows: what is stored or typed, plus blank ones. */
export const rowsShown = (values: FormValues, prefix: keyof typeof BLANK, stored: number) =>
  Math.max(stored + BLANK[prefix], ...rowNumbers(values, prefix).map((n) => n + 1));
