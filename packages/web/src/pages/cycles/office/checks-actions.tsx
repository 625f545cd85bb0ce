import { CONTRACTS } from '@jixiao/api/contracts';
import { idPattern } from '@jixiao/core';
import { consoleProblem, problemPage, statusOf } from '../../../components/message-page';
import { type Ctx, PAGE_SIZE, param, redirectOk } from '../../../context';
import {
  fieldNames,
  formBody,
  idempotencyKeyFrom,
  newIdempotencyKey,
  noErrors,
  problemToFormErrors,
  readForm,
  str,
} from '../../../forms';
import { t } from '../../../i18n';
import { ChecksPage, type ChecksState, type UnitChoice } from './checks';
import { cycleHref, loadCycle } from './paths';

const create = CONTRACTS.monitoring.createCheck;
const update = CONTRACTS.monitoring.updateCheck;

/** The units of the cycle (one plan row each), for the unit a check is about. */
export async function unitsOfCycle(c: Ctx, cycleId: string): Promise<UnitChoice[]> {
  const r = await c.get('api').all(CONTRACTS.plans.list, { params: { cycleId } });
  return r.ok ? r.data.items.map((p) => ({ code: p.unit, name: p.unitName })) : [];
}

async function show(c: Ctx, id: string, state: ChecksState) {
  const cursor = c.req.query('cursor');
  const [cycle, page, units] = await Promise.all([
    loadCycle(c, id),
    c
      .get('api')
      .call(CONTRACTS.monitoring.checks, { params: { cycleId: id }, query: { limit: PAGE_SIZE, cursor } }),
    unitsOfCycle(c, id),
  ]);
  if (!cycle.ok) return problemPage(c, cycle.problem);
  if (!page.ok) return problemPage(c, page.problem);
  return c.render(
    <ChecksPage cycle={cycle.data} page={page.data} units={units} hasPrev={!!cursor} state={state} />,
    { title: t(c.get('lang'), 'cyChecks') },
  );
}

/** Indicator codes as an office types them: separated by commas (either width), 、 or spaces. */
export const splitCodes = (s: string): string[] =>
  s
    .split(/[,，、;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** `GET /console/cycles/:id/checks`: the checks and consultations, and the form that records one. */
export const checksPage = (c: Ctx, id: string) =>
  show(c, id, {
    create: {
      values: { _idem: newIdempotencyKey(), kind: 'spot_check', followUpStatus: 'open' },
      errors: noErrors(),
    },
  });

/** `POST /console/cycles/:id/checks`: record a spot check or a consultation. */
export async function createCheck(c: Ctx, id: string) {
  const form = await readForm(c);
  const idem = idempotencyKeyFrom(form);
  const body = formBody(create, { ...form, leaves: splitCodes(str(form.leaves)) });
  const r = await c.get('api').call(create, { params: { cycleId: id }, body, idempotencyKey: idem });
  if (r.ok) return redirectOk(c, `${cycleHref(id)}/checks`, 'created');
  c.status(statusOf(r.status));
  return show(c, id, {
    create: {
      values: { ...form, _idem: idem },
      errors: problemToFormErrors(r.problem, c.get('lang'), fieldNames(create)),
    },
  });
}

/** `POST /console/cycles/:id/checks/:checkId`: a check's follow-up changed. */
export async function updateCheck(c: Ctx, id: string) {
  const checkId = param(c, 'checkId');
  if (!idPattern('check').test(checkId))
    return problemPage(c, consoleProblem(404, 'not_found', { zh: '记录不存在。', en: 'Record not found.' }));
  const form = await readForm(c);
  const r = await c
    .get('api')
    .call(update, { params: { cycleId: id, checkId }, body: formBody(update, form) });
  if (r.ok) return redirectOk(c, `${cycleHref(id)}/checks`, 'updated');
  c.status(statusOf(r.status));
  return show(c, id, {
    create: {
      values: { _idem: newIdempotencyKey(), kind: 'spot_check', followUpStatus: 'open' },
      errors: noErrors(),
    },
    edit: {
      checkId,
      values: form,
      errors: problemToFormErrors(r.problem, c.get('lang'), fieldNames(update)),
    },
  });
}
