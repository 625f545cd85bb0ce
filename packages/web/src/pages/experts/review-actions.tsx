import { CONTRACTS } from '@jixiao/api/contracts';
import { idPattern } from '@jixiao/core';
import { consoleProblem, problemPage, statusOf } from '../../components/message-page';
import { type Ctx, param, redirectOk } from '../../context';
import {
  type FormErrors,
  fieldNames,
  formBody,
  idempotencyKeyFrom,
  list,
  newIdempotencyKey,
  noErrors,
  problemToFormErrors,
  readForm,
  str,
} from '../../forms';
import { t } from '../../i18n';
import { ReviewPage, type ReviewState, reviewHref } from './review';

/** The office's expert review pages: show, assign, withdraw, open and close rounds. */

const E = CONTRACTS.experts;
const blank = (): ReviewState['assign'] => ({ values: { _idem: newIdempotencyKey() }, errors: noErrors() });

async function show(c: Ctx, id: string, state: ReviewState) {
  const r = await c.get('api').call(E.review, { params: { cycleId: id } });
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<ReviewPage review={r.data} state={state} />, { title: t(c.get('lang'), 'exTitle') });
}

/** `GET /console/cycles/:id/expert-review`. */
export const reviewPage = (c: Ctx, id: string) => show(c, id, { assign: blank() });

/** `POST …/expert-review/assignments`: a refusal (回避 409, a leaf that does not apply) shows at the form. */
export async function assignExpert(c: Ctx, id: string) {
  const form = await readForm(c);
  const idem = idempotencyKeyFrom(form);
  const body = formBody(E.assign, { ...form, leaves: list(form.leaves) });
  const r = await c.get('api').call(E.assign, { params: { cycleId: id }, body, idempotencyKey: idem });
  if (r.ok) return redirectOk(c, reviewHref(id), 'created');
  c.status(statusOf(r.status));
  return show(c, id, {
    assign: {
      values: { ...form, _idem: idem },
      errors: problemToFormErrors(r.problem, c.get('lang'), fieldNames(E.assign)),
    },
  });
}

const failedWith = async (c: Ctx, id: string, errors: FormErrors, status: number) => {
  c.status(statusOf(status));
  return show(c, id, { assign: blank(), failed: errors });
};

const badId = (c: Ctx) =>
  problemPage(c, consoleProblem(404, 'not_found', { zh: '记录不存在。', en: 'Record not found.' }));

/** `POST …/assignments/:assignmentId/withdraw`. */
export async function withdrawAssignment(c: Ctx, id: string) {
  const assignmentId = param(c, 'assignmentId');
  if (!idPattern('assignment').test(assignmentId)) return badId(c);
  const form = await readForm(c);
  const r = await c.get('api').call(E.unassign, {
    params: { cycleId: id, assignmentId },
    query: { version: Number(str(form.version)) || 0 },
  });
  if (r.ok) return redirectOk(c, reviewHref(id), r.data.outcome === 'deleted' ? 'deleted' : 'updated');
  return failedWith(c, id, problemToFormErrors(r.problem, c.get('lang'), []), r.status);
}

/** `POST …/expert-review/rounds`: the next round (items `unit:leaf` when named, else the flagged). */
export async function openRound(c: Ctx, id: string) {
  const form = await readForm(c);
  const items = list(form.items).map((s) => {
    const [unit = '', leaf = ''] = s.split(':');
    return { unit, leaf };
  });
  const r = await c.get('api').call(E.openRound, {
    params: { cycleId: id },
    body: { note: str(form.note), ...(items.length ? { items } : {}) },
  });
  if (r.ok) return redirectOk(c, reviewHref(id), 'created');
  return failedWith(c, id, problemToFormErrors(r.problem, c.get('lang'), []), r.status);
}

/** `POST …/expert-review/rounds/:round/close`. */
export async function closeRound(c: Ctx, id: string) {
  const round = Number(param(c, 'round'));
  if (!Number.isInteger(round) || round < 1 || round > 50) return badId(c);
  const form = await readForm(c);
  const r = await c.get('api').call(E.closeRound, {
    params: { cycleId: id, round },
    body: { version: Number(str(form.version)) || 0 },
  });
  if (r.ok) return redirectOk(c, reviewHref(id), 'updated');
  return failedWith(c, id, problemToFormErrors(r.problem, c.get('lang'), []), r.status);
}
