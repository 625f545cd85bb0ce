import type { RouteConfig } from '@hono/zod-openapi';
import type { CallInput } from '../client/api-client';
import { type FormValues, list, str } from './values';

/**
 * One conversion between an HTML form and a route's JSON body, driven by the route's own body
 * schema (its contract), so a form cannot drift from the API: the schema says which fields exist
 * and what each is.
 *
 * - text and enums: trimmed text;
 * - numbers: from the typed text (full-width digits too); text that is not a number is sent as
 *   typed, for the API to refuse at its path;
 * - booleans: checkboxes (an unchecked box is not submitted at all: false);
 * - arrays: repeated fields or checkbox groups (always sent, empty values dropped);
 * - nested objects: dotted field names (`evidence.description`).
 *
 * A field left empty: `null` when the schema lets null clear it (PATCH); omitted when it is
 * optional on a create; on an update (PATCH) an optional field the form showed and the user emptied
 * is sent as '' so the API says why it cannot be emptied, rather than it being silently kept. A
 * required field is always sent (as '' when empty or absent), so the API names it. Fields the
 * schema does not have (`_idem`) are dropped; a field the form did not carry is left out.
 */

export type FieldKind = 'text' | 'number' | 'boolean' | 'list' | 'object';

export interface FormField {
  /** The form field's name: the body key, dotted below a nested object. */
  name: string;
  kind: FieldKind;
  /** May be left out (optional, or has a default). */
  optional: boolean;
  /** `null` clears it (a PATCH's clearable field). */
  nullable: boolean;
  /** An enum's values. */
  options?: readonly string[];
  /** What a list holds. */
  item?: 'text' | 'number';
  /** A nested object's fields. */
  fields?: FormField[];
}

/** The bits of a zod 4 schema definition this module reads. */
interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  element?: Schema;
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  shape?: Record<string, Schema>;
}
interface Schema {
  _zod: { def: Def };
}

const defOf = (s: unknown): Def => (s as Schema)._zod.def;

/** Unwraps optional, nullable, default, readonly and pipes, noting what they said. */
function unwrap(schema: Schema): { def: Def; optional: boolean; nullable: boolean } {
  let s = schema;
  let optional = false;
  let nullable = false;
  for (let i = 0; i < 20; i++) {
    const d = defOf(s);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'prefault') {
      optional = true;
      s = d.innerType!;
    } else if (d.type === 'nullable') {
      nullable = true;
      s = d.innerType!;
    } else if (d.type === 'readonly' || d.type === 'catch' || d.type === 'nonoptional') {
      s = d.innerType!;
    } else if (d.type === 'pipe') {
      s = (defOf(d.in).type === 'transform' ? d.out : d.in)!;
    } else {
      return { def: d, optional, nullable };
    }
  }
  return { def: defOf(s), optional, nullable };
}

const scalarKind = (d: Def): 'text' | 'number' | 'boolean' =>
  d.type === 'number' || d.type === 'int' || d.type === 'bigint'
    ? 'number'
    : d.type === 'boolean'
      ? 'boolean'
      : 'text';

const optionsOf = (d: Def): readonly string[] | undefined =>
  d.type === 'enum' && d.entries
    ? Object.values(d.entries).map(String)
    : d.type === 'literal' && d.values
      ? d.values.map(String)
      : undefined;

/** The fields of an object schema, in the schema's order. */
export function fieldsOf(schema: unknown, prefix = ''): FormField[] {
  const { def } = unwrap(schema as Schema);
  if (def.type !== 'object' || !def.shape) return [];
  return Object.entries(def.shape).map(([key, s]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    const { def: d, optional, nullable } = unwrap(s);
    const base = { name, optional, nullable };
    if (d.type === 'object') return { ...base, kind: 'object', fields: fieldsOf(s, name) };
    if (d.type === 'array') {
      const item = unwrap(d.element!).def;
      const options = optionsOf(item);
      return {
        ...base,
        kind: 'list',
        item: scalarKind(item) === 'number' ? 'number' : 'text',
        ...(options ? { options } : {}),
      };
    }
    const options = optionsOf(d);
    return { ...base, kind: scalarKind(d), ...(options ? { options } : {}) };
  });
}

/** The JSON body schema a route's contract declares (undefined for a route without one). */
export const bodySchemaOf = (route: RouteConfig): unknown =>
  (route.request?.body?.content as Record<string, { schema?: unknown }> | undefined)?.['application/json']
    ?.schema;

/** Every form field name of the route's body, nested ones dotted. */
export function fieldNames(route: RouteConfig): string[] {
  const walk = (fs: FormField[]): string[] =>
    fs.flatMap((f) => (f.kind === 'object' ? walk(f.fields ?? []) : [f.name]));
  return walk(fieldsOf(bodySchemaOf(route)));
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A number as typed (full-width digits read as digits); other text as typed. */
export function numberFrom(text: string): number | string {
  const v = text.normalize('NFKC').trim();
  return NUMBER.test(v) ? Number(v) : text.trim();
}

const OMIT = Symbol('omit');
const UNCHECKED = new Set(['', 'false', '0', 'off']);

function fieldValue(f: FormField, form: FormValues, update: boolean): unknown {
  const raw = form[f.name];
  switch (f.kind) {
    case 'boolean':
      return raw !== undefined && !UNCHECKED.has(str(raw));
    case 'list': {
      const items = list(raw)
        .map((x) => x.trim())
        .filter((x) => x !== '');
      return f.item === 'number' ? items.map(numberFrom) : items;
    }
    case 'object': {
      const body = toJson(f.fields ?? [], form, update);
      return f.optional && Object.keys(body).length === 0 ? OMIT : body;
    }
    default: {
      const s = str(raw).trim();
      if (s !== '') return f.kind === 'number' ? numberFrom(s) : s;
      if (!f.optional && !f.nullable) return '';
      if (raw === undefined) return OMIT;
      if (f.nullable) return null;
      return update ? '' : OMIT;
    }
  }
}

function toJson(fields: FormField[], form: FormValues, update: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = fieldValue(f, form, update);
    if (v !== OMIT) out[f.name.slice(f.name.lastIndexOf('.') + 1)] = v;
  }
  return out;
}

/** The body a route's contract declares, as the console's client takes it. */
export type BodyOf<R extends RouteConfig> = CallInput<R> extends { body: infer B } ? B : never;

/**
 * The route's JSON body from a submitted form. Typed as the body the route takes; what the user
 * typed is not checked here (text in a number field stays text): the API validates it and its
 * problem comes back to the fields.
 */
export function formBody<R extends RouteConfig>(route: R, form: FormValues): BodyOf<R> {
  return toJson(fieldsOf(bodySchemaOf(route)), form, route.method === 'patch') as BodyOf<R>;
}

/** The form's values for a record (an edit form filled from what the API answered). */
export function formValues(route: RouteConfig, data: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  const walk = (fields: FormField[], at: Record<string, unknown>) => {
    for (const f of fields) {
      const v = at[f.name.slice(f.name.lastIndexOf('.') + 1)];
      if (f.kind === 'object') walk(f.fields ?? [], (v ?? {}) as Record<string, unknown>);
      else if (f.kind === 'boolean') out[f.name] = v === true ? 'true' : undefined;
      else if (f.kind === 'list') out[f.name] = Array.isArray(v) ? v.map(String) : [];
      else out[f.name] = v === undefined || v === null ? '' : String(v);
    }
  };
  walk(fieldsOf(bodySchemaOf(route)), data);
  return out;
}
