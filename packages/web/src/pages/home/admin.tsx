import { CONTRACTS } from '@jixiao/api/contracts';
import { PLAN_STATUS_LABELS, TENANT_LEVEL_LABELS } from '@jixiao/core';
import type { ApiResult } from '../../client/api-client';
import { BASE, type Ctx, useView } from '../../context';
import { type MessageKey, pick, t } from '../../i18n';
import { useMay } from '../../policy';
import { countText, ProblemNote } from './problem-note';

/** The office's card data: its tenant, and how far its organisation is set up. */
export async function loadAdmin(c: Ctx) {
  const api = c.get('api');
  let tenant = c.get('me').tenant;
  if (!tenant) {
    const r = await api.call(CONTRACTS.identity.tenant, {});
    if (r.ok) tenant = r.data;
  }
  const [groups, units, users] = await Promise.all([
    api.all(CONTRACTS.unitGroups.list, {}),
    api.all(CONTRACTS.units.list, {}),
    api.all(CONTRACTS.users.list, {}),
  ]);
  return { tenant, groups, units, users };
}

type Counted = ApiResult<{ items: unknown[]; complete: boolean }>;

function Stat(props: { label: MessageKey; href: string; r: Counted; stat: string }) {
  const { lang } = useView();
  const { r } = props;
  return (
    <div>
      <div class="muted">{t(lang, props.label)}</div>
      <div class="stat" data-stat={props.stat}>
        {r.ok ? <a href={props.href}>{countText(r.data.items.length, r.data.complete)}</a> : '—'}
      </div>
    </div>
  );
}

export function AdminCards(props: Awaited<ReturnType<typeof loadAdmin>>) {
  const { lang } = useView();
  const may = useMay();
  const { tenant, groups, units, users } = props;
  const has = (r: Counted) => r.ok && r.data.items.length > 0;
  const steps: { key: MessageKey; done: boolean; href?: string }[] = [
    {
      key: 'stepGroups',
      done: has(groups),
      href: may(CONTRACTS.unitGroups.create) ? `${BASE}/unit-groups` : undefined,
    },
    {
      key: 'stepUnits',
      done: has(units),
      href: may(CONTRACTS.units.create) ? `${BASE}/units/new` : undefined,
    },
    {
      key: 'stepUsers',
      done: has(users),
      href: may(CONTRACTS.users.create) ? `${BASE}/users/new` : undefined,
    },
    {
      key: 'stepIndicators',
      done: false,
      href: may(CONTRACTS.systems.create) ? `${BASE}/indicator-systems` : undefined,
    },
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
        {failed && !failed.ok ? <ProblemNote problem={failed.problem} /> : null}
        <div class="cards">
          <Stat label="unitGroupCount" href={`${BASE}/unit-groups`} r={groups} stat="unitGroups" />
          <Stat label="unitCount" href={`${BASE}/units`} r={units} stat="units" />
          <Stat label="userCount" href={`${BASE}/users`} r={users} stat="users" />
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
