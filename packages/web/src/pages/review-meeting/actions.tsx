import { CONTRACTS } from '@jixiao/api/contracts';
import { problemPage, statusOf } from '../../components/message-page';
import { type Ctx, redirectOk } from '../../context';
import { type FormErrors, formMessage, numberFrom, problemToFormErrors, readForm, str } from '../../forms';
import { t } from '../../i18n';
import { may } from '../../policy';
import { meetingErrors, meetingFrom } from './form';
import { MeetingPage, type MeetingState, UnitDecisionPage } from './page';
import { meetingHref } from './paths';

/**
 * The meeting's handlers. Those who oversee the cycle (office, observers) get the record; a unit's
 * own user gets its unit's decision; anyone else the API's refusal.
 */

async function show(c: Ctx, id: string, state?: MeetingState) {
  const api = c.get('api');
  const lang = c.get('lang');
  const me = c.get('me');
  const unit = me?.identity.unit;
  // Who may not oversee the cycle but acts for a unit sees that unit's decision (the API decides).
  if (!may(me, CONTRACTS.meeting.get) && unit) {
    const own = await api.call(CONTRACTS.meeting.unitDecision, { params: { cycleId: id, unit } });
    if (!own.ok) return problemPage(c, own.problem);
    return c.render(<UnitDecisionPage view={own.data} />, { title: t(lang, 'mtTitle') });
  }
  const r = await api.call(CONTRACTS.meeting.get, { params: { cycleId: id } });
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<MeetingPage view={r.data} state={state} />, { title: t(lang, 'mtTitle') });
}

/** `GET /console/cycles/:id/review-meeting`. */
export const meetingPage = (c: Ctx, id: string) => show(c, id);

const refused = (c: Ctx, id: string, status: number, state: MeetingState) => {
  c.status(statusOf(status));
  return show(c, id, state);
};

/** `POST /console/cycles/:id/review-meeting`: the record saved (created the first time). */
export async function saveMeeting(c: Ctx, id: string) {
  const form = await readForm(c);
  const { body, renames, fields } = meetingFrom(form);
  const r = await c.get('api').call(CONTRACTS.meeting.put, { params: { cycleId: id }, body });
  if (r.ok) return redirectOk(c, meetingHref(id), 'updated');
  const errors = meetingErrors(r.problem, c.get('lang'), renames, fields);
  return refused(c, id, r.status, { form: 'save', values: form, errors });
}

/** `POST /console/cycles/:id/review-meeting/conclude`: concluded after the confirmation box is ticked. */
export async function concludeMeeting(c: Ctx, id: string) {
  const form = await readForm(c);
  const lang = c.get('lang');
  if (str(form.confirm) !== 'true') {
    const errors: FormErrors = {
      ...formMessage(t(lang, 'mtConfirmRequired')),
      fields: { confirm: t(lang, 'mtConfirmRequired') },
    };
    return refused(c, id, 422, { form: 'conclude', values: form, errors });
  }
  const body = { version: numberFrom(str(form.version)) } as { version: number };
  const r = await c.get('api').call(CONTRACTS.meeting.conclude, { params: { cycleId: id }, body });
  if (r.ok) return redirectOk(c, meetingHref(id), 'updated');
  const errors = problemToFormErrors(r.problem, lang, ['version']);
  return refused(c, id, r.status, { form: 'conclude', values: form, errors });
}
