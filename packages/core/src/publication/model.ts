import { z } from 'zod';
import { runObjectSchema } from '../evaluation/model';
import { UNIT_TYPES } from '../org/schemas';
import {
  congressReportSchema,
  officeReportSchema,
  REPORT_FORMATS,
  REPORT_KINDS,
  unitReportSchema,
} from '../reports/model';
import { bilingualSchema } from '../scoring/types';

/**
 * Publication (绩效结果公开): after appeals the office finalises the released results and publishes
 * them. What is published is a frozen snapshot (one S3 object written once, named in the record):
 * the public side reads only the record and that object, so nothing unpublished is reachable from
 * it by any URL. Withdrawing makes the public side answer 404 again; publishing again (after a new
 * release) writes a new snapshot with the next number. Labels: ../vocabulary/report-labels.ts.
 */

export const PUBLICATION_STATUSES = ['published', 'withdrawn'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

const stamp = z.object({ by: z.string(), name: z.string().optional(), at: z.string() });
const grade = z.object({ code: z.string(), label: bilingualSchema });

/** The cycle's publication record (one per cycle, `PUBLISH#current` in the cycle's partition). */
export const publicationSchema = z
  .object({
    cycle: z.string(),
    /** 1, 2… : each publishing writes a new snapshot. */
    number: z.number().int().positive(),
    run: z.string(),
    runNumber: z.number().int().positive(),
    status: z.enum(PUBLICATION_STATUSES),
    note: z.string().default(''),
    published: stamp,
    withdrawn: stamp.extend({ reason: z.string() }).optional(),
    /** The frozen snapshot the public side reads. */
    snapshot: runObjectSchema,
    history: z
      .array(
        z.object({
          number: z.number().int(),
          run: z.string(),
          at: z.string(),
          withdrawnAt: z.string().optional(),
        }),
      )
      .default([]),
    version: z.number().int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Publication' });
export type Publication = z.infer<typeof publicationSchema>;

/** Publish the released results (again, after a new release: with the current record's version). */
export const publishSchema = z
  .object({
    version: z.number().int().positive().optional(),
    note: z.string().trim().max(1000).default(''),
  })
  .strict()
  .meta({ id: 'Publish' });
export type Publish = z.infer<typeof publishSchema>;

export const withdrawPublicationSchema = z
  .object({
    version: z.number().int().positive(),
    reason: z.string().trim().min(1).max(1000),
  })
  .strict()
  .meta({ id: 'WithdrawPublication' });
export type WithdrawPublication = z.infer<typeof withdrawPublicationSchema>;

/** Why the office may not publish yet (each in both languages); empty when it may. */
export const publicationReadinessSchema = z
  .object({ canPublish: z.boolean(), blockers: z.array(bilingualSchema) })
  .meta({ id: 'PublicationReadiness' });

/** What the office's publication page shows. */
export const publicationViewSchema = z
  .object({
    cycle: z.object({ id: z.string(), name: z.string(), year: z.number().int(), state: z.string() }),
    released: z.object({ run: z.string(), number: z.number().int(), at: z.string() }).optional(),
    publication: publicationSchema.optional(),
    readiness: publicationReadinessSchema,
    /** The public page of the published results. */
    publicPath: z.string().optional(),
  })
  .meta({ id: 'PublicationView' });
export type PublicationView = z.infer<typeof publicationViewSchema>;

/** A unit's line as the public sees it. */
export const publicRowSchema = z
  .object({
    unit: z.string(),
    name: z.string(),
    type: z.enum(UNIT_TYPES),
    total: z.string(),
    rank: z.number().int(),
    of: z.number().int(),
    grade,
    dimensions: z.array(
      z.object({ code: z.string(), name: z.string(), points: z.string(), max: z.string() }),
    ),
  })
  .meta({ id: 'PublicRow' });
export type PublicRow = z.infer<typeof publicRowSchema>;

export const publicGroupSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    /** True when every unit of the group is a contracted service provider (政府购买服务承接主体). */
    providers: z.boolean(),
    rows: z.array(publicRowSchema),
  })
  .meta({ id: 'PublicGroup' });

/** The frozen snapshot (written once at publishing; the public side reads only this). */
export const publishedCycleSchema = z
  .object({
    tenant: z.object({ code: z.string(), name: z.string() }),
    cycle: z.object({ id: z.string(), name: z.string(), year: z.number().int() }),
    number: z.number().int().positive(),
    run: z.object({ id: z.string(), number: z.number().int() }),
    publishedAt: z.string(),
    note: z.string(),
    groups: z.array(publicGroupSchema),
    office: officeReportSchema,
    congress: congressReportSchema,
    units: z.record(z.string(), unitReportSchema),
  })
  .meta({ id: 'PublishedCycle' });
export type PublishedCycle = z.infer<typeof publishedCycleSchema>;

/** A downloadable report of a publication, as the public's API names it. */
export const publicReportLinkSchema = z
  .object({
    kind: z.enum(REPORT_KINDS),
    format: z.enum(REPORT_FORMATS),
    unit: z.string().optional(),
    /** The public API path that answers with a redirect to the file. */
    href: z.string(),
  })
  .meta({ id: 'PublicReportLink' });

/** The public's list of a tenant's published results. */
export const publicResultsListSchema = z
  .object({
    tenant: z.object({ code: z.string(), name: z.string() }),
    items: z.array(
      z.object({
        cycle: z.string(),
        cycleName: z.string(),
        year: z.number().int(),
        publishedAt: z.string(),
        units: z.number().int(),
        groups: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'PublicResultsList' });
export type PublicResultsList = z.infer<typeof publicResultsListSchema>;

/** One published cycle as the public sees it (no per-unit breakdown: see publicUnitResultSchema). */
export const publicCycleResultsSchema = publishedCycleSchema
  .pick({ tenant: true, cycle: true, number: true, publishedAt: true, note: true, groups: true })
  .extend({
    grades: officeReportSchema.shape.grades,
    bands: officeReportSchema.shape.bands,
    reports: z.array(publicReportLinkSchema),
  })
  .meta({ id: 'PublicCycleResults' });
export type PublicCycleResults = z.infer<typeof publicCycleResultsSchema>;

/** One unit's published result: its report's data and its downloads. */
export const publicUnitResultSchema = z
  .object({ report: unitReportSchema, reports: z.array(publicReportLinkSchema) })
  .meta({ id: 'PublicUnitResult' });
export type PublicUnitResult = z.infer<typeof publicUnitResultSchema>;
