import { z } from 'zod';
import { idPattern } from '../ids';
import { LIKERT_LEVELS } from '../indicators/model/rules';
import { codeSchema } from '../org/schemas';

/**
 * Satisfaction surveys (满意度测评): a questionnaire per cycle with respondent groups and weights,
 * answered anonymously through an invitation token (one answer per token, 一次一评) or an open
 * link (rate-limited per network). Answers feed the satisfaction leaves they are linked to.
 */

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
const stamps = { version: z.number().int().positive(), createdAt: z.string(), updatedAt: z.string() };

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
export const SURVEY_ACTIONS = ['open', 'close'] as const;
export type SurveyAction = (typeof SURVEY_ACTIONS)[number];
export const SURVEY_QUESTION_KINDS = ['likert', 'text'] as const;
export type SurveyQuestionKind = (typeof SURVEY_QUESTION_KINDS)[number];
export const INVITATION_STATUSES = ['unused', 'used'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
/** How an answer came: by an invitation token (verified) or by the open link. */
export const ANSWER_CHANNELS = ['invitation', 'open_link'] as const;
export type AnswerChannel = (typeof ANSWER_CHANNELS)[number];

/** Defaults (示例): the open link's hourly limit per network, and seconds per rated item below which an answer is "too fast". */
export const SURVEY_DEFAULTS = { perNetworkPerHour: 30, fastSeconds: 3 } as const;
/** Largest invitation batch, and the longest text answer. */
export const SURVEY_LIMITS = { batch: 2000, textAnswer: 500, units: 200, questions: 30 } as const;

export const surveyGroupSchema = z
  .object({
    key: codeSchema,
    label: required(50),
    weight: z.number().finite().min(0).max(1),
    /** Whether open-link respondents may choose this group (invitation-only groups say false). */
    openLink: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'SurveyGroup' });
export type SurveyGroup = z.infer<typeof surveyGroupSchema>;

export const surveyQuestionSchema = z
  .object({
    code: codeSchema,
    text: required(300),
    kind: z.enum(SURVEY_QUESTION_KINDS),
    /** A satisfaction leaf the question's answers feed (likert questions only). */
    leaf: codeSchema.optional(),
  })
  .strict()
  .meta({ id: 'SurveyQuestion' });
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

export const surveyOpenLinkSchema = z
  .object({
    enabled: z.boolean().default(false),
    perNetworkPerHour: z.number().int().min(1).max(10_000).default(SURVEY_DEFAULTS.perNetworkPerHour),
  })
  .strict();

const surveyFields = {
  title: required(100),
  intro: text(2000).default(''),
  groups: z.array(surveyGroupSchema).min(1).max(10),
  /** Codes of the units respondents rate. */
  units: z.array(codeSchema).min(1).max(SURVEY_LIMITS.units),
  questions: z.array(surveyQuestionSchema).min(1).max(SURVEY_LIMITS.questions),
  openLink: surveyOpenLinkSchema.default({
    enabled: false,
    perNetworkPerHour: SURVEY_DEFAULTS.perNetworkPerHour,
  }),
  /** Seconds per rated item: an answer quicker than this × its rated items is "implausibly fast". */
  fastSeconds: z.number().finite().min(0).max(60).default(SURVEY_DEFAULTS.fastSeconds),
};

export const surveyInputSchema = z.object(surveyFields).strict().meta({ id: 'SurveyInput' });
export type SurveyInput = z.infer<typeof surveyInputSchema>;
export const surveyPutSchema = z
  .object({ version: z.number().int().positive(), ...surveyFields })
  .strict()
  .meta({ id: 'SurveyPut' });
export type SurveyPut = z.infer<typeof surveyPutSchema>;

/** A survey as the API shows it (the stored record holds a salt besides, never shown). */
export const surveySchema = z
  .object({
    id: z.string(),
    cycle: z.string(),
    ...surveyFields,
    intro: z.string(),
    openLink: z.object({ enabled: z.boolean(), perNetworkPerHour: z.number().int() }),
    fastSeconds: z.number(),
    status: z.enum(SURVEY_STATUSES),
    openedAt: z.string().optional(),
    closedAt: z.string().optional(),
    ...stamps,
  })
  .meta({ id: 'Survey' });
export type Survey = z.infer<typeof surveySchema>;
/** The stored record: the survey and its salt for hashing devices and networks. */
export type StoredSurvey = Survey & { salt: string };

export const surveyTransitionSchema = z
  .object({ version: z.number().int().positive(), action: z.enum(SURVEY_ACTIONS) })
  .strict()
  .meta({ id: 'SurveyTransition' });

export const invitationBatchSchema = z
  .object({
    group: codeSchema,
    count: z.number().int().min(1).max(SURVEY_LIMITS.batch),
    /** Bound to one rated unit (一次一评: the unit the respondent was served by). */
    unit: codeSchema.optional(),
    /** The office's own note (e.g. a transaction batch); never shown to respondents. */
    note: text(200).optional(),
  })
  .strict()
  .meta({ id: 'InvitationBatch' });
export type InvitationBatch = z.infer<typeof invitationBatchSchema>;

export const invitationSchema = z
  .object({
    /** The token itself (the QR code's link). */
    id: z.string(),
    survey: z.string(),
    group: codeSchema,
    unit: codeSchema.optional(),
    note: z.string().optional(),
    batch: z.string(),
    status: z.enum(INVITATION_STATUSES),
    usedAt: z.string().optional(),
    ...stamps,
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof invitationSchema>;

export const likertLevelSchema = z.enum(LIKERT_LEVELS);

/** What a respondent sends. */
export const answerInputSchema = z
  .object({
    /** The start token the questionnaire gave (the server measures the time taken). */
    start: z.string().min(1).max(1000),
    /** The invitation token (verified answers); absent for the open link. */
    token: z.string().regex(idPattern('invitation')).optional(),
    /** The group chosen (open link only; an invitation fixes it). */
    group: codeSchema.optional(),
    /** unit → question code → level. */
    ratings: z.record(codeSchema, z.record(codeSchema, likertLevelSchema)),
    /** question code → text (text questions). */
    texts: z.record(codeSchema, text(SURVEY_LIMITS.textAnswer)).default({}),
    /** A random id the page keeps on the device (hashed with the survey's salt before it is stored). */
    device: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/)
      .optional(),
    /** A field people never fill and bots do. */
    website: z.string().max(200).optional(),
  })
  .strict()
  .meta({ id: 'SurveyAnswerInput' });
export type AnswerInput = z.infer<typeof answerInputSchema>;

/** A stored answer: anonymous (no name, no raw address, no user agent). */
export interface SurveyAnswer {
  id: string;
  survey: string;
  group: string;
  channel: AnswerChannel;
  /** Bound to one unit by its invitation. */
  unit?: string;
  ratings: Record<string, Record<string, (typeof LIKERT_LEVELS)[number]>>;
  texts: Record<string, string>;
  /** Salted hash of the page's device id, when the page sent one. */
  device?: string;
  /** Salted hash of the network (IPv4 /24, IPv6 /48), or 'unknown'. */
  network: string;
  /** Seconds between the questionnaire's start token and the answer, measured by the server. */
  durationSeconds: number;
  at: string;
}
