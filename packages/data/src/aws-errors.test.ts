import { AppError } from '@jixiao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awsErrorToAppError } from './aws-errors';

const awsError = (name: string, httpStatusCode?: number) =>
  Object.assign(new Error(name), { name, $metadata: httpStatusCode === undefined ? {} : { httpStatusCode } });

function expect503(r: AppError | undefined) {
  expect(r).toBeInstanceOf(AppError);
  expect(r?.status).toBe(503);
  expect(r?.code).toBe('service_unavailable');
  expect(r?.retryAfterSeconds).toBeGreaterThan(0);
}

describe('awsErrorToAppError', () => {
  it.each([
    'ProvisionedThroughputExceededException',
    'ThrottlingException',
    'RequestLimitExceeded',
    'Throttling',
    'SlowDown',
    'InternalServerError',
    'ServiceUnavailable',
    'TimeoutError',
  ])('maps %s to a retryable 503', (name) => {
    expect503(awsErrorToAppError(awsError(name, 400)));
    expect503(awsErrorToAppError({ name }));
  });

  it.each([500, 502, 503, 504, 599])('maps any %i service fault to 503', (status) => {
    expect503(awsErrorToAppError(awsError('SomethingNew', status)));
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'])('maps the network failure %s to 503', (code) => {
    expect503(awsErrorToAppError(Object.assign(new Error('socket'), { code })));
  });

  it.each([
    ['ConditionalCheckFailedException', 400],
    ['ValidationException', 400],
    ['ResourceNotFoundException', 400],
    ['AccessDeniedException', 403],
    ['NoSuchKey', 404],
    ['TransactionCanceledException', 400],
  ])('leaves the client error %s (%i) to the caller', (name, status) => {
    expect(awsErrorToAppError(awsError(name, status))).toBeUndefined();
  });

  it('is undefined for nothing and for non-AWS values', () => {
    for (const v of [null, undefined, 0, '', 'boom', 42, {}, [], new Error('plain'), new TypeError('x')])
      expect(awsErrorToAppError(v)).toBeUndefined();
  });

  it('property: never throws, and returns either undefined or a 503', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            name: fc.oneof(fc.string(), fc.constantFrom('Throttling', 'SlowDown')),
            code: fc.oneof(fc.string(), fc.constant('ECONNRESET')),
            $metadata: fc.record(
              { httpStatusCode: fc.integer({ min: 100, max: 599 }) },
              { requiredKeys: [] },
            ),
          }),
        ),
        (v) => {
          const r = awsErrorToAppError(v);
          if (r !== undefined) expect503(r);
        },
      ),
    );
  });
});
