import type { Child } from 'hono/jsx';
import { type FormErrors, type FormValues, str } from '../forms';

/** One cell of a rows editor: its form name (`<prefix>.<i>.<field>`), label, value and error. */
export interface RowCell {
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
}

/**
 * A list edited as table rows with blank ones to add to (the work plan's tasks, the meeting's
 * members…): one header per field, `rows` rows, and each cell drawn by the page's `cell`.
 */
export function RowsTable(props: {
  prefix: string;
  fields: readonly string[];
  /** A field's column heading. */
  heading: (field: string) => string;
  rows: number;
  values: FormValues;
  errors: FormErrors;
  caption: string;
  cell: (field: string, cell: RowCell) => Child;
}) {
  return (
    <div class="scroll">
      <table id={`f-${props.prefix}`}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.fields.map((f) => (
              <th scope="col">{props.heading(f)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: props.rows }, (_, i) => (
            <tr>
              {props.fields.map((f) => {
                const name = `${props.prefix}.${i}.${f}`;
                const cell = {
                  name,
                  label: `${i + 1} ${props.heading(f)}`,
                  value: str(props.values[name]),
                  error: props.errors.fields[name],
                };
                return <td>{props.cell(f, cell)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
