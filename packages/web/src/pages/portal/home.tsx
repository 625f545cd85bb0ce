import type { CONTRACTS } from '@jixiao/api/contracts';
import type { PublicResultsList } from '@jixiao/core';
import type { SuccessOf } from '../../client/api-client';
import { useView } from '../../context';
import { formatDateTime, t } from '../../i18n';
import { PublicFrame } from '../public/parts';
import { planHref, plansHref, publicResultsHref } from '../public/paths';

/**
 * `/console/public/:tenant`: the tenant's public home — its published evaluation results by year
 * (newest first) and its published annual plans — with no navigation of the console.
 */

/** How many published plans the home lists before the link to all of them. */
const PLANS_SHOWN = 10;

type PublicPlanList = SuccessOf<typeof CONTRACTS.publicPlans.plans>;

function ResultsByYear(props: { list: PublicResultsList }) {
  const { lang } = useView();
  const { list } = props;
  const years = [...new Set(list.items.map((i) => i.year))].sort((a, b) => b - a);
  return (
    <section aria-labelledby="h-results" id="published-results">
      <h2 id="h-results">{t(lang, 'ptResults')}</h2>
      {years.length === 0 ? <p class="card">{t(lang, 'ptNoResults')}</p> : null}
      {years.map((y) => (
        <section class="card" aria-labelledby={`h-year-${y}`} data-year={y}>
          <h3 id={`h-year-${y}`}>{t(lang, 'ptYear', { year: y })}</h3>
          <ul class="plain links">
            {list.items
              .filter((i) => i.year === y)
              .map((i) => (
                <li data-cycle={i.cycle}>
                  <a href={publicResultsHref(list.tenant.code, i.cycle)}>{i.cycleName}</a>
                  <p class="muted">
                    {t(lang, 'ptPublishedAt', { at: formatDateTime(i.publishedAt, lang) })} ·{' '}
                    {t(lang, 'ptUnitsGroups', { units: i.units, groups: i.groups })}
                  </p>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function Plans(props: { tenant: string; plans: PublicPlanList | undefined }) {
  const { lang } = useView();
  const items = props.plans?.items ?? [];
  return (
    <section aria-labelledby="h-plans" id="published-plans">
      <h2 id="h-plans">{t(lang, 'pubPlansTitle')}</h2>
      {items.length === 0 ? (
        <p class="card">{t(lang, 'pubNoPlans')}</p>
      ) : (
        <div class="card">
          <ul class="plain links">
            {items.slice(0, PLANS_SHOWN).map((p) => (
              <li data-unit={p.unit}>
                <a href={planHref(props.tenant, p.cycle, p.unit)}>
                  {t(lang, 'pubPlanTitle', { unit: p.unitName, year: p.year })}
                </a>
              </li>
            ))}
          </ul>
          <p>
            <a href={plansHref(props.tenant)} class="more">
              {t(lang, 'ptAllPlans', { n: items.length })}
            </a>
          </p>
        </div>
      )}
    </section>
  );
}

export function PortalHome(props: { list: PublicResultsList; plans: PublicPlanList | undefined }) {
  const { lang } = useView();
  const { list } = props;
  return (
    <PublicFrame>
      <h1>{t(lang, 'ptHomeTitle', { tenant: list.tenant.name })}</h1>
      <p class="lead">{t(lang, 'ptHomeIntro')}</p>
      <ResultsByYear list={list} />
      <Plans tenant={list.tenant.code} plans={props.plans} />
    </PublicFrame>
  );
}
