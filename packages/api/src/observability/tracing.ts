import type { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * The Powertools Tracer, only where X-Ray exists: the stack sets POWERTOOLS_TRACE_ENABLED=true with
 * active tracing outside the China partition (infra/lambda/node-function.ts). Loaded only then: it
 * brings aws-xray-sdk-core (about 120 KiB minified), whose start-up a China function never pays.
 * Imported by the heavier functions only; the JSON API function leaves it out to stay within its
 * bundle budget (Lambda's active tracing still records its invocations).
 */
export async function loadTracer(
  env: Record<string, string | undefined> = process.env,
): Promise<Tracer | undefined> {
  if (env.POWERTOOLS_TRACE_ENABLED !== 'true') return undefined;
  const { Tracer } = await import('@aws-lambda-powertools/tracer');
  return new Tracer();
}
