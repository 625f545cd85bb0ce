import { CONTRACTS } from '@jixiao/api/contracts';
import { isEnumValue, type ResultUseKind } from '@jixiao/core';
import { problemPage, statusOf } from '../../components/message-page';
import { type Ctx, PAGE_SIZE, redirectOk } from '../../context';
import {
  type FormErrors,
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
import { UsePage, type UseState, UsesPage } from './pages';
import { useHref } from './paths';

/** The handlers of the use of results: the list (with the office's form), one record, its edit and revoke. */

async function showList(c: Ctx, id: string, form?: { values: FormValues; errors: FormErrors }) {
  const q = c.req.query();
  const kind = isEnumValue('resultUseKind', q.kind ?? '') ? (q.kind as ResultUseKind) : undefined;
  const r = await c.get('api').call(CONTRACTS.resultUses.list, {
    params: { cycleId: id },
    query: { limit: PAGE_SIZE, cursor: q.cursor, kind, unit: q.unit || undefined },
  });
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(
    <UsesPage
      list={r.data}
      filter={{ unit: q.unit ?? '', kind: kind ?? '' }}
      hasPrev={!!q.cursor}
      form={form ?? { values: { _idem: newIdempotencyKey(), kind: 'reward' }, errors: undefined }}
    />,
    { title: t(c.get('lang'), 'ocUsesTitle') },
  );
}

/** `GET /console/cycles/:id/result-uses`. */
export const usesPage = (c: Ctx, id: string) => showList(c, id);

/** `POST /console/cycles/:id/result-uses`: a use for the unit chosen on the form. */
export async function createUse(c: Ctx, id: string) {
  const form = await readForm(c);
  const idem = idempotencyKeyFrom(form);
  const lang = c.get('lang');
  const unit = str(form.unit).trim();
  const values = { ...form, _idem: idem };
  if (!isCode(unit)) {
    c.status(422);
    return showList(c, id, {
      values,
      errors: { ...formMessage(t(lang, 'fixErrors')), fields: { unit: t(lang, 'ocChooseUnit') } },
    });
  }
  const route = CONTRACTS.resultUses.create;
  const r = await c
    .get('api')
    .call(route, { params: { cycleId: id, unit }, body: formBody(route, form), idempotencyKey: idem });
  if (r.ok) return redirectOk(c, useHref(id, unit, r.data.id), 'created');
  if (r.status === 403) return problemPage(c, r.problem);
  c.status(statusOf(r.status));
  return showList(c, id, {
    values,
    errors: problemToFormErrors(r.problem, lang, [...fieldNames(route), 'unit']),
  });
}

async function showUse(c: Ctx, id: string, unit: string, use: string, state?: UseState) {
  const api = c.get('api');
  const [r, cycle] = await Promise.all([
    api.call(CONTRACTS.resultUses.get, { params: { cycleId: id, unit, useId: use } }),
    loadCycle(c, id),
  ]);
  if (!r.ok) return problemPage(c, r.problem);
  if (!cycle.ok) return problemPage(c, cycle.problem);
  return c.render(<UsePage use={r.data} cycle={cycle.data} state={state} />, {
    title: `${t(c.get('lang'), 'ocUsesTitle')} · ${r.data.unitName}`,
  });
}

/** `GET /console/cycles/:id/result-uses/:unit/:useId`. */
export const usePage = (c: Ctx, id: string, unit: string, use: string) => showUse(c, id, unit, use);

/** `POST /console/cycles/:id/result-uses/:unit/:useId`: the edit form. */
export async function editUse(c: Ctx, id: string, unit: string, use: string) {
  const values = await readForm(c);
  const route = CONTRACTS.resultUses.update;
  const r = await c
    .get('api')
    .call(route, { params: { cycleId: id, unit, useId: use }, body: formBody(route, values) });
  if (r.ok) return redirectOk(c, useHref(id, unit, use), 'updated');
  if (r.status === 403 || r.status === 404) return problemPage(c, r.problem);
  c.status(statusOf(r.status));
  return showUse(c, id, unit, use, {
    form: 'edit',
    values,
    errors: problemToFormErrors(r.problem, c.get('lang'), fieldNames(route)),
  });
}

/** `POST /console/cycles/:id/result-uses/:unit/:useId/revoke`. */
export async function revokeUse(c: Ctx, id: string, unit: string, use: string) {
  const values = await readForm(c);
  const route = CONTRACTS.resultUses.revoke;
  const r = await c
    .get('api')
    .call(route, { params: { cycleId: id, unit, useId: use }, body: formBody(route, values) });
  if (r.ok) return redirectOk(c, useHref(id, unit, use), 'updated');
  if (r.status === 403 || r.status === 404) return problemPage(c, r.problem);
  c.status(statusOf(r.status));
  return showUse(c, id, unit, use, {
    form: 'revoke',
    values,
    errors: problemToFormErrors(r.problem, c.get('lang'), fieldNames(route)),
  });
}
