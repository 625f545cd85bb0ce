import type { PeerGroup, StandardIndicator } from '@jixiao/core';
import { type FormValues, fieldNames, formBody, formValues, numberFrom, str } from '../../forms';
import { PEER_GROUPS } from '../comparisons/routes';
import { weightName } from './form';

/**
 * A peer group between the form and the API: the body's fields come from its schema (formBody),
 * but its weights are a record by standard code, so they travel as one input per indicator
 * (`weights.<code>`; empty: the group does not use it).
 */
export function groupBody(form: FormValues, library: readonly StandardIndicator[]) {
  const weights: Record<string, number> = {};
  for (const s of library) {
    const v = str(form[weightName(s.code)]).trim();
    // Text that is not a number goes as typed: the API names it at its field.
    if (v !== '') weights[s.code] = numberFrom(v) as number;
  }
  return { ...formBody(PEER_GROUPS.put, form), weights };
}

/** The fields a problem can land on: the schema's, each indicator's weight, and the quotas as a whole. */
export const groupFields = (library: readonly StandardIndicator[]) => [
  ...fieldNames(PEER_GROUPS.put),
  'grades',
  ...library.map((s) => weightName(s.code)),
];

/** The form's values for a stored group. */
export function groupValues(g: PeerGroup): FormValues {
  const out = formValues(PEER_GROUPS.put, { ...g });
  for (const [code, w] of Object.entries(g.weights)) out[weightName(code)] = String(w);
  return out;
}

/** A new group's form: the efficacy method and the default quotas. */
export const BLANK: FormValues = {
  method: 'efficacy',
  'grades.excellent': '20',
  'grades.good': '30',
  'grades.fair': '30',
  members: [],
};
