import type { Problem } from './api';
import type { Lang } from './i18n';

/** A submitted (or to-be-rendered) form: each field is one string, or several for checkbox groups. */
export type FormValues = Record<string, string | string[] | undefined>;

/** How a form field becomes JSON for the API. */
export type FieldKind =
  /** required string: always sent, so the API can say it is missing */
  | 'string'
  /** optional string: omitted when empty */
  | 'optString'
  /** optional string on an edit form: null when emptied, which clears the stored value */
  | 'clearable'
  /** integer: omitted when empty; non-numeric text is sent as is for the API to reject */
  | 'int'
  /** checkbox: present → true, absent → false */
  | 'bool'
  /** checkbox group: always an array */
  | 'array';

export type FormSpec = Record<string, FieldKind>;

/** Normalises what `parseBody({ all: true })` gives (files are ignored). */
export function normaliseForm(raw: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

export const str = first;

export const list = (v: string | string[] | undefined): string[] =>
  Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v];

/** Converts form fields to the API's JSON body, following the spec (unknown fields are dropped). */
export function formToJson(form: FormValues, spec: FormSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(spec)) {
    const raw = form[name];
    switch (kind) {
      case 'string':
        out[name] = first(raw).trim();
        break;
      case 'optString': {
        const s = first(raw).trim();
        if (s !== '') out[name] = s;
        break;
      }
      case 'clearable': {
        const s = first(raw).trim();
        out[name] = s === '' ? null : s;
        break;
      }
      case 'int': {
        const s = first(raw).trim();
        if (s === '') break;
        out[name] = /^-?\d+$/.test(s) ? Number(s) : s;
        break;
      }
      case 'bool':
        // An unchecked checkbox is not submitted at all.
        out[name] = raw !== undefined && !['', 'false', '0', 'off'].includes(first(raw));
        break;
      case 'array':
        out[name] = list(raw).filter((s) => s !== '');
        break;
    }
  }
  return out;
}

/** Field errors from a problem, keyed by form field name (`body.roles.0` → `roles`). */
export interface FormErrors {
  /** The problem's overall message. */
  message?: string;
  code?: string;
  requestId?: string;
  fields: Record<string, string>;
  /** Issues that point at no field on the form. */
  other: string[];
}

export const noErrors = (): FormErrors => ({ fields: {}, other: [] });

export function problemToFormErrors(problem: Problem, lang: Lang, fieldNames: readonly string[]): FormErrors {
  const fe: FormErrors = {
    message: problem.message[lang],
    code: problem.code,
    requestId: problem.requestId,
    fields: {},
    other: [],
  };
  for (const issue of problem.errors ?? []) {
    const parts = issue.path.split('.');
    const name = parts[0] === 'body' ? parts[1] : parts[0];
    const text = issue[lang];
    if (name && fieldNames.includes(name)) {
      fe.fields[name] = fe.fields[name] ? `${fe.fields[name]}；${text}` : text;
    } else {
      fe.other.push(text);
    }
  }
  return fe;
}

/** A fresh Idempotency-Key for a create form. */
export const newIdempotencyKey = (): string => crypto.randomUUID();

const KEY = /^[A-Za-z0-9_.-]{8,64}$/;

/** The key the form carried, or a fresh one if it is missing or malformed. */
export const idempotencyKeyFrom = (form: FormValues): string => {
  const k = first(form._idem);
  return KEY.test(k) ? k : newIdempotencyKey();
};
