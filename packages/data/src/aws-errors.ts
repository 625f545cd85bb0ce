import { AppError, errors } from '@jixiao/core';

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
  // Cognito (user accounts)
  'TooManyRequestsException',
  'LimitExceededException',
]);

export function awsErrorToAppError(e: unknown) {
  const err = e as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } } | null;
  if (!err) return undefined;
  if (RETRYABLE.has(err.name ?? '') || (err.$metadata?.httpStatusCode ?? 0) >= 500)
    return errors.serviceUnavailable();
  if (err.name === 'InvalidParameterException' || err.name === 'AliasExistsException') {
    return new AppError({
      status: 422,
      code: 'identity_rejected',
      zh: '登录账号无法按此资料开通（邮箱或手机号格式不符，或已被其他账号使用）。',
      en: 'The sign-in account could not be set up with these details (e-mail or phone invalid, or already used).',
    });
  }
  if (err.code === 'ECONNREFUSED' || err.code === 'ECONNRESET' || err.code === 'ETIMEDOUT')
    return errors.serviceUnavailable();
  return undefined;
}
