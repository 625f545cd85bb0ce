import { CONTRACTS } from '@jixiao/api/contracts';
import { createPage } from '../../components/record-page';
import { BASE, seg } from '../../context';
import { t } from '../../i18n';
import { TenantForm } from './form';

/** `/console/tenants/new`: onboard a tenant by its division code. */
export const newTenant = createPage({
  route: CONTRACTS.platformTenants.create,
  input: (body) => ({ body }),
  blank: () => ({ planStatus: 'trial' }),
  created: (tenant) => `${BASE}/tenants/${seg(tenant.code)}`,
  show: (c, values, errors) => {
    const title = t(c.get('lang'), 'newTenant');
    return c.render(
      <>
        <h1>{title}</h1>
        <TenantForm mode="new" action={`${BASE}/tenants/new`} values={values} errors={errors} />
      </>,
      { title },
    );
  },
});
