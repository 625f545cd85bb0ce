import type { Calendar, CycleCreate, Problem } from '@jixiao/core';
import { type FormErrors, type FormValues, list, numberFrom, problemToFormErrors, str } from '../../../forms';
import type { Lang } from '../../../i18n';

/**
 * The cycle's forms hold lists of records (progress periods, bindings, tasks), which the generic
 * form-body reader does not: these read them from numbered field names (`calendar.progressPeriods.0.due`)
 * and remember where each body row came from, so the API's problem at `calendar.progressPeriods.1.due`
 * lands on the form row it was typed in even when empty rows were skipped.
 */

/** A body path prefix and the form field prefix it came from. */
export type Renames = [body: string, form: string][];

/**
 * The rows of a per-leaf editor: each filled `<prefix>.<leaf>` field becomes one body row of `list`
 * (`make` builds it from the leaf and the typed text), with the rename that puts the API's error for
 * `<list>.<i>` back at its field. Blank fields give no row.
 */
export function leafRowsFrom<T>(
  form: FormValues,
  prefix: string,
  list: string,
  make: (leaf: string, typed: string) => T,
): { rows: T[]; renames: Renames; fields: string[] } {
  const rows: T[] = [];
  const renames: Renames = [];
  const fields: string[] = [list];
  for (const key of Object.keys(form)) {
    if (!key.startsWith(`${prefix}.`)) continue;
    fields.push(key);
    const typed = str(form[key]).trim();
    if (!typed) continue;
    renames.push([`${list}.${rows.length}`, key]);
    rows.push(make(key.slice(prefix.length + 1), typed));
  }
  return { rows, renames, fields };
}

export const WINDOWS = ['selfAssessment', 'verification', 'review', 'appeal'] as const;
export const PERIOD_FIELDS = ['code', 'name', 'ends', 'due'] as const;
/** Progress period rows the create form offers (the schema takes up to 12). */
export const PERIOD_ROWS = 4;

const text = (form: FormValues, name: string) => str(form[name]).trim();

/** The row numbers a form carries under `prefix.<n>.`, in order. */
export function rowNumbers(form: FormValues, prefix: string): number[] {
  const re = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)\\.`);
  const seen = new Set<number>();
  for (const k of Object.keys(form)) {
    const m = re.exec(k);
    if (m) seen.add(Number(m[1]));
  }
  return [...seen].sort((a, b) => a - b);
}

/**
 * The filled rows of a numbered list (a row with nothing typed is dropped; a partly filled one is
 * sent whole, so the API names what is missing), with the renames of their body paths.
 */
export function rowsOf<F extends string>(
  form: FormValues,
  formPrefix: string,
  bodyPrefix: string,
  fields: readonly F[],
  renames: Renames,
): Record<F, string>[] {
  const out: Record<F, string>[] = [];
  for (const n of rowNumbers(form, formPrefix)) {
    const row = Object.fromEntries(fields.map((f) => [f, text(form, `${formPrefix}.${n}.${f}`)])) as Record<
      F,
      string
    >;
    if (fields.every((f) => row[f] === '')) continue;
    renames.push([`${bodyPrefix}.${out.length}`, `${formPrefix}.${n}`]);
    out.push(row);
  }
  return out;
}

/** The calendar from `calendar.*` fields. */
export function calendarFrom(form: FormValues, renames: Renames): Calendar {
  const days = text(form, 'calendar.consultationDays');
  const window = (w: string) => ({
    opens: text(form, `calendar.${w}.opens`),
    closes: text(form, `calendar.${w}.closes`),
  });
  const cal = {
    planDeadline: text(form, 'calendar.planDeadline'),
    ...(days ? { consultationDays: numberFrom(days) } : {}),
    progressPeriods: rowsOf(
      form,
      'calendar.progressPeriods',
      'calendar.progressPeriods',
      PERIOD_FIELDS,
      renames,
    ),
    selfAssessment: window('selfAssessment'),
    verification: window('verification'),
    review: window('review'),
    appeal: window('appeal'),
  };
  // Typed as the API's body; what was typed is checked by the API, whose problem comes back to the fields.
  return cal as unknown as Calendar;
}

/** Every field name of the calendar form with `periods` rows. */
export const calendarFieldNames = (periods: number): string[] => [
  'calendar',
  'calendar.planDeadline',
  'calendar.consultationDays',
  'calendar.progressPeriods',
  ...Array.from({ length: periods }, (_, i) =>
    PERIOD_FIELDS.map((f) => `calendar.progressPeriods.${i}.${f}`),
  ).flat(),
  ...WINDOWS.flatMap((w) => [`calendar.${w}.opens`, `calendar.${w}.closes`]),
];

/** The binding checkboxes: `bind.<system id>` (group codes), with `bindv.<system id>` (the approved version). */
export const bindName = (system: string) => `bind.${system}`;
export const bindVersionName = (system: string) => `bindv.${system}`;

/** The body of "open a cycle", the renames of its rows, and the form's field names. */
export function cycleCreateFrom(form: FormValues): { body: CycleCreate; renames: Renames; fields: string[] } {
  const renames: Renames = [];
  const bindings: { system: string; systemVersion: number | string; groups: string[] }[] = [];
  const bindFields: string[] = [];
  for (const key of Object.keys(form)) {
    if (!key.startsWith('bindv.')) continue;
    const system = key.slice('bindv.'.length);
    bindFields.push(bindName(system));
    const groups = list(form[bindName(system)]).filter((g) => g.trim() !== '');
    if (groups.length === 0) continue;
    renames.push([`bindings.${bindings.length}`, bindName(system)]);
    bindings.push({ system, systemVersion: numberFrom(text(form, key)), groups });
  }
  const green = text(form, 'warningRule.greenAtLeast');
  const yellow = text(form, 'warningRule.yellowAtLeast');
  const year = text(form, 'year');
  const kind = text(form, 'kind') || 'annual';
  const body = {
    name: text(form, 'name'),
    year: year ? numberFrom(year) : '',
    kind,
    ...(kind === 'special' && text(form, 'subject') ? { subject: text(form, 'subject') } : {}),
    ...(text(form, 'scope') ? { scope: text(form, 'scope') } : {}),
    bindings,
    calendar: calendarFrom(form, renames),
    ...(green || yellow
      ? { warningRule: { greenAtLeast: numberFrom(green), yellowAtLeast: numberFrom(yellow) } }
      : {}),
  };
  const periods = Math.max(PERIOD_ROWS, ...rowNumbers(form, 'calendar.progressPeriods').map((n) => n + 1));
  const fields = [
    'name',
    'year',
    'kind',
    'subject',
    'scope',
    'bindings',
    ...bindFields,
    ...calendarFieldNames(periods),
    'warningRule.greenAtLeast',
    'warningRule.yellowAtLeast',
  ];
  return { body: body as unknown as CycleCreate, renames, fields };
}

const renamed = (path: string, renames: Renames): string => {
  const inBody = path.startsWith('body.');
  let p = inBody ? path.slice('body.'.length) : path;
  for (const [from, to] of renames) {
    if (p === from || p.startsWith(`${from}.`)) {
      p = to + p.slice(from.length);
      break;
    }
  }
  return inBody ? `body.${p}` : p;
};

/** The API's problem at the form's fields, body rows renamed to the form rows they came from. */
export function rowErrors(
  problem: Problem,
  lang: Lang,
  renames: Renames,
  fields: readonly string[],
): FormErrors {
  const errors = problem.errors?.map((e) => ({ ...e, path: renamed(e.path, renames) }));
  return problemToFormErrors({ ...problem, ...(errors ? { errors } : {}) }, lang, fields);
}
