import { CONTRACTS } from '@jixiao/api/contracts';
import { isEnumValue, type SystemAction } from '@jixiao/core';
import { statusOf } from '../../../components/message-page';
import { type Ctx, redirectOk } from '../../../context';
import { formBody, idempotencyKeyFrom, problemToFormErrors, readForm, str } from '../../../forms';
import { t } from '../../../i18n';
import { SYSTEMS, versionHref } from '../paths';
import { versionPage } from './view';

/** The flash each transition leaves. */
const ACTION_FLASH: Record<SystemAction, string> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
  retire: 'retired',
};

/** A refusal of a lifecycle action: the version page, with the API's reason in the lifecycle section. */
const refused = (
  c: Ctx,
  id: string,
  v: number,
  r: { status: number; problem: Parameters<typeof problemToFormErrors>[0] },
) => {
  c.status(statusOf(r.status));
  return versionPage(c, id, v, { actionErrors: problemToFormErrors(r.problem, c.get('lang'), []) });
};

/** `POST …/versions/:v/transition`: submit, approve, return (with a note) or retire. */
export async function transition(c: Ctx, id: string, v: number) {
  const route = CONTRACTS.systems.transition;
  const form = await readForm(c);
  const action = str(form.action);
  if (action === 'return' && !str(form.note).trim()) {
    c.status(422);
    return versionPage(c, id, v, { noteError: t(c.get('lang'), 'returnNoteRequired') });
  }
  const r = await c.get('api').call(route, { params: { id, v }, body: formBody(route, form) });
  const flash = isEnumValue('systemAction', action) ? ACTION_FLASH[action] : 'updated';
  if (r.ok) return redirectOk(c, versionHref(id, v), flash);
  return refused(c, id, v, r);
}

/** `POST …/versions/:v/delete`: discard a draft. */
export async function deleteDraft(c: Ctx, id: string, v: number) {
  const form = await readForm(c);
  const r = await c
    .get('api')
    .call(CONTRACTS.systems.deleteDraft, { params: { id, v }, query: { version: str(form.version) } });
  if (r.ok) return redirectOk(c, SYSTEMS, 'deleted');
  return refused(c, id, v, r);
}

/** `POST …/versions/:v/new-version`: a new draft from this version, straight into its editor. */
export async function newVersion(c: Ctx, id: string, v: number) {
  const form = await readForm(c);
  const r = await c.get('api').call(CONTRACTS.systems.newVersion, {
    params: { id },
    body: { from: v },
    idempotencyKey: idempotencyKeyFrom(form),
  });
  if (r.ok) return redirectOk(c, `${versionHref(id, r.data.systemVersion)}/edit`, 'created');
  return refused(c, id, v, r);
}
