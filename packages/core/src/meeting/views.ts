import { z } from 'zod';
import { CYCLE_STATES } from '../cycles/model';
import { MEETING_STATUSES, meetingDecisionSchema, meetingSchema } from './model';

/** What the API answers about the meeting: the record with what the caller may do, and its context. */

const cycleRef = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  state: z.enum(CYCLE_STATES),
});
const unitRef = z.object({ code: z.string(), name: z.string(), group: z.string() });
const unmet = z.object({ zh: z.string(), en: z.string() });

export const meetingViewSchema = z
  .object({
    cycle: cycleRef,
    /** null until the office first saves it. */
    meeting: meetingSchema.nullable(),
    /** The units of the cycle (those a decision may be about), in code order. */
    units: z.array(unitRef),
    /** What concluding still needs (empty when it may conclude, or when there is no meeting yet). */
    unmet: z.array(unmet),
    allowed: z.object({ edit: z.boolean(), conclude: z.boolean() }),
  })
  .meta({ id: 'MeetingView' });
export type MeetingView = z.infer<typeof meetingViewSchema>;

/** A unit's own decision: shown once the meeting has concluded (a draft's is provisional). */
export const unitDecisionViewSchema = z
  .object({
    cycle: cycleRef,
    unit: unitRef,
    meeting: z
      .object({
        title: z.string(),
        day: z.string(),
        status: z.enum(MEETING_STATUSES),
        concludedAt: z.string().optional(),
      })
      .nullable(),
    decision: meetingDecisionSchema.nullable(),
  })
  .meta({ id: 'MeetingUnitDecision' });
export type UnitDecisionView = z.infer<typeof unitDecisionViewSchema>;
