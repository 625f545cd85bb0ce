import { CONTRACTS } from '@jixiao/api/contracts';
import { PLAN_STATUS_LABELS, TENANT_LEVEL_LABELS } from '@jixiao/core';
import { type Ctx, useView } from '../../context';
import { formatDateTime, pick, t } from '../../i18n';
import { ProblemNote } from './problem-note';

/** A provincial analyst's card: the province's tenants (registry records, never their data). */
export const loadProvince = (c: Ctx) => c.get('api').all(CONTRACTS.province.tenants, {});

export function ProvinceCard(props: { tenants: Awaited<ReturnType<typeof loadProvince>> }) {
  const { lang } = useView();
  const r = props.tenants;
  return (
    <section class="card" aria-labelledby="h-prov">
      <h2 id="h-prov">{t(lang, 'provinceTenants')}</h2>
      {!r.ok ? (
        <ProblemNote problem={r.problem} />
      ) : r.data.items.length === 0 ? (
        <p>{t(lang, 'noItems')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'tenantCode')}</th>
              <th scope="col">{t(lang, 'fullName')}</th>
              <th scope="col">{t(lang, 'level')}</th>
              <th scope="col">{t(lang, 'planStatus')}</th>
              <th scope="col">{t(lang, 'updatedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {r.data.items.map((x) => (
              <tr>
                <td>{x.code}</td>
                <td>{x.fullName}</td>
                <td>{pick(lang, TENANT_LEVEL_LABELS[x.level])}</td>
                <td>{pick(lang, PLAN_STATUS_LABELS[x.planStatus])}</td>
                <td>{formatDateTime(x.updatedAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
