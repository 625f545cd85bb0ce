import {
  adjustmentChanges,
  adjustmentNote,
  assertConcludable,
  assertEditable,
  can,
  errors,
  type Meeting,
  type MeetingConclude,
  type MeetingPut,
  meetingAdjustments,
  meetingIssues,
  type UnitDecisionView,
} from '@jixiao/core';
import { isOwnUnit, loadCycle, recordAudit, tenant, today, unitInCycle } from '../cycles/context';
import { requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';
import { changedFields, cycleRef, unitRef } from '../monitoring/shared';
import { loadMeeting, MEETING, MEETING_PATH, meetingView, readMeeting, WRITE_STATES } from './view';

/**
 * The review meeting (评议会): the office records it while the cycle is in verification
 * (preparation) or review (the meeting itself), concludes it in review, and a concluded meeting is
 * locked. Every save is audited with the fields it changed; adjustments are named in the entry's
 * note (unit, points, reason), since they change a unit's result.
 */

const FIELDS = ['title', 'day', 'place', 'members', 'documents', 'decisions', 'minutes'] as const;
type Fields = Pick<Meeting, (typeof FIELDS)[number]>;

export async function getMeeting(caller: Caller, cycleId: string) {
  return meetingView(caller, await loadMeeting(caller, cycleId));
}

const notes = (lines: string[]) => (lines.length ? { note: lines.join('；') } : {});

/** Saves the whole record (created without `version`, changed with it). */
export async function putMeeting(caller: Caller, cycleId: string, input: MeetingPut) {
  const ctx = await loadMeeting(caller, cycleId);
  const { cycle, meeting } = ctx;
  requireState(cycle, WRITE_STATES, { zh: '记录评议会', en: 'record the review meeting' });
  assertEditable(meeting);
  const issues = meetingIssues(input, new Set(ctx.units.map((u) => u.code))).map((i) => ({
    ...i,
    path: `body.${i.path}`,
  }));
  if (issues.length) throw errors.validation(issues);

  const t = tenant(caller);
  const records = caller.deps.data.cycleRecords;
  const fields: Fields = {
    title: input.title,
    day: input.day,
    place: input.place,
    members: input.members,
    documents: input.documents,
    decisions: input.decisions,
    minutes: input.minutes,
  };
  const saved =
    input.version === undefined
      ? await records.create<Omit<Meeting, 'version' | 'createdAt' | 'updatedAt'>>(
          t,
          cycle.id,
          'MEETING',
          MEETING_PATH,
          { cycle: cycle.id, ...fields, status: 'draft' },
          MEETING,
        )
      : await records.update<Meeting>(t, cycle.id, 'MEETING', MEETING_PATH, input.version, fields, MEETING);
  const adjusted = adjustmentChanges(meeting?.decisions ?? [], saved.decisions);
  await recordAudit(caller, {
    action: 'meeting.save',
    target: { type: 'meeting', id: cycle.id },
    ...changedFields(meeting, saved, FIELDS),
    ...notes(adjusted.map(adjustmentNote)),
  });
  return meetingView(caller, { ...ctx, meeting: saved });
}

/** Concludes the meeting: in review, with its quorum; afterwards nothing changes it. */
export async function concludeMeeting(caller: Caller, cycleId: string, input: MeetingConclude) {
  const ctx = await loadMeeting(caller, cycleId);
  const { cycle, meeting } = ctx;
  requireState(cycle, ['review'], { zh: '形成评议会结论', en: 'conclude the review meeting' });
  if (!meeting) throw errors.notFound(MEETING.zh, MEETING.en);
  assertEditable(meeting);
  if (meeting.version !== input.version) throw errors.versionConflict(meeting.version);
  assertConcludable(meeting, today(caller));
  const concludedAt = caller.deps.now().toISOString();
  const concludedBy = {
    sub: caller.identity.sub,
    ...(caller.identity.name ? { name: caller.identity.name } : {}),
  };
  const saved = await caller.deps.data.cycleRecords.update<Meeting>(
    tenant(caller),
    cycle.id,
    'MEETING',
    MEETING_PATH,
    input.version,
    { status: 'concluded', concludedAt, concludedBy },
    MEETING,
  );
  const adjustments = [...meetingAdjustments(saved)].map(([unit, a]) => ({ unit, ...a }));
  await recordAudit(caller, {
    action: 'meeting.conclude',
    target: { type: 'meeting', id: cycle.id },
    before: { status: meeting.status },
    after: { status: saved.status, concludedAt, adjustments },
    ...notes(
      adjustments.map((a) =>
        adjustmentNote({ unit: a.unit, before: null, after: { points: a.points, reason: a.reason } }),
      ),
    ),
  });
  return meetingView(caller, { ...ctx, meeting: saved });
}

/**
 * A unit's decision: to the unit's own user, and to those who oversee the cycle (office,
 * observers); anyone else finds it missing (404). Shown once concluded: before, it is provisional.
 */
export async function getUnitDecision(
  caller: Caller,
  cycleId: string,
  unit: string,
): Promise<UnitDecisionView> {
  const cycle = await loadCycle(caller, cycleId);
  if (!isOwnUnit(caller, unit) && !can(caller.identity, 'cycles:oversee'))
    throw errors.notFound('单位不在该考核周期范围内', 'Unit not in this cycle');
  const u = await unitInCycle(caller, cycle, unit);
  const meeting = await readMeeting(caller, cycle.id);
  const concluded = meeting?.status === 'concluded';
  return {
    cycle: cycleRef(cycle),
    unit: unitRef(u.unit),
    meeting: meeting
      ? {
          title: meeting.title,
          day: meeting.day,
          status: meeting.status,
          ...(meeting.concludedAt ? { concludedAt: meeting.concludedAt } : {}),
        }
      : null,
    decision: (concluded && meeting.decisions.find((d) => d.unit === unit)) || null,
  };
}
