import { CONTRACTS } from '@jixiao/api/contracts';
import { type CarryOverResult, isEnumValue, type RectificationStatus } from '@jixiao/core';
import { problemPage, statusOf } from '../../components/message-page';
import { type Ctx, PAGE_SIZE, redirectOk } from '../../context';
import {
  type FormValues,
  fieldNames,
  formBody,
  formMessage,
  idempotencyKeyFrom,
  newIdempotencyKey,
  problemToFormErrors,
  readForm,
  str,
} from '../../forms';
import { t } from '../../i18n';
import { loadCycle } from '../cycles/office/paths';
import { isCode } from '../cycles/unit/paths';
import { type BoardState, RectificationBoard } from './board';
import { taskHref } from './paths';
import { TaskPage, type TaskState } from './task';
import type { Documents } from './task-forms';

/** The rectification pages' handlers: the board (with the office's create and carry-over), a task and its forms. */

async function showBoard(c: Ctx, id: string, state?: BoardState, carried?: CarryOverResult) {
  const q = c.req.query();
  const status = isEnumValue('rectificationStatus', q.status ?? '')
    ? (q.status as RectificationStatus)
    : undefined;
  const overdue = q.overdue === 'true' || q.overdue === 'false' ? q.overdue : undefined;
  const r = await c.get('api').call(CONTRACTS.rectification.list, {
    params: { cycleId: id },
    query: { limit: PAGE_SIZE, cursor: q.cursor, status, overdue, unit: q.unit || undefined },
  });
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(
    <RectificationBoard
      list={r.data}
      filter={{ unit: q.unit ?? '', status: status ?? '', overdue: overdue ?? '' }}
      hasPrev={!!q.cursor}
      state={state}
      carried={carried}
      blank={{ _idem: newIdempotencyKey(), source: 'results' }}
    />,
    { title: t(c.get('lang'), 'ocRectTitle') },
  );
}

/** `GET /console/cycles/:id/rectification`. */
export const boardPage = (c: Ctx, id: string) => showBoard(c, id);

/** `POST /console/cycles/:id/rectification`: a new task for the unit chosen on the form. */
export async function createTask(c: Ctx, id: string) {
  const form = await readForm(c);
  const idem = idempotencyKeyFrom(form);
  const lang = c.get('lang');
  const unit = str(form.unit).trim();
  const values: FormValues = { ...form, _idem: idem };
  if (!isCode(unit)) {
    c.status(422);
    const errors = { ...formMessage(t(lang, 'fixErrors')), fields: { unit: t(lang, 'ocChooseUnit') } };
    return showBoard(c, id, { form: 'create', values, errors });
  }
  const route = CONTRACTS.rectification.create;
  const r = await c
    .get('api')
    .call(route, { params: { cycleId: id, unit }, body: formBody(route, form), idempotencyKey: idem });
  if (r.ok) return redirectOk(c, taskHref(id, unit, r.data.id), 'created');
  if (r.status === 403) return problemPage(c, r.problem);
  c.status(statusOf(r.status));
  const errors = problemToFormErrors(r.problem, lang, [...fieldNames(route), 'unit']);
  return showBoard(c, id, { form: 'create', values, errors });
}

/** `POST /console/cycles/:id/rectification/carry-over`: the result is shown on the board. */
export async function carryOver(c: Ctx, id: string) {
  const form = await readForm(c);
  const route = CONTRACTS.rectification.carryOver;
  const r = await c.get('api').call(route, { params: { cycleId: id }, body: formBody(route, form) });
  if (r.ok) return showBoard(c, id, undefined, r.data);
  if (r.status === 403) return problemPage(c, r.problem);
  c.status(statusOf(r.status));
  return showBoard(c, id, {
    form: 'carry',
    values: form,
    errors: problemToFormErrors(r.problem, c.get('lang'), fieldNames(route)),
  });
}

async function showTask(c: Ctx, id: string, unit: string, task: string, state?: TaskState) {
  const api = c.get('api');
  const [r, cycle] = await Promise.all([
    api.call(CONTRACTS.rectification.get, { params: { cycleId: id, unit, taskId: task } }),
    loadCycle(c, id),
  ]);
  if (!r.ok) return problemPage(c, r.problem);
  if (!cycle.ok) return problemPage(c, cycle.problem);
  let documents: Documents = [];
  if (r.data.allowed.report) {
    const docs = await api.call(CONTRACTS.evidence.unitList, { params: { cycleId: id, unit } });
    if (docs.ok)
      documents = docs.data.items
        .filter((d) => d.versions.length > 0)
        .map((d) => ({ id: d.id, title: d.title, leaf: d.leaf }));
  }
  return c.render(<TaskPage task={r.data} cycle={cycle.data} documents={documents} state={state} />, {
    title: `${t(c.get('lang'), 'ocRectTitle')} · ${r.data.title}`,
  });
}

/** `GET /console/cycles/:id/rectification/:unit/:taskId`. */
export const taskPage = (c: Ctx, id: string, unit: string, task: string) => showTask(c, id, unit, task);

/** The POST of one of the task's forms: the route, its body from the form, and which form it was. */
async function post(
  c: Ctx,
  id: string,
  unit: string,
  task: string,
  form: TaskState['form'],
  route:
    | typeof CONTRACTS.rectification.update
    | typeof CONTRACTS.rectification.transition
    | typeof CONTRACTS.rectification.progress,
) {
  const values = await readForm(c);
  const params = { cycleId: id, unit, taskId: task };
  const api = c.get('api');
  const r =
    route === CONTRACTS.rectification.update
      ? await api.call(CONTRACTS.rectification.update, {
          params,
          body: formBody(CONTRACTS.rectification.update, values),
        })
      : route === CONTRACTS.rectification.transition
        ? await api.call(CONTRACTS.rectification.transition, {
            params,
            body: formBody(CONTRACTS.rectification.transition, values),
          })
        : await api.call(CONTRACTS.rectification.progress, {
            params,
            body: formBody(CONTRACTS.rectification.progress, values),
          });
  if (r.ok) return redirectOk(c, taskHref(id, unit, task), 'updated');
  if (r.status === 403 || r.status === 404) return problemPage(c, r.problem);
  c.status(statusOf(r.status));
  const errors = problemToFormErrors(r.problem, c.get('lang'), fieldNames(route));
  return showTask(c, id, unit, task, { form, values, errors });
}

export const editTask = (c: Ctx, id: string, unit: string, task: string) =>
  post(c, id, unit, task, 'edit', CONTRACTS.rectification.update);
export const transitionTask = (c: Ctx, id: string, unit: string, task: string) =>
  post(c, id, unit, task, 'action', CONTRACTS.rectification.transition);
export const reportProgress = (c: Ctx, id: string, unit: string, task: string) =>
  post(c, id, unit, task, 'progress', CONTRACTS.rectification.progress);
