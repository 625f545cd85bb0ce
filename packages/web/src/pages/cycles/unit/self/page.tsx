import { CONTRACTS } from '@jixiao/api/contracts';
import { labelOf } from '@jixiao/core';
import { Flash } from '../../../../components/feedback';
import { problemPage, statusOf } from '../../../../components/message-page';
import { type Ctx, redirectOk, useView } from '../../../../context';
import {
  type FormErrors,
  type FormValues,
  formBody,
  noErrors,
  problemToFormErrors,
  readForm,
} from '../../../../forms';
import { formatDateTime, t } from '../../../../i18n';
import { IssueList, nothingPlaced, type Placed, placeIssues } from '../issues';
import { Back, Badge, DoneNote, Due, formatDay } from '../parts';
import { selfHref, workspaceHref } from '../paths';
import { type EvidenceCounts, EvidenceLink, evidenceCounts } from './evidence-link';
import { SelfActions, SelfForm } from './form';
import { fieldOfPath, leafOfPath, type SelfView, toBody, valuesOf } from './model';

/**
 * `/console/cycles/:id/self-assessments/:unit`: the unit's self-assessment (自我测评): values,
 * self-scores, narratives and the report, what is still missing, the deadline; `POST` saves,
 * `POST …/actions` submits (the unit) or reopens after the deadline (the office).
 */

interface State {
  values?: FormValues;
  placed?: Placed;
  problem?: FormErrors;
  actionProblem?: FormErrors;
  /** Documents per indicator (evidence), when the list could be read. */
  evidence?: EvidenceCounts;
}

function SelfPage(props: { view: SelfView; state: State }) {
  const { lang } = useView();
  const { view, state } = props;
  const href = selfHref(view.cycle.id, view.unit.code);
  const a = view.assessment;
  const stored = a?.items ?? [];
  const rowOf = (p: string) => {
    const leaf = leafOfPath(stored, p);
    const i = view.leaves.findIndex((l) => l.code === leaf);
    return i < 0 ? undefined : i;
  };
  const placed =
    state.placed ??
    (state.values ? nothingPlaced() : placeIssues(view.issues, lang, (p) => fieldOfPath(stored, p), rowOf));
  const submitted = a?.status === 'submitted';
  return (
    <>
      <Back href={workspaceHref(view.cycle.id, view.unit.code)} label={t(lang, 'cuBackWorkspace')} />
      <h1>
        {t(lang, 'cuSelfTitle', { unit: view.unit.name, cycle: view.cycle.name })}{' '}
        <Badge tone={submitted ? 'done' : 'todo'} status={a?.status ?? 'missing'}>
          {a ? labelOf('selfStatus', a.status, lang) : t(lang, 'cuNotFilled')}
        </Badge>
      </h1>
      <Flash />
      <DoneNote
        label={(x) =>
          x === 'submit' ? t(lang, 'cuSubmitSelf') : x === 'reopen' ? t(lang, 'cuReopenSelf') : undefined
        }
      />
      <p>
        {t(lang, 'cuDeadline')}
        {t(lang, 'colon')}
        <Due day={view.deadline} done={submitted} />
        {a?.submittedAt
          ? ` · ${t(lang, 'cuSubmittedAt')}${t(lang, 'colon')}${formatDateTime(a.submittedAt, lang)}`
          : ''}
      </p>
      {view.late && !submitted ? <p class="alert">{t(lang, 'cuSelfLate')}</p> : null}
      {a?.reopened ? (
        <p class="notice">
          {t(lang, 'cuReopenedNote', { until: formatDay(a.reopened.until, lang), reason: a.reopened.reason })}
        </p>
      ) : null}
      <SelfActions view={view} action={`${href}/actions`} problem={state.actionProblem} />
      {state.values ? null : (
        <IssueList
          issues={view.issues}
          title={t(lang, 'cuSelfIssues', { n: view.issues.length })}
          anchorOf={(p) => {
            const leaf = leafOfPath(stored, p);
            return p === 'report' ? 'f-report' : leaf ? `self-${leaf}` : undefined;
          }}
        />
      )}
      {view.allowed.edit ? (
        <SelfForm
          view={view}
          values={state.values ?? valuesOf(view)}
          fields={placed.fields}
          rows={placed.rows}
          problem={state.problem}
          action={href}
          evidence={state.evidence}
        />
      ) : (
        <SelfReadOnly view={view} evidence={state.evidence} />
      )}
    </>
  );
}

function SelfReadOnly(props: { view: SelfView; evidence?: EvidenceCounts }) {
  const { lang } = useView();
  const { view } = props;
  const byLeaf = new Map((view.assessment?.items ?? []).map((i) => [i.leaf, i]));
  const supplied = new Map(view.supplied.map((s) => [s.leaf, s]));
  return (
    <>
      <table>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'cuIndicator')}</th>
            <th scope="col" class="num">
              {t(lang, 'cuActual')}
            </th>
            <th scope="col" class="num">
              {t(lang, 'cuSelfScore')}
            </th>
            <th scope="col">{t(lang, 'cuNarrative')}</th>
          </tr>
        </thead>
        <tbody>
          {view.leaves.map((l) => {
            const it = byLeaf.get(l.code);
            const s = supplied.get(l.code);
            const actual = s?.value ?? it?.actual;
            return (
              <tr data-leaf={l.code}>
                <td>
                  {l.name}{' '}
                  <EvidenceLink
                    cycleId={view.cycle.id}
                    unit={view.unit.code}
                    leaf={l.code}
                    counts={props.evidence}
                  />
                </td>
                <td class="num">
                  {actual === undefined ? (it?.actualText ?? '') : `${actual}${l.unitOfMeasure ?? ''}`}
                  {s ? <span class="hint"> {t(lang, 'cuSuppliedNote')}</span> : null}
                </td>
                <td class="num">{it?.selfScore ?? ''}</td>
                <td class="note">{it?.narrative ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <section class="card mt">
        <h2>{t(lang, 'cuSelfReport')}</h2>
        <p class="note">{view.assessment?.report || t(lang, 'none')}</p>
      </section>
    </>
  );
}

async function show(c: Ctx, cycleId: string, unit: string, state: State = {}) {
  const [r, evidence] = await Promise.all([
    c.get('api').call(CONTRACTS.selfAssessments.get, { params: { cycleId, unit } }),
    evidenceCounts(c, cycleId, unit),
  ]);
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<SelfPage view={r.data} state={{ ...state, evidence }} />, {
    title: t(c.get('lang'), 'cuSelfTitle', { unit: r.data.unit.name, cycle: r.data.cycle.name }),
    wide: true,
  });
}

export const selfPage = {
  get: (c: Ctx, cycleId: string, unit: string) => show(c, cycleId, unit),
  post: async (c: Ctx, cycleId: string, unit: string) => {
    const lang = c.get('lang');
    const values = await readForm(c);
    const view = await c.get('api').call(CONTRACTS.selfAssessments.get, { params: { cycleId, unit } });
    if (!view.ok) return problemPage(c, view.problem);
    const body = toBody(view.data, values);
    const r = await c.get('api').call(CONTRACTS.selfAssessments.put, { params: { cycleId, unit }, body });
    if (r.ok) return redirectOk(c, selfHref(cycleId, unit), 'updated');
    c.status(statusOf(r.status));
    const placed = placeIssues(
      r.problem.errors ?? [],
      lang,
      (p) => fieldOfPath(body.items, p),
      (p) => {
        const i = view.data.leaves.findIndex((l) => l.code === leafOfPath(body.items, p));
        return i < 0 ? undefined : i;
      },
    );
    const problem = {
      ...noErrors(),
      message: r.problem.message[lang],
      code: r.problem.code,
      requestId: r.problem.requestId || undefined,
      other: placed.other,
    };
    return show(c, cycleId, unit, { values, placed, problem });
  },
  act: async (c: Ctx, cycleId: string, unit: string) => {
    const body = formBody(CONTRACTS.selfAssessments.act, await readForm(c));
    const r = await c.get('api').call(CONTRACTS.selfAssessments.act, { params: { cycleId, unit }, body });
    if (r.ok) return c.redirect(`${selfHref(cycleId, unit)}?done=${body.action}`, 303);
    c.status(statusOf(r.status));
    return show(c, cycleId, unit, { actionProblem: problemToFormErrors(r.problem, c.get('lang'), []) });
  },
};
