import { CONTRACTS } from '@jixiao/api/contracts';
import { PLAN_STATUS_LABELS, TENANT_LEVEL_LABELS } from '@jixiao/core';
import type { SuccessOf } from '../../client/api-client';
import { ListPage } from '../../components/list-page';
import { problemPage } from '../../components/message-page';
import { BASE, type Ctx, PAGE_SIZE, seg, useView } from '../../context';
import { formatDateTime, pick, t } from '../../i18n';
import { useMay } from '../../policy';

type Page = SuccessOf<typeof CONTRACTS.platformTenants.list>;

function TenantList(props: { page: Page; hasPrev: boolean }) {
  const { lang } = useView();
  const may = useMay();
  return (
    <ListPage
      title={t(lang, 'tenantsTitle')}
      actions={
        may(CONTRACTS.platformTenants.create) ? (
          <a class="button" href={`${BASE}/tenants/new`}>
            {t(lang, 'newTenant')}
          </a>
        ) : undefined
      }
      items={props.page.items}
      columns={[
        {
          label: t(lang, 'tenantCode'),
          cell: (x) => <a href={`${BASE}/tenants/${seg(x.code)}`}>{x.code}</a>,
        },
        { label: t(lang, 'fullName'), cell: (x) => x.fullName },
        { label: t(lang, 'level'), cell: (x) => pick(lang, TENANT_LEVEL_LABELS[x.level]) },
        { label: t(lang, 'planStatus'), cell: (x) => pick(lang, PLAN_STATUS_LABELS[x.planStatus]) },
        {
          label: t(lang, 'contactName'),
          cell: (x) => [x.contactName, x.contactPhone].filter(Boolean).join(' '),
        },
        { label: t(lang, 'updatedAt'), cell: (x) => formatDateTime(x.updatedAt, lang) },
      ]}
      nextCursor={props.page.nextCursor}
      hasPrev={props.hasPrev}
    />
  );
}

/** `GET /console/tenants`: the platform's tenants, a page at a time. */
export async function tenantList(c: Ctx) {
  const cursor = c.req.query('cursor');
  const r = await c.get('api').call(CONTRACTS.platformTenants.list, { query: { limit: PAGE_SIZE, cursor } });
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<TenantList page={r.data} hasPrev={!!cursor} />, {
    title: t(c.get('lang'), 'tenantsTitle'),
  });
}
