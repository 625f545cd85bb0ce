import { CONTRACTS } from '@jixiao/api/contracts';
import { PLAN_STATUS_LABELS, PLAN_STATUSES } from '@jixiao/core';
import { BASE, type Ctx, useView } from '../../context';
import { t } from '../../i18n';
import { countText, ProblemNote } from './problem-note';

/** The platform operator's card: tenants by plan status. */
export const loadOperator = (c: Ctx) => c.get('api').all(CONTRACTS.platformTenants.list, {});

export function OperatorCard(props: { tenants: Awaited<ReturnType<typeof loadOperator>> }) {
  const { lang } = useView();
  const r = props.tenants;
  if (!r.ok) return <ProblemNote problem={r.problem} />;
  const { items, complete } = r.data;
  return (
    <section class="card" aria-labelledby="h-tenants">
      <h2 id="h-tenants">{t(lang, 'tenantsByStatus')}</h2>
      <div class="cards">
        <div>
          <div class="muted">{t(lang, 'totalTenants')}</div>
          <div class="stat" data-stat="total">
            {countText(items.length, complete)}
          </div>
        </div>
        {PLAN_STATUSES.map((s) => (
          <div>
            <div class="muted">{PLAN_STATUS_LABELS[s][lang]}</div>
            <div class="stat" data-stat={s}>
              {countText(items.filter((x) => x.planStatus === s).length, complete)}
            </div>
          </div>
        ))}
      </div>
      <p>
        <a class="button" href={`${BASE}/tenants`}>
          {t(lang, 'manageTenants')}
        </a>
      </p>
    </section>
  );
}
