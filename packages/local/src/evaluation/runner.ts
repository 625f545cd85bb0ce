import { setMaxListeners } from 'node:events';
import type { S3Client } from '@aws-sdk/client-s3';
import type { STEP_EVENT_STEPS } from '@jixiao/core';
import { type RunOptions, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import {
  type DistributedMapState,
  namedError,
  runDistributedMap,
  swapDistributedMaps,
} from './distributed-map';

// aws-local-stepfunctions 3 awaits Promise.withResolvers in every Task; Node 20 lacks it.
if (!(Promise as { withResolvers?: unknown }).withResolvers) {
  Object.assign(Promise, {
    withResolvers<T>() {
      let resolve!: (v: T | PromiseLike<T>) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

/** What every Task of the definition invokes: the batch function's handler, in-process. */
export type TaskHandler = (event: unknown) => Promise<unknown>;

/** The steps a Task invokes the handler with (`event.step`), where a fault may be injected. */
export type FaultStep = (typeof STEP_EVENT_STEPS)[number];

/**
 * A test-only fault, consumed by the first execution that reaches its step:
 * - `kill`: the execution stops there as if its process died: no Catch, nothing more runs, the
 *   run keeps its lease (in-flight tasks finish; no task starts after);
 * - `throw`: the handler does its work, then the invocation fails with `InjectedFault` (as when
 *   Lambda times out or loses the answer after the writes), which no Retry matches: the Catch
 *   records it, and a resumption finds the work done;
 * - `throw-before`: the invocation fails the same way before the handler runs (as when Lambda
 *   stays throttled past the retries, or the function cannot start).
 * `after` lets that many invocations of the step through first (e.g. score or report batches).
 */
export interface Fault {
  step: FaultStep;
  kind: 'kill' | 'throw' | 'throw-before';
  after?: number;
}

export type ExecutionStatus = 'SUCCEEDED' | 'FAILED' | 'KILLED';

export interface ExecutionOutcome {
  name: string;
  status: ExecutionStatus;
  output?: unknown;
  error?: string;
  cause?: string;
  /** Invocations of the handler per step. */
  invocations: Record<string, number>;
  ms: number;
}

export interface ExecutionOptions {
  /** The synthesized definition (Distributed Map included: it is swapped here). */
  definition: StateMachineDefinition;
  /** The execution's input (the job). */
  input: unknown;
  handler: TaskHandler;
  s3: S3Client;
  /** The execution's name (`<run>-<attempt>`, as in the cloud). */
  name: string;
  /** Takes the fault planned for a step's n-th invocation, if any (the launcher's list). */
  takeFault?: (step: FaultStep, invocation: number) => Fault | undefined;
  /** Milliseconds to wait before each retry instead of the definition's backoff (tests). */
  retryDelayMs?: number;
}

export interface LocalExecution {
  name: string;
  /** Settles when the execution has ended and no task of it is still running. Never rejects. */
  done: Promise<ExecutionOutcome>;
  /** Stops it as a process kill would (see `Fault`). */
  kill(): void;
}

type Definition = { States: Record<string, { Type: string; Resource?: unknown; Retry?: unknown[] }> };
type LocalHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;

const isLambda = (resource: unknown) => typeof resource === 'string' && /:lambda:/.test(resource);

/** The Task states that invoke Lambda, each bound to `fn`. */
const lambdaTasks = (def: Definition, fn: TaskHandler): LocalHandlers =>
  Object.fromEntries(
    Object.entries(def.States)
      .filter(([, s]) => s.Type === 'Task' && isLambda(s.Resource))
      .map(([name]) => [name, fn]),
  ) as unknown as LocalHandlers;

/** Every Retry of the definition's states waits `ms` instead of its backoff (tests only). */
const retryOverrides = (def: Definition, ms: number) =>
  Object.fromEntries(
    Object.entries(def.States)
      .filter(([, s]) => s.Retry)
      .map(([name]) => [name, ms]),
  );

const killedError = (where: string) => namedError('ExecutionKilled', `the execution was stopped ${where}`);

/**
 * Runs one execution of the state machine in this process: every Lambda Task bound to `handler`,
 * each Distributed Map run by the stand-in (its batches as child executions of the item
 * processor). A handler's error reaches the state machine as Lambda reports a function error.
 */
export function startExecution(opts: ExecutionOptions): LocalExecution {
  const started = performance.now();
  const { definition, top, maps } = prepare(opts.definition);
  const controller = new AbortController();
  // One abort listener per child execution running (MaxConcurrency of them) and the top one.
  setMaxListeners(1000, controller.signal);
  const inFlight = new Set<Promise<unknown>>();
  const invocations: Record<string, number> = {};
  let killed = false;

  const kill = () => {
    if (killed) return;
    killed = true;
    controller.abort();
  };

  const invoke: TaskHandler = async (event) => {
    const step = ((event as { step?: string } | null)?.step ?? 'unknown') as FaultStep;
    if (killed) throw killedError(`before ${step}`);
    const n = (invocations[step] ?? 0) + 1;
    invocations[step] = n;
    const fault = opts.takeFault?.(step, n);
    if (fault?.kind === 'kill') {
      kill();
      throw killedError(`at ${step}`);
    }
    const injected = () =>
      lambdaError(namedError('InjectedFault', `注入的故障（${step}）\nInjected fault (${step})`));
    if (fault?.kind === 'throw-before') throw injected();
    const call = opts.handler(event);
    inFlight.add(call);
    try {
      const output = await call;
      if (fault?.kind === 'throw') throw injected();
      return output;
    } catch (e) {
      throw e instanceof Error && e.name === 'InjectedFault' ? e : lambdaError(e);
    } finally {
      inFlight.delete(call);
    }
  };

  const optionsFor = (def: Definition, extra: LocalHandlers = {}): RunOptions => ({
    overrides: {
      taskResourceLocalHandlers: { ...lambdaTasks(def, invoke), ...extra },
      ...(opts.retryDelayMs === undefined
        ? {}
        : { retryIntervalOverrides: retryOverrides(def, opts.retryDelayMs) }),
    },
    noThrowOnAbort: true,
  });

  /** One execution of `def`, stopped with this one; rejects with the error that ended it. */
  const execute = async (machine: StateMachine, input: unknown, options: RunOptions) => {
    if (killed) throw killedError('before it started');
    const execution = machine.run(input as never, options);
    const stop = () => execution.abort();
    controller.signal.addEventListener('abort', stop, { once: true });
    try {
      const output = await execution.result;
      if (killed) throw killedError('while it ran');
      return output;
    } catch (e) {
      // The error that ended it (a Fail state's, or an uncaught task error), as Step Functions names it.
      const cause = (e as { cause?: { name?: string; message?: string } }).cause;
      throw cause ? namedError(cause.name ?? 'States.Runtime', cause.message ?? '') : e;
    } finally {
      controller.signal.removeEventListener('abort', stop);
    }
  };

  const mapHandlers: LocalHandlers = {};
  for (const [name, { state, processor, machine }] of Object.entries(maps)) {
    const childOptions = optionsFor(processor as Definition);
    mapHandlers[name] = ((input: unknown) =>
      runDistributedMap(state, input, {
        s3: opts.s3,
        runName: opts.name,
        signal: controller.signal,
        runChild: (child) => execute(machine, child.input, childOptions),
      })) as never;
  }

  const outcome = (status: ExecutionStatus, extra: Partial<ExecutionOutcome> = {}): ExecutionOutcome => ({
    name: opts.name,
    status,
    invocations: { ...invocations },
    ms: Math.round(performance.now() - started),
    ...extra,
  });
  const done = execute(top, opts.input, optionsFor(definition as Definition, mapHandlers))
    .then(
      (output) => outcome('SUCCEEDED', { output }),
      (e: { name?: string; message?: string }) =>
        killed
          ? outcome('KILLED')
          : outcome('FAILED', { error: e?.name ?? 'Error', cause: e?.message ?? String(e) }),
    )
    .then(async (o) => {
      // A killed execution's tasks already running finish (a real kill would cut them anywhere;
      // every step is idempotent either way); nothing is reported before they have.
      while (inFlight.size) await Promise.allSettled([...inFlight]);
      return o;
    });
  return { name: opts.name, done, kill };
}

/** Resources are local ARNs and functions; the definition is CDK's, already validated there. */
const LIBRARY_OPTIONS = { validationOptions: { checkArn: false } } as const;

interface Prepared {
  definition: StateMachineDefinition;
  top: StateMachine;
  maps: Record<
    string,
    { state: DistributedMapState; processor: StateMachineDefinition; machine: StateMachine }
  >;
}
const prepared = new WeakMap<StateMachineDefinition, Prepared>();

/**
 * The definition with its Distributed Maps swapped, as the library's machines: made once per
 * definition (the library validates a definition when it is built, about half a second).
 */
function prepare(original: StateMachineDefinition): Prepared {
  let p = prepared.get(original);
  if (!p) {
    const { definition, maps } = swapDistributedMaps(original);
    p = {
      definition,
      top: new StateMachine(definition, LIBRARY_OPTIONS),
      maps: Object.fromEntries(
        Object.entries(maps).map(([name, state]) => {
          const { ProcessorConfig: _config, ...processor } = state.ItemProcessor;
          const def = processor as StateMachineDefinition;
          return [name, { state, processor: def, machine: new StateMachine(def, LIBRARY_OPTIONS) }];
        }),
      ),
    };
    prepared.set(original, p);
  }
  return p;
}

/**
 * A handler's error as Lambda reports a function error to Step Functions: the error's name, and
 * a cause holding `{ errorType, errorMessage }` as JSON.
 */
export function lambdaError(e: unknown): Error {
  const err = e instanceof Error ? e : new Error(String(e));
  return namedError(err.name, JSON.stringify({ errorType: err.name, errorMessage: err.message }));
}
