import type { Child } from 'hono/jsx';
import type { Column } from '../../../components/list-page';
import { Pager } from '../../../components/pager';
import { useView } from '../../../context';
import { t } from '../../../i18n';

/**
 * A list page's table and pager without its heading, for pages that put more than a title above
 * the table (the overview's counts). Same markup as the list pages'.
 */
export function PagedTable<T>(props: {
  items: readonly T[];
  columns: readonly Column<T>[];
  rowAttrs?: (row: T) => Record<string, string | undefined>;
  empty?: Child;
  nextCursor?: string | undefined;
  hasPrev: boolean;
}) {
  const { lang } = useView();
  return (
    <>
      {props.items.length === 0 ? (
        <p class="card">{props.empty ?? t(lang, 'noItems')}</p>
      ) : (
        <div class="scroll">
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
        </div>
      )}
      <Pager nextCursor={props.nextCursor} hasPrev={props.hasPrev} />
    </>
  );
}
