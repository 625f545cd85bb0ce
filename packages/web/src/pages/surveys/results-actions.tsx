import { CONTRACTS } from '@jixiao/api/contracts';
import type { INTEGRITY_DECISIONS, INTEGRITY_SIGNALS } from '@jixiao/core';
import { problemPage, statusOf } from '../../components/message-page';
import { type Ctx, redirectOk } from '../../context';
import { type FormErrors, numberFrom, problemToFormErrors, readForm, str } from '../../forms';
import { t } from '../../i18n';
import { loadCycle } from '../cycles/office/paths';
import { formChoices } from './context';
import { surveyHref } from './paths';
import { ResultsPage } from './results';

export async function resultsPage(
  c: Ctx,
  id: string,
  surveyId: string,
  failed?: { flag: string; errors: FormErrors },
) {
  const api = c.get('api');
  const [cycle, survey, results] = await Promise.all([
    loadCycle(c, id),
    api.call(CONTRACTS.surveys.get, { params: { cycleId: id, surveyId } }),
    api.call(CONTRACTS.surveys.results, { params: { cycleId: id, surveyId } }),
  ]);
  if (!cycle.ok) return problemPage(c, cycle.problem);
  if (!survey.ok) return problemPage(c, survey.problem);
  if (!results.ok) return problemPage(c, results.problem);
  const { units } = await formChoices(c, cycle.data);
  return c.render(
    <ResultsPage
      cycle={cycle.data}
      title={survey.data.title}
      surveyId={surveyId}
      results={results.data}
      names={new Map(units.map((u) => [u.code, u.name]))}
      {...(failed ? { failed } : {})}
    />,
    { title: t(c.get('lang'), 'svResults') },
  );
}

/** `POST …/decisions`: the office's decision on one flag (audited by the API). */
export async function decisionPost(c: Ctx, id: string, surveyId: string) {
  const form = await readForm(c);
  const version = str(form.version);
  const body = {
    signal: str(form.signal) as (typeof INTEGRITY_SIGNALS)[number],
    key: str(form.key),
    decision: str(form.decision) as (typeof INTEGRITY_DECISIONS)[number],
    reason: str(form.reason),
    ...(version ? { version: numberFrom(version) as number } : {}),
  };
  const r = await c.get('api').call(CONTRACTS.surveys.decide, { params: { cycleId: id, surveyId }, body });
  if (r.ok) return redirectOk(c, `${surveyHref(id, surveyId)}/results`, 'updated');
  c.status(statusOf(r.status));
  return resultsPage(c, id, surveyId, {
    flag: `${body.signal}:${body.key}`,
    errors: problemToFormErrors(r.problem, c.get('lang'), []),
  });
}
