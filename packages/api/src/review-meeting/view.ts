import { type Cycle, can, concludeUnmet, type Meeting, type MeetingView, type Unit } from '@jixiao/core';
import { isOffice, loadCycle, tenant, today, unitsInCycle } from '../cycles/context';
import type { Caller } from '../http/caller';
import { cycleRef, unitRef } from '../monitoring/shared';

/** The meeting record of a cycle (one per cycle, in the cycle's partition) and how it is shown. */

export const MEETING = { zh: '评议会记录', en: 'Review meeting' };
/** The record's path under the cycle's MEETING kind: one meeting per cycle. */
export const MEETING_PATH = ['MAIN'];

/** States in which the office records the meeting: preparation in verification, the meeting in review. */
export const WRITE_STATES = ['verification', 'review'] as const;

export interface MeetingContext {
  cycle: Cycle;
  units: Unit[];
  meeting: Meeting | undefined;
}

export const readMeeting = (caller: Caller, cycleId: string) =>
  caller.deps.data.cycleRecords.get<Meeting>(tenant(caller), cycleId, 'MEETING', MEETING_PATH);

export async function loadMeeting(caller: Caller, cycleId: string): Promise<MeetingContext> {
  const cycle = await loadCycle(caller, cycleId);
  const [units, meeting] = await Promise.all([unitsInCycle(caller, cycle), readMeeting(caller, cycle.id)]);
  return { cycle, units, meeting };
}

/** The record with its units, what concluding needs and what the caller may do now. */
export function meetingView(caller: Caller, ctx: MeetingContext): MeetingView {
  const { cycle, meeting } = ctx;
  const office = isOffice(caller) && can(caller.identity, 'meeting:write');
  const open = meeting?.status !== 'concluded';
  const unmet = meeting && open ? concludeUnmet(meeting, today(caller)) : [];
  return {
    cycle: cycleRef(cycle),
    meeting: meeting ?? null,
    units: ctx.units.map(unitRef),
    unmet,
    allowed: {
      edit: office && open && (WRITE_STATES as readonly string[]).includes(cycle.state),
      conclude: office && open && !!meeting && cycle.state === 'review' && unmet.length === 0,
    },
  };
}
