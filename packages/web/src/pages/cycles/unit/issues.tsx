import { useView } from '../../../context';
import type { Lang } from '../../../i18n';
import type { FieldErrors } from './controls';

/**
 * Issues (what the API found missing or wrong, `{path, zh, en}`) placed on a long form: under the
 * field the path names, on the row it belongs to, or in the list at the top.
 */

export interface IssueAt {
  path: string;
  zh: string;
  en: string;
}

export interface Placed {
  fields: FieldErrors;
  /** Row index → issues about the row as a whole. */
  rows: Map<number, string[]>;
  other: string[];
}

export const nothingPlaced = (): Placed => ({ fields: {}, rows: new Map(), other: [] });

export function placeIssues(
  issues: readonly IssueAt[],
  lang: Lang,
  fieldOf: (path: string) => string | undefined,
  rowOf: (path: string) => number | undefined,
): Placed {
  const out = nothingPlaced();
  for (const issue of issues) {
    const text = issue[lang];
    const field = fieldOf(issue.path);
    const row = field === undefined ? rowOf(issue.path) : undefined;
    if (field !== undefined) out.fields[field] = out.fields[field] ? `${out.fields[field]}；${text}` : text;
    else if (row !== undefined) out.rows.set(row, [...(out.rows.get(row) ?? []), text]);
    else out.other.push(text);
  }
  return out;
}

/** A row's own issues, under its title. */
export function RowIssues(props: { issues: readonly string[] | undefined }) {
  if (!props.issues?.length) return null;
  return (
    <ul class="node-issues">
      {props.issues.map((i) => (
        <li>{i}</li>
      ))}
    </ul>
  );
}

/** The list at the top of a form: every issue, each a link to where it is (`#anchor`). */
export function IssueList(props: {
  issues: readonly IssueAt[];
  title: string;
  anchorOf: (path: string) => string | undefined;
}) {
  const { lang } = useView();
  if (props.issues.length === 0) return null;
  return (
    <section class="issues" aria-labelledby="h-issues" data-issues={props.issues.length}>
      <h2 id="h-issues">{props.title}</h2>
      <ol>
        {props.issues.map((i) => {
          const a = props.anchorOf(i.path);
          return <li data-path={i.path}>{a ? <a href={`#${a}`}>{i[lang]}</a> : i[lang]}</li>;
        })}
      </ol>
    </section>
  );
}
