import { isAppError, RUN_STALE, THROTTLED } from '@jixiao/core';

/**
 * The errors a task throws, named for the state machine: its Retry matches `Throttled` (storage
 * throttling or a passing service fault: retried with backoff), everything else goes to the Catch,
 * which records the failure. The message carries Chinese and English on two lines, so the failure
 * record shows both.
 */
export class StepError extends Error {
  constructor(
    name: string,
    readonly zh: string,
    readonly en: string,
    options?: { cause?: unknown },
  ) {
    super(`${zh}\n${en}`, options);
    this.name = name;
  }
}

/** The run is not in a state to do the step (gone, not running, a later attempt took over). */
export const runStale = (zh: string, en: string) => new StepError(RUN_STALE, zh, en);

/** The run's objects are not what the step needs (a batch missing, an object gone). */
export const RUN_INCOMPLETE = 'RunIncomplete';
export const runIncomplete = (zh: string, en: string) => new StepError(RUN_INCOMPLETE, zh, en);

/** DynamoDB and S3 throttling and passing faults (after the SDK's own retries gave up). */
const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'SlowDown',
  'ServiceUnavailable',
  'InternalServerError',
  'InternalError',
  'RequestTimeout',
  'TimeoutError',
]);
const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE']);

export function isThrottling(e: unknown): boolean {
  const x = e as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } } | null;
  if (!x) return false;
  // An app error of 503 is the data layer's or the evidence lock's "retry shortly".
  if (isAppError(e)) return e.status === 503;
  const status = x.$metadata?.httpStatusCode ?? 0;
  return THROTTLING.has(x.name ?? '') || NETWORK.has(x.code ?? '') || status === 429 || status >= 500;
}

/** What a task throws for `e`: throttling as `Throttled`, app errors with both languages, else as is. */
export function toStepError(e: unknown): Error {
  if (e instanceof StepError) return e;
  if (isThrottling(e)) {
    const what = (e as { name?: string }).name ?? 'Error';
    return new StepError(
      THROTTLED,
      `存储服务繁忙（${what}），稍后自动重试。`,
      `Storage is busy (${what}); the step is retried shortly.`,
      { cause: e },
    );
  }
  if (isAppError(e)) return new StepError(e.code, e.zh, e.en, { cause: e });
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * Chinese and English of a caught error's Cause as the state machine passes it: Lambda's JSON
 * (`errorMessage`) or plain text; a step error's message has both languages on two lines.
 */
export function causeWords(cause: string | undefined, max = 300): { zh: string; en: string } {
  let text = cause ?? '';
  try {
    const parsed = JSON.parse(text) as { errorMessage?: unknown };
    if (parsed && typeof parsed.errorMessage === 'string') text = parsed.errorMessage;
  } catch {
    // plain text
  }
  const cut = (s: string) => (s.length > max ? `${s.slice(0, max)}…` : s).trim();
  const nl = text.indexOf('\n');
  if (nl < 0) return { zh: cut(text), en: cut(text) };
  return { zh: cut(text.slice(0, nl)), en: cut(text.slice(nl + 1)) };
}
