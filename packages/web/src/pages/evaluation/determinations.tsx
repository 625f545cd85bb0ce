import { useView } from '../../context';
import { formatDateTime, t } from '../../i18n';
import { EvalHeading } from './parts';
import { determinationHref, evaluationHref } from './paths';

/**
 * The units of a cycle and whether the office has recorded their year-end determinations
 * (`/console/cycles/:id/determinations`), each leading to its form.
 */

export interface DeterminationRow {
  unit: string;
  name: string;
  group: string;
  /** null: nothing determined yet; undefined: could not be read. */
  determined: { version: number; updatedAt: string } | null | undefined;
}

export function DeterminationsPage(props: {
  cycle: { id: string; name: string };
  rows: DeterminationRow[];
  groupNames: Map<string, string>;
}) {
  const { lang } = useView();
  const { cycle, rows } = props;
  const done = rows.filter((r) => r.determined).length;
  return (
    <>
      <EvalHeading
        cycle={cycle}
        title={`${t(lang, 'erDeterminations')} · ${cycle.name}`}
        back={{ href: evaluationHref(cycle.id), label: t(lang, 'erTitle') }}
      />
      <p class="hint">{t(lang, 'erDeterminationIntro')}</p>
      <p id="determinations-count">{t(lang, 'erDeterminedCount', { done, all: rows.length })}</p>
      {rows.length === 0 ? (
        <p class="muted">{t(lang, 'noItems')}</p>
      ) : (
        <div class="scroll">
          <table id="determinations">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'erUnit')}</th>
                <th scope="col">{t(lang, 'erGroup')}</th>
                <th scope="col">{t(lang, 'erDetermined')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr data-unit={r.unit} data-determined={String(!!r.determined)}>
                  <td>
                    <a href={determinationHref(cycle.id, r.unit)}>{r.name}</a>{' '}
                    <span class="code">{r.unit}</span>
                  </td>
                  <td>{props.groupNames.get(r.group) ?? r.group}</td>
                  <td>
                    {r.determined
                      ? t(lang, 'erDeterminedAt', {
                          n: r.determined.version,
                          at: formatDateTime(r.determined.updatedAt, lang),
                        })
                      : r.determined === null
                        ? t(lang, 'erNoDetermination')
                        : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
