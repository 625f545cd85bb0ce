import { z } from 'zod';
import { codeSchema, divisionCodeSchema } from '../../org/schemas';
import { bilingualSchema } from '../../scoring/types';
import { SHARE_RECIPIENT_KINDS, SHARE_STATUSES } from './enums';
import { meta, stamp } from './parts';

// ─── Shares (共享) ───────────────────────────────────────────────────────────────────────────────

/** One standard indicator's value for the sharing tenant, as computed when it shared. */
export const sharedIndicatorSchema = z
  .object({
    standard: codeSchema,
    /** In the standard's unit, after the tenant's conversion factor. */
    value: z.number(),
    /** The tenant's leaves that gave it (system@version:leaf). */
    leaves: z.array(z.string()),
    /** Units whose value was counted. */
    units: z.number().int().nonnegative(),
  })
  .meta({ id: 'SharedIndicator' });
export type SharedIndicator = z.infer<typeof sharedIndicatorSchema>;

/** How much of the tenant's own system the mapped leaves stand for. */
export const coverageSchema = z
  .object({
    /** Σ weight (points) of the mapped leaves, over the systems the run used. */
    mappedPoints: z.number(),
    totalPoints: z.number(),
    mappedLeaves: z.number().int(),
    totalLeaves: z.number().int(),
  })
  .meta({ id: 'Coverage' });
export type Coverage = z.infer<typeof coverageSchema>;

/**
 * The snapshot a recipient holds (in its own partition, one per sharer and year). It carries the
 * mapped values and a summary of the results, never the tenant's raw inputs (no unit values, no
 * evidence, no per-unit breakdown).
 */
export const sharedResultSchema = z
  .object({
    recipient: divisionCodeSchema,
    recipientKind: z.enum(SHARE_RECIPIENT_KINDS),
    tenant: divisionCodeSchema,
    tenantName: z.string(),
    level: z.string(),
    /** The division above the tenant (its city for a county). */
    parent: divisionCodeSchema.optional(),
    year: z.number().int(),
    cycle: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
    run: z.object({ id: z.string(), number: z.number().int(), released: z.string() }),
    published: z.boolean(),
    shared: stamp,
    note: z.string().default(''),
    coverage: coverageSchema,
    indicators: z.array(sharedIndicatorSchema),
    /** The results in summary: units evaluated, mean total, grade counts. */
    summary: z.object({
      units: z.number().int(),
      meanTotal: z.string(),
      grades: z.array(z.object({ code: z.string(), label: bilingualSchema, count: z.number().int() })),
    }),
  })
  .meta({ id: 'SharedResult' });
export type SharedResult = z.infer<typeof sharedResultSchema>;

/** Share a cycle's released result with a recipient. */
export const shareCreateSchema = z
  .object({
    to: z.enum(SHARE_RECIPIENT_KINDS),
    note: z.string().trim().max(1000).default(''),
  })
  .strict()
  .meta({ id: 'ShareCreate' });
export type ShareCreate = z.infer<typeof shareCreateSchema>;

export const shareWithdrawSchema = z
  .object({ version: z.number().int().positive(), reason: z.string().trim().min(1).max(1000) })
  .strict()
  .meta({ id: 'ShareWithdraw' });
export type ShareWithdraw = z.infer<typeof shareWithdrawSchema>;

/** The sharer's own record of a share (in its own partition), kept after withdrawal as history. */
export const shareRecordSchema = z
  .object({
    tenant: divisionCodeSchema,
    recipient: divisionCodeSchema,
    recipientKind: z.enum(SHARE_RECIPIENT_KINDS),
    recipientName: z.string(),
    cycle: z.string(),
    cycleName: z.string(),
    year: z.number().int(),
    run: z.string(),
    runNumber: z.number().int(),
    status: z.enum(SHARE_STATUSES),
    note: z.string().default(''),
    shared: stamp,
    withdrawn: stamp.extend({ reason: z.string() }).optional(),
    coverage: coverageSchema,
    indicators: z.number().int(),
    ...meta,
  })
  .meta({ id: 'ShareRecord' });
export type ShareRecord = z.infer<typeof shareRecordSchema>;
