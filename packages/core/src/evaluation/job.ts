import { z } from 'zod';
import { RUN_STEPS } from './model';

/**
 * What passes between the states of the year-end state machine: ids and S3 pointers only (Step
 * Functions caps a payload at 256 KiB; a city's inputs are megabytes). The execution's input is a
 * job; every task answers the job, the peer step with the pointer the Distributed Map reads.
 */
export const s3PointerSchema = z.object({ bucket: z.string(), key: z.string() }).strict();
export type S3Pointer = z.infer<typeof s3PointerSchema>;

export const jobSchema = z
  .object({
    tenant: z.string().regex(/^\d{6}$/),
    cycle: z.string(),
    run: z.string(),
    /** The attempt (1 + resumptions); part of the execution's name in the cloud. */
    attempt: z.number().int().positive(),
    /** The Map's items (the units to score, one JSON array), written by the peer step. */
    items: s3PointerSchema.optional(),
  })
  .strict();
export type Job = z.infer<typeof jobSchema>;

/** The steps run per batch of units (the item processors of the two Distributed Maps). */
export const BATCH_STEPS = ['score', 'report'] as const;
export type BatchStep = (typeof BATCH_STEPS)[number];

/** The one Lambda function's event: which step, the job, and for `score` and `report` the batch of units. */
export const STEP_EVENT_STEPS = [...RUN_STEPS, 'fail'] as const;
export const stepEventSchema = z.discriminatedUnion('step', [
  z.object({ step: z.enum(['freeze', 'peers', 'rank', 'write', 'ready']), job: jobSchema }).strict(),
  z
    .object({
      step: z.enum(BATCH_STEPS),
      job: jobSchema,
      /** The Distributed Map's batch: unit codes. */
      units: z.array(z.string()).min(1),
    })
    .strict(),
  z
    .object({
      step: z.literal('fail'),
      job: jobSchema,
      /** What the Catch caught (`Error`, `Cause`), and the state that failed. */
      error: z.object({ Error: z.string(), Cause: z.string().optional() }).passthrough(),
    })
    .strict(),
]);
export type StepEvent = z.infer<typeof stepEventSchema>;

/** The error a task throws when storage throttles it: the state machine retries it with backoff. */
export const THROTTLED = 'Throttled';
/** The error a task throws when the run is not in a state to do the step (never retried). */
export const RUN_STALE = 'RunStale';
