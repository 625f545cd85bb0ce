import type { RouteConfig } from '@hono/zod-openapi';
import type { Permission } from '@jixiao/api';
import type { Child } from 'hono/jsx';
import type { CallInput, SuccessOf } from '../client/api-client';
import { type Ctx, redirectOk, useView } from '../context';
import {
  type BodyOf,
  type FormErrors,
  type FormValues,
  fieldNames,
  formBody,
  idempotencyKeyFrom,
  newIdempotencyKey,
  noErrors,
  problemToFormErrors,
  readForm,
} from '../forms';
import { type MessageKey, t } from '../i18n';
import { useMay } from '../policy';
import { Flash } from './feedback';
import { Facts } from './fields';
import { statusOf } from './message-page';

/**
 * The pages of a record (unit, user, group, tenant): its create form's GET and POST, its edit
 * form's POST, and the record page itself. A POST sends the form to the route as its body; on
 * success the browser goes on (303 with the `?ok=` flash), otherwise the page shows the form again
 * with what was typed, the API's problem at its fields, and the API's status.
 */

type Show = (c: Ctx, values: FormValues, errors: FormErrors) => Response | Promise<Response>;

/** A create form: blank (with a fresh Idempotency-Key) on GET; sent with the key the form carried on POST. */
export function createPage<R extends RouteConfig>(def: {
  route: R;
  /** The call with the body read from the form (a create route takes only its body). */
  input: (body: BodyOf<R>) => CallInput<R>;
  /** The blank form's values besides its key. */
  blank: (c: Ctx) => FormValues;
  /** Where the created record is shown. */
  created: (data: SuccessOf<R>) => string;
  show: Show;
}) {
  return {
    get: (c: Ctx) => def.show(c, { _idem: newIdempotencyKey(), ...def.blank(c) }, noErrors()),
    post: async (c: Ctx) => {
      const form = await readForm(c);
      const idem = idempotencyKeyFrom(form);
      const input = def.input(formBody(def.route, form));
      const r = await c.get('api').call(def.route, { ...input, idempotencyKey: idem });
      if (r.ok) return redirectOk(c, def.created(r.data), 'created');
      c.status(statusOf(r.status));
      return def.show(
        c,
        { ...form, _idem: idem },
        problemToFormErrors(r.problem, c.get('lang'), fieldNames(def.route)),
      );
    },
  };
}

/** An edit form's POST: the call names the record from the page's path; back to the record's page when saved. */
export function updatePost<R extends RouteConfig>(def: {
  route: R;
  /** The call with the body read from the form. */
  input: (c: Ctx, body: BodyOf<R>) => CallInput<R>;
  /** The record's page. */
  saved: (c: Ctx) => string;
  show: Show;
}) {
  return async (c: Ctx) => {
    const form = await readForm(c);
    const r = await c.get('api').call(def.route, def.input(c, formBody(def.route, form)));
    if (r.ok) return redirectOk(c, def.saved(c), 'updated');
    c.status(statusOf(r.status));
    return def.show(c, form, problemToFormErrors(r.problem, c.get('lang'), fieldNames(def.route)));
  };
}

/**
 * A record's page: "编辑单位：name" for who may change it (else the name alone), the flash, its
 * facts (once read), the edit form for who may, then whatever else the page offers.
 */
export function RecordPage(props: {
  update: { 'x-permission': Permission };
  editTitle: MessageKey;
  title: string;
  facts: [string, Child][] | undefined;
  form: Child;
  children?: Child;
}) {
  const { lang } = useView();
  const mayEdit = useMay()(props.update);
  return (
    <>
      {mayEdit ? (
        <h1>
          {t(lang, props.editTitle)}
          {t(lang, 'colon')}
          {props.title}
        </h1>
      ) : (
        <h1>{props.title}</h1>
      )}
      <Flash />
      {props.facts ? <Facts rows={props.facts} /> : null}
      {mayEdit ? props.form : null}
      {props.children}
    </>
  );
}
