import { useView } from '../../../context';
import { num, t } from '../../../i18n';
import { NodeIssues } from '../version/issues';
import { sumWeights } from './content';
import type { EditorErrors } from './place-issues';

/**
 * The editor's controls: compact inputs (`f-<name>` ids, dots as underscores), selects, text
 * areas, the structural buttons (`op`), and the live weight sums (kept current by the
 * editor-sums asset as the user types; the server's own sums otherwise).
 */

export function SumOut(props: { forKey: string; values: string[]; expected: string }) {
  const { lang } = useView();
  const s = sumWeights(props.values);
  const e = sumWeights([props.expected]);
  const ok = s !== undefined && e !== undefined && Math.round(s * 1e6) === Math.round(e * 1e6);
  const tpl = t(lang, 'sumLine', { sum: '{sum}', expected: '{expected}' });
  return (
    <output
      class={`sum ${ok ? 'ok' : 'bad'}`}
      data-sum-for={props.forKey}
      data-tpl={tpl}
      data-ok={ok ? 'true' : 'false'}
      aria-live="polite"
    >
      {t(lang, 'sumLine', {
        sum: s === undefined ? '?' : num(s),
        expected: e === undefined ? '?' : num(e),
      })}
    </output>
  );
}

export const fid = (name: string) => `f-${name.replace(/\./g, '_')}`;

export function Err(props: { name: string; errors: EditorErrors }) {
  const e = props.errors.fields[props.name];
  return e ? (
    <p class="error" id={`${fid(props.name)}-error`}>
      {e}
    </p>
  ) : null;
}

export const invalid = (errors: EditorErrors, name: string) =>
  errors.fields[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${fid(name)}-error` } : {};

export function Inp(props: {
  name: string;
  value: string;
  label: string;
  errors: EditorErrors;
  class?: string;
  autofocus?: boolean;
  visibleLabel?: boolean;
  inputmode?: 'decimal' | 'text';
  data?: Record<string, string>;
}) {
  const id = fid(props.name);
  const dataAttrs = Object.fromEntries(Object.entries(props.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <div class={`cell${props.class ? ` ${props.class}` : ''}`}>
      {props.visibleLabel ? <label for={id}>{props.label}</label> : null}
      <input
        type="text"
        id={id}
        name={props.name}
        value={props.value}
        aria-label={props.visibleLabel ? undefined : props.label}
        autofocus={props.autofocus}
        inputmode={props.inputmode}
        autocomplete="off"
        {...invalid(props.errors, props.name)}
        {...dataAttrs}
      />
      <Err name={props.name} errors={props.errors} />
    </div>
  );
}

export function Sel(props: {
  name: string;
  value: string;
  label: string;
  options: { value: string; label: string }[];
  errors: EditorErrors;
}) {
  const id = fid(props.name);
  return (
    <div class="cell">
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

export function Area(props: {
  name: string;
  value: string;
  label: string;
  errors: EditorErrors;
  rows?: number;
}) {
  const id = fid(props.name);
  return (
    <div class="cell wide">
      <label for={id}>{props.label}</label>
      <textarea id={id} name={props.name} rows={props.rows ?? 2} {...invalid(props.errors, props.name)}>
        {props.value}
      </textarea>
      <Err name={props.name} errors={props.errors} />
    </div>
  );
}

export const OpButton = (props: { op: string; label: string; title?: string; danger?: boolean }) => (
  <button
    type="submit"
    name="op"
    value={props.op}
    class={props.danger ? 'mini danger' : 'mini'}
    title={props.title}
    aria-label={props.title}
    formnovalidate
  >
    {props.label}
  </button>
);

/** A unit group as the editor offers it for 适用分组. */
export interface GroupOption {
  code: string;
  name: string;
}

/** Issues on a row that no field of the form shows. */
export function RowIssues(props: { errors: EditorErrors; anchor: string }) {
  const x = props.errors.rows.get(props.anchor);
  return x ? <NodeIssues issues={x.map((m) => ({ path: props.anchor, zh: m, en: m }))} /> : null;
}
