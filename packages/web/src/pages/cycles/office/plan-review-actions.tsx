import { CONTRACTS } from '@jixiao/api/contracts';
import { isEnumValue, type PlanReview, type PlanView } from '@jixiao/core';
import { Flash } from '../../../components/feedback';
import { problemPage, statusOf } from '../../../components/message-page';
import { type Ctx, param, redirectOk, useView } from '../../../context';
import {
  type FormErrors,
  type FormValues,
  formMessage,
  list,
  numberFrom,
  readForm,
  str,
} from '../../../forms';
import { t } from '../../../i18n';
import { type Renames, rowErrors } from './cycle-form';
import { BackToCycle } from './paths';
import { commentField, decisionField, PlanReviewForm, type ReviewState } from './plan-review';
import { planHref } from './plans-queue';

/**
 * The POSTs of the office's review form: the decisions (`…/plans/:unit/review`), publishing
 * (`…/publish`) and reopening (`…/reopen`). Done: back to the plan page. Refused: the review form
 * again on a page of its own, with what was typed and the API's problem at its fields.
 */

function ReviewPage(props: { view: PlanView; state: ReviewState }) {
  const { lang } = useView();
  const { view } = props;
  return (
    <>
      <BackToCycle cycle={view.cycle} />
      <h1>
        {t(lang, 'cyOfficeReview')}
        {t(lang, 'colon')}
        {view.unit.name}
      </h1>
      <Flash />
      <p>
        <a href={planHref(view.cycle.id, view.unit.code)}>{t(lang, 'cyBackToPlan')}</a>
      </p>
      <PlanReviewForm view={view} state={props.state} />
    </>
  );
}

async function refused(c: Ctx, cycleId: string, unit: string, status: number, state: ReviewState) {
  const r = await c.get('api').call(CONTRACTS.plans.get, { params: { cycleId, unit } });
  if (!r.ok) return problemPage(c, r.problem);
  c.status(statusOf(status));
  return c.render(<ReviewPage view={r.data} state={state} />, { title: t(c.get('lang'), 'cyOfficeReview') });
}

/** The decisions a form carries: each leaf's choice, or 同意 for every undecided one with 其余全部同意. */
export function decisionsFrom(form: FormValues): {
  decisions: PlanReview['decisions'];
  renames: Renames;
  fields: string[];
} {
  const rest = str(form.rest) === 'approved';
  const decisions: PlanReview['decisions'] = [];
  const renames: Renames = [];
  const fields: string[] = [];
  for (const leaf of list(form.leaves)) {
    fields.push(decisionField(leaf), commentField(leaf));
    const chosen = str(form[decisionField(leaf)]);
    const decision = isEnumValue('reviewDecision', chosen) ? chosen : rest ? 'approved' : undefined;
    if (!decision) continue;
    const comment = str(form[commentField(leaf)]).trim();
    const i = decisions.length;
    renames.push([`decisions.${i}.comment`, commentField(leaf)], [`decisions.${i}`, decisionField(leaf)]);
    decisions.push({ leaf, decision, ...(comment ? { comment } : {}) });
  }
  return { decisions, renames, fields };
}

const where = (c: Ctx) => ({ cycleId: param(c, 'id'), unit: param(c, 'unit') });

/** `POST /console/cycles/:id/plans/:unit/review`: the office's decisions on a submitted plan. */
export async function reviewPlan(c: Ctx) {
  const { cycleId, unit } = where(c);
  const form = await readForm(c);
  const { decisions, renames, fields } = decisionsFrom(form);
  const lang = c.get('lang');
  if (decisions.length === 0)
    return refused(c, cycleId, unit, 422, {
      form: 'review',
      values: form,
      errors: formMessage(t(lang, 'cyReviewNone')),
    });
  const r = await c.get('api').call(CONTRACTS.plans.review, {
    params: { cycleId, unit },
    body: { version: numberFrom(str(form.version)) as number, decisions },
  });
  if (r.ok) return redirectOk(c, planHref(cycleId, unit), 'reviewed');
  const errors: FormErrors = rowErrors(r.problem, lang, renames, fields);
  return refused(c, cycleId, unit, r.status, { form: 'review', values: form, errors });
}

/** The flash each office transition leaves on the plan page (`?ok=`, mapped to words in components/feedback.tsx). */
const DONE = { publish: 'published', reopen: 'reopened' } as const;

/** Publish (向社会公布) or reopen (退回重新修改, with a reason) a plan: the office's plan transitions. */
const officeTransition = (action: 'publish' | 'reopen') => async (c: Ctx) => {
  const { cycleId, unit } = where(c);
  const form = await readForm(c);
  const reason = str(form.reason).trim();
  const r = await c.get('api').call(CONTRACTS.plans.transition, {
    params: { cycleId, unit },
    body: { version: numberFrom(str(form.version)) as number, action, ...(reason ? { reason } : {}) },
  });
  if (r.ok) return redirectOk(c, planHref(cycleId, unit), DONE[action]);
  const errors = rowErrors(r.problem, c.get('lang'), [], ['reason']);
  return refused(c, cycleId, unit, r.status, { form: action, values: form, errors });
};

export const publishPlan = officeTransition('publish');
export const reopenPlan = officeTransition('reopen');
