import { z } from 'zod';
import { CYCLE_STATES, windowSchema } from '../cycles/model';
import { idPattern } from '../ids';
import { type LeafInput, leafInputSchema, RULE_KINDS, type RuleKind } from '../indicators/model';
import { codeSchema } from '../org/schemas';
import { bilingualSchema, LEAF_STATUSES } from '../scoring/types';

/**
 * Appeals (申诉复核): within the appeal window a unit appeals one indicator or the conclusion of
 * the released results, with reasons and evidence; the office accepts (correcting the input) or
 * rejects with reasons. An accepted appeal waits for the next run, which lists it in `run.appeals`;
 * once a later run is released, the appeal shows how the unit's total and rank changed.
 * Labels: ../vocabulary/evaluation-labels.ts.
 */

const bi = (zh: string, en: string) => `${zh} / ${en}`;

/** What an appeal is about: one indicator's result, or the conclusion (total, grade or rank). */
export const APPEAL_TARGETS = ['indicator', 'conclusion'] as const;
export type AppealTarget = (typeof APPEAL_TARGETS)[number];

/** submitted → accepted | rejected; withdrawn by the unit before a decision. */
export const APPEAL_STATUSES = ['submitted', 'accepted', 'rejected', 'withdrawn'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** The statuses the office's decision leads to (labelled as statuses). */
export const APPEAL_DECISIONS = ['accepted', 'rejected'] as const satisfies readonly AppealStatus[];
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];

export const APPEAL_REASONS_MIN = 10;
export const APPEAL_REASONS_MAX = 4000;
/** Documents one appeal may cite. */
export const APPEAL_MAX_EVIDENCE = 20;

// ─── References shared by the outcome views (appeals, rectification, uses of results) ──────────

export const outcomeCycleRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  state: z.enum(CYCLE_STATES),
});
export const outcomeUnitRefSchema = z.object({ code: z.string(), name: z.string(), group: z.string() });
/** Who did something, and when. */
export const outcomeStampSchema = z.object({ by: z.string(), name: z.string().optional(), at: z.string() });
export type OutcomeStamp = z.infer<typeof outcomeStampSchema>;

const evidenceIds = z
  .array(
    z.string().regex(idPattern('evidence'), { message: bi('佐证材料编号格式不正确', 'not an evidence id') }),
  )
  .max(APPEAL_MAX_EVIDENCE)
  .refine((ids) => new Set(ids).size === ids.length, {
    message: bi('佐证材料重复', 'a document is listed twice'),
  });

// ─── Requests ─────────────────────────────────────────────────────────────────────────────────

export const appealCreateSchema = z
  .object({
    target: z.enum(APPEAL_TARGETS),
    /** The indicator appealed (a leaf of the unit's released result); only for `indicator`. */
    leaf: codeSchema.optional(),
    reasons: z
      .string()
      .trim()
      .min(APPEAL_REASONS_MIN, {
        message: bi(
          `申诉理由至少 ${APPEAL_REASONS_MIN} 个字`,
          `give reasons of at least ${APPEAL_REASONS_MIN} characters`,
        ),
      })
      .max(APPEAL_REASONS_MAX),
    /** The unit's own documents of this cycle (evidence ids). */
    evidence: evidenceIds.default([]),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.target === 'indicator' && !a.leaf)
      ctx.addIssue({
        code: 'custom',
        path: ['leaf'],
        message: bi('申诉具体指标时须选择指标', 'choose the indicator appealed'),
      });
    if (a.target === 'conclusion' && a.leaf)
      ctx.addIssue({
        code: 'custom',
        path: ['leaf'],
        message: bi('申诉考核结论时不选择指标', 'an appeal of the conclusion names no indicator'),
      });
  })
  .meta({ id: 'AppealCreate' });
export type AppealCreate = z.infer<typeof appealCreateSchema>;

export const appealWithdrawSchema = z
  .object({ version: z.number().int().positive() })
  .strict()
  .meta({ id: 'AppealWithdraw' });
export type AppealWithdraw = z.infer<typeof appealWithdrawSchema>;

/**
 * The input an accepted indicator appeal corrects: a value leaf's number (the unit's value record,
 * which the batch reads), or a determination-kind leaf's input (the office's determination of the
 * unit, which wins over any other source of the leaf).
 */
export const appealCorrectionSchema = z
  .union([z.object({ value: z.number().finite() }).strict(), z.object({ input: leafInputSchema }).strict()])
  .meta({ id: 'AppealCorrection' });
export type AppealCorrection = z.infer<typeof appealCorrectionSchema>;

export const appealDecideSchema = z
  .object({
    version: z.number().int().positive(),
    status: z.enum(APPEAL_DECISIONS),
    /** Why (复核意见): shown to the unit. */
    reason: z
      .string()
      .trim()
      .min(1, { message: bi('须填写复核意见', 'give the reason for the decision') })
      .max(4000),
    correction: appealCorrectionSchema.optional(),
  })
  .strict()
  .refine((d) => d.status === 'accepted' || d.correction === undefined, {
    message: bi('驳回申诉时不更正数据', 'a rejection corrects nothing'),
    path: ['correction'],
  })
  .meta({ id: 'AppealDecide' });
export type AppealDecide = z.infer<typeof appealDecideSchema>;

// ─── The record ───────────────────────────────────────────────────────────────────────────────

/** The unit's standing in one run: what was appealed, or what came out after. */
export const appealStandingSchema = z
  .object({
    run: z.string(),
    number: z.number().int().positive(),
    total: z.string(),
    rank: z.number().int(),
    of: z.number().int(),
    grade: z.string(),
    gradeLabel: bilingualSchema,
  })
  .meta({ id: 'AppealStanding' });
export type AppealStanding = z.infer<typeof appealStandingSchema>;

/** What an accepted appeal's correction changed (before → after), as written. */
export const appealAppliedSchema = z
  .object({
    value: z.object({ before: z.number().nullable(), after: z.number() }).optional(),
    input: z.object({ before: leafInputSchema.nullable(), after: leafInputSchema }).optional(),
  })
  .meta({ id: 'AppealApplied' });
export type AppealApplied = z.infer<typeof appealAppliedSchema>;

export const appealSchema = z
  .object({
    id: z.string(),
    cycle: z.string(),
    unit: codeSchema,
    target: z.enum(APPEAL_TARGETS),
    leaf: z.string().optional(),
    leafName: z.string().optional(),
    reasons: z.string(),
    /** The cited documents, with their titles as filed. */
    evidence: z.array(z.object({ id: z.string(), title: z.string() })),
    status: z.enum(APPEAL_STATUSES),
    /** The released run appealed and the unit's standing in it. */
    appealed: appealStandingSchema,
    submitted: outcomeStampSchema,
    withdrawn: outcomeStampSchema.optional(),
    decision: outcomeStampSchema
      .extend({
        status: z.enum(APPEAL_DECISIONS),
        reason: z.string(),
        correction: appealCorrectionSchema.optional(),
        applied: appealAppliedSchema.optional(),
      })
      .optional(),
    version: z.number().int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Appeal' });
export type Appeal = z.infer<typeof appealSchema>;

// ─── Views ────────────────────────────────────────────────────────────────────────────────────

export const appealViewSchema = appealSchema
  .extend({
    unitName: z.string(),
    /** The run that first included this accepted appeal's correction, if any. */
    includedIn: z.object({ run: z.string(), number: z.number().int(), status: z.string() }).nullable(),
    /**
     * Once a later run is released: the unit's standing before (the run appealed) and after (the
     * run released now), with the change of the total (e.g. "+1.25") and of the rank (places up).
     */
    outcome: z
      .object({
        before: appealStandingSchema,
        after: appealStandingSchema,
        totalChange: z.string(),
        rankChange: z.number().int(),
      })
      .nullable(),
    allowed: z.object({ withdraw: z.boolean(), decide: z.boolean() }),
  })
  .meta({ id: 'AppealView' });
export type AppealView = z.infer<typeof appealViewSchema>;

export const appealListSchema = z
  .object({
    items: z.array(appealViewSchema),
    nextCursor: z.string().optional(),
    /** Appeals in the caller's scope per status (all pages, before the status filter). */
    counts: z.record(z.string(), z.number().int()),
    /** The units of the cycle the caller may see (for the filter). */
    units: z.array(outcomeUnitRefSchema),
  })
  .meta({ id: 'AppealList' });
export type AppealList = z.infer<typeof appealListSchema>;

const INPUT_KINDS = leafInputSchema.options.map((o) => o.shape.kind.value) as [
  LeafInput['kind'],
  ...LeafInput['kind'][],
];

/** A leaf of the unit's released result, as the appeal form offers it. */
export const appealableLeafSchema = z.object({
  code: z.string(),
  name: z.string(),
  rule: z.enum(RULE_KINDS as [RuleKind, ...RuleKind[]]),
  status: z.enum(LEAF_STATUSES),
  value: z.union([z.number(), z.string(), z.null()]),
  points: z.string(),
  max: z.string(),
  /** The input kind a correction gives it (a value leaf: `value`). */
  input: z.enum(INPUT_KINDS),
  /** A deduction leaf's incident items (what a correction counts). */
  items: z.array(z.object({ code: z.string(), label: z.string() })).optional(),
});
export type AppealableLeaf = z.infer<typeof appealableLeafSchema>;

/** A unit's appeals page: its released standing, what it may appeal and cite, and its appeals. */
export const unitAppealsViewSchema = z
  .object({
    cycle: outcomeCycleRefSchema,
    unit: outcomeUnitRefSchema,
    window: windowSchema.and(z.object({ open: z.boolean() })),
    /** The unit's standing in the released results; null before any release. */
    released: appealStandingSchema.nullable(),
    leaves: z.array(appealableLeafSchema),
    documents: z.array(z.object({ id: z.string(), title: z.string(), leaf: z.string().optional() })),
    appeals: z.array(appealViewSchema),
    allowed: z.object({ submit: z.boolean() }),
    /** Why the unit cannot appeal now (empty when it can). */
    blockers: z.array(bilingualSchema),
  })
  .meta({ id: 'UnitAppealsView' });
export type UnitAppealsView = z.infer<typeof unitAppealsViewSchema>;
