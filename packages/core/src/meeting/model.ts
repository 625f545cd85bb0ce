import { z } from 'zod';
import { daySchema } from '../cycles/model';
import { idPattern } from '../ids';
import { codeSchema } from '../org/schemas';

/**
 * The review meeting (评议会) of a cycle: after verification, the expert review and the surveys,
 * the office convenes a meeting that looks at the results as a whole, and records who sat on it,
 * what it looked at, what it decided for each unit and any adjustment of a unit's score with its
 * reason. One record per cycle; concluded, it is locked and its adjustments feed the results (#10).
 * Labels of its enums: ../vocabulary/meeting-labels.ts.
 */

const bi = (zh: string, en: string) => `${zh} / ${en}`;
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

/** 会议角色: the chair (主持), voting members, the secretary (记录) and observers (列席). */
export const MEETING_ROLES = ['chair', 'member', 'secretary', 'observer'] as const;
export type MeetingRole = (typeof MEETING_ROLES)[number];
/** The roles that count towards the quorum (they take part in the decisions). */
export const VOTING_ROLES: readonly MeetingRole[] = ['chair', 'member'];

export const MEETING_STATUSES = ['draft', 'concluded'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** The largest adjustment a meeting may make to a unit's total, either way (points). */
export const MAX_ADJUSTMENT = 20;
/** Voting members (chair included) a meeting needs to conclude. */
export const MEETING_QUORUM = 3;
export const MIN_REASON = 5;

export const meetingMemberSchema = z
  .object({
    name: required(60),
    /** Where the member comes from (市政府, 考核办, 人大代表, 政协委员, 专家…). */
    organisation: text(120).default(''),
    role: z.enum(MEETING_ROLES),
  })
  .strict()
  .meta({ id: 'MeetingMember' });
export type MeetingMember = z.infer<typeof meetingMemberSchema>;

export const meetingDocumentSchema = z
  .object({
    title: required(200),
    note: text(1000).optional(),
    /** An evidence document of the cycle (the office's uploads), by its id. */
    evidence: z
      .string()
      .regex(idPattern('evidence'), { message: bi('佐证材料编号格式不正确', 'not an evidence id') })
      .optional(),
    /** Where the document is kept otherwise (文号, a file location). */
    reference: text(500).optional(),
  })
  .strict()
  .refine((d) => !(d.evidence && d.reference), {
    message: bi('佐证材料编号和其他出处只能填写一项', 'give an evidence id or a reference, not both'),
    path: ['reference'],
  })
  .meta({ id: 'MeetingDocument' });
export type MeetingDocument = z.infer<typeof meetingDocumentSchema>;

/** Whether a number has at most two decimals (points are written to the hundredth). */
export const hasTwoDecimals = (n: number): boolean => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;

export const adjustmentPointsSchema = z
  .number()
  .finite()
  .min(-MAX_ADJUSTMENT, { message: bi(`调整分值不能小于 -${MAX_ADJUSTMENT}`, `at least -${MAX_ADJUSTMENT}`) })
  .max(MAX_ADJUSTMENT, { message: bi(`调整分值不能大于 ${MAX_ADJUSTMENT}`, `at most ${MAX_ADJUSTMENT}`) })
  .refine((p) => p !== 0, { message: bi('调整分值不能为 0；不调整请不填', 'not 0; leave it out for none') })
  .refine(hasTwoDecimals, { message: bi('调整分值最多保留两位小数', 'at most two decimals') });

export const meetingAdjustmentSchema = z
  .object({
    /** Points added to (or, negative, taken from) the unit's total. */
    points: adjustmentPointsSchema,
    reason: z
      .string()
      .trim()
      .min(MIN_REASON, {
        message: bi(
          `调整须说明理由（至少 ${MIN_REASON} 个字）`,
          `give a reason (at least ${MIN_REASON} characters)`,
        ),
      })
      .max(1000),
  })
  .strict()
  .meta({ id: 'MeetingAdjustment' });
export type MeetingAdjustment = z.infer<typeof meetingAdjustmentSchema>;

export const meetingDecisionSchema = z
  .object({
    unit: codeSchema,
    /** What the meeting decided about the unit (评议意见). */
    decision: required(2000),
    adjustment: meetingAdjustmentSchema.optional(),
  })
  .strict()
  .meta({ id: 'MeetingDecision' });
export type MeetingDecision = z.infer<typeof meetingDecisionSchema>;

/** What the office writes (the whole record each time; `version` to change it, none to create it). */
export const meetingPutSchema = z
  .object({
    version: z.number().int().positive().optional(),
    title: required(200),
    /** The meeting's day (planned, then held), Asia/Shanghai. */
    day: daySchema,
    place: text(200).default(''),
    members: z.array(meetingMemberSchema).max(60).default([]),
    documents: z.array(meetingDocumentSchema).max(60).default([]),
    decisions: z.array(meetingDecisionSchema).max(500).default([]),
    /** 会议纪要. */
    minutes: text(20000).default(''),
  })
  .strict()
  .meta({ id: 'MeetingPut' });
export type MeetingPut = z.infer<typeof meetingPutSchema>;

/** The fields a save writes (and the audit trail compares). */
export const MEETING_FIELDS = [
  'title',
  'day',
  'place',
  'members',
  'documents',
  'decisions',
  'minutes',
] as const;

export const meetingConcludeSchema = z
  .object({ version: z.number().int().positive() })
  .strict()
  .meta({ id: 'MeetingConclude' });
export type MeetingConclude = z.infer<typeof meetingConcludeSchema>;

export const meetingSchema = z
  .object({
    cycle: z.string(),
    title: z.string(),
    day: z.string(),
    place: z.string(),
    members: z.array(meetingMemberSchema),
    documents: z.array(meetingDocumentSchema),
    decisions: z.array(meetingDecisionSchema),
    minutes: z.string(),
    status: z.enum(MEETING_STATUSES),
    concludedAt: z.string().optional(),
    concludedBy: z.object({ sub: z.string(), name: z.string().optional() }).optional(),
    version: z.number().int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof meetingSchema>;
