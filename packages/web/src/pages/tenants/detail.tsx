import { CONTRACTS } from '@jixiao/api/contracts';
import { PLAN_STATUS_LABELS, type StorageView, TENANT_LEVEL_LABELS, type Tenant } from '@jixiao/core';
import { Flash } from '../../components/feedback';
import { Facts } from '../../components/fields';
import { problemPage } from '../../components/message-page';
import { updatePost } from '../../components/record-page';
import { BASE, type Ctx, param, seg, useView } from '../../context';
import { type FormErrors, type FormValues, formValues, noErrors } from '../../forms';
import { formatDateTime, pick, t } from '../../i18n';
import { useMay } from '../../policy';
import { TenantForm } from './form';
import { loadStorage, type QuotaState, quotaPost, TenantStorage } from './storage';

const route = CONTRACTS.platformTenants.update;

const tenantHref = (code: string) => `${BASE}/tenants/${seg(code)}`;

function TenantDetail(props: {
  code: string;
  tenant?: Tenant;
  values: FormValues;
  errors: FormErrors;
  storage?: StorageView;
  quota?: QuotaState;
}) {
  const { lang } = useView();
  const may = useMay();
  const { tenant } = props;
  const href = tenantHref(props.code);
  return (
    <>
      <h1>
        {t(lang, 'tenantDetail')}
        {t(lang, 'colon')}
        {tenant?.fullName ?? props.code}
      </h1>
      <Flash />
      {tenant ? (
        <Facts
          rows={[
            [t(lang, 'tenantCode'), tenant.code],
            [t(lang, 'fullName'), tenant.fullName],
            [t(lang, 'level'), pick(lang, TENANT_LEVEL_LABELS[tenant.level])],
            [t(lang, 'provinceCode'), tenant.provinceCode],
            [t(lang, 'planStatus'), pick(lang, PLAN_STATUS_LABELS[tenant.planStatus])],
            [t(lang, 'createdAt'), formatDateTime(tenant.createdAt, lang)],
            [t(lang, 'updatedAt'), formatDateTime(tenant.updatedAt, lang)],
          ]}
        />
      ) : null}
      <TenantStorage code={props.code} storage={props.storage} quota={props.quota} />
      {may(route) ? (
        <>
          <h2>{t(lang, 'editTenant')}</h2>
          <TenantForm
            mode="edit"
            action={href}
            values={props.values}
            errors={props.errors}
            reloadHref={href}
          />
        </>
      ) : null}
    </>
  );
}

async function show(c: Ctx, state: { values?: FormValues; errors?: FormErrors; quota?: QuotaState } = {}) {
  const code = param(c, 'code');
  const [r, storage] = await Promise.all([
    c.get('api').call(CONTRACTS.platformTenants.get, { params: { code } }),
    loadStorage(c, code),
  ]);
  if (!r.ok && !state.values) return problemPage(c, r.problem);
  const tenant = r.ok ? r.data : undefined;
  return c.render(
    <TenantDetail
      code={code}
      tenant={tenant}
      values={state.values ?? (tenant ? formValues(route, tenant) : {})}
      errors={state.errors ?? noErrors()}
      storage={storage?.ok ? storage.data : undefined}
      quota={state.quota}
    />,
    { title: tenant?.fullName ?? code },
  );
}

/** `/console/tenants/:code`: a tenant's facts, its edit form, its storage and quota. */
export const tenantDetail = {
  get: (c: Ctx) => show(c),
  post: updatePost({
    route,
    input: (c, body) => ({ params: { code: param(c, 'code') }, body }),
    saved: (c) => tenantHref(param(c, 'code')),
    show: (c, values, errors) => show(c, { values, errors }),
  }),
  quota: quotaPost((c, quota) => show(c, { quota })),
};
