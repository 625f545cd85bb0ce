import { problemPage, statusOf } from '../../components/message-page';
import type { Ctx } from '../../context';
import { param } from '../../context';
import {
  fieldNames,
  formBody,
  idempotencyKeyFrom,
  newIdempotencyKey,
  problemToFormErrors,
  readForm,
  str,
} from '../../forms';
import { t } from '../../i18n';
import { SHARING, STANDARDS } from '../comparisons/routes';
import { loadCycle } from '../cycles/office/paths';
import { notFound } from '../cycles/unit/paths';
import { CycleSharingPage, type Recipient } from './cycle-page';
import type { ShareFormState } from './forms';
import { cycleSharingHref } from './paths';

/** The page: the cycle, whom it may be shared with (each with its preview), the cycle's records, the library. */
async function show(c: Ctx, cycleId: string, state?: ShareFormState) {
  const api = c.get('api');
  const [cycle, recipients, records, library] = await Promise.all([
    loadCycle(c, cycleId),
    api.call(SHARING.recipients, {}),
    api.call(SHARING.cycle, { params: { cycleId } }),
    api.call(STANDARDS.list, {}),
  ]);
  if (!cycle.ok) return problemPage(c, cycle.problem);
  if (!recipients.ok) return problemPage(c, recipients.problem);
  if (!records.ok) return problemPage(c, records.problem);
  const withPreview: Recipient[] = await Promise.all(
    recipients.data.items.map(async (r) => {
      if (!r.subscribed) return r;
      const p = await api.call(SHARING.preview, { params: { cycleId }, query: { to: r.kind } });
      return p.ok ? { ...r, preview: p.data } : { ...r, problem: p.problem };
    }),
  );
  const view = {
    cycle: cycle.data,
    recipients: withPreview,
    records: records.data.items,
    library: library.ok ? library.data.items : [],
    idem: newIdempotencyKey(),
    ...(state ? { state } : {}),
  };
  return c.render(<CycleSharingPage view={view} />, {
    title: `${t(c.get('lang'), 'shTitle')} · ${cycle.data.name}`,
  });
}

/** `GET /console/cycles/:id/sharing`. */
export const cycleSharingPage = (c: Ctx, cycleId: string) => show(c, cycleId);

/** `POST /console/cycles/:id/sharing`: share (or refresh) with the recipient named by `to`. */
export async function share(c: Ctx, cycleId: string) {
  const form = await readForm(c);
  const idem = idempotencyKeyFrom(form);
  const r = await c.get('api').call(SHARING.create, {
    params: { cycleId },
    body: formBody(SHARING.create, form),
    idempotencyKey: idem,
  });
  if (r.ok) return c.redirect(`${cycleSharingHref(cycleId)}?ok=shared`, 303);
  if (r.status === 403 || r.status === 404) return problemPage(c, r.problem);
  c.status(statusOf(r.status));
  const recipients = await c.get('api').call(SHARING.recipients, {});
  const to = str(form.to);
  const recipient = recipients.ok ? (recipients.data.items.find((x) => x.kind === to)?.code ?? '') : '';
  const errors = problemToFormErrors(r.problem, c.get('lang'), fieldNames(SHARING.create));
  return show(c, cycleId, { form: 'share', recipient, values: { ...form, _idem: idem }, errors });
}

/** `POST /console/cycles/:id/sharing/:recipient/withdraw`: withdraw with the reason. */
export async function withdrawShare(c: Ctx, cycleId: string) {
  const recipient = param(c, 'recipient');
  if (!/^\d{6}$/.test(recipient)) return notFound(c);
  const form = await readForm(c);
  const r = await c
    .get('api')
    .call(SHARING.withdraw, { params: { cycleId, recipient }, body: formBody(SHARING.withdraw, form) });
  if (r.ok) return c.redirect(`${cycleSharingHref(cycleId)}?ok=withdrawn`, 303);
  if (r.status === 403 || r.status === 404) return problemPage(c, r.problem);
  c.status(statusOf(r.status));
  const errors = problemToFormErrors(r.problem, c.get('lang'), fieldNames(SHARING.withdraw));
  return show(c, cycleId, { form: 'withdraw', recipient, values: form, errors });
}
