import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { Job } from '@jixiao/core';
import type { Context } from 'aws-lambda';
import type { Logger as AppLogger, RequestMetrics } from '../deps';
import { requestIdOf } from '../http/request-log';
import { powertoolsLog } from './log';
import { METRICS, requestMetrics } from './metrics';

/**
 * One cloud function's logger, metrics and (where X-Ray exists) tracer, made once per container.
 * Service name, namespace, log level and sampling come from the POWERTOOLS_* environment the stack
 * sets on every function (infra/lambda/bundling.ts); `fn` is the function's name in the app (`api`,
 * `console`, …), a metric dimension and a key of every log line.
 */
export interface Observability {
  readonly fn: string;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly tracer?: Tracer;
  /** The app's `log`, written by the Powertools Logger. */
  readonly log: AppLogger;
  /** The app's per-request metrics hook (`AppDeps.metrics`). */
  readonly requests: RequestMetrics;
  /** Wraps an AWS SDK client so its calls are traced (identity without a tracer). */
  readonly captureClient: <T>(client: T) => T;
}

export function createObservability(fn: string, tracer?: Tracer): Observability {
  const logger = new Logger({ persistentKeys: { function: fn } });
  const dimensions = { function: fn };
  const metrics = new Metrics({ defaultDimensions: dimensions });
  return {
    fn,
    logger,
    metrics,
    tracer,
    log: powertoolsLog(logger),
    requests: requestMetrics(() => new Metrics({ defaultDimensions: dimensions })),
    captureClient: tracer ? (client) => tracer.captureAWSv3Client(client) : (client) => client,
  };
}

/**
 * Around every invocation: the Lambda context and the correlation keys on each log line, a new
 * sampling decision, the cold-start metric (first invocation only), a traced subsegment where a
 * tracer is, and the invocation's stored metrics flushed at its end whatever happened.
 */
async function invocation<R>(
  obs: Observability,
  context: Context,
  keys: Record<string, string | undefined>,
  run: () => Promise<R>,
): Promise<R> {
  const { logger, metrics, tracer } = obs;
  logger.refreshSampleRateCalculation();
  logger.addContext(context);
  logger.appendKeys(Object.fromEntries(Object.entries(keys).filter(([, v]) => v !== undefined)));
  metrics.captureColdStartMetric(obs.fn);
  const segment = tracer?.isTracingEnabled() ? tracer.getSegment() : undefined;
  const sub = segment?.addNewSubsegment(`## ${obs.fn}`);
  if (tracer && segment && sub) {
    tracer.setSegment(sub);
    tracer.annotateColdStart();
    tracer.addServiceNameAnnotation();
  }
  try {
    return await run();
  } catch (e) {
    if (sub && e instanceof Error) tracer?.addErrorAsMetadata(e);
    throw e;
  } finally {
    if (tracer && segment && sub) {
      sub.close();
      tracer.setSegment(segment);
    }
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    logger.resetKeys();
  }
}

/** What an HTTP function reads of its API Gateway event (payload 1.0 or 2.0). */
export interface HttpEvent {
  headers?: Record<string, string | undefined> | null;
  requestContext?: { requestId?: string };
}

/**
 * An HTTP function's handler (Hono's `handle(app)`), observed. The request id is settled here, by
 * the one rule of `requestLog` (the caller's `x-request-id` when sane, else a new one), and handed
 * to the app in that header, so every log line of the invocation carries the same `requestId` as
 * the app's request line, beside API Gateway's own request id.
 */
export function observeHttp<E, R>(
  obs: Observability,
  handler: (event: E, context: Context) => Promise<R>,
): (event: E, context: Context) => Promise<R> {
  return (event, context) => {
    const http = event as HttpEvent;
    const requestId = requestIdOf(http.headers?.['x-request-id'] ?? undefined);
    const observed = { ...http, headers: { ...http.headers, 'x-request-id': requestId } } as E;
    return invocation(obs, context, { requestId, apiGatewayRequestId: http.requestContext?.requestId }, () =>
      handler(observed, context),
    );
  };
}

/**
 * What the metrics read of a step's event. Not its schema (the handler validates the event): that
 * would put the batch's schemas into every HTTP function's bundle.
 */
interface StepSeen {
  step: string;
  job: Pick<Job, 'tenant' | 'cycle' | 'run'>;
  units?: unknown[];
}

function stepOf(raw: unknown): StepSeen | undefined {
  const e = raw as Partial<StepSeen> | null;
  return typeof e?.step === 'string' && typeof e.job === 'object' && e.job
    ? { step: e.step, job: e.job, ...(Array.isArray(e.units) ? { units: e.units } : {}) }
    : undefined;
}

/** Reads a run's start and end, for the run-duration metric. */
export interface RunClock {
  get(
    tenant: string,
    cycle: string,
    run: string,
  ): Promise<{ started: { at: string }; finishedAt?: string } | undefined>;
}

/**
 * The year-end batch's handler, observed: per step its latency and errors; units scored (score);
 * the run's duration once it is ready (from its record: start to finish, resumptions included); a
 * failed run (the Catch's RecordFailure step). Each log line carries the step, tenant, cycle and run.
 */
export function observeSteps(
  obs: Observability,
  handler: (event: unknown) => Promise<Job>,
  runs: RunClock,
): (event: unknown, context: Context) => Promise<Job> {
  return (raw, context) => {
    const event = stepOf(raw);
    const { metrics } = obs;
    return invocation(
      obs,
      context,
      {
        step: event?.step,
        tenant: event?.job.tenant,
        cycle: event?.job.cycle,
        run: event?.job.run,
      },
      async () => {
        const started = performance.now();
        if (event) metrics.addMetadata('step', event.step);
        try {
          const job = await handler(raw);
          if (event?.step === 'score' && event.units)
            metrics.addMetric(METRICS.unitsScored, MetricUnit.Count, event.units.length);
          if (event?.step === 'fail') metrics.addMetric(METRICS.runsFailed, MetricUnit.Count, 1);
          if (event?.step === 'ready') {
            const run = await runs.get(job.tenant, job.cycle, job.run);
            if (run?.finishedAt)
              metrics.addMetric(
                METRICS.runDuration,
                MetricUnit.Seconds,
                (Date.parse(run.finishedAt) - Date.parse(run.started.at)) / 1000,
              );
          }
          metrics.addMetric(METRICS.stepErrors, MetricUnit.Count, 0);
          return job;
        } catch (e) {
          metrics.addMetric(METRICS.stepErrors, MetricUnit.Count, 1);
          throw e;
        } finally {
          metrics.addMetric(METRICS.stepLatency, MetricUnit.Milliseconds, performance.now() - started);
        }
      },
    );
  };
}
