import { CONTRACTS } from '@jixiao/api/contracts';
import { problemPage, statusOf } from '../../components/message-page';
import type { Ctx } from '../../context';
import {
  type FormValues,
  fieldNames,
  formBody,
  idempotencyKeyFrom,
  newIdempotencyKey,
  problemToFormErrors,
  readForm,
  str,
} from '../../forms';
import { t } from '../../i18n';
import { loadCycle } from '../cycles/office/paths';
import { ComparePage } from './compare';
import { groupNames, problemJson } from './load';
import { OverviewPage } from './overview';
import { finished } from './parts';
import { evaluationHref, isRunId, runHref } from './paths';
import { progressJson } from './progress';
import { ResultsPage, RunningPage } from './results';
import type { RunFormState } from './run-forms';
import { UnitResultPage } from './unit-result';

/**
 * The evaluation's handlers: they call the API as the signed-in user and render what it answers
 * (its refusal as a page, or in the form that was sent, with the API's status); the forms redirect
 * after a change (303, with a flash).
 */

const E = CONTRACTS.evaluation;

/** `GET /console/cycles/:id/evaluation`. */
export async function overviewPage(c: Ctx, cycleId: string, state?: RunFormState) {
  const r = await c.get('api').call(E.overview, { params: { cycleId } });
  if (!r.ok) return problemPage(c, r.problem);
  const idem = state?.form === 'start' ? str(state.values._idem) : newIdempotencyKey();
  return c.render(<OverviewPage view={r.data} state={state} idem={idem} />, {
    title: t(c.get('lang'), 'erTitle'),
    wide: true,
  });
}

/** `GET …/evaluation/runs/:run`: the results of a finished run, else its live progress. */
export async function runPage(c: Ctx, cycleId: string, runId: string, state?: RunFormState) {
  const api = c.get('api');
  const lang = c.get('lang');
  const run = await api.call(E.run, { params: { cycleId, runId } });
  if (!run.ok) return problemPage(c, run.problem);
  if (!finished(run.data)) {
    const cycle = await loadCycle(c, cycleId);
    const ref = cycle.ok ? cycle.data : { id: cycleId, name: '' };
    return c.render(<RunningPage cycle={ref} run={run.data} state={state} />, { title: t(lang, 'erTitle') });
  }
  const [results, names] = await Promise.all([
    api.call(E.results, { params: { cycleId, runId } }),
    groupNames(c),
  ]);
  if (!results.ok) return problemPage(c, results.problem);
  return c.render(<ResultsPage view={results.data} groupNames={names} state={state} />, {
    title: t(lang, 'erTitle'),
    wide: true,
  });
}

/** `GET …/runs/:run/progress`: what the page's script shows (JSON), or the API's problem. */
export async function progressRoute(c: Ctx, cycleId: string, runId: string) {
  const r = await c.get('api').call(E.run, { params: { cycleId, runId } });
  return r.ok ? c.json(progressJson(c.get('lang'), r.data), 200) : problemJson(c, r.problem);
}

/** `GET …/runs/:run/compare[?with=]`: what changed from the previous run (or the one named). */
export async function comparePage(c: Ctx, cycleId: string, runId: string) {
  const api = c.get('api');
  const against = c.req.query('with');
  const query = against && isRunId(against) ? { with: against } : {};
  const [r, overview] = await Promise.all([
    api.call(E.compare, { params: { cycleId, runId }, query }),
    api.call(E.overview, { params: { cycleId } }),
  ]);
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<ComparePage view={r.data} runs={overview.ok ? overview.data.runs : []} />, {
    title: t(c.get('lang'), 'erTitle'),
    wide: true,
  });
}

/** `GET …/runs/:run/units/:unit`: the unit's breakdown in the run. */
export async function unitPage(c: Ctx, cycleId: string, runId: string, unit: string) {
  const [r, names] = await Promise.all([
    c.get('api').call(E.unitResult, { params: { cycleId, runId, unit } }),
    groupNames(c),
  ]);
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(
    <UnitResultPage view={r.data} groupName={names.get(r.data.unit.group) ?? r.data.unit.group} />,
    {
      title: t(c.get('lang'), 'erTitle'),
      wide: true,
    },
  );
}

/** A refused form: the page it was sent from again, with the API's status and its problem in the form. */
function refused(c: Ctx, cycleId: string, status: number, state: RunFormState) {
  c.status(statusOf(status));
  return str(state.values.from) === 'run' && state.run
    ? runPage(c, cycleId, state.run, state)
    : overviewPage(c, cycleId, state);
}

/** `POST …/evaluation/runs`: start a run (once per Idempotency-Key), then watch it on its page. */
export async function startRun(c: Ctx, cycleId: string) {
  const form = await readForm(c);
  const idem = idempotencyKeyFrom(form);
  const body = formBody(E.start, form);
  const r = await c.get('api').call(E.start, { params: { cycleId }, body, idempotencyKey: idem });
  // The route answers 202 with the run view, which the client's SuccessOf (200/201/204) does not type.
  if (r.ok) return c.redirect(`${runHref(cycleId, r.data.id)}?ok=started`, 303);
  const values: FormValues = { ...form, _idem: idem };
  const errors = problemToFormErrors(r.problem, c.get('lang'), fieldNames(E.start));
  return refused(c, cycleId, r.status, { form: 'start', values, errors });
}

/** `POST …/runs/:run/resume`: resume a stopped run where it stopped. */
export async function resumeRun(c: Ctx, cycleId: string, runId: string) {
  const form = await readForm(c);
  const r = await c.get('api').call(E.resume, { params: { cycleId, runId } });
  if (r.ok) return c.redirect(`${runHref(cycleId, runId)}?ok=resumed`, 303);
  const errors = problemToFormErrors(r.problem, c.get('lang'), []);
  return refused(c, cycleId, r.status, { form: 'resume', run: runId, values: form, errors });
}

/** `POST …/runs/:run/release`: release the run to the units (by its version). */
export async function releaseRun(c: Ctx, cycleId: string, runId: string) {
  const form = await readForm(c);
  const body = formBody(E.release, form);
  const r = await c.get('api').call(E.release, { params: { cycleId, runId }, body });
  if (r.ok) return c.redirect(`${evaluationHref(cycleId)}?ok=released`, 303);
  const errors = problemToFormErrors(r.problem, c.get('lang'), fieldNames(E.release));
  return refused(c, cycleId, r.status, { form: 'release', run: runId, values: form, errors });
}
