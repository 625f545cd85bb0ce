import { z } from 'zod';
import { CYCLE_STATES, windowSchema } from '../cycles/model';
import { DATA_SOURCES, leafInputSchema, RULE_KINDS, type RuleKind, VETO_EFFECTS } from '../indicators/model';
import { bilingualSchema, groupResultSchema } from '../scoring/types';
import {
  INPUT_ORIGINS,
  RUN_KINDS,
  releasePointerSchema,
  resultRowSchema,
  runSchema,
  unitRunResultSchema,
} from './model';

/** What the API answers about the year-end evaluation (the records themselves: ./model). */

const cycleRef = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  state: z.enum(CYCLE_STATES),
});
const unitRef = z.object({ code: z.string(), name: z.string(), group: z.string() });

/** A run with its progress as the console shows it. */
export const runViewSchema = runSchema
  .extend({
    /** Whole percent of units scored (0–100). */
    percent: z.number().int().min(0).max(100),
    /** Whether these are the results units see now. */
    current: z.boolean(),
    /** A running run whose lease ran out (its process stopped): it may be resumed. */
    stale: z.boolean(),
    /** Whether the office may resume it now (failed, or stale). */
    resumable: z.boolean(),
    /** Whether the office may release it now (official, ready, not current). */
    releasable: z.boolean(),
  })
  .meta({ id: 'EvaluationRunView' });
export type RunView = z.infer<typeof runViewSchema>;

/** Before a run: what it would be, what blocks it and what the office should know. */
export const readinessSchema = z
  .object({
    /** What a run started now would be; null when none may start (see `blockers`). */
    kind: z.enum(RUN_KINDS).nullable(),
    blockers: z.array(bilingualSchema),
    /** Things that do not block a run but change what it scores (pending values, open rounds…). */
    notes: z.array(bilingualSchema),
  })
  .meta({ id: 'EvaluationReadiness' });
export type Readiness = z.infer<typeof readinessSchema>;

export const evaluationOverviewSchema = z
  .object({
    cycle: cycleRef,
    readiness: readinessSchema,
    /** The run under way, if any. */
    active: runViewSchema.nullable(),
    /** Every run of the cycle, newest first. */
    runs: z.array(runViewSchema),
    released: releasePointerSchema.nullable(),
    /** The appeal window of the calendar, and whether it is open today. */
    appealWindow: windowSchema.and(z.object({ open: z.boolean() })),
  })
  .meta({ id: 'EvaluationOverview' });
export type EvaluationOverview = z.infer<typeof evaluationOverviewSchema>;

export const runResultsSchema = z
  .object({
    cycle: cycleRef,
    run: runViewSchema,
    /** Every unit of the run in (group, rank, unit code) order. */
    rows: z.array(resultRowSchema),
    /** Per group: order, what separated neighbours, quotas. */
    groups: z.array(groupResultSchema.extend({ system: z.string() })),
  })
  .meta({ id: 'RunResults' });
export type RunResults = z.infer<typeof runResultsSchema>;

export const unitRunResultViewSchema = z
  .object({
    cycle: cycleRef,
    run: runViewSchema,
    unit: unitRef,
    result: unitRunResultSchema,
  })
  .meta({ id: 'UnitRunResultView' });
export type UnitRunResultView = z.infer<typeof unitRunResultViewSchema>;

/** Why a leaf's points differ between two runs. */
export const CHANGE_CAUSES = ['input', 'peers', 'rule', 'added', 'removed'] as const;
export type ChangeCause = (typeof CHANGE_CAUSES)[number];

const standing = z.object({ total: z.string(), rank: z.number().int(), grade: z.string() });

export const unitComparisonSchema = z.object({
  unit: z.string(),
  name: z.string(),
  group: z.string(),
  /** In the earlier run (null when the unit was not in it). */
  before: standing.nullable(),
  after: standing.nullable(),
  /** after − before of the shown totals, e.g. "+1.25"; null when either is missing. */
  delta: z.string().nullable(),
  changes: z.array(
    z.object({
      leaf: z.string(),
      name: z.string(),
      before: z.object({ points: z.string(), value: z.union([z.number(), z.string(), z.null()]) }).nullable(),
      after: z.object({ points: z.string(), value: z.union([z.number(), z.string(), z.null()]) }).nullable(),
      cause: z.enum(CHANGE_CAUSES),
      reason: bilingualSchema,
    }),
  ),
});
export type UnitComparison = z.infer<typeof unitComparisonSchema>;

export const runComparisonSchema = z
  .object({
    cycle: cycleRef,
    run: runViewSchema,
    against: runViewSchema,
    summary: z.object({
      units: z.number().int(),
      changedTotals: z.number().int(),
      changedRanks: z.number().int(),
      changedGrades: z.number().int(),
    }),
    /** Units whose total, rank, grade or any leaf changed (unchanged units are counted, not listed). */
    units: z.array(unitComparisonSchema),
  })
  .meta({ id: 'RunComparison' });
export type RunComparison = z.infer<typeof runComparisonSchema>;

/** A unit's released result: what the unit (or the office) reads after the release. */
export const releasedResultViewSchema = z
  .object({
    cycle: cycleRef,
    unit: unitRef,
    /** null until the office releases results. */
    released: z
      .object({
        run: z.string(),
        number: z.number().int(),
        at: z.string(),
        result: unitRunResultSchema,
        /** The unit's standing in the results released before these, if any (after an appeal re-run). */
        previous: z
          .object({ number: z.number().int(), total: z.string(), rank: z.number().int(), grade: z.string() })
          .nullable(),
      })
      .nullable(),
    appealWindow: windowSchema.and(z.object({ open: z.boolean() })),
  })
  .meta({ id: 'ReleasedResultView' });
export type ReleasedResultView = z.infer<typeof releasedResultViewSchema>;

/** The office's determinations of one unit, with the leaves they may name. */
export const determinationViewSchema = z
  .object({
    cycle: cycleRef,
    unit: unitRef,
    determination: z
      .object({
        leaves: z.record(z.string(), leafInputSchema),
        bonus: z.record(z.string(), z.number()),
        vetoes: z.record(z.string(), z.string()),
        note: z.string(),
        version: z.number().int(),
        updatedAt: z.string(),
      })
      .nullable(),
    /** The unit's leaves with their rule and the input kind a determination gives them. */
    leaves: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        rule: z.enum(RULE_KINDS as [RuleKind, ...RuleKind[]]),
        source: z.enum(DATA_SOURCES),
        /** Where the batch takes this leaf's input from when the office determines nothing. */
        origin: z.enum(INPUT_ORIGINS),
      }),
    ),
    bonusItems: z.array(z.object({ code: z.string(), name: z.string(), maxPoints: z.number() })),
    vetoItems: z.array(z.object({ code: z.string(), name: z.string(), effect: z.enum(VETO_EFFECTS) })),
    editable: z.boolean(),
  })
  .meta({ id: 'DeterminationView' });
export type DeterminationView = z.infer<typeof determinationViewSchema>;
