import { errors } from '@jixiao/core';

/**
 * Translates AWS failures that survive the SDK's own retries into product errors: throttling and
 * service faults become a 503 with Retry-After, never a 500 with a stack.
 */
const RETRYABLE = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'Throttling',
  'SlowDown',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
]);

export function awsErrorToAppError(e: unknown) {
  const err = e as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } } | null;
  if (!err) return undefined;
  if (RETRYABLE.has(err.name ?? '') || (err.$metadata?.httpStatusCode ?? 0) >= 500)
    return errors.serviceUnavailable();
  if (err.code === 'ECONNREFUSED' || err.code === 'ECONNRESET' || err.code === 'ETIMEDOUT')
    return errors.serviceUnavailable();
  return undefined;
}
