import { CONTRACTS } from '@jixiao/api/contracts';
import { PLAN_STATUS_LABELS, TENANT_LEVEL_LABELS, type Tenant } from '@jixiao/core';
import { Flash } from '../../components/feedback';
import { problemPage, statusOf } from '../../components/message-page';
import { BASE, type Ctx, param, redirectOk, seg, useView } from '../../context';
import {
  type FormErrors,
  type FormValues,
  fieldNames,
  formBody,
  formValues,
  noErrors,
  problemToFormErrors,
  readForm,
} from '../../forms';
import { formatDateTime, pick, t } from '../../i18n';
import { useMay } from '../../policy';
import { TenantForm } from './form';

const route = CONTRACTS.platformTenants.update;

function TenantFacts(props: { tenant: Tenant }) {
  const { lang } = useView();
  const x = props.tenant;
  return (
    <section class="card">
      <dl class="facts">
        <dt>{t(lang, 'tenantCode')}</dt>
        <dd>{x.code}</dd>
        <dt>{t(lang, 'fullName')}</dt>
        <dd>{x.fullName}</dd>
        <dt>{t(lang, 'level')}</dt>
        <dd>{pick(lang, TENANT_LEVEL_LABELS[x.level])}</dd>
        <dt>{t(lang, 'provinceCode')}</dt>
        <dd>{x.provinceCode}</dd>
        <dt>{t(lang, 'planStatus')}</dt>
        <dd>{pick(lang, PLAN_STATUS_LABELS[x.planStatus])}</dd>
        <dt>{t(lang, 'createdAt')}</dt>
        <dd>{formatDateTime(x.createdAt, lang)}</dd>
        <dt>{t(lang, 'updatedAt')}</dt>
        <dd>{formatDateTime(x.updatedAt, lang)}</dd>
      </dl>
    </section>
  );
}

function TenantDetail(props: { code: string; tenant?: Tenant; values: FormValues; errors: FormErrors }) {
  const { lang } = useView();
  const may = useMay();
  const href = `${BASE}/tenants/${seg(props.code)}`;
  return (
    <>
      <h1>
        {t(lang, 'tenantDetail')}
        {t(lang, 'colon')}
        {props.tenant?.fullName ?? props.code}
      </h1>
      <Flash />
      {props.tenant ? <TenantFacts tenant={props.tenant} /> : null}
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

async function show(c: Ctx, state: { values?: FormValues; errors?: FormErrors } = {}) {
  const code = param(c, 'code');
  const r = await c.get('api').call(CONTRACTS.platformTenants.get, { params: { code } });
  if (!r.ok && !state.values) return problemPage(c, r.problem);
  const tenant = r.ok ? r.data : undefined;
  return c.render(
    <TenantDetail
      code={code}
      tenant={tenant}
      values={state.values ?? (tenant ? formValues(route, tenant) : {})}
      errors={state.errors ?? noErrors()}
    />,
    { title: tenant?.fullName ?? code },
  );
}

/** `/console/tenants/:code`: a tenant's facts and its edit form. */
export const tenantDetail = {
  get: (c: Ctx) => show(c),
  post: async (c: Ctx) => {
    const code = param(c, 'code');
    const form = await readForm(c);
    const r = await c.get('api').call(route, { params: { code }, body: formBody(route, form) });
    if (r.ok) return redirectOk(c, `${BASE}/tenants/${seg(code)}`, 'updated');
    c.status(statusOf(r.status));
    return show(c, {
      values: form,
      errors: problemToFormErrors(r.problem, c.get('lang'), fieldNames(route)),
    });
  },
};
