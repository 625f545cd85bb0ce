import { CONTRACTS } from '@jixiao/api/contracts';
import type { CyclePatch } from '@jixiao/core';
import { statusOf } from '../../../components/message-page';
import { type Ctx, redirectOk } from '../../../context';
import {
  type FormErrors,
  type FormValues,
  fieldNames,
  formBody,
  numberFrom,
  problemToFormErrors,
  readForm,
  str,
} from '../../../forms';
import { calendarFieldNames, calendarFrom, type Renames, rowErrors, rowNumbers } from './cycle-form';
import { cyclePage, type DetailState } from './detail';
import { cycleHref } from './paths';
import { providersFrom } from './providers';
import { targetsFrom } from './targets';
import { workPlanFrom } from './work-plan';

/** The cycle page's POSTs: each calls one route and goes back to the cycle, or shows the form's problem. */

const refused = (
  c: Ctx,
  id: string,
  form: DetailState['form'],
  values: FormValues,
  r: { status: number },
  errors: FormErrors,
) => {
  c.status(statusOf(r.status));
  return cyclePage(c, id, { form, values, errors });
};

/** `POST /console/cycles/:id/transition`: the next step, or reopening an earlier one (with a reason). */
export async function transitionCycle(c: Ctx, id: string) {
  const route = CONTRACTS.cycles.transition;
  const form = await readForm(c);
  const r = await c.get('api').call(route, { params: { cycleId: id }, body: formBody(route, form) });
  if (r.ok) return redirectOk(c, cycleHref(id), 'updated');
  const which = str(form.action) === 'reopen' ? 'reopen' : 'transition';
  return refused(c, id, which, form, r, problemToFormErrors(r.problem, c.get('lang'), fieldNames(route)));
}

/** A PATCH of the cycle with the version read and one part of it. */
async function patch(
  c: Ctx,
  id: string,
  form: FormValues,
  which: DetailState['form'],
  part: Omit<CyclePatch, 'version'>,
  renames: Renames,
  fields: string[],
) {
  const body = { version: numberFrom(str(form.version)), ...part } as CyclePatch;
  const r = await c.get('api').call(CONTRACTS.cycles.update, { params: { cycleId: id }, body });
  if (r.ok) return redirectOk(c, cycleHref(id), 'updated');
  return refused(c, id, which, form, r, rowErrors(r.problem, c.get('lang'), renames, ['version', ...fields]));
}

/** `POST /console/cycles/:id/calendar`: the calendar changed. */
export async function updateCalendar(c: Ctx, id: string) {
  const form = await readForm(c);
  const renames: Renames = [];
  const calendar = calendarFrom(form, renames);
  const periods = Math.max(1, ...rowNumbers(form, 'calendar.progressPeriods').map((n) => n + 1));
  return patch(c, id, form, 'calendar', { calendar }, renames, calendarFieldNames(periods));
}

/** `POST /console/cycles/:id/providers`: which unit supplies which leaf. */
export async function updateProviders(c: Ctx, id: string) {
  const form = await readForm(c);
  const { providers, renames, fields } = providersFrom(form);
  return patch(c, id, form, 'providers', { providers }, renames, fields);
}

/** `POST /console/cycles/:id/targets`: the targets the office fixes for this cycle. */
export async function updateTargets(c: Ctx, id: string) {
  const form = await readForm(c);
  const { targets, renames, fields } = targetsFrom(form);
  return patch(c, id, form, 'targets', { targets }, renames, fields);
}

/** `POST /console/cycles/:id/work-plan`: the year-end work plan. */
export async function updateWorkPlan(c: Ctx, id: string) {
  const form = await readForm(c);
  const { workPlan, renames, fields } = workPlanFrom(form);
  return patch(c, id, form, 'workPlan', { workPlan }, renames, fields);
}
