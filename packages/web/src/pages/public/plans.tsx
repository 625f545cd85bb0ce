import { CONTRACTS } from '@jixiao/api/contracts';
import type { SuccessOf } from '../../client/api-client';
import { statusOf } from '../../components/message-page';
import { type Ctx, param, useView } from '../../context';
import {
  type FormErrors,
  type FormValues,
  fieldNames,
  formBody,
  problemToFormErrors,
  readForm,
} from '../../forms';
import { formatDateTime, t } from '../../i18n';
import { publicProblem } from './message';
import { MessageForm } from './message-form';
import { PlanItems, PublicFrame, type PublicPlan } from './parts';
import { isCycleId, isTenant, isUnitCode, planHref, plansHref, portalHref } from './paths';

/**
 * The public's published plans (no sign-in): `/console/public/:tenant/plans` lists them;
 * `…/plans/:cycleId/:unit` shows one with the form for an opinion to the office (art. 12 ¶2).
 */

type PlanList = SuccessOf<typeof CONTRACTS.publicPlans.plans>;
const opinion = CONTRACTS.publicPlans.opinion;

function PlanListPage(props: { list: PlanList }) {
  const { lang } = useView();
  const { list } = props;
  return (
    <PublicFrame>
      <p>
        <a href={portalHref(list.tenant.code)}>← {t(lang, 'ptBackHome', { tenant: list.tenant.name })}</a>
      </p>
      <h1>{t(lang, 'pubPlansTitle')}</h1>
      {list.items.length === 0 ? <p class="card">{t(lang, 'pubNoPlans')}</p> : null}
      <ul class="plain">
        {list.items.map((p) => (
          <li class="card" data-unit={p.unit}>
            <a href={planHref(list.tenant.code, p.cycle, p.unit)}>
              {t(lang, 'pubPlanTitle', { unit: p.unitName, year: p.year })}
            </a>
            <p class="muted">
              {p.cycleName}
              {p.publishedAt
                ? ` · ${t(lang, 'pubPublishedAt')}${t(lang, 'colon')}${formatDateTime(p.publishedAt, lang)}`
                : ''}
            </p>
          </li>
        ))}
      </ul>
    </PublicFrame>
  );
}

function PlanPage(props: { plan: PublicPlan; values?: FormValues; errors?: FormErrors }) {
  const { lang, url } = useView();
  const { plan } = props;
  const sent = url.searchParams.get('sent') === '1';
  return (
    <PublicFrame>
      <p class="muted">{plan.tenant.name}</p>
      <h1>{t(lang, 'pubPlanTitle', { unit: plan.unit.name, year: plan.cycle.year })}</h1>
      {plan.publishedAt ? (
        <p class="muted">
          {t(lang, 'pubPublishedAt')}
          {t(lang, 'colon')}
          {formatDateTime(plan.publishedAt, lang)}
        </p>
      ) : null}
      {sent ? (
        <p class="flash" role="status" id="thanks">
          {t(lang, 'pubThanksOpinion')}
        </p>
      ) : null}
      <PlanItems plan={plan} />
      {sent ? null : (
        <MessageForm
          action={planHref(plan.tenant.code, plan.cycle.id, plan.unit.code)}
          id="opinion-form"
          title={t(lang, 'pubOpinionTitle')}
          submit={t(lang, 'pubSendOpinion')}
          values={props.values}
          errors={props.errors}
        />
      )}
      <p>
        <a href={plansHref(plan.tenant.code)}>{t(lang, 'pubAllPlans')}</a>
      </p>
    </PublicFrame>
  );
}

const planParams = (c: Ctx) => {
  const p = { tenant: param(c, 'tenant'), cycleId: param(c, 'cycleId'), unit: param(c, 'unit') };
  return isTenant(p.tenant) && isCycleId(p.cycleId) && isUnitCode(p.unit) ? p : undefined;
};

async function showPlan(c: Ctx, state: { values?: FormValues; errors?: FormErrors } = {}) {
  const params = planParams(c);
  if (!params) return publicProblem(c, 404, param(c, 'tenant'));
  const r = await c.get('api').call(CONTRACTS.publicPlans.plan, { params });
  if (!r.ok) return publicProblem(c, r.status, params.tenant, r.problem);
  return c.render(<PlanPage plan={r.data} {...state} />, {
    title: t(c.get('lang'), 'pubPlanTitle', { unit: r.data.unit.name, year: r.data.cycle.year }),
  });
}

export const publicPlanPages = {
  list: async (c: Ctx) => {
    const tenant = param(c, 'tenant');
    if (!isTenant(tenant)) return publicProblem(c, 404, tenant);
    const r = await c.get('api').call(CONTRACTS.publicPlans.plans, { params: { tenant } });
    if (!r.ok) return publicProblem(c, r.status, tenant, r.problem);
    return c.render(<PlanListPage list={r.data} />, { title: t(c.get('lang'), 'pubPlansTitle') });
  },
  get: (c: Ctx) => showPlan(c),
  post: async (c: Ctx) => {
    const params = planParams(c);
    if (!params) return publicProblem(c, 404, param(c, 'tenant'));
    const form = await readForm(c);
    const r = await c.get('api').call(opinion, { params, body: formBody(opinion, form) });
    if (r.ok) return c.redirect(`${planHref(params.tenant, params.cycleId, params.unit)}?sent=1#thanks`, 303);
    if (r.status === 404) return publicProblem(c, 404, params.tenant, r.problem);
    c.status(statusOf(r.status));
    return showPlan(c, {
      values: form,
      errors: problemToFormErrors(r.problem, c.get('lang'), fieldNames(opinion)),
    });
  },
};
