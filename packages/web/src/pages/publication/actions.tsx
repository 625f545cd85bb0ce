import { CONTRACTS } from '@jixiao/api/contracts';
import { problemPage, statusOf } from '../../components/message-page';
import type { Ctx } from '../../context';
import { fieldNames, formBody, problemToFormErrors, readForm } from '../../forms';
import { t } from '../../i18n';
import type { PublicationFormState } from './forms';
import { PublicationPage } from './page';
import { publicationHref } from './paths';

const P = CONTRACTS.publication;

async function show(c: Ctx, cycleId: string, state?: PublicationFormState) {
  const r = await c.get('api').call(P.view, { params: { cycleId } });
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<PublicationPage view={r.data} state={state} />, { title: t(c.get('lang'), 'pbTitle') });
}

/** `GET /console/cycles/:id/publication`. */
export const publicationPage = (c: Ctx, cycleId: string) => show(c, cycleId);

/** A refused form: the page again with the API's status and why, what was typed kept. */
async function refused(c: Ctx, cycleId: string, status: number, state: PublicationFormState) {
  c.status(statusOf(status));
  return show(c, cycleId, state);
}

/** `POST /console/cycles/:id/publication`: publish (again), then back to the page. */
export async function publish(c: Ctx, cycleId: string) {
  const form = await readForm(c);
  const r = await c.get('api').call(P.publish, { params: { cycleId }, body: formBody(P.publish, form) });
  if (r.ok) return c.redirect(`${publicationHref(cycleId)}?ok=published`, 303);
  if (r.status === 404 || r.status === 403) return problemPage(c, r.problem);
  const errors = problemToFormErrors(r.problem, c.get('lang'), fieldNames(P.publish));
  return refused(c, cycleId, r.status, { form: 'publish', values: form, errors });
}

/** `POST /console/cycles/:id/publication/withdraw`: withdraw with the reason, then back to the page. */
export async function withdraw(c: Ctx, cycleId: string) {
  const form = await readForm(c);
  const r = await c.get('api').call(P.withdraw, { params: { cycleId }, body: formBody(P.withdraw, form) });
  if (r.ok) return c.redirect(`${publicationHref(cycleId)}?ok=withdrawn`, 303);
  if (r.status === 404 || r.status === 403) return problemPage(c, r.problem);
  const errors = problemToFormErrors(r.problem, c.get('lang'), fieldNames(P.withdraw));
  return refused(c, cycleId, r.status, { form: 'withdraw', values: form, errors });
}
