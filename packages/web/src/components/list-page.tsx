import type { Child } from 'hono/jsx';
import { useView } from '../context';
import { t } from '../i18n';
import { Flash } from './feedback';
import { Pager } from './pager';

export { PagedTable };

/**
 * The shape every list page shares: a title with its buttons, the flash, an optional filter form,
 * the table (or "nothing here"), and the pager. Callers give the columns and may add sections
 * before or after it.
 */
export interface Column<T> {
  label: string;
  /** Right-aligned (numbers). */
  num?: boolean;
  cell: (row: T) => Child;
}

export interface ListPageProps<T> {
  title: string;
  /** Buttons at the right of the title. */
  actions?: Child;
  /** A GET filter form: its fields; the 筛选 button is added. */
  filter?: { action: string; fields: Child };
  items: readonly T[];
  columns: readonly Column<T>[];
  /** Attributes of each body row (e.g. `data-id`). */
  rowAttrs?: (row: T) => Record<string, string | undefined>;
  nextCursor?: string | undefined;
  hasPrev: boolean;
  /** Shown instead of the table when there are no items; defaults to 暂无数据。 */
  empty?: Child;
}

export function ListPage<T>(props: ListPageProps<T>) {
  const { lang } = useView();
  return (
    <>
      <div class="toolbar">
        <h1>{props.title}</h1>
        <span class="spacer" />
        {props.actions ?? null}
      </div>
      <Flash />
      {props.filter ? (
        <form method="get" action={props.filter.action} class="toolbar">
          {props.filter.fields}
          <div class="field">
            <button class="secondary" type="submit">
              {t(lang, 'filter')}
            </button>
          </div>
        </form>
      ) : null}
      <PagedTable
        items={props.items}
        columns={props.columns}
        {...(props.rowAttrs ? { rowAttrs: props.rowAttrs } : {})}
        {...(props.empty !== undefined ? { empty: props.empty } : {})}
        nextCursor={props.nextCursor}
        hasPrev={props.hasPrev}
      />
    </>
  );
}

/**
 * A list's table (or "nothing here") and its pager, without the heading: for pages that put more
 * than a title above the table (the cycle overview's counts). `scroll` lets a wide table scroll.
 */
function PagedTable<T>(props: {
  items: readonly T[];
  columns: readonly Column<T>[];
  rowAttrs?: (row: T) => Record<string, string | undefined>;
  empty?: Child;
  nextCursor?: string | undefined;
  hasPrev: boolean;
  scroll?: boolean;
}) {
  const { lang } = useView();
  const table = (
    <table>
      <thead>
        <tr>
          {props.columns.map((col) => (
            <th scope="col" class={col.num ? 'num' : undefined}>
              {col.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.items.map((row) => (
          <tr {...(props.rowAttrs?.(row) ?? {})}>
            {props.columns.map((col) => (
              <td class={col.num ? 'num' : undefined}>{col.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <>
      {props.items.length === 0 ? (
        <p class="card">{props.empty ?? t(lang, 'noItems')}</p>
      ) : props.scroll ? (
        <div class="scroll">{table}</div>
      ) : (
        table
      )}
      <Pager nextCursor={props.nextCursor} hasPrev={props.hasPrev} />
    </>
  );
}
