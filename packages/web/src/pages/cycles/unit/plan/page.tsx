import { CONTRACTS } from '@jixiao/api/contracts';
import { isEnumValue, labelOf, type PlanView } from '@jixiao/core';
import { ErrorSummary, Flash } from '../../../../components/feedback';
import { Hidden } from '../../../../components/fields';
import { problemPage, statusOf } from '../../../../components/message-page';
import { type Ctx, redirectOk, useView } from '../../../../context';
import { type FormErrors, formBody, noErrors, problemToFormErrors, readForm } from '../../../../forms';
import { t } from '../../../../i18n';
import { PlanReviewForm } from '../../office/plan-review';
import { Cell, CellArea } from '../controls';
import { IssueList, nothingPlaced, type Placed, placeIssues } from '../issues';
import { Back, DoneNote, PlanStatus } from '../parts';
import { longTermHref, planHref, workspaceHref } from '../paths';
import { ConsultationBox, PlanActions, PublishedBox } from './actions';
import { ItemFields, ItemView, itemAnchor, latestReview } from './item';
import { fieldOfPath, fromForm, fromView, itemOfPath, type PlanForm, toBody } from './model';

interface State {
  /** What was typed (a refused save): shown instead of the stored plan. */
  form?: PlanForm;
  placed?: Placed;
  problem?: FormErrors;
  actionProblem?: FormErrors;
}

/** Where the stored plan's issues (`items.<i>` of the stored items) land on the form's rows. */
function storedPlacement(view: PlanView, lang: 'zh' | 'en'): Placed {
  const rowOfLeaf = new Map(view.leaves.map((l, i) => [l.code, i]));
  const rowOfItem = (i: number) => rowOfLeaf.get(view.plan?.items[i]?.leaf ?? '');
  return placeIssues(
    view.issues,
    lang,
    (p) => fieldOfPath(p, rowOfItem, (_i, k) => k),
    (p) => {
      const i = itemOfPath(p);
      return i === undefined ? undefined : rowOfItem(i);
    },
  );
}

/** The form's row of a leaf: as typed, or as stored. */
const rowFor = (form: PlanForm, view: PlanView, row: number) =>
  form.items.find((i) => i.leaf === view.leaves[row]?.code) ?? fromView(view).items[row]!;

function PlanPage(props: { view: PlanView; state: State }) {
  const { lang } = useView();
  const { view, state } = props;
  const href = planHref(view.cycle.id, view.unit.code);
  const form = state.form ?? fromView(view);
  const placed = state.placed ?? (state.form ? nothingPlaced() : storedPlacement(view, lang));
  const rowOfLeaf = new Map(view.leaves.map((l, i) => [l.code, i]));
  const anchorOf = (path: string) => {
    if (path === 'basis') return 'f-basis';
    const i = itemOfPath(path);
    const leaf = i === undefined ? undefined : view.plan?.items[i]?.leaf;
    return leaf && rowOfLeaf.has(leaf) ? itemAnchor(leaf) : undefined;
  };
  const reviews = view.plan?.reviews ?? [];
  return (
    <>
      <Back href={workspaceHref(view.cycle.id, view.unit.code)} label={t(lang, 'cuBackWorkspace')} />
      <div class="toolbar">
        <h1>
          {t(lang, 'cuPlanTitle', { unit: view.unit.name, cycle: view.cycle.name })}{' '}
          <PlanStatus status={view.plan?.status} />
        </h1>
      </div>
      <Flash />
      <DoneNote label={(a) => (isEnumValue('planAction', a) ? labelOf('planAction', a, lang) : undefined)} />
      <PlanActions view={view} errors={state.actionProblem} />
      <PublishedBox view={view} />
      <ConsultationBox view={view} />
      {/* The office's review, publish and reopen (its own form; nothing for the unit). */}
      <PlanReviewForm view={view} />
      {state.form ? null : (
        <IssueList
          issues={view.issues}
          title={t(lang, 'cuPlanIssues', { n: view.issues.length })}
          anchorOf={anchorOf}
        />
      )}
      {view.allowed.edit ? (
        <form method="post" action={href} class="editor" id="plan-form" novalidate>
          <ErrorSummary errors={state.problem} reloadHref={href} />
          {state.problem?.code === 'version_conflict' ? <p class="notice">{t(lang, 'cuKeptInput')}</p> : null}
          <Hidden name="version" value={form.version} />
          <section class="card">
            <div class="grid">
              <CellArea
                name="basis"
                label={t(lang, 'cuBasis')}
                hint={t(lang, 'cuBasisHint')}
                value={form.basis}
                errors={placed.fields}
                class="wide"
                rows={4}
              />
              <Cell
                name="longTermStartYear"
                label={t(lang, 'cuLongTermStart')}
                value={form.longTermStartYear}
                inputmode="decimal"
                errors={placed.fields}
                class="short"
              />
            </div>
            <p>
              <a href={longTermHref(view.unit.code)}>{t(lang, 'cuLongTermLink')}</a>
            </p>
          </section>
          {view.leaves.map((leaf, row) => (
            <ItemFields
              row={row}
              leaf={leaf}
              item={rowFor(form, view, row)}
              review={latestReview(reviews, leaf.code)}
              errors={placed.fields}
              issues={placed.rows.get(row)}
            />
          ))}
          <p class="savebar">
            <button class="primary" type="submit">
              {t(lang, 'save')}
            </button>
          </p>
        </form>
      ) : (
        <>
          <section class="card">
            <h2>{t(lang, 'cuBasis')}</h2>
            <p class="note">{form.basis || t(lang, 'none')}</p>
          </section>
          {view.leaves.map((leaf, row) => (
            <ItemView
              leaf={leaf}
              item={rowFor(form, view, row)}
              review={latestReview(reviews, leaf.code)}
              issues={placed.rows.get(row)}
            />
          ))}
        </>
      )}
    </>
  );
}

async function show(c: Ctx, cycleId: string, unit: string, state: State = {}) {
  const r = await c.get('api').call(CONTRACTS.plans.get, { params: { cycleId, unit } });
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<PlanPage view={r.data} state={state} />, {
    title: t(c.get('lang'), 'cuPlanTitle', { unit: r.data.unit.name, cycle: r.data.cycle.name }),
    wide: true,
  });
}

/**
 * `/console/cycles/:id/plans/:unit`: the annual plan (the unit edits it while it is a draft or
 * returned; the office reads it and reviews it), `POST` saves it with the version read (a 409
 * shows the conflict and keeps what was typed), `POST …/transitions` consults, submits, publishes.
 */
export const planPage = {
  get: (c: Ctx, cycleId: string, unit: string) => show(c, cycleId, unit),
  post: async (c: Ctx, cycleId: string, unit: string) => {
    const lang = c.get('lang');
    const form = fromForm(await readForm(c));
    const { body, milestoneRow } = toBody(form);
    const r = await c.get('api').call(CONTRACTS.plans.put, { params: { cycleId, unit }, body });
    if (r.ok) return redirectOk(c, planHref(cycleId, unit), 'updated');
    c.status(statusOf(r.status));
    const placed = placeIssues(
      r.problem.errors ?? [],
      lang,
      (p) =>
        fieldOfPath(
          p,
          (i) => (i < form.items.length ? i : undefined),
          (i, k) => milestoneRow[i]?.[k],
        ),
      (p) => itemOfPath(p),
    );
    const problem: FormErrors = {
      ...noErrors(),
      message: r.problem.message[lang],
      code: r.problem.code,
      requestId: r.problem.requestId || undefined,
      other: placed.other,
    };
    return show(c, cycleId, unit, { form, placed, problem });
  },
  transition: async (c: Ctx, cycleId: string, unit: string) => {
    const body = formBody(CONTRACTS.plans.transition, await readForm(c));
    const r = await c.get('api').call(CONTRACTS.plans.transition, { params: { cycleId, unit }, body });
    if (r.ok) return c.redirect(`${planHref(cycleId, unit)}?done=${body.action}`, 303);
    c.status(statusOf(r.status));
    return show(c, cycleId, unit, { actionProblem: problemToFormErrors(r.problem, c.get('lang'), []) });
  },
};
