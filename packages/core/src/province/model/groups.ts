import { z } from 'zod';
import { codeSchema, divisionCodeSchema } from '../../org/schemas';
import { STANDARDISATION_METHODS } from './enums';
import { meta } from './parts';

// ─── Peer groups (分类考核) ──────────────────────────────────────────────────────────────────────

export const gradeQuotasSchema = z
  .object({
    /** Shares of the group, in %, given to 优秀, 良好, 一般 (the rest is 较差). */
    excellent: z.number().min(0).max(100),
    good: z.number().min(0).max(100),
    fair: z.number().min(0).max(100),
  })
  .strict()
  .refine((q) => q.excellent + q.good + q.fair <= 100, {
    message: '等次比例之和不能超过 100% / grade quotas must not add up to more than 100%',
  })
  .meta({ id: 'GradeQuotas' });
export type GradeQuotas = z.infer<typeof gradeQuotasSchema>;

export const DEFAULT_GRADE_QUOTAS: GradeQuotas = { excellent: 20, good: 30, fair: 30 };

export const peerGroupPutSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(1000).default(''),
    /** Member tenants (division codes). */
    members: z.array(divisionCodeSchema).max(500),
    /** Weight per standard indicator code (absent = not used by this group); normalised when used. */
    weights: z.record(codeSchema, z.number().min(0).max(1000)),
    method: z.enum(STANDARDISATION_METHODS).default('efficacy'),
    grades: gradeQuotasSchema.default(DEFAULT_GRADE_QUOTAS),
    version: z.number().int().positive().optional(),
  })
  .strict()
  .meta({ id: 'PeerGroupPut' });
export type PeerGroupPut = z.infer<typeof peerGroupPutSchema>;

export const peerGroupSchema = peerGroupPutSchema
  .omit({ version: true })
  .extend({ owner: divisionCodeSchema, code: codeSchema, ...meta })
  .meta({ id: 'PeerGroup' });
export type PeerGroup = z.infer<typeof peerGroupSchema>;
