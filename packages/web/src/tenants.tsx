import { PLAN_STATUS_LABELS, PLAN_STATUSES, TENANT_LEVEL_LABELS } from '@jixiao/core';
import type { Hono } from 'hono';
import { type Page, seg, withQuery } from './api';
import {
  type FormErrors,
  type FormSpec,
  type FormValues,
  formToJson,
  idempotencyKeyFrom,
  newIdempotencyKey,
  noErrors,
  problemToFormErrors,
  str,
} from './forms';
import { formatDateTime, pick, t } from './i18n';
import { ListPage } from './list-page';
import { type ConsoleEnv, type Ctx, problemPage, readForm, render, statusOf, view } from './render';
import type { Tenant } from './types';
import { BASE, ErrorSummary, Flash, Hidden, Layout, SelectField, TextField, type View } from './ui';

const PAGE_SIZE = '20';

const createSpec: FormSpec = {
  code: 'string',
  name: 'optString',
  planStatus: 'optString',
  contactName: 'optString',
  contactPhone: 'optString',
};
const patchSpec: FormSpec = {
  version: 'int',
  name: 'string',
  planStatus: 'optString',
  contactName: 'clearable',
  contactPhone: 'clearable',
};

function TenantForm(props: {
  v: View;
  mode: 'new' | 'edit';
  action: string;
  values: FormValues;
  errors: FormErrors;
  reloadHref?: string;
}) {
  const { v, values: val, errors: e } = props;
  const { lang } = v;
  return (
    <form method="post" action={props.action} class="stacked card" novalidate>
      <ErrorSummary v={v} errors={e} reloadHref={props.reloadHref} />
      {props.mode === 'new' ? (
        <>
          <Hidden name="_idem" value={str(val._idem)} />
          <TextField
            name="code"
            label={t(lang, 'tenantCode')}
            hint={t(lang, 'tenantCodeHint')}
            value={str(val.code)}
            error={e.fields.code}
            required
            inputmode="numeric"
            maxlength={6}
          />
        </>
      ) : (
        <Hidden name="version" value={str(val.version)} />
      )}
      <TextField
        name="name"
        label={t(lang, 'tenantName')}
        hint={props.mode === 'new' ? t(lang, 'tenantNameHint') : undefined}
        value={str(val.name)}
        error={e.fields.name}
        required={props.mode === 'edit'}
        maxlength={100}
      />
      <SelectField
        name="planStatus"
        label={t(lang, 'planStatus')}
        options={PLAN_STATUSES.map((s) => ({ value: s, label: PLAN_STATUS_LABELS[s][lang] }))}
        value={str(val.planStatus) || 'trial'}
        error={e.fields.planStatus}
      />
      <TextField
        name="contactName"
        label={t(lang, 'contactName')}
        value={str(val.contactName)}
        error={e.fields.contactName}
        maxlength={50}
      />
      <TextField
        name="contactPhone"
        label={t(lang, 'contactPhone')}
        type="tel"
        value={str(val.contactPhone)}
        error={e.fields.contactPhone}
        maxlength={20}
      />
      <p>
        <button class="primary" type="submit">
          {t(lang, props.mode === 'new' ? 'create' : 'save')}
        </button>{' '}
        <a href={`${BASE}/tenants`}>{t(lang, 'cancel')}</a>
      </p>
    </form>
  );
}

async function listPage(c: Ctx) {
  const v = view(c);
  const { lang } = v;
  const cursor = c.req.query('cursor');
  const r = await c
    .get('api')
    .get<Page<Tenant>>(withQuery('/v1/platform/tenants', { limit: PAGE_SIZE, cursor }));
  if (!r.ok) return problemPage(c, r.problem);
  return render(
    c,
    <Layout v={v} title={t(lang, 'tenantsTitle')}>
      <ListPage
        v={v}
        title={t(lang, 'tenantsTitle')}
        actions={
          <a class="button" href={`${BASE}/tenants/new`}>
            {t(lang, 'newTenant')}
          </a>
        }
        items={r.data.items}
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
        nextCursor={r.data.nextCursor}
        hasPrev={!!cursor}
      />
    </Layout>,
  );
}

function newPage(c: Ctx, values: FormValues, errors: FormErrors, status = 200) {
  const v = view(c);
  return render(
    c,
    <Layout v={v} title={t(v.lang, 'newTenant')}>
      <h1>{t(v.lang, 'newTenant')}</h1>
      <TenantForm v={v} mode="new" action={`${BASE}/tenants/new`} values={values} errors={errors} />
    </Layout>,
    statusOf(status),
  );
}

function TenantFacts(props: { v: View; tenant: Tenant }) {
  const { lang } = props.v;
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

const tenantValues = (x: Tenant): FormValues => ({
  version: String(x.version),
  name: x.name,
  planStatus: x.planStatus,
  contactName: x.contactName ?? '',
  contactPhone: x.contactPhone ?? '',
});

async function detailPage(c: Ctx, code: string, values?: FormValues, errors?: FormErrors, status = 200) {
  const v = view(c);
  const { lang } = v;
  const r = await c.get('api').get<Tenant>(`/v1/platform/tenants/${seg(code)}`);
  if (!r.ok && !values) return problemPage(c, r.problem);
  const href = `${BASE}/tenants/${seg(code)}`;
  return render(
    c,
    <Layout v={v} title={r.ok ? r.data.fullName : code}>
      <h1>
        {t(lang, 'tenantDetail')}
        {t(lang, 'colon')}
        {r.ok ? r.data.fullName : code}
      </h1>
      <Flash v={v} />
      {r.ok ? <TenantFacts v={v} tenant={r.data} /> : null}
      <h2>{t(lang, 'editTenant')}</h2>
      <TenantForm
        v={v}
        mode="edit"
        action={href}
        values={values ?? (r.ok ? tenantValues(r.data) : {})}
        errors={errors ?? noErrors()}
        reloadHref={href}
      />
    </Layout>,
    statusOf(status),
  );
}

export function registerTenants(app: Hono<ConsoleEnv>) {
  app.get('/tenants', listPage);
  app.get('/tenants/new', (c) => newPage(c, { _idem: newIdempotencyKey(), planStatus: 'trial' }, noErrors()));
  app.post('/tenants/new', async (c) => {
    const form = await readForm(c);
    const idem = idempotencyKeyFrom(form);
    const r = await c.get('api').call<Tenant>('POST', '/v1/platform/tenants', {
      body: formToJson(form, createSpec),
      idempotencyKey: idem,
    });
    if (r.ok) return c.redirect(`${BASE}/tenants/${seg(r.data.code)}?ok=created`, 303);
    const errors = problemToFormErrors(r.problem, c.get('lang'), Object.keys(createSpec));
    return newPage(c, { ...form, _idem: idem }, errors, r.status);
  });
  app.get('/tenants/:code', (c) => detailPage(c, c.req.param('code')));
  app.post('/tenants/:code', async (c) => {
    const code = c.req.param('code');
    const form = await readForm(c);
    const r = await c.get('api').call<Tenant>('PATCH', `/v1/platform/tenants/${seg(code)}`, {
      body: formToJson(form, patchSpec),
    });
    if (r.ok) return c.redirect(`${BASE}/tenants/${seg(code)}?ok=updated`, 303);
    const errors = problemToFormErrors(r.problem, c.get('lang'), Object.keys(patchSpec));
    return detailPage(c, code, form, errors, r.status);
  });
}
