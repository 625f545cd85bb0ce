import { CONTRACTS } from '@jixiao/api/contracts';
import { type AppealableLeaf, type AppealStatus, type AppealView, isEnumValue } from '@jixiao/core';
import { problemPage, statusOf } from '../../components/message-page';
import { type Ctx, PAGE_SIZE, redirectOk } from '../../context';
import {
  type FormErrors,
  type FormValues,
  fieldNames,
  formBody,
  idempotencyKeyFrom,
  newIdempotencyKey,
  numberFrom,
  problemToFormErrors,
  readForm,
  str,
} from '../../forms';
import { t } from '../../i18n';
import { officeWide } from '../../policy';
import { loadCycle } from '../cycles/office/paths';
import { decisionBody, decisionErrors } from './decision-form';
import { AppealPage, type AppealState } from './detail';
import { appealHref } from './paths';
import { AppealQueue } from './queue';
import { type SubmitState, UnitAppealsPage } from './unit-page';

/**
 * The appeal pages' handlers. Who acts for the whole tenant (the office, observers) gets the queue;
 * a unit's own user gets the unit's page, where it appeals and follows its appeals. Every decision
 * on what may be done stays with the API.
 */

async function unitPage(c: Ctx, id: string, unit: string, state?: SubmitState) {
  const r = await c.get('api').call(CONTRACTS.appeals.unit, { params: { cycleId: id, unit } });
  if (!r.ok) return problemPage(c, r.problem);
  const form = state ?? { values: { _idem: newIdempotencyKey(), target: 'indicator' }, errors: undefined };
  return c.render(<UnitAppealsPage view={r.data} form={form} failed={!!state} />, {
    title: t(c.get('lang'), 'ocMyAppeals'),
  });
}

/** `GET /console/cycles/:id/appeals`: the queue, or the caller's unit's page. */
export async function appealsPage(c: Ctx, id: string) {
  const me = c.get('me');
  const unit = me?.identity.unit;
  if (!officeWide(me) && unit) return unitPage(c, id, unit, undefined);
  const q = c.req.query();
  const status = isEnumValue('appealStatus', q.status ?? '') ? (q.status as AppealStatus) : undefined;
  const filter = { status: status ?? '', unit: q.unit ?? '' };
  const api = c.get('api');
  const [cycle, list] = await Promise.all([
    loadCycle(c, id),
    api.call(CONTRACTS.appeals.list, {
      params: { cycleId: id },
      query: { limit: PAGE_SIZE, cursor: q.cursor, status, unit: q.unit || undefined },
    }),
  ]);
  if (!list.ok) return problemPage(c, list.problem);
  if (!cycle.ok) return problemPage(c, cycle.problem);
  return c.render(<AppealQueue cycle={cycle.data} list={list.data} filter={filter} hasPrev={!!q.cursor} />, {
    title: t(c.get('lang'), 'ocQueue'),
  });
}

/** The leaf an indicator appeal names, with what a correction of it takes (for the office's form). */
async function leafOf(c: Ctx, id: string, view: AppealView): Promise<AppealableLeaf | undefined> {
  if (view.target !== 'indicator' || !view.allowed.decide) return undefined;
  const r = await c.get('api').call(CONTRACTS.appeals.unit, { params: { cycleId: id, unit: view.unit } });
  return r.ok ? r.data.leaves.find((l) => l.code === view.leaf) : undefined;
}

async function showAppeal(c: Ctx, id: string, unit: string, appealId: string, state?: AppealState) {
  const api = c.get('api');
  const [r, cycle] = await Promise.all([
    api.call(CONTRACTS.appeals.get, { params: { cycleId: id, unit, appealId } }),
    loadCycle(c, id),
  ]);
  if (!r.ok) return problemPage(c, r.problem);
  if (!cycle.ok) return problemPage(c, cycle.problem);
  const leaf = await leafOf(c, id, r.data);
  return c.render(<AppealPage view={r.data} cycle={cycle.data} leaf={leaf} state={state} />, {
    title: t(c.get('lang'), 'ocAppealTitle', { unit: r.data.unitName }),
  });
}

/** `GET /console/cycles/:id/appeals/:unit/:appealId`. */
export const appealPage = (c: Ctx, id: string, unit: string, appealId: string) =>
  showAppeal(c, id, unit, appealId);

/** `POST /console/cycles/:id/appeals/:unit`: the unit's appeal (retry-safe by the form's key). */
export async function submitAppeal(c: Ctx, id: string, unit: string) {
  const form = await readForm(c);
  const idem = idempotencyKeyFrom(form);
  const route = CONTRACTS.appeals.submit;
  // The conclusion names no indicator, whatever the leaf select still shows.
  const values: FormValues = str(form.target) === 'conclusion' ? { ...form, leaf: '' } : form;
  const r = await c
    .get('api')
    .call(route, { params: { cycleId: id, unit }, body: formBody(route, values), idempotencyKey: idem });
  if (r.ok) return redirectOk(c, appealHref(id, unit, r.data.id), 'submitted');
  if (r.status === 403 || r.status === 404) return problemPage(c, r.problem);
  c.status(statusOf(r.status));
  const errors: FormErrors = problemToFormErrors(r.problem, c.get('lang'), fieldNames(route));
  return unitPage(c, id, unit, { values: { ...form, _idem: idem }, errors });
}

/** `POST /console/cycles/:id/appeals/:unit/:appealId/withdraw`. */
export async function withdrawAppeal(c: Ctx, id: string, unit: string, appealId: string) {
  const form = await readForm(c);
  const route = CONTRACTS.appeals.withdraw;
  const body = { version: numberFrom(str(form.version)) } as { version: number };
  const r = await c.get('api').call(route, { params: { cycleId: id, unit, appealId }, body });
  if (r.ok) return redirectOk(c, appealHref(id, unit, appealId), 'updated');
  if (r.status === 403 || r.status === 404) return problemPage(c, r.problem);
  c.status(statusOf(r.status));
  const errors = problemToFormErrors(r.problem, c.get('lang'), ['version']);
  return showAppeal(c, id, unit, appealId, { form: 'withdraw', values: form, errors });
}

/** `POST /console/cycles/:id/appeals/:unit/:appealId/decision`: accepted (with a correction) or rejected. */
export async function decideAppeal(c: Ctx, id: string, unit: string, appealId: string) {
  const form = await readForm(c);
  const api = c.get('api');
  const current = await api.call(CONTRACTS.appeals.get, { params: { cycleId: id, unit, appealId } });
  if (!current.ok) return problemPage(c, current.problem);
  const leaf = await leafOf(c, id, current.data);
  const r = await api.call(CONTRACTS.appeals.decide, {
    params: { cycleId: id, unit, appealId },
    body: decisionBody(form, leaf),
  });
  if (r.ok) return redirectOk(c, appealHref(id, unit, appealId), 'updated');
  if (r.status === 403 || r.status === 404) return problemPage(c, r.problem);
  c.status(statusOf(r.status));
  const errors = decisionErrors(r.problem, c.get('lang'), leaf);
  return showAppeal(c, id, unit, appealId, { form: 'decide', values: form, errors });
}
