import { CONTRACTS } from '@jixiao/api/contracts';
import type { ConsultationComment, PlanOpinion, PlanView } from '@jixiao/core';
import { Flash } from '../../../../components/feedback';
import { problemPage, statusOf } from '../../../../components/message-page';
import { type Ctx, param, redirectOk, useView } from '../../../../context';
import { type BodyOf, formBody, numberFrom, problemToFormErrors, readForm, str } from '../../../../forms';
import { t } from '../../../../i18n';
import { useMay } from '../../../../policy';
import { Back } from '../parts';
import { commentsHref, planHref } from '../paths';
import { ConsultationBox } from './actions';
import { CommentCard, OpinionCard, type State } from './comment-cards';

/**
 * `/console/cycles/:id/plans/:unit/comments`: what the public said about the unit's plan. The
 * comments on the draft (art. 11), awaiting moderation first, each with 公开 / 不予公开 (with a
 * note) and the unit's answer; and the opinions on the published plan the office forwarded to the
 * unit (art. 12 ¶2), each with the unit's reply.
 */

const ORDER = { pending: 0, published: 1, rejected: 2 } as const;

function CommentsPage(props: {
  view: PlanView;
  comments: ConsultationComment[];
  opinions: PlanOpinion[];
  state: State;
}) {
  const { lang } = useView();
  const may = useMay();
  const { view } = props;
  const href = commentsHref(view.cycle.id, view.unit.code);
  // The unit moderates and replies; the office reads here (it forwards and closes on its own pages).
  const actsForUnit = may(CONTRACTS.plans.moderate);
  const comments = [...props.comments].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || a.createdAt.localeCompare(b.createdAt),
  );
  const pending = comments.filter((c) => c.status === 'pending').length;
  return (
    <>
      <Back href={planHref(view.cycle.id, view.unit.code)} label={t(lang, 'cuBackPlan')} />
      <h1>{t(lang, 'cuCommentsTitle', { unit: view.unit.name })}</h1>
      <Flash />
      <ConsultationBox view={view} onCommentsPage />
      <h2 id="comments">
        {t(lang, 'cuComments')} <span class="badge">{t(lang, 'cuPendingN', { n: pending })}</span>
      </h2>
      {comments.length === 0 ? <p class="card">{t(lang, 'cuNoComments')}</p> : null}
      {comments.map((c) => (
        <CommentCard c={c} action={href} mayModerate={actsForUnit} state={props.state} />
      ))}
      <h2 id="opinions" class="mt">
        {t(lang, 'cuOpinions')}
      </h2>
      <p class="muted">{t(lang, 'cuOpinionsHint')}</p>
      {props.opinions.length === 0 ? <p class="card">{t(lang, 'cuNoOpinions')}</p> : null}
      {props.opinions.map((o) => (
        <OpinionCard
          o={o}
          action={`${planHref(view.cycle.id, view.unit.code)}/opinions`}
          reloadHref={`${href}#opinions`}
          mayReply={actsForUnit}
          state={props.state}
        />
      ))}
    </>
  );
}

async function show(c: Ctx, cycleId: string, unit: string, state: State = {}) {
  const api = c.get('api');
  const [plan, comments, opinions] = await Promise.all([
    api.call(CONTRACTS.plans.get, { params: { cycleId, unit } }),
    api.all(CONTRACTS.plans.comments, { params: { cycleId, unit } }),
    api.all(CONTRACTS.plans.opinions, { params: { cycleId } }),
  ]);
  if (!plan.ok) return problemPage(c, plan.problem);
  if (!comments.ok) return problemPage(c, comments.problem);
  return c.render(
    <CommentsPage
      view={plan.data}
      comments={comments.data.items}
      // The office sees every unit's opinions: this page shows this unit's.
      opinions={opinions.ok ? opinions.data.items.filter((o) => o.unit === unit) : []}
      state={state}
    />,
    { title: t(c.get('lang'), 'cuCommentsTitle', { unit: plan.data.unit.name }) },
  );
}

export const commentsPage = {
  get: (c: Ctx, cycleId: string, unit: string) => show(c, cycleId, unit),
  /** `POST …/comments/:commentId`: publish or reject (with a note), and answer. */
  moderate: async (c: Ctx, cycleId: string, unit: string) => {
    const commentId = param(c, 'commentId');
    const form = await readForm(c);
    const given = (k: string) => str(form[k]).trim() || undefined;
    // Only what was given: an empty note or answer is no change (the PATCH would otherwise clear it).
    const body = Object.fromEntries(
      Object.entries({
        version: numberFrom(str(form.version)),
        status: given('status'),
        moderationNote: given('moderationNote'),
        answer: given('answer'),
      }).filter(([, v]) => v !== undefined),
    ) as BodyOf<typeof CONTRACTS.plans.moderate>;
    const r = await c
      .get('api')
      .call(CONTRACTS.plans.moderate, { params: { cycleId, unit, commentId }, body });
    if (r.ok) return redirectOk(c, commentsHref(cycleId, unit), 'updated');
    c.status(statusOf(r.status));
    return show(c, cycleId, unit, {
      at: commentId,
      errors: problemToFormErrors(r.problem, c.get('lang'), []),
      values: form,
    });
  },
  /** `POST /console/cycles/:id/plans/:unit/opinions/:opinionId`: the unit's reply to a forwarded opinion. */
  reply: async (c: Ctx, cycleId: string, unit: string) => {
    const opinionId = param(c, 'opinionId');
    const form = await readForm(c);
    const body = formBody(CONTRACTS.plans.opinionStep, form);
    const r = await c.get('api').call(CONTRACTS.plans.opinionStep, { params: { cycleId, opinionId }, body });
    if (r.ok) return c.redirect(`${commentsHref(cycleId, unit)}?ok=updated#opinions`, 303);
    c.status(statusOf(r.status));
    return show(c, cycleId, unit, {
      at: opinionId,
      errors: problemToFormErrors(r.problem, c.get('lang'), []),
      values: form,
    });
  },
};
