import { CONTRACTS } from '@jixiao/api/contracts';
import { labelOf, type PlanView, REVIEW_DECISIONS } from '@jixiao/core';
import { ErrorSummary } from '../../../components/feedback';
import { FieldError, Hidden, TextArea } from '../../../components/fields';
import { useView } from '../../../context';
import { type FormErrors, type FormValues, noErrors, str } from '../../../forms';
import { num, t } from '../../../i18n';
import { useMay } from '../../../policy';
import { KeptNote, keptVersion } from './kept';
import { planHref } from './plans-queue';

/**
 * The office's part of a unit's plan page (art. 12 ¶1): a decision per indicator (同意, or 退回 with
 * a comment) on a submitted plan, and publishing an approved plan or reopening it for changes. The
 * unit's workspace renders the plan page and puts `<PlanReviewForm view={view} />` on it; this
 * renders nothing when the caller has nothing of the office's to do with the plan.
 */

export const decisionField = (leaf: string) => `decision_${leaf}`;
export const commentField = (leaf: string) => `comment_${leaf}`;

/** What a failed POST brings back to the form. */
export interface ReviewState {
  form: 'review' | 'publish' | 'reopen';
  values: FormValues;
  errors: FormErrors;
}

function ReviewTable(props: { view: PlanView; state?: ReviewState | undefined }) {
  const { lang } = useView();
  const { view, state } = props;
  const plan = view.plan;
  if (!plan) return null;
  const href = planHref(view.cycle.id, view.unit.code);
  const items = new Map(plan.items.map((i) => [i.leaf, i]));
  const latest = new Map(plan.reviews.filter((r) => r.round === plan.round).map((r) => [r.leaf, r]));
  const mine = state?.form === 'review' ? state : undefined;
  const errors = mine?.errors ?? noErrors();
  return (
    <form method="post" action={`${href}/review`} id="plan-review" novalidate>
      <ErrorSummary errors={mine?.errors} reloadHref={href} />
      <KeptNote errors={mine?.errors} />
      <Hidden name="version" value={keptVersion(mine, plan.version)} />
      <p class="hint">{t(lang, 'cyReviewHint', { round: plan.round })}</p>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'cyLeaf')}</th>
              <th scope="col">{t(lang, 'cyTarget')}</th>
              <th scope="col">{t(lang, 'cyThisRound')}</th>
              <th scope="col">{t(lang, 'cyDecision')}</th>
              <th scope="col">{t(lang, 'cyComment')}</th>
            </tr>
          </thead>
          <tbody>
            {view.leaves.map((leaf) => {
              const item = items.get(leaf.code);
              const done = latest.get(leaf.code);
              const d = decisionField(leaf.code);
              const cm = commentField(leaf.code);
              return (
                <tr data-leaf={leaf.code} id={`review-${leaf.code}`}>
                  <th scope="row">
                    <Hidden name="leaves" value={leaf.code} />
                    <span class="code">{leaf.code}</span> {leaf.name}
                  </th>
                  <td>
                    {item?.target !== undefined
                      ? `${num(item.target)} ${leaf.unitOfMeasure ?? ''}`
                      : (item?.targetText ?? '')}
                  </td>
                  <td>
                    {done ? (
                      <span class={done.decision === 'approved' ? 'badge ok' : 'badge off'}>
                        {labelOf('reviewDecision', done.decision, lang)}
                      </span>
                    ) : (
                      <span class="muted">{t(lang, 'cyUndecided')}</span>
                    )}
                  </td>
                  <td>
                    <select id={`f-${d}`} name={d} aria-label={`${leaf.code} ${t(lang, 'cyDecision')}`}>
                      <option value="">{t(lang, 'cyNoDecision')}</option>
                      {REVIEW_DECISIONS.map((x) => (
                        <option value={x} selected={str(mine?.values[d]) === x}>
                          {labelOf('reviewDecision', x, lang)}
                        </option>
                      ))}
                    </select>
                    <FieldError name={d} error={errors.fields[d]} />
                  </td>
                  <td>
                    <textarea
                      id={`f-${cm}`}
                      name={cm}
                      rows={2}
                      maxlength={2000}
                      aria-label={`${leaf.code} ${t(lang, 'cyComment')}`}
                      aria-invalid={errors.fields[cm] ? 'true' : undefined}
                      aria-describedby={errors.fields[cm] ? `f-${cm}-error` : undefined}
                    >
                      {str(mine?.values[cm]) || (done?.comment ?? '')}
                    </textarea>
                    <FieldError name={cm} error={errors.fields[cm]} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="actions">
        <button class="primary" type="submit" data-action="review">
          {t(lang, 'cySendReview')}
        </button>{' '}
        <button class="secondary" type="submit" name="rest" value="approved" data-action="approve-rest">
          {t(lang, 'cyApproveRest')}
        </button>
      </p>
    </form>
  );
}

/** The office's review of a plan, and its publish and reopen buttons, as the API allows them. */
export function PlanReviewForm(props: { view: PlanView; state?: ReviewState | undefined }) {
  const { lang } = useView();
  const may = useMay();
  const { view, state } = props;
  const plan = view.plan;
  const office = may(CONTRACTS.plans.review);
  const publish = office && view.allowed.actions.includes('publish');
  const reopen = office && view.allowed.actions.includes('reopen');
  if (!plan || (!view.allowed.review && !publish && !reopen && !state)) return null;
  const href = planHref(view.cycle.id, view.unit.code);
  const re = state?.form === 'reopen' ? state : undefined;
  const pub = state?.form === 'publish' ? state : undefined;
  // A refused form the plan no longer offers (a colleague moved it on): its problem shows on top.
  const shown = { review: view.allowed.review, publish: false, reopen };
  return (
    <section class="card lifecycle" aria-labelledby="h-plan-review" id="office-review">
      <h2 id="h-plan-review">{t(lang, 'cyOfficeReview')}</h2>
      {state && !shown[state.form] ? <ErrorSummary errors={state.errors} reloadHref={href} /> : null}
      {view.allowed.review ? <ReviewTable view={view} state={state} /> : null}
      {publish ? (
        <form method="post" action={`${href}/publish`} class="inline">
          <Hidden name="version" value={keptVersion(pub, plan.version)} />
          <button class="primary" type="submit" data-action="publish">
            {labelOf('planAction', 'publish', lang)}
          </button>
        </form>
      ) : null}
      {reopen ? (
        <form method="post" action={`${href}/reopen`} class="return-form" id="plan-reopen" novalidate>
          <ErrorSummary errors={re?.errors} reloadHref={href} />
          <KeptNote errors={re?.errors} />
          <Hidden name="version" value={keptVersion(re, plan.version)} />
          <TextArea
            name="reason"
            label={t(lang, 'cyPlanReopenReason')}
            value={str(re?.values.reason)}
            error={re?.errors.fields.reason}
            maxlength={500}
          />
          <button class="secondary" type="submit" data-action="reopen">
            {labelOf('planAction', 'reopen', lang)}
          </button>
        </form>
      ) : null}
    </section>
  );
}
