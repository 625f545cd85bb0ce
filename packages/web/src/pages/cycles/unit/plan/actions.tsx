import { labelOf, type PlanView } from '@jixiao/core';
import { ErrorSummary } from '../../../../components/feedback';
import { Hidden } from '../../../../components/fields';
import { BASE, seg, useView } from '../../../../context';
import type { FormErrors } from '../../../../forms';
import { t } from '../../../../i18n';
import { planHref as publicPlanHref } from '../../../public/paths';
import { fid } from '../controls';
import { formatDay, today } from '../parts';
import { commentsHref, planHref } from '../paths';

/** The unit's actions on its plan; the office's (review, publish, reopen) are the office's review form. */
const UNIT_ACTIONS = ['open_consultation', 'close_consultation', 'submit'] as const;

/**
 * What the unit can do with the plan now (view.allowed.actions, from the rules the API enforces):
 * 公开征求意见 (with the days it stays open), 结束征求意见, 报送审核.
 */
export function PlanActions(props: { view: PlanView; errors: FormErrors | undefined }) {
  const { lang } = useView();
  const { view } = props;
  const plan = view.plan;
  const actions = UNIT_ACTIONS.filter((a) => view.allowed.actions.includes(a));
  if (!plan || actions.length === 0) return props.errors ? <ErrorSummary errors={props.errors} /> : null;
  const action = `${planHref(view.cycle.id, view.unit.code)}/transitions`;
  return (
    <section class="card lifecycle" id="plan-actions" aria-labelledby="h-plan-actions">
      <h2 id="h-plan-actions">{t(lang, 'cuPlanActions')}</h2>
      <ErrorSummary errors={props.errors} reloadHref={planHref(view.cycle.id, view.unit.code)} />
      <div class="actions toolbar">
        {actions.map((a) => (
          <form method="post" action={action} class="stacked" id={`plan-${a}`}>
            <Hidden name="version" value={plan.version} />
            <Hidden name="action" value={a} />
            {a === 'open_consultation' ? (
              <div class="field">
                <label for={fid('days')}>{t(lang, 'cuConsultationDays')}</label>
                <span class="hint">{t(lang, 'cuConsultationDaysHint')}</span>
                <input type="number" id={fid('days')} name="days" min={3} max={60} inputmode="numeric" />
              </div>
            ) : null}
            <button class="primary" type="submit">
              {labelOf('planAction', a, lang)}
            </button>
          </form>
        ))}
      </div>
      {actions.includes('submit') && view.issues.length ? (
        <p class="muted">{t(lang, 'cuSubmitNeeds')}</p>
      ) : null}
    </section>
  );
}

/** The public page of the consultation: the view's path, or built from the plan's consultation id. */
export function consultationPath(view: PlanView, tenant: string | undefined): string | undefined {
  if (view.consultationPath?.startsWith(`${BASE}/`)) return view.consultationPath;
  const id = view.plan?.consultation?.id;
  return id && tenant ? `${BASE}/public/${seg(tenant)}/consultations/${seg(id)}` : undefined;
}

/** The consultation (art. 11): its window, whether it is open, the public link to copy, the comments. */
export function ConsultationBox(props: { view: PlanView; onCommentsPage?: boolean }) {
  const { lang, me, url } = useView();
  const { view } = props;
  const c = view.plan?.consultation;
  if (!c) return null;
  const path = consultationPath(view, me?.tenant?.code);
  const link = path ? new URL(path, url.origin).toString() : undefined;
  const open = !c.closedAt && view.plan?.status === 'consultation' && c.closes >= today();
  return (
    <section class="card" id="consultation" aria-labelledby="h-consultation">
      <h2 id="h-consultation">{t(lang, 'cuConsultation')}</h2>
      <p>
        {t(lang, 'cuWindow', { opens: formatDay(c.opens, lang), closes: formatDay(c.closes, lang) })}{' '}
        <span class={open ? 'badge st-submitted' : 'badge'} data-open={open ? 'true' : 'false'}>
          {t(lang, open ? 'cuOpen' : 'cuClosed')}
        </span>
      </p>
      {link ? (
        <div class="field">
          <label for="f-public-link">{t(lang, 'cuPublicLink')}</label>
          <span class="hint">{t(lang, 'cuPublicLinkHint')}</span>
          <input type="text" id="f-public-link" readonly value={link} />
          <p>
            <a href={link}>{t(lang, 'cuOpenPublic')}</a>
          </p>
        </div>
      ) : null}
      {props.onCommentsPage ? null : (
        <p>
          <a href={commentsHref(view.cycle.id, view.unit.code)}>{t(lang, 'cuModerate')} →</a>
        </p>
      )}
    </section>
  );
}

/** Once published (art. 12): the plan's public page, where anyone reads it and sends the office an opinion. */
export function PublishedBox(props: { view: PlanView }) {
  const { lang, me, url } = useView();
  const { view } = props;
  const tenant = me?.tenant?.code;
  if (view.plan?.status !== 'published' || !tenant) return null;
  const link = new URL(publicPlanHref(tenant, view.cycle.id, view.unit.code), url.origin).toString();
  return (
    <section class="card" id="published" aria-labelledby="h-published">
      <h2 id="h-published">{labelOf('annualPlanStatus', 'published', lang)}</h2>
      <div class="field">
        <label for="f-published-link">{t(lang, 'cuPublicLink')}</label>
        <span class="hint">{t(lang, 'cuPublishedLinkHint')}</span>
        <input type="text" id="f-published-link" readonly value={link} />
        <p>
          <a href={link}>{t(lang, 'cuOpenPublic')}</a>
        </p>
      </div>
    </section>
  );
}
