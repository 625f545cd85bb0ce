import { PLAN_STATUS_LABELS, PLAN_STATUSES, TENANT_LEVEL_LABELS, UNIT_TYPE_LABELS } from '@jixiao/core';
import type { Child } from 'hono/jsx';
import type { Problem } from './api';
import { seg } from './api';
import { formatDateTime, formatNumber, type Lang, type MessageKey, pick, t } from './i18n';
import { type Ctx, render } from './render';
import type { Tenant, Unit, UnitGroup, User } from './types';
import { ActiveBadge, BASE, Layout, roleLabel, type View } from './ui';

const ProblemNote = (props: { lang: Lang; problem: Problem }) => (
  <p class="alert" role="alert">
    {props.problem.message[props.lang]}
  </p>
);

const countText = (n: number, complete: boolean) => `${formatNumber(n)}${complete ? '' : '+'}`;

async function operatorCard(c: Ctx, v: View) {
  const { lang } = v;
  const r = await c.get('api').all<Tenant>('/v1/platform/tenants');
  if (!r.ok) return <ProblemNote lang={lang} problem={r.problem} />;
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

async function adminCard(c: Ctx, v: View) {
  const { lang } = v;
  const api = c.get('api');
  let tenant = v.me?.tenant;
  if (!tenant) {
    const r = await api.get<Tenant>('/v1/tenant');
    if (r.ok) tenant = r.data;
  }
  const [groups, units, users] = await Promise.all([
    api.all<UnitGroup>('/v1/unit-groups'),
    api.all<Unit>('/v1/units'),
    api.all<User>('/v1/users'),
  ]);
  const stat = (label: MessageKey, href: string, r: Awaited<ReturnType<typeof api.all>>, key: string) => (
    <div>
      <div class="muted">{t(lang, label)}</div>
      <div class="stat" data-stat={key}>
        {r.ok ? <a href={href}>{countText(r.data.items.length, r.data.complete)}</a> : '—'}
      </div>
    </div>
  );
  const has = (r: Awaited<ReturnType<typeof api.all>>) => r.ok && r.data.items.length > 0;
  const steps: { key: MessageKey; done: boolean; href?: string }[] = [
    { key: 'stepGroups', done: has(groups), href: `${BASE}/unit-groups` },
    { key: 'stepUnits', done: has(units), href: `${BASE}/units/new` },
    { key: 'stepUsers', done: has(users), href: `${BASE}/users/new` },
    { key: 'stepIndicators', done: false, href: `${BASE}/indicator-systems` },
  ];
  const failed = [groups, units, users].find((r) => !r.ok);
  return (
    <>
      {tenant ? (
        <section class="card" aria-labelledby="h-tenant">
          <h2 id="h-tenant">{tenant.fullName}</h2>
          <dl class="facts">
            <dt>{t(lang, 'name')}</dt>
            <dd>{tenant.name}</dd>
            <dt>{t(lang, 'tenantCode')}</dt>
            <dd>{tenant.code}</dd>
            <dt>{t(lang, 'level')}</dt>
            <dd>{pick(lang, TENANT_LEVEL_LABELS[tenant.level])}</dd>
            <dt>{t(lang, 'planStatus')}</dt>
            <dd>{pick(lang, PLAN_STATUS_LABELS[tenant.planStatus])}</dd>
          </dl>
        </section>
      ) : null}
      <section class="card" aria-labelledby="h-org">
        <h2 id="h-org">{t(lang, 'orgOverview')}</h2>
        {failed && !failed.ok ? <ProblemNote lang={lang} problem={failed.problem} /> : null}
        <div class="cards">
          {stat('unitGroupCount', `${BASE}/unit-groups`, groups, 'unitGroups')}
          {stat('unitCount', `${BASE}/units`, units, 'units')}
          {stat('userCount', `${BASE}/users`, users, 'users')}
        </div>
      </section>
      <section class="card" aria-labelledby="h-next">
        <h2 id="h-next">{t(lang, 'nextSteps')}</h2>
        <ul class="steps">
          {steps.map((s) => (
            <li data-done={s.done ? 'true' : 'false'}>
              <span class={s.done ? 'badge ok' : 'badge'}>{t(lang, s.done ? 'done' : 'todo')}</span>{' '}
              {s.href && !s.done ? <a href={s.href}>{t(lang, s.key)}</a> : t(lang, s.key)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

async function unitCard(c: Ctx, v: View) {
  const { lang } = v;
  const code = v.me?.identity.unit;
  if (!code) {
    return (
      <section class="card">
        <h2>{t(lang, 'yourUnit')}</h2>
        <p>{t(lang, 'noUnit')}</p>
      </section>
    );
  }
  const r = await c.get('api').get<Unit>(`/v1/units/${seg(code)}`);
  return (
    <section class="card" aria-labelledby="h-unit">
      <h2 id="h-unit">{t(lang, 'yourUnit')}</h2>
      {r.ok ? (
        <dl class="facts">
          <dt>{t(lang, 'name')}</dt>
          <dd>{r.data.name}</dd>
          {r.data.shortName ? (
            <>
              <dt>{t(lang, 'shortName')}</dt>
              <dd>{r.data.shortName}</dd>
            </>
          ) : null}
          <dt>{t(lang, 'unitCode')}</dt>
          <dd>{r.data.code}</dd>
          <dt>{t(lang, 'unitType')}</dt>
          <dd>{pick(lang, UNIT_TYPE_LABELS[r.data.type])}</dd>
          {r.data.uscc ? (
            <>
              <dt>{t(lang, 'uscc')}</dt>
              <dd>{r.data.uscc}</dd>
            </>
          ) : null}
          <dt>{t(lang, 'status')}</dt>
          <dd>
            <ActiveBadge v={v} active={r.data.active} />
          </dd>
        </dl>
      ) : (
        <>
          <p>
            {t(lang, 'unitCode')}
            {t(lang, 'colon')}
            {code}
          </p>
          <ProblemNote lang={lang} problem={r.problem} />
        </>
      )}
      <p class="muted">{t(lang, 'comingSoon')}</p>
    </section>
  );
}

async function provinceCard(c: Ctx, v: View) {
  const { lang } = v;
  const r = await c.get('api').all<Tenant>('/v1/province/tenants');
  return (
    <section class="card" aria-labelledby="h-prov">
      <h2 id="h-prov">{t(lang, 'provinceTenants')}</h2>
      {!r.ok ? (
        <ProblemNote lang={lang} problem={r.problem} />
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

const WELCOME: { role: string; key: MessageKey }[] = [
  { role: 'data_provider', key: 'welcomeDataProvider' },
  { role: 'expert', key: 'welcomeExpert' },
  { role: 'evaluator', key: 'welcomeEvaluator' },
  { role: 'observer', key: 'welcomeObserver' },
];

/** The home page: one section per role the caller holds, each from what the API answers. */
export async function homePage(c: Ctx) {
  const v: View = { lang: c.get('lang'), me: c.get('me'), url: new URL(c.req.url) };
  const { lang } = v;
  const roles = (v.me?.identity.roles ?? []) as string[];
  const sections: Child[] = [];
  if (roles.includes('platform_operator')) sections.push(await operatorCard(c, v));
  if (roles.includes('tenant_admin')) sections.push(await adminCard(c, v));
  if (roles.includes('unit_user')) sections.push(await unitCard(c, v));
  if (roles.includes('provincial_analyst')) sections.push(await provinceCard(c, v));
  for (const w of WELCOME) {
    if (!roles.includes(w.role)) continue;
    sections.push(
      <section class="card welcome" data-role={w.role}>
        <h2>{roleLabel(lang, w.role)}</h2>
        <p>{t(lang, w.key)}</p>
      </section>,
    );
  }
  if (sections.length === 0) {
    sections.push(
      <section class="card welcome">
        <p>{t(lang, 'welcomeGeneric')}</p>
      </section>,
    );
  }
  return render(
    c,
    <Layout v={v} title={t(lang, 'homeTitle')}>
      <h1>{t(lang, 'welcome', { name: v.me?.identity.name ?? '' })}</h1>
      {sections}
    </Layout>,
  );
}
