import type { CONTRACTS } from '@jixiao/api/contracts';
import type { SelfAssessmentPut } from '@jixiao/core';
import type { SuccessOf } from '../../../../client/api-client';
import { type FormValues, numberFrom, str } from '../../../../forms';
import { num } from '../../../../i18n';

/**
 * The self-assessment form: `s.<leaf>.actual|actualText|selfScore|narrative` per indicator, the
 * `report` and the `version` read. A value a data provider supplies (一数一源) is shown, not sent.
 */

export type SelfView = SuccessOf<typeof CONTRACTS.selfAssessments.get>;

/** The leaves whose value a data provider supplies for this unit. */
export const suppliedOf = (view: SelfView) => new Map(view.supplied.map((s) => [s.leaf, s]));

export function valuesOf(view: SelfView): FormValues {
  const a = view.assessment;
  const out: FormValues = { version: a ? String(a.version) : '', report: a?.report ?? '' };
  for (const it of a?.items ?? []) {
    const n = (f: string) => `s.${it.leaf}.${f}`;
    out[n('actual')] = it.actual === undefined ? '' : num(it.actual);
    out[n('actualText')] = it.actualText ?? '';
    out[n('selfScore')] = it.selfScore === undefined ? '' : num(it.selfScore);
    out[n('narrative')] = it.narrative;
  }
  return out;
}

const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

export function toBody(view: SelfView, form: FormValues): SelfAssessmentPut {
  const f = (k: string) => str(form[k]);
  const supplied = suppliedOf(view);
  const items = view.leaves.map((l) => {
    const n = (x: string) => f(`s.${l.code}.${x}`);
    const actual = supplied.has(l.code) ? undefined : opt(n('actual'));
    const text = opt(n('actualText'));
    const score = opt(n('selfScore'));
    return {
      leaf: l.code,
      ...(actual === undefined ? {} : { actual: numberFrom(actual) }),
      ...(text === undefined ? {} : { actualText: text }),
      ...(score === undefined ? {} : { selfScore: numberFrom(score) }),
      narrative: n('narrative').trim(),
    };
  });
  const version = opt(f('version'));
  // What was typed, for the API to check (a number field may hold text).
  return {
    ...(version === undefined ? {} : { version: numberFrom(version) }),
    items,
    report: f('report').trim(),
  } as SelfAssessmentPut;
}

/** The form field an issue path names, given the items the path indexes (`items.2.selfScore`). */
export function fieldOfPath(items: readonly { leaf: string }[], path: string): string | undefined {
  const p = path.replace(/^body\./, '');
  if (p === 'report') return 'report';
  const m = /^items\.(\d+)\.(actual|actualText|selfScore|narrative)$/.exec(p);
  const leaf = m ? items[Number(m[1])]?.leaf : undefined;
  return m && leaf ? `s.${leaf}.${m[2]}` : undefined;
}

/** The leaf an issue path is about (`items.2…`). */
export function leafOfPath(items: readonly { leaf: string }[], path: string): string | undefined {
  const m = /^(?:body\.)?items\.(\d+)/.exec(path);
  return m ? items[Number(m[1])]?.leaf : undefined;
}
