import { z } from 'zod';
import { leafInputSchema } from '../indicators/model';
import { CALIBRATION_FLAGS, EXPERT_TENDENCIES } from './calibration';
import { ASSIGNMENT_STATUSES, assignmentSchema, ROUND_STATUSES, roundSchema } from './model';

/** What the expert review's routes answer (the office's views and the expert's workspace). */

const words = z.object({ zh: z.string(), en: z.string() });
const cycleRef = z.object({ id: z.string(), name: z.string(), state: z.string() });
const SCORED_RULES = ['expert', 'composite'] as const;

/** A leaf experts score, as a form needs it: the scale and, for a 360° composite, its rater groups. */
export const expertLeafSchema = z.object({
  code: z.string(),
  name: z.string(),
  rule: z.enum(SCORED_RULES),
  scale: z.number(),
  sources: z.array(z.object({ key: z.string(), label: z.string(), weight: z.number() })),
});
export type ExpertLeafView = z.infer<typeof expertLeafSchema>;

export const reviewOverviewSchema = z
  .object({
    cycle: cycleRef,
    /** Whether experts may score now (the cycle's state and an open round). */
    scoringOpen: z.boolean(),
    rounds: z.array(roundSchema),
    assignments: z.array(assignmentSchema.extend({ expertName: z.string(), unitName: z.string() })),
    /** Per (unit, leaf) with active assignments: how many experts, and how many scored the latest round. */
    progress: z.array(
      z.object({
        unit: z.string(),
        leaf: z.string(),
        assigned: z.number().int(),
        scored: z.number().int(),
        round: z.number().int().nullable(),
      }),
    ),
    /** The units of the cycle and the leaves experts may be assigned for. */
    assignable: z.array(
      z.object({ unit: z.string(), name: z.string(), group: z.string(), leaves: z.array(expertLeafSchema) }),
    ),
    experts: z.array(
      z.object({ id: z.string(), name: z.string(), active: z.boolean(), unit: z.string().optional() }),
    ),
  })
  .meta({ id: 'ExpertReviewOverview' });
export type ReviewOverview = z.infer<typeof reviewOverviewSchema>;

export const assignmentRemovalSchema = z
  .object({ outcome: z.enum(['deleted', 'recused']), assignment: assignmentSchema })
  .meta({ id: 'ExpertAssignmentRemoval' });

const itemCalibrationSchema = z.object({
  unit: z.string(),
  unitName: z.string(),
  leaf: z.string(),
  leafName: z.string(),
  group: z.string().optional(),
  scale: z.number(),
  n: z.number().int(),
  mean: z.number(),
  median: z.number(),
  sd: z.number().nullable(),
  min: z.number(),
  max: z.number(),
  range: z.number(),
  trimmedMean: z.number(),
  rwg: z.number().nullable(),
  outliers: z.array(
    z.object({
      expert: z.string(),
      expertName: z.string(),
      score: z.number(),
      othersMedian: z.number(),
      distance: z.number(),
    }),
  ),
  flags: z.array(z.object({ kind: z.enum(CALIBRATION_FLAGS), reason: words })),
});

export const calibrationViewSchema = z
  .object({
    cycle: cycleRef,
    /** The round calibrated (null: no scores yet). */
    round: z.number().int().nullable(),
    options: z.object({
      minAgreement: z.number(),
      outlierShare: z.number(),
      biasShare: z.number(),
      biasMinItems: z.number(),
    }),
    items: z.array(itemCalibrationSchema),
    leaves: z.array(
      z.object({
        leaf: z.string(),
        leafName: z.string(),
        items: z.number().int(),
        meanRwg: z.number().nullable(),
        meanRange: z.number(),
        flagged: z.number().int(),
      }),
    ),
    experts: z.array(
      z.object({
        expert: z.string(),
        expertName: z.string(),
        items: z.number().int(),
        meanDeviation: z.number().nullable(),
        tendency: z.enum(EXPERT_TENDENCIES),
        reason: words,
      }),
    ),
    /** The (unit, leaf) items flagged: a second round's default. */
    flagged: z.array(z.object({ unit: z.string(), leaf: z.string() })),
  })
  .meta({ id: 'ExpertCalibration' });
export type CalibrationView = z.infer<typeof calibrationViewSchema>;

export const resultsViewSchema = z
  .object({
    cycle: cycleRef,
    /** Scores of closed rounds count; an open round's are still being given. */
    openRound: z.number().int().nullable(),
    items: z.array(
      z.object({
        unit: z.string(),
        unitName: z.string(),
        leaf: z.string(),
        leafName: z.string(),
        rule: z.enum(SCORED_RULES),
        scores: z.array(
          z.object({
            expert: z.string(),
            expertName: z.string(),
            group: z.string().optional(),
            round: z.number().int(),
            score: z.number(),
            comment: z.string(),
          }),
        ),
        groups: z
          .array(z.object({ key: z.string(), n: z.number().int(), mean: z.number().nullable() }))
          .optional(),
        input: leafInputSchema.optional(),
        preview: z
          .object({
            status: z.string(),
            fraction: z.number(),
            value: z.union([z.number(), z.string(), z.null()]),
            reason: words,
          })
          .optional(),
      }),
    ),
  })
  .meta({ id: 'ExpertResults' });
export type ResultsView = z.infer<typeof resultsViewSchema>;

/** The expert's own workspace: blind to the others while a round is open. */
export const mineViewSchema = z
  .object({
    cycle: cycleRef,
    expert: z.object({ id: z.string(), name: z.string(), conflicts: z.array(z.string()) }),
    rounds: z.array(z.object({ number: z.number().int(), status: z.enum(ROUND_STATUSES) })),
    /** The open round, if any, and whether the expert may score in it now. */
    openRound: z.number().int().nullable(),
    canScore: z.boolean(),
    assignments: z.array(
      z.object({
        id: z.string(),
        unit: z.string(),
        unitName: z.string(),
        group: z.string().optional(),
        status: z.enum(ASSIGNMENT_STATUSES),
        version: z.number().int(),
        recusal: z.object({ reason: z.string(), by: z.string(), at: z.string() }).optional(),
        leaves: z.array(
          expertLeafSchema.extend({
            /** Whether the open round asks this expert to score it now. */
            due: z.boolean(),
            own: z.array(
              z.object({
                round: z.number().int(),
                score: z.number(),
                comment: z.string(),
                version: z.number().int(),
              }),
            ),
            /** Closed rounds: the others' scores, without names (德尔菲法: shown before re-scoring). */
            revealed: z.array(
              z.object({ round: z.number().int(), scores: z.array(z.number()), median: z.number() }),
            ),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'ExpertWorkspace' });
export type MineView = z.infer<typeof mineViewSchema>;
