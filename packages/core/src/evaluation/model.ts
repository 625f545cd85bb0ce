import { z } from 'zod';
import { unitInputsSchema } from '../indicators/model';
import { codeSchema } from '../org/schemas';
import { amountSchema, bilingualSchema, unitResultSchema } from '../scoring/types';

/**
 * The year-end evaluation (年终综合评估) as runs of one batch: each run freezes the cycle's inputs in
 * a snapshot, scores every unit with the engine, ranks and grades within groups and writes its
 * results under its own id, so runs never overwrite each other. The office compares a run with the
 * one before, reviews it, and releases one run to the units by one conditional pointer update.
 * Labels of every enum here: ../vocabulary/evaluation-labels.ts.
 */

/**
 * official: started in `review`, after verification closed; the cycle's evidence is locked and the
 * run may be released. trial (试算): started during verification to preview results; never released.
 */
export const RUN_KINDS = ['official', 'trial'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

/**
 * The steps of the state machine, in order (each a Task of the same name in the definition);
 * `score` and `report` run per batch of units inside a Distributed Map.
 */
export const RUN_STEPS = ['freeze', 'peers', 'score', 'rank', 'write', 'report', 'ready'] as const;
export type RunStep = (typeof RUN_STEPS)[number];

/**
 * running: a step is under way (its lease is renewed by every task); failed: a step failed, the
 * reason is recorded and the run can be resumed where it stopped; ready: results written, ready for
 * the office's review; released: the results units see (one run per cycle at a time); superseded:
 * released once, then replaced by a later release.
 */
export const RUN_STATUSES = ['running', 'failed', 'ready', 'released', 'superseded'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * How long a running run holds the cycle's lock without a task renewing it: longer than any one
 * task may run (the batch function's 5-minute timeout), so a live run is never taken over; past it,
 * a run whose process died may be resumed.
 */
export const RUN_LEASE_MS = 10 * 60 * 1000;

/** Why a run was started. */
export const RUN_TRIGGERS = ['office', 'appeals'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

/**
 * The three stages of the year-end evaluation whose results combine at system level (the system's
 * tree weights them): 指标考核 (values verified against evidence: self-reported and supplied),
 * 满意度测评 (survey leaves) and 专家评议 (expert leaves). A leaf belongs to the stage of its source.
 */
export const RESULT_STAGES = ['indicators', 'satisfaction', 'experts'] as const;
export type ResultStage = (typeof RESULT_STAGES)[number];

/** Where a leaf's input came from, for the breakdown ("source"). */
export const INPUT_ORIGINS = [
  'verified',
  'corrected',
  'unverified',
  'supplied',
  'determination',
  'experts',
  'survey',
  'appeal',
  'none',
] as const;
export type InputOrigin = (typeof INPUT_ORIGINS)[number];

const stamp = z.object({ by: z.string(), name: z.string().optional(), at: z.string() });

export const runFailureSchema = z
  .object({
    step: z.enum(RUN_STEPS),
    /** The error's name as the state machine saw it (e.g. `Throttled`, `States.TaskFailed`). */
    error: z.string(),
    message: bilingualSchema,
    at: z.string(),
  })
  .meta({ id: 'RunFailure' });
export type RunFailure = z.infer<typeof runFailureSchema>;

/** An S3 object of the run: its key under the tenant's prefix, size and SHA-256. */
export const runObjectSchema = z.object({ key: z.string(), bytes: z.number().int(), sha256: z.string() });
export type RunObject = z.infer<typeof runObjectSchema>;

export const runSchema = z
  .object({
    id: z.string(),
    cycle: z.string(),
    /** 1, 2, 3… within the cycle (第 N 次计算). */
    number: z.number().int().positive(),
    kind: z.enum(RUN_KINDS),
    trigger: z.enum(RUN_TRIGGERS),
    /** Why the office started it (a re-run after appeals names them). */
    reason: z.string(),
    /** Appeals whose corrections this run is the first to include. */
    appeals: z.array(z.string()).default([]),
    status: z.enum(RUN_STATUSES),
    /** The step under way, or the last one done. */
    step: z.enum(RUN_STEPS),
    /** Steps finished (a resumed run skips them). */
    done: z.array(z.enum(RUN_STEPS)).default([]),
    /** Units scored so far, and in all. */
    scored: z.number().int().min(0),
    total: z.number().int().min(0),
    /** Score batches finished (their first unit codes), so a resumed run counts each once. */
    batches: z.array(z.string()).default([]),
    /**
     * Units whose reports (PDF, XLSX, HTML) the report step has rendered, and its batches finished
     * (first unit codes), counted once like `scored` and `batches`. Runs from before the report
     * step have neither.
     */
    reported: z.number().int().min(0).default(0),
    reportBatches: z.array(z.string()).default([]),
    failures: z.array(runFailureSchema).default([]),
    /** How many times it was started (1 + resumptions). */
    attempts: z.number().int().positive(),
    /** The frozen inputs. */
    snapshot: runObjectSchema.optional(),
    /** Once ready: units per grade level and the groups. */
    summary: z
      .object({
        units: z.number().int(),
        groups: z.number().int(),
        grades: z.record(z.string(), z.number().int()),
        warnings: z.number().int(),
      })
      .optional(),
    /** The previous run it is compared with by default. */
    previous: z.string().optional(),
    started: stamp,
    finishedAt: z.string().optional(),
    /** A running run's lease: past this moment, with no task renewing it, the run may be resumed. */
    leaseUntil: z.string().optional(),
    released: stamp.optional(),
    version: z.number().int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EvaluationRun' });
export type EvaluationRun = z.infer<typeof runSchema>;

/** Start a run: why (shown in the list and the audit trail). */
export const runStartSchema = z
  .object({
    reason: z.string().trim().min(1).max(500),
  })
  .strict()
  .meta({ id: 'RunStart' });
export type RunStart = z.infer<typeof runStartSchema>;

/** Release a run to the units (by its version, so two offices cannot release different runs at once). */
export const runReleaseSchema = z
  .object({
    version: z.number().int().positive(),
    note: z.string().trim().max(1000).default(''),
  })
  .strict()
  .meta({ id: 'RunRelease' });
export type RunRelease = z.infer<typeof runReleaseSchema>;

/** The cycle's released results: which run units see. Changed by one conditional update only. */
export const releasePointerSchema = z
  .object({
    cycle: z.string(),
    run: z.string(),
    number: z.number().int().positive(),
    note: z.string().default(''),
    released: stamp,
    /** Runs released before, latest last. */
    history: z.array(z.object({ run: z.string(), number: z.number().int(), at: z.string() })).default([]),
    version: z.number().int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ReleasePointer' });
export type ReleasePointer = z.infer<typeof releasePointerSchema>;

/** Points and maximum of one stage for one unit. */
export const stageResultSchema = z
  .object({ stage: z.enum(RESULT_STAGES), points: amountSchema, max: amountSchema })
  .meta({ id: 'StageResult' });
export type StageResult = z.infer<typeof stageResultSchema>;

/** What stands behind a leaf's input: where it came from, in words, and the evidence files. */
export const leafProvenanceSchema = z
  .object({
    origin: z.enum(INPUT_ORIGINS),
    detail: bilingualSchema,
    evidence: z
      .array(z.object({ id: z.string(), name: z.string(), version: z.number().int().positive() }))
      .default([]),
  })
  .meta({ id: 'LeafProvenance' });
export type LeafProvenance = z.infer<typeof leafProvenanceSchema>;

/** A meeting's adjustment as applied to a unit's total. */
export const appliedAdjustmentSchema = z.object({ points: amountSchema, reason: z.string() });

/**
 * One unit's result in a run: the engine's result (breakdown to every leaf), the stages, the
 * meeting's adjustment, and per leaf where its input came from. Holds nothing of the run itself
 * (no id, no time), so two runs over the same inputs write byte-equal results.
 */
export const unitRunResultSchema = z
  .object({
    unit: codeSchema,
    name: z.string(),
    system: z.object({ id: z.string(), version: z.number().int(), name: z.string() }),
    result: unitResultSchema,
    stages: z.array(stageResultSchema),
    adjustment: appliedAdjustmentSchema.optional(),
    provenance: z.record(z.string(), leafProvenanceSchema),
  })
  .meta({ id: 'UnitRunResult' });
export type UnitRunResult = z.infer<typeof unitRunResultSchema>;

/** A unit's line in a run's list (stored per run and unit for lists and comparisons). */
export const resultRowSchema = z
  .object({
    unit: codeSchema,
    name: z.string(),
    group: codeSchema,
    total: amountSchema,
    rank: z.number().int(),
    of: z.number().int(),
    grade: z.string(),
    gradeLabel: bilingualSchema,
    stages: z.array(stageResultSchema),
    adjustment: amountSchema.optional(),
    vetoes: z.array(z.string()),
    warnings: z.number().int(),
  })
  .meta({ id: 'ResultRow' });
export type ResultRow = z.infer<typeof resultRowSchema>;

/**
 * A run's compact digest (one S3 object): per unit its row and per leaf the shown points, the value
 * and a fingerprint of the input, so two runs compare without reading every unit's breakdown.
 */
export const digestSchema = z.object({
  units: z.record(
    z.string(),
    z.object({
      /** The system that scored the unit, as `id@version`. */
      system: z.string(),
      row: resultRowSchema,
      leaves: z.record(
        z.string(),
        z.object({
          name: z.string(),
          points: z.string(),
          value: z.union([z.number(), z.string(), z.null()]),
          input: z.string(),
        }),
      ),
    }),
  ),
});
export type RunDigest = z.infer<typeof digestSchema>;

// ─── Office determinations (年终认定) ─────────────────────────────────────────────────────────────

/**
 * What the office determines per unit at year end, beside the values: inputs a single number
 * cannot carry (a qualitative grade, incidents counted against a deduction rule, a formula's
 * arguments) or that only the office decides (an exemption 免考), bonus points awarded and veto items
 * triggered. The batch reads them as the unit's inputs; they win over any other source of a leaf.
 */
export const determinationPutSchema = z
  .object({
    version: z.number().int().positive().optional(),
    leaves: unitInputsSchema.shape.leaves.unwrap(),
    bonus: unitInputsSchema.shape.bonus.unwrap(),
    vetoes: unitInputsSchema.shape.vetoes.unwrap(),
    note: z.string().trim().max(2000).default(''),
  })
  .strict()
  .meta({ id: 'DeterminationPut' });
export type DeterminationPut = z.infer<typeof determinationPutSchema>;

export const determinationSchema = determinationPutSchema
  .omit({ version: true })
  .extend({
    cycle: z.string(),
    unit: codeSchema,
    version: z.number().int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Determination' });
export type Determination = z.infer<typeof determinationSchema>;
