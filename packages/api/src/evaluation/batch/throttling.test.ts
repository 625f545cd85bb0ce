import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { errors, evidenceErrors, THROTTLED } from '@jixiao/core';
import { createDataLayer } from '@jixiao/data';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createStepHandler } from './handler';
import { causeWords, isThrottling, toStepError } from './step-errors';
import { CYCLE, memoryDeps, startRun, TENANT } from './testing';

/**
 * Storage that throttles after the SDK's own retries (DynamoDB's ProvisionedThroughputExceeded, S3's
 * SlowDown) surfaces as `Throttled`, the error the state machine retries with backoff; a refusal
 * (access denied) does not, so it is never retried.
 */

const cfg = {
  region: 'cn-north-1',
  tableName: 'jixiao-test',
  bucketName: 'jixiao-test',
  cursorSecret: 'x'.repeat(32),
  localCredentials: true,
};
const s3 = new S3Client({ region: 'cn-north-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const dynamo = new DynamoDBClient({
  region: 'cn-north-1',
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
});
const s3Mock = mockClient(s3);
// The document client shares the DynamoDB client's middleware, so its class is what to mock.
const docMock = mockClient(DynamoDBDocumentClient);
const data = createDataLayer(cfg, () => new Date('2026-01-10T02:00:00Z'), { dynamo, s3 });
const handler = createStepHandler({ data, now: () => new Date('2026-01-10T02:00:00Z'), log: () => {} });
const job = { tenant: TENANT, cycle: CYCLE, run: 'rnaaaaaaaaaaaa', attempt: 1 };

const fault = (name: string, status: number) =>
  Object.assign(new Error(`${name} from the service`), { name, $metadata: { httpStatusCode: status } });

const runItem = {
  id: job.run,
  cycle: CYCLE,
  number: 1,
  kind: 'trial',
  trigger: 'office',
  reason: '',
  appeals: [],
  status: 'running',
  step: 'freeze',
  done: ['freeze'],
  scored: 0,
  total: 30,
  batches: [],
  reported: 0,
  reportBatches: [],
  failures: [],
  attempts: 1,
  snapshot: { key: `evaluations/${CYCLE}/${job.run}/snapshot.json`, bytes: 2, sha256: 'x' },
  started: { by: 'hrb-admin', at: '2026-01-10T02:00:00Z' },
  version: 2,
  createdAt: '2026-01-10T02:00:00Z',
  updatedAt: '2026-01-10T02:00:00Z',
};

beforeEach(() => {
  s3Mock.reset();
  docMock.reset();
});
afterAll(() => {
  s3Mock.restore();
  docMock.restore();
});

describe('throttling surfaces as Throttled', () => {
  it('DynamoDB ProvisionedThroughputExceededException', async () => {
    docMock.onAnyCommand().rejects(fault('ProvisionedThroughputExceededException', 400));
    const err = await handler({ step: 'freeze', job }).catch((e) => e);
    expect(err).toMatchObject({ name: THROTTLED });
    expect(err.message).toBe(
      '存储服务繁忙（ProvisionedThroughputExceededException），稍后自动重试。\nStorage is busy (ProvisionedThroughputExceededException); the step is retried shortly.',
    );
    expect(err.cause).toMatchObject({ name: 'ProvisionedThroughputExceededException' });
  });

  it('S3 SlowDown while reading the snapshot', async () => {
    docMock.on(GetCommand).resolves({ Item: runItem });
    docMock.on(PutCommand).resolves({});
    docMock.on(UpdateCommand).resolves({ Attributes: { ...runItem, step: 'peers', version: 3 } });
    s3Mock.on(GetObjectCommand).rejects(fault('SlowDown', 503));
    await expect(handler({ step: 'peers', job })).rejects.toMatchObject({ name: THROTTLED });
    expect(s3Mock.commandCalls(GetObjectCommand)[0]!.args[0].input.Key).toBe(
      `tenants/${TENANT}/evaluations/${CYCLE}/${job.run}/snapshot.json`,
    );
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('a refusal is not throttling: it goes to the Catch as it is', async () => {
    docMock.on(GetCommand).resolves({ Item: runItem });
    docMock.on(PutCommand).resolves({});
    docMock.on(UpdateCommand).resolves({ Attributes: { ...runItem, step: 'peers', version: 3 } });
    s3Mock.on(GetObjectCommand).rejects(fault('AccessDenied', 403));
    await expect(handler({ step: 'peers', job })).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('an evidence lock whose retention could not be set yet (503) is retried too', async () => {
    const m = memoryDeps();
    m.deps.cycle.lockEvidence = async () => {
      throw evidenceErrors.retentionFailed(2);
    };
    const { job: official } = startRun(m.runs, 'rnbbbbbbbbbbbb', { kind: 'official' });
    await expect(m.handle({ step: 'freeze', job: official })).rejects.toMatchObject({ name: THROTTLED });
    expect(m.logs.at(-1)).toMatchObject({ level: 'warn', error: THROTTLED });
  });
});

describe('step errors', () => {
  it('tells throttling and passing faults from refusals', () => {
    expect(isThrottling(fault('ThrottlingException', 400))).toBe(true);
    expect(isThrottling(fault('SlowDown', 503))).toBe(true);
    expect(isThrottling(fault('Whatever', 500))).toBe(true);
    expect(isThrottling(fault('TooManyRequests', 429))).toBe(true);
    expect(isThrottling(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isThrottling(fault('ConditionalCheckFailedException', 400))).toBe(false);
    expect(isThrottling(fault('NoSuchBucket', 404))).toBe(false);
    expect(isThrottling(new TypeError('bug'))).toBe(false);
  });

  it('keeps both languages of an app error, and passes other errors on as they are', () => {
    expect(toStepError(evidenceErrors.retentionFailed(1)).name).toBe(THROTTLED);
    const missing = errors.notFound('考核周期', 'Cycle');
    const e = toStepError(missing);
    expect(e).toMatchObject({ name: missing.code, message: `${missing.zh}\n${missing.en}`, cause: missing });
    const bug = new TypeError('bug');
    expect(toStepError(bug)).toBe(bug);
  });

  it('reads a cause from Lambda JSON, plain text or our two-line message', () => {
    expect(causeWords(JSON.stringify({ errorMessage: '中文\nEnglish' }))).toEqual({
      zh: '中文',
      en: 'English',
    });
    expect(causeWords('plain')).toEqual({ zh: 'plain', en: 'plain' });
    expect(causeWords(undefined)).toEqual({ zh: '', en: '' });
    expect(causeWords('{not json')).toEqual({ zh: '{not json', en: '{not json' });
  });
});
