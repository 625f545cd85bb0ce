import type { SharedResult } from '@jixiao/core';
import { problemPage } from '../../components/message-page';
import { type Ctx, useView } from '../../context';
import { formatDateTime, t } from '../../i18n';
import { runName, stampText } from '../evaluation/parts';
import { coverageText, levelText } from './format';
import { sharedHref, snapshotHref } from './paths';
import { SHARED } from './routes';
import { ComparisonTabs } from './tabs';

/**
 * 共享成果 (`/console/comparisons/shared[?year=]`): the years regions shared, and the snapshots of
 * one year — who, which cycle and run, released when, public or not, how much of the region's own
 * points the mapped indicators cover, how many indicators. Each links to the snapshot itself.
 */

/** The years as links, the chosen one marked. */
export function YearLinks(props: {
  years: readonly number[];
  year: number | undefined;
  href: (y: number) => string;
}) {
  const { lang } = useView();
  return (
    <nav aria-label={t(lang, 'srYears')} class="toolbar" id="years">
      <strong>{t(lang, 'srYears')}</strong>
      {[...props.years].reverse().map((y) => (
        <a href={props.href(y)} aria-current={y === props.year ? 'page' : undefined} data-year={y}>
          {t(lang, 'srYear', { year: y })}
        </a>
      ))}
    </nav>
  );
}

function SharedTable(props: { year: number; items: readonly SharedResult[] }) {
  const { lang } = useView();
  if (props.items.length === 0)
    return (
      <p class="card" id="shared-empty">
        {t(lang, 'srNoneInYear', { year: props.year })}
      </p>
    );
  return (
    <div class="scroll">
      <table id="shared-results">
        <caption>{t(lang, 'srCaption', { year: props.year, n: props.items.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'srTenant')}</th>
            <th scope="col">{t(lang, 'srLevel')}</th>
            <th scope="col">{t(lang, 'srCycle')}</th>
            <th scope="col">{t(lang, 'srRun')}</th>
            <th scope="col">{t(lang, 'srReleased')}</th>
            <th scope="col">{t(lang, 'srPublished')}</th>
            <th scope="col">{t(lang, 'srCoverage')}</th>
            <th scope="col" class="num">
              {t(lang, 'srIndicators')}
            </th>
            <th scope="col">{t(lang, 'srSharedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((s) => (
            <tr id={`shared-${s.tenant}`} data-tenant={s.tenant}>
              <th scope="row">
                <a href={snapshotHref(s.year, s.tenant)}>{s.tenantName}</a>
              </th>
              <td>{levelText(lang, s.level)}</td>
              <td>{s.cycle.name}</td>
              <td>{runName(lang, s.run)}</td>
              <td>{formatDateTime(s.run.released, lang)}</td>
              <td>
                <span class={s.published ? 'badge ok' : 'badge'} data-published={String(s.published)}>
                  {t(lang, s.published ? 'srPublishedYes' : 'srPublishedNo')}
                </span>
              </td>
              <td data-coverage>{coverageText(lang, s.coverage)}</td>
              <td class="num">{s.indicators.length}</td>
              <td>{stampText(lang, s.shared)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SharedPage(props: { years: number[]; year: number | undefined; items: readonly SharedResult[] }) {
  const { lang } = useView();
  return (
    <>
      <h1>{t(lang, 'srTitle')}</h1>
      <ComparisonTabs current="shared" />
      <p class="hint">{t(lang, 'srIntro')}</p>
      {props.year === undefined ? (
        <p class="card" id="shared-empty">
          {t(lang, 'srNoYears')}
        </p>
      ) : (
        <>
          <YearLinks years={props.years} year={props.year} href={sharedHref} />
          <SharedTable year={props.year} items={props.items} />
        </>
      )}
    </>
  );
}

/** The years regions shared, oldest first (an answer the caller may not have: its problem). */
export async function sharedYears(c: Ctx) {
  const r = await c.get('api').call(SHARED.years, {});
  return r.ok ? { ok: true as const, years: [...r.data.years].sort((a, b) => a - b) } : r;
}

/** `GET /console/comparisons/shared[?year=]`. */
export async function sharedPage(c: Ctx) {
  const years = await sharedYears(c);
  if (!years.ok) return problemPage(c, years.problem);
  const asked = Number(c.req.query('year'));
  const year = years.years.includes(asked) ? asked : years.years[years.years.length - 1];
  let items: SharedResult[] = [];
  if (year !== undefined) {
    const r = await c.get('api').all(SHARED.list, { query: { year } });
    if (!r.ok) return problemPage(c, r.problem);
    items = [...r.data.items].sort((a, b) => a.tenant.localeCompare(b.tenant));
  }
  return c.render(<SharedPage years={years.years} year={year} items={items} />, {
    title: t(c.get('lang'), 'srTitle'),
  });
}
