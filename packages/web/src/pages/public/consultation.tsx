import { CONTRACTS } from '@jixiao/api/contracts';
import type { SuccessOf } from '../../client/api-client';
import { ErrorSummary } from '../../components/feedback';
import { statusOf } from '../../components/message-page';
import { type Ctx, param, useView } from '../../context';
import {
  type FormErrors,
  type FormValues,
  fieldNames,
  formBody,
  problemToFormErrors,
  readForm,
  str,
} from '../../forms';
import { formatDateTime, t } from '../../i18n';
import { formatDay } from '../cycles/unit/parts';
import { publicProblem } from './message';
import { MessageForm } from './message-form';
import { PlanItems, PublicFrame } from './parts';
import { consultationHref, isConsultationId, isTenant, plansHref } from './paths';

type Consultation = SuccessOf<typeof CONTRACTS.publicPlans.consultation>;
const comment = CONTRACTS.publicPlans.comment;

/**
 * `/console/public/:tenant/consultations/:id` (no sign-in): a unit's draft annual plan open for
 * public comment (art. 11) — the draft, the window, the comments the unit published with its
 * answers, and the form; `POST` sends a comment, then a thank-you note (it shows once moderated).
 */
function ConsultationPage(props: {
  v: Consultation;
  tenant: string;
  values?: FormValues;
  errors?: FormErrors;
}) {
  const { lang, url } = useView();
  const { v } = props;
  const sent = url.searchParams.get('sent') === '1';
  return (
    <PublicFrame>
      <p class="muted">{v.tenant.name}</p>
      <h1>{t(lang, 'pubConsultationTitle', { unit: v.unit.name, year: v.cycle.year })}</h1>
      <p>
        {t(lang, 'pubWindow', {
          opens: formatDay(v.consultation.opens, lang),
          closes: formatDay(v.consultation.closes, lang),
        })}{' '}
        <span
          class={v.consultation.open ? 'badge st-submitted' : 'badge'}
          data-open={v.consultation.open ? 'true' : 'false'}
        >
          {t(lang, v.consultation.open ? 'pubOpen' : 'pubClosed')}
        </span>
      </p>
      {sent ? (
        <p class="flash" role="status" id="thanks">
          {t(lang, 'pubThanksComment')}
        </p>
      ) : null}
      <PlanItems plan={v} />
      <h2 id="comments">{t(lang, 'pubComments', { n: v.comments.length })}</h2>
      {v.comments.length === 0 ? <p class="card muted">{t(lang, 'pubNoComments')}</p> : null}
      {v.comments.map((c) => (
        <section class="card" id={`c-${c.id}`}>
          <p class="muted">
            {c.name || t(lang, 'pubAnonymous')} · {formatDateTime(c.createdAt, lang)}
          </p>
          <p class="note">{c.text}</p>
          {c.answer ? (
            <p class="note">
              <strong>{t(lang, 'pubAnswer', { unit: v.unit.name })}</strong>
              {t(lang, 'colon')}
              {c.answer}
            </p>
          ) : null}
        </section>
      ))}
      {v.consultation.open ? (
        sent ? null : (
          <MessageForm
            action={consultationHref(props.tenant, v.consultation.id)}
            id="comment-form"
            title={t(lang, 'pubCommentTitle')}
            submit={t(lang, 'pubSendComment')}
            values={props.values}
            errors={props.errors}
          />
        )
      ) : (
        <section class="card" id="comment-closed">
          <p>{t(lang, 'pubConsultationClosed')}</p>
          {/* It closed while the comment was typed: the refusal, and the text to copy (not lost). */}
          <ErrorSummary errors={props.errors} />
          {str(props.values?.text).trim() ? (
            <div class="field">
              <label for="f-kept-text">{t(lang, 'pubKeptText')}</label>
              <textarea id="f-kept-text" readonly rows={4}>
                {str(props.values?.text)}
              </textarea>
            </div>
          ) : null}
        </section>
      )}
      <p>
        <a href={plansHref(props.tenant)}>{t(lang, 'pubAllPlans')}</a>
      </p>
    </PublicFrame>
  );
}

async function show(c: Ctx, state: { values?: FormValues; errors?: FormErrors } = {}) {
  const tenant = param(c, 'tenant');
  const consultationId = param(c, 'cid');
  if (!isTenant(tenant) || !isConsultationId(consultationId)) return publicProblem(c, 404, tenant);
  const r = await c
    .get('api')
    .call(CONTRACTS.publicPlans.consultation, { params: { tenant, consultationId } });
  if (!r.ok) return publicProblem(c, r.status, tenant, r.problem);
  return c.render(<ConsultationPage v={r.data} tenant={tenant} {...state} />, {
    title: t(c.get('lang'), 'pubConsultationTitle', { unit: r.data.unit.name, year: r.data.cycle.year }),
  });
}

export const consultationPage = {
  get: (c: Ctx) => show(c),
  post: async (c: Ctx) => {
    const tenant = param(c, 'tenant');
    const consultationId = param(c, 'cid');
    if (!isTenant(tenant) || !isConsultationId(consultationId)) return publicProblem(c, 404, tenant);
    const form = await readForm(c);
    const r = await c
      .get('api')
      .call(comment, { params: { tenant, consultationId }, body: formBody(comment, form) });
    if (r.ok) return c.redirect(`${consultationHref(tenant, consultationId)}?sent=1#thanks`, 303);
    if (r.status === 404) return publicProblem(c, 404, tenant, r.problem);
    c.status(statusOf(r.status));
    return show(c, {
      values: form,
      errors: problemToFormErrors(r.problem, c.get('lang'), fieldNames(comment)),
    });
  },
};
