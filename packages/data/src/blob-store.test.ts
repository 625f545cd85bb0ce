import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutObjectRetentionCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { BlobStore } from './blob-store';

/** The blob store's S3 calls, against a mocked client (faults S3 really answers with). */
const s3 = new S3Client({ region: 'cn-north-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const mock = mockClient(s3);
const blobs = new BlobStore(s3, 'jixiao-data');
const fast = { attempts: 3, baseDelayMs: 1 };
const fault = (name: string, status: number) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

beforeEach(() => mock.reset());

describe('Object Lock retention', () => {
  it('sets COMPLIANCE retention on the version, under the tenant prefix', async () => {
    mock.on(PutObjectRetentionCommand).resolves({});
    const until = new Date('2036-01-20T00:00:00Z');
    await blobs.setRetention('230100', ['evidence', 'cy1', 'office', 'ev1', 'up1'], 'v-123', until, fast);
    expect(mock.commandCalls(PutObjectRetentionCommand)[0]!.args[0].input).toEqual({
      Bucket: 'jixiao-data',
      Key: 'tenants/230100/evidence/cy1/office/ev1/up1',
      VersionId: 'v-123',
      Retention: { Mode: 'COMPLIANCE', RetainUntilDate: until },
    });
  });

  it('retries throttling (SlowDown, 503) with backoff, then succeeds', async () => {
    mock
      .on(PutObjectRetentionCommand)
      .rejectsOnce(fault('SlowDown', 503))
      .rejectsOnce(fault('ThrottlingException', 400))
      .resolves({});
    await blobs.setRetention('230100', ['a'], 'v', new Date(), fast);
    expect(mock.commandCalls(PutObjectRetentionCommand)).toHaveLength(3);
  });

  it('reports a throttle that outlasts the retries, and never retries a refusal', async () => {
    mock.on(PutObjectRetentionCommand).rejects(fault('SlowDown', 503));
    await expect(blobs.setRetention('230100', ['a'], 'v', new Date(), fast)).rejects.toMatchObject({
      name: 'SlowDown',
    });
    expect(mock.commandCalls(PutObjectRetentionCommand)).toHaveLength(3);
    mock.reset();
    mock.on(PutObjectRetentionCommand).rejects(fault('AccessDenied', 403));
    await expect(blobs.setRetention('230100', ['a'], 'v', new Date(), fast)).rejects.toMatchObject({
      name: 'AccessDenied',
    });
    expect(mock.commandCalls(PutObjectRetentionCommand)).toHaveLength(1);
  });
});

describe('reading and removing objects', () => {
  const body = (bytes: Uint8Array, chunk = 7) =>
    Readable.from(
      Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) =>
        bytes.subarray(i * chunk, (i + 1) * chunk),
      ),
    );

  it('hashes the whole object in one pass and keeps its first and last bytes', async () => {
    const bytes = new Uint8Array(1000).map((_, i) => i % 251);
    mock.on(GetObjectCommand).resolves({ Body: body(bytes), ContentLength: 1000, VersionId: 'v9' } as never);
    const o = await blobs.inspect('230100', ['x'], {
      maxBytes: 1000,
      versionId: 'v9',
      headBytes: 16,
      tailBytes: 32,
    });
    expect(o).toMatchObject({ size: 1000, oversize: false, versionId: 'v9' });
    expect(o!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect([...o!.head]).toEqual([...bytes.subarray(0, 16)]);
    expect([...o!.tail]).toEqual([...bytes.subarray(968)]);
    expect(mock.commandCalls(GetObjectCommand)[0]!.args[0].input.VersionId).toBe('v9');
  });

  it('stops reading at the limit: an oversize object is never hashed whole', async () => {
    const bytes = new Uint8Array(500);
    mock.on(GetObjectCommand).resolves({ Body: body(bytes) } as never);
    const o = await blobs.inspect('230100', ['x'], { maxBytes: 100 });
    expect(o).toMatchObject({ oversize: true, sha256: '' });
    expect(o!.size).toBeLessThan(120);
  });

  it('removes every version of a refused object in a versioned bucket', async () => {
    mock.on(DeleteObjectCommand).resolves({});
    mock.on(ListObjectVersionsCommand).resolves({
      Versions: [
        { Key: 'tenants/230100/a/b', VersionId: 'v1' },
        { Key: 'tenants/230100/a/bc', VersionId: 'other-key' },
      ],
      DeleteMarkers: [{ Key: 'tenants/230100/a/b', VersionId: 'm1' }],
    });
    await blobs.deleteAllVersions('230100', ['a', 'b']);
    expect(mock.commandCalls(DeleteObjectCommand).map((c) => c.args[0].input.VersionId)).toEqual([
      undefined,
      'v1',
      'm1',
    ]);
  });
});

describe('a missing object, as a session that may list its own prefix only sees it', () => {
  // S3 answers 403, not 404, for a missing key to a caller without an unconditioned ListBucket.
  const denied = () => fault('AccessDenied', 403);
  const key = 'tenants/230100/reports/r1.pdf';

  it('is missing when listing its own key finds nothing (get, head, a version)', async () => {
    mock.on(GetObjectCommand).rejects(denied());
    mock.on(HeadObjectCommand).rejects(fault('Forbidden', 403));
    mock.on(ListObjectsV2Command).resolves({ Contents: [{ Key: `${key}.bak` }] });
    mock.on(ListObjectVersionsCommand).resolves({ Versions: [{ Key: key, VersionId: 'v1' }] });
    expect(await blobs.get('230100', ['reports', 'r1.pdf'])).toBeUndefined();
    expect(await blobs.head('230100', ['reports', 'r1.pdf'])).toBeUndefined();
    expect(
      await blobs.inspect('230100', ['reports', 'r1.pdf'], { maxBytes: 10, versionId: 'v2' }),
    ).toBeUndefined();
    expect(mock.commandCalls(ListObjectsV2Command)[0]!.args[0].input).toEqual({
      Bucket: 'jixiao-data',
      Prefix: key,
      MaxKeys: 1,
    });
  });

  it('is a real refusal when the key (or the version) is there, or listing is refused too', async () => {
    mock.on(GetObjectCommand).rejects(denied());
    mock.on(ListObjectsV2Command).resolves({ Contents: [{ Key: key }] });
    mock.on(ListObjectVersionsCommand).resolves({ Versions: [{ Key: key, VersionId: 'v1' }] });
    await expect(blobs.get('230100', ['reports', 'r1.pdf'])).rejects.toThrow('AccessDenied');
    await expect(
      blobs.inspect('230100', ['reports', 'r1.pdf'], { maxBytes: 10, versionId: 'v1' }),
    ).rejects.toThrow('AccessDenied');
    mock.on(ListObjectsV2Command).rejects(denied());
    await expect(blobs.get('230100', ['reports', 'r1.pdf'])).rejects.toThrow('AccessDenied');
  });
});
