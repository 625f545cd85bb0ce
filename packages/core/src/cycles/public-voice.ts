import { z } from 'zod';
import { codeSchema } from '../org/schemas';

/**
 * What the public says about plans: comments on a draft open for consultation (art. 11, moderated,
 * answered by the unit) and opinions on a published plan (art. 12 ¶2: sent to the office, which
 * forwards them to the unit and records the exchange). Nobody signs in to write either; the
 * contact a writer leaves is never shown publicly.
 */

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

/** What a member of the public sends (both comments and opinions). */
export const publicMessageSchema = z
  .object({
    text: required(2000),
    /** How they sign (optional; e.g. 市民、企业、人大代表). */
    name: text(40).optional(),
    /** Phone or e-mail for a reply; never published. */
    contact: text(100).optional(),
    /** A field people never fill and bots do: such a message is dropped. */
    website: z.string().max(200).optional(),
  })
  .strict()
  .meta({ id: 'PublicMessage' });
export type PublicMessage = z.infer<typeof publicMessageSchema>;

/** What a stored message (comment or opinion) holds besides its own steps: who wrote what, where. */
const storedMessage = {
  id: z.string(),
  cycle: z.string(),
  unit: codeSchema,
  text: z.string(),
  name: z.string().optional(),
  contact: z.string().optional(),
};
const stamps = { version: z.number().int().positive(), createdAt: z.string(), updatedAt: z.string() };

export const COMMENT_STATUSES = ['pending', 'published', 'rejected'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const commentSchema = z
  .object({
    ...storedMessage,
    status: z.enum(COMMENT_STATUSES),
    moderationNote: z.string().optional(),
    answer: z.string().optional(),
    answeredAt: z.string().optional(),
    ...stamps,
  })
  .meta({ id: 'ConsultationComment' });
export type ConsultationComment = z.infer<typeof commentSchema>;

/** The unit moderates (publish or reject with a note) and answers. */
export const commentModerationSchema = z
  .object({
    version: z.number().int().positive(),
    status: z.enum(['published', 'rejected']).optional(),
    moderationNote: text(500).optional(),
    answer: text(2000).optional(),
  })
  .strict()
  .refine((m) => m.status !== undefined || m.answer !== undefined, {
    message: '请审核或答复 / moderate or answer',
  })
  .meta({ id: 'CommentModeration' });
export type CommentModeration = z.infer<typeof commentModerationSchema>;

export const OPINION_STATUSES = ['received', 'forwarded', 'answered', 'closed'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

export const opinionSchema = z
  .object({
    ...storedMessage,
    status: z.enum(OPINION_STATUSES),
    /** The office's note when it forwards the opinion to the unit. */
    forwardNote: z.string().optional(),
    forwardedAt: z.string().optional(),
    /** The unit's reply to the office. */
    reply: z.string().optional(),
    repliedAt: z.string().optional(),
    /** The office's conclusion when it closes the exchange. */
    conclusion: z.string().optional(),
    ...stamps,
  })
  .meta({ id: 'PlanOpinion' });
export type PlanOpinion = z.infer<typeof opinionSchema>;

/** forward (office) → reply (unit) → close (office). */
export const opinionStepSchema = z
  .object({
    version: z.number().int().positive(),
    action: z.enum(['forward', 'reply', 'close']),
    text: required(2000),
  })
  .strict()
  .meta({ id: 'OpinionStep' });
export type OpinionStep = z.infer<typeof opinionStepSchema>;
