import type { CONTRACTS } from '@jixiao/api/contracts';
import type { ProgressPut } from '@jixiao/core';
import type { SuccessOf } from '../../../../client/api-client';
import { type FormValues, numberFrom, str } from '../../../../forms';
import { num } from '../../../../i18n';

/**
 * A period's progress form: `v.<leaf>` value and `n.<leaf>` note per numeric indicator,
 * `m.<leaf>.<i>` done and `mn.<leaf>.<i>` note per milestone of the plan, `narrative`, `version`.
 */

export type ProgressView = SuccessOf<typeof CONTRACTS.monitoring.progress>;
export type PeriodEntry = ProgressView['periods'][number];

/** The indicators reported by a number. */
export const numericLeaves = (view: ProgressView) => view.leaves.filter((l) => l.type === 'quantitative');

/** The form of a period as stored (blank before the first save). */
export function valuesOf(view: ProgressView, p: PeriodEntry): FormValues {
  const r = p.report;
  const out: FormValues = { version: r ? String(r.version) : '', narrative: r?.narrative ?? '' };
  for (const it of r?.items ?? []) {
    out[`v.${it.leaf}`] = it.value === undefined ? '' : num(it.value);
    out[`n.${it.leaf}`] = it.note ?? '';
  }
  const reported = new Map((r?.milestones ?? []).map((m) => [`${m.leaf}.${m.index}`, m]));
  for (const item of view.items)
    item.milestones.forEach((m, i) => {
      const got = reported.get(`${item.leaf}.${i}`);
      out[`m.${item.leaf}.${i}`] = (got?.done ?? m.done) ? 'true' : undefined;
      out[`mn.${item.leaf}.${i}`] = got?.note ?? '';
    });
  return out;
}

const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** The body of the save; `submit` reports the period. Numbers go as typed for the API to check. */
export function toBody(view: ProgressView, form: FormValues, submit: boolean): ProgressPut {
  const f = (k: string) => str(form[k]);
  const items = numericLeaves(view).flatMap((l) => {
    const value = opt(f(`v.${l.code}`));
    const note = opt(f(`n.${l.code}`));
    if (value === undefined && note === undefined) return [];
    return [
      {
        leaf: l.code,
        ...(value === undefined ? {} : { value: numberFrom(value) }),
        ...(note ? { note } : {}),
      },
    ];
  });
  const milestones = view.items.flatMap((item) =>
    item.milestones.map((_m, index) => {
      const note = opt(f(`mn.${item.leaf}.${index}`));
      return {
        leaf: item.leaf,
        index,
        done: f(`m.${item.leaf}.${index}`) === 'true',
        ...(note ? { note } : {}),
      };
    }),
  );
  const version = opt(f('version'));
  return {
    ...(version === undefined ? {} : { version: numberFrom(version) }),
    items,
    milestones,
    narrative: f('narrative').trim(),
    submit,
  } as ProgressPut;
}

/** The form field of an issue path of the body sent (`items.2.value` → `v.<leaf>`). */
export function fieldOfPath(body: ProgressPut, path: string): string | undefined {
  const p = path.replace(/^body\./, '');
  if (p === 'narrative') return 'narrative';
  const it = /^items\.(\d+)\.(value|note)$/.exec(p);
  if (it) {
    const leaf = body.items[Number(it[1])]?.leaf;
    return leaf ? `${it[2] === 'value' ? 'v' : 'n'}.${leaf}` : undefined;
  }
  const m = /^milestones\.(\d+)\.note$/.exec(p);
  if (m) {
    const ms = body.milestones[Number(m[1])];
    return ms ? `mn.${ms.leaf}.${ms.index}` : undefined;
  }
  return undefined;
}
