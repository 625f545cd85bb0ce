import type { Child } from 'hono/jsx';
import type { Option } from '../../../components/fields';

/**
 * Compact controls for the unit's long forms (a plan, a progress report, a self-assessment): a
 * label, the control (`f-<name>` id, dots as underscores) and its error under it, in the editor's
 * grid (`form.editor .cell`). Errors come keyed by the control's name.
 */

export type FieldErrors = Record<string, string>;

export const fid = (name: string) => `f-${name.replace(/\./g, '_')}`;

const invalid = (errors: FieldErrors, name: string) =>
  errors[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${fid(name)}-error` } : {};

export function Err(props: { name: string; errors: FieldErrors }) {
  const e = props.errors[props.name];
  return e ? (
    <p class="error" id={`${fid(props.name)}-error`}>
      {e}
    </p>
  ) : null;
}

interface CellProps {
  name: string;
  label: string;
  value: string;
  errors: FieldErrors;
  class?: string;
  hint?: string;
}

const Hint = (props: { name: string; hint?: string }) =>
  props.hint ? (
    <span class="hint" id={`${fid(props.name)}-hint`}>
      {props.hint}
    </span>
  ) : null;

export function Cell(props: CellProps & { inputmode?: 'decimal' | 'text'; type?: 'text' | 'date' }) {
  const id = fid(props.name);
  return (
    <div class={`cell${props.class ? ` ${props.class}` : ''}`}>
      <label for={id}>{props.label}</label>
      <Hint name={props.name} hint={props.hint} />
      <input
        type={props.type ?? 'text'}
        id={id}
        name={props.name}
        value={props.value}
        inputmode={props.inputmode}
        autocomplete="off"
        {...invalid(props.errors, props.name)}
      />
      <Err name={props.name} errors={props.errors} />
    </div>
  );
}

export function CellArea(props: CellProps & { rows?: number }) {
  const id = fid(props.name);
  return (
    <div class={`cell${props.class ? ` ${props.class}` : ''}`}>
      <label for={id}>{props.label}</label>
      <Hint name={props.name} hint={props.hint} />
      <textarea id={id} name={props.name} rows={props.rows ?? 3} {...invalid(props.errors, props.name)}>
        {props.value}
      </textarea>
      <Err name={props.name} errors={props.errors} />
    </div>
  );
}

export function CellSelect(props: CellProps & { options: readonly Option[] }) {
  const id = fid(props.name);
  return (
    <div class={`cell${props.class ? ` ${props.class}` : ''}`}>
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} {...invalid(props.errors, props.name)}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Err name={props.name} errors={props.errors} />
    </div>
  );
}

/** A read-only value in the grid, with its label (a provider's value, the office's target). */
export const CellText = (props: { label: string; children: Child; class?: string }) => (
  <div class={`cell${props.class ? ` ${props.class}` : ''}`}>
    <span class="hint">{props.label}</span>
    <div>{props.children}</div>
  </div>
);

/** An input in a table cell: labelled for assistive technology by the column (`aria-label`). */
export function CellBare(props: {
  name: string;
  label: string;
  value: string;
  errors: FieldErrors;
  inputmode?: 'decimal' | 'text';
}) {
  return (
    <div class="cell">
      <input
        type="text"
        id={fid(props.name)}
        name={props.name}
        value={props.value}
        aria-label={props.label}
        inputmode={props.inputmode}
        autocomplete="off"
        {...invalid(props.errors, props.name)}
      />
      <Err name={props.name} errors={props.errors} />
    </div>
  );
}
