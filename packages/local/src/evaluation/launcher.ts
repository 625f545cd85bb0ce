import type { S3Client } from '@aws-sdk/client-s3';
import type { EvaluationLauncher, Logger } from '@jixiao/api';
import { type Job, jobSchema } from '@jixiao/core';
import {
  type ExecutionOutcome,
  type Fault,
  type FaultStep,
  type LocalExecution,
  startExecution,
  type TaskHandler,
} from './runner';
import { localDefinition, type SynthesizedDefinition } from './synthesize';

/**
 * The embedded stack's launcher: `start(job)` runs the synthesized state machine in this process
 * (see runner.ts) in the background and returns at once, as StartExecution does; progress is in
 * the run record. Like the cloud, an execution is named `<run>-<attempt>` and starting a name
 * again does nothing.
 */
export interface LocalEvaluation extends EvaluationLauncher {
  /** Resolves when no execution is running (tests and the CLI await it). */
  idle(): Promise<void>;
  /** Plans a test-only fault (see `Fault`); consumed by the first execution that reaches it. */
  inject(fault: Fault): void;
  /** The executions that have ended (the last hundred), oldest first. */
  readonly outcomes: readonly ExecutionOutcome[];
  /** The definition it runs (synthesized on first use). */
  definition(): Promise<SynthesizedDefinition>;
  /** Stops every running execution as a process kill would, and waits for them. */
  shutdown(): Promise<void>;
}

export interface LocalLauncherOptions {
  /** The batch function's handler (`createStepHandler(deps)` from @jixiao/api). */
  handler: TaskHandler;
  s3: S3Client;
  /** The bucket the definition's S3 states name (the local data bucket). */
  bucket: string;
  log: Logger;
  /** Retry waits in ms instead of the definition's backoff (tests). */
  retryDelayMs?: number;
}

export function localLauncher(opts: LocalLauncherOptions): LocalEvaluation {
  const running = new Map<string, LocalExecution>();
  const settled = new Set<Promise<unknown>>();
  const started = new Set<string>();
  const outcomes: ExecutionOutcome[] = [];
  const faults: Fault[] = [];
  let stopped = false;

  const takeFault = (step: FaultStep, invocation: number) => {
    const i = faults.findIndex((f) => f.step === step && invocation > (f.after ?? 0));
    return i < 0 ? undefined : faults.splice(i, 1)[0];
  };

  /** What happened before the definition could run (it could not be synthesized): recorded as a failure. */
  const recordFailure = async (job: Job, e: unknown) => {
    const err = e as { name?: string; message?: string };
    try {
      await opts.handler({
        step: 'fail',
        job: { tenant: job.tenant, cycle: job.cycle, run: job.run, attempt: job.attempt },
        error: { Error: 'LocalRunnerError', Cause: `${err?.name ?? 'Error'}: ${err?.message ?? String(e)}` },
      });
    } catch (f) {
      opts.log({
        level: 'error',
        msg: 'evaluation: recording a failure failed',
        run: job.run,
        error: String(f),
      });
    }
  };

  const run = async (job: Job, name: string) => {
    let definition: SynthesizedDefinition;
    try {
      definition = await localDefinition(opts.bucket);
    } catch (e) {
      opts.log({
        level: 'error',
        msg: 'evaluation: the state machine could not be synthesized',
        error: String(e),
      });
      await recordFailure(job, e);
      return;
    }
    if (stopped) return;
    const execution = startExecution({
      definition: definition.definition,
      input: job,
      handler: opts.handler,
      s3: opts.s3,
      name,
      takeFault,
      ...(opts.retryDelayMs === undefined ? {} : { retryDelayMs: opts.retryDelayMs }),
    });
    running.set(name, execution);
    const outcome = await execution.done;
    running.delete(name);
    outcomes.push(outcome);
    if (outcomes.length > 100) outcomes.shift(); // a long `npm start` keeps the recent ones
    opts.log({
      level: outcome.status === 'SUCCEEDED' ? 'info' : 'warn',
      msg: 'evaluation execution ended',
      execution: name,
      status: outcome.status,
      ms: outcome.ms,
      ...(outcome.error ? { error: outcome.error, cause: outcome.cause?.slice(0, 500) } : {}),
    });
  };

  return {
    async start(input) {
      const job = jobSchema.parse(input);
      const name = `${job.run}-${job.attempt}`;
      if (started.has(name) || stopped) return; // as ExecutionAlreadyExists: the same attempt runs once
      started.add(name);
      const p = run(job, name).catch((e) =>
        opts.log({ level: 'error', msg: 'evaluation execution crashed', execution: name, error: String(e) }),
      );
      settled.add(p);
      void p.finally(() => settled.delete(p));
    },
    async idle() {
      while (settled.size) await Promise.allSettled([...settled]);
    },
    inject(fault) {
      faults.push(fault);
    },
    outcomes,
    definition: () => localDefinition(opts.bucket),
    async shutdown() {
      stopped = true;
      for (const e of running.values()) e.kill();
      while (settled.size) await Promise.allSettled([...settled]);
    },
  };
}
