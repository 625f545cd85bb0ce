import type { Child } from 'hono/jsx';
import { useView } from '../context';
import { t } from '../i18n';

/**
 * Form fields as every console form renders them: a label, an optional hint, the control with
 * id `f-<name>`, and the field's error under it (`f-<name>-error`, linked by aria-describedby).
 */

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? `f-${name}-hint` : '', error ? `f-${name}-error` : ''].filter(Boolean).join(' ') || undefined;

export function FieldError(props: { name: string; error?: string }) {
  return props.error ? (
    <p class="error" id={`f-${props.name}-error`}>
      {props.error}
    </p>
  ) : null;
}

const Hint = (props: { id: string; hint?: string }) =>
  props.hint ? (
    <span class="hint" id={`${props.id}-hint`}>
      {props.hint}
    </span>
  ) : null;

export function TextField(props: {
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'email' | 'tel' | 'number';
  inputmode?: 'numeric' | 'email' | 'tel' | 'text';
  maxlength?: number;
  pattern?: string;
  autocomplete?: string;
  readonly?: boolean;
}) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <Hint id={id} hint={props.hint} />
      <input
        type={props.type ?? 'text'}
        id={id}
        name={props.name}
        value={props.value ?? ''}
        required={props.required}
        readonly={props.readonly}
        inputmode={props.inputmode}
        maxlength={props.maxlength}
        pattern={props.pattern}
        autocomplete={props.autocomplete ?? 'off'}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
      />
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}

export function TextArea(props: {
  name: string;
  label: string;
  value?: string;
  error?: string;
  maxlength?: number;
}) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        name={props.name}
        rows={3}
        maxlength={props.maxlength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, undefined, props.error)}
      >
        {props.value ?? ''}
      </textarea>
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: {
  name: string;
  label: string;
  options: readonly Option[];
  value?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  /** Label of an empty first option; none when absent. */
  empty?: string;
}) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <Hint id={id} hint={props.hint} />
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
      >
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}

export function CheckboxField(props: { name: string; label: string; checked: boolean; error?: string }) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label class="check" for={id}>
        <input
          type="checkbox"
          id={id}
          name={props.name}
          value="true"
          checked={props.checked}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy(props.name, undefined, props.error)}
        />
        {props.label}
      </label>
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}

export function CheckboxGroup(props: {
  name: string;
  legend: string;
  options: readonly Option[];
  values: string[];
  error?: string;
  hint?: string;
}) {
  const id = `f-${props.name}`;
  return (
    <fieldset
      class="field"
      id={id}
      aria-invalid={props.error ? 'true' : undefined}
      aria-describedby={describedBy(props.name, props.hint, props.error)}
    >
      <legend>{props.legend}</legend>
      <Hint id={id} hint={props.hint} />
      {props.options.map((o) => (
        <label class="check">
          <input type="checkbox" name={props.name} value={o.value} checked={props.values.includes(o.value)} />
          {o.label}
        </label>
      ))}
      <FieldError name={props.name} error={props.error} />
    </fieldset>
  );
}

export const Hidden = (props: { name: string; value: string | number }) => (
  <input type="hidden" name={props.name} value={String(props.value)} />
);

/** A form's submit button (新建 / 保存) and the way back. */
export function FormActions(props: { label: string; back: string }) {
  const { lang } = useView();
  return (
    <p>
      <button class="primary" type="submit">
        {props.label}
      </button>{' '}
      <a href={props.back}>{t(lang, 'cancel')}</a>
    </p>
  );
}

/** A card of facts: label, value. */
export const Facts = (props: { rows: [string, Child][] }) => (
  <section class="card">
    <dl class="facts">
      {props.rows.map(([k, val]) => (
        <>
          <dt>{k}</dt>
          <dd>{val}</dd>
        </>
      ))}
    </dl>
  </section>
);
