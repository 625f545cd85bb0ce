import { z } from 'zod';
import { idPattern } from '../ids';
import { codeSchema } from '../org/schemas';

/**
 * The expert review (专家评审): the tenant's expert pool (专家库, outlives cycles), and per cycle the
 * assignments of experts to units and qualitative leaves, the scoring rounds and the scores. An
 * expert is never assigned to their own unit nor to one they declared a conflict with (回避).
 */

const text = (max: number) => z.string().trim().max(max);
const stamps = {
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const expertIdSchema = z.string().regex(idPattern('expert'));
export const assignmentIdSchema = z.string().regex(idPattern('assignment'));

// ─── The pool (专家库) ─────────────────────────────────────────────────────────────────────────

export const expertSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    /** 职称 and 工作单位, as the office writes them. */
    title: z.string().optional(),
    organisation: z.string().optional(),
    /** The expert's own unit among the evaluated units: never assigned to it (回避, automatic). */
    unit: z.string().optional(),
    /** The tenant user (role expert) who signs in as this expert. */
    userId: z.string().optional(),
    specialties: z.array(z.string()),
    /** Units the expert declared a conflict of interest with (申请回避). */
    conflicts: z.array(z.string()),
    active: z.boolean(),
    ...stamps,
  })
  .meta({ id: 'Expert' });
export type Expert = z.infer<typeof expertSchema>;

const expertFields = {
  name: text(60).min(2),
  title: text(60).optional(),
  organisation: text(100).optional(),
  unit: codeSchema.optional(),
  userId: z.string().trim().min(1).max(64).optional(),
  specialties: z.array(text(40).min(1)).max(20).default([]),
  conflicts: z.array(codeSchema).max(100).default([]),
  active: z.boolean().default(true),
};

export const expertCreateSchema = z.object(expertFields).strict().meta({ id: 'ExpertCreate' });
export type ExpertCreate = z.infer<typeof expertCreateSchema>;

/** A change: `null` clears the own unit or the account link. */
export const expertPatchSchema = z
  .object({
    version: z.number().int().positive(),
    name: expertFields.name.optional(),
    title: text(60).optional(),
    organisation: text(100).optional(),
    unit: codeSchema.nullable().optional(),
    userId: z.string().trim().min(1).max(64).nullable().optional(),
    specialties: z.array(text(40).min(1)).max(20).optional(),
    conflicts: z.array(codeSchema).max(100).optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'ExpertPatch' });
export type ExpertPatch = z.infer<typeof expertPatchSchema>;

// ─── A cycle's assignments, rounds and scores ──────────────────────────────────────────────────

export const ASSIGNMENT_STATUSES = ['active', 'recused'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const assignmentSchema = z
  .object({
    id: z.string(),
    cycle: z.string(),
    expert: z.string(),
    unit: z.string(),
    leaves: z.array(z.string()),
    /** The rater group of a 360° rating (a source key of the composite leaves), if any. */
    group: z.string().optional(),
    status: z.enum(ASSIGNMENT_STATUSES),
    /** Why and when the assignment was recused (its scores no longer count). */
    recusal: z.object({ reason: z.string(), by: z.string(), at: z.string() }).optional(),
    ...stamps,
  })
  .meta({ id: 'ExpertAssignment' });
export type Assignment = z.infer<typeof assignmentSchema>;

export const assignmentCreateSchema = z
  .object({
    expertId: expertIdSchema,
    unit: codeSchema,
    leaves: z.array(codeSchema).min(1).max(50),
    group: codeSchema.optional(),
  })
  .strict()
  .meta({ id: 'ExpertAssignmentCreate' });
export type AssignmentCreate = z.infer<typeof assignmentCreateSchema>;

export const ROUND_STATUSES = ['open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** One (unit, leaf) pair: what a round of scoring covers. */
export const reviewItemSchema = z.object({ unit: codeSchema, leaf: codeSchema }).strict();
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const roundSchema = z
  .object({
    number: z.number().int().positive(),
    status: z.enum(ROUND_STATUSES),
    /** Round 1 covers every assigned item (empty); later rounds the items chosen to re-score. */
    items: z.array(reviewItemSchema),
    note: z.string().optional(),
    openedAt: z.string(),
    closedAt: z.string().optional(),
    ...stamps,
  })
  .meta({ id: 'ExpertRound' });
export type Round = z.infer<typeof roundSchema>;

export const roundOpenSchema = z
  .object({
    /** Round n ≥ 2: the items to re-score; absent = the items the last round's calibration flags. */
    items: z.array(reviewItemSchema).max(2000).optional(),
    /** Why the round is opened (may be empty, but is always given). */
    note: text(1000),
  })
  .strict()
  .meta({ id: 'ExpertRoundOpen' });
export type RoundOpen = z.infer<typeof roundOpenSchema>;

export const roundCloseSchema = z
  .object({ version: z.number().int().positive() })
  .strict()
  .meta({ id: 'ExpertRoundClose' });

export const MIN_COMMENT = 2;

export const scoreSchema = z
  .object({
    cycle: z.string(),
    round: z.number().int().positive(),
    assignment: z.string(),
    expert: z.string(),
    unit: z.string(),
    leaf: z.string(),
    group: z.string().optional(),
    score: z.number(),
    comment: z.string(),
    ...stamps,
  })
  .meta({ id: 'ExpertScore' });
export type ExpertScore = z.infer<typeof scoreSchema>;

export const scoresPutSchema = z
  .object({
    scores: z
      .array(
        z
          .object({
            assignment: assignmentIdSchema,
            leaf: codeSchema,
            score: z.number().finite().min(0).max(1000),
            comment: text(2000).min(MIN_COMMENT, {
              message: '评分须附评语（至少 2 个字） / each score needs a comment (2 characters or more)',
            }),
            /** The version of the own score it replaces in the same round (absent: a first score). */
            version: z.number().int().positive().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict()
  .meta({ id: 'ExpertScoresPut' });
export type ScoresPut = z.infer<typeof scoresPutSchema>;

export const recusalSchema = z
  .object({ reason: text(500).min(2) })
  .strict()
  .meta({ id: 'ExpertRecusal' });
export type Recusal = z.infer<typeof recusalSchema>;
