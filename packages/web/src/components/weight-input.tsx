import type { FormValues } from '../forms';
import { str } from '../forms';
import { FieldError } from './fields';

/** A weight (0–1000, decimals) typed into a table cell, with its error below it. */
export function WeightInput(props: {
  name: string;
  values: FormValues;
  error: string | undefined;
  label: string;
  placeholder?: string;
  hint?: string;
}) {
  const { name, error } = props;
  return (
    <>
      <input
        type="number"
        id={`f-${name}`}
        name={name}
        value={str(props.values[name])}
        min="0"
        max="1000"
        step="any"
        inputmode="decimal"
        placeholder={props.placeholder}
        aria-label={props.label}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `f-${name}-error` : props.hint}
      />
      <FieldError name={name} error={error} />
    </>
  );
}
