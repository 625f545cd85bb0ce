import type { Context } from 'hono';

/** A submitted (or to-be-rendered) form: each field is one string, or several for checkbox groups. */
export type FormValues = Record<string, string | string[] | undefined>;

/** Normalises what `parseBody({ all: true })` gives (files are ignored). */
export function normaliseForm(raw: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

/** The submitted form of a request, normalised. */
export async function readForm(c: Context): Promise<FormValues> {
  return normaliseForm((await c.req.parseBody({ all: true })) as Record<string, unknown>);
}

/** A field's one value ('' when absent; the first of several). */
export const str = (v: string | string[] | undefined): string =>
  Array.isArray(v) ? (v[0] ?? '') : (v ?? '');

/** A field's values (checkbox groups, repeated fields). */
export const list = (v: string | string[] | undefined): string[] =>
  Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v];

/** A fresh Idempotency-Key for a create form. */
export const newIdempotencyKey = (): string => crypto.randomUUID();

const KEY = /^[A-Za-z0-9_.-]{8,64}$/;

/** The key the form carried, or a fresh one if it is missing or malformed. */
export const idempotencyKeyFrom = (form: FormValues): string => {
  const k = str(form._idem);
  return KEY.test(k) ? k : newIdempotencyKey();
};
