import type { S3Client } from '@aws-sdk/client-s3';
import type { PresignedPost } from '@aws-sdk/s3-presigned-post';
import { AppError } from '@jixiao/core';
import { keys } from './keys';
import { lazy } from './lazy';

/**
 * The S3 SDK modules, loaded on first use: most requests never touch the bucket, and on Lambda
 * these are among the slowest modules to load at a cold start. `@aws-sdk/s3-presigned-post` is
 * loaded only to presign an upload (a runtime's built-in SDK might lack it).
 */
const s3Sdk = () => import('@aws-sdk/client-s3');
const presignedPostSdk = () => import('@aws-sdk/s3-presigned-post');

/** An S3 client, or how to make one when first needed. */
export type S3ClientSource = S3Client | (() => Promise<S3Client>);

/**
 * A tenant-scoped view of the bucket: callers name a tenant and a path; the object key is always
 * `tenants/<tenant>/<path>`, so no call can reach another tenant's objects. Uploads go through a
 * presigned POST with a size range and a fixed content type, and count only once `confirmUpload`
 * has checked the stored object (s3rver checks no POST policy, so this check is the real guard).
 */
export interface StoredObject {
  path: string;
  size: number;
  contentType?: string;
  lastModified?: string;
  /** The S3 version (a versioned bucket); absent on s3rver, which keeps no versions. */
  versionId?: string;
}

export interface UploadRules {
  contentType: string;
  maxBytes: number;
  /** Smallest accepted size (default 1): equal to `maxBytes` fixes the size exactly. */
  minBytes?: number;
}

/** What one read of an object found: its size, SHA-256, first and last bytes (for sniffing). */
export interface InspectedObject {
  size: number;
  /** More bytes than the limit given: reading stopped there, so `sha256` is empty. */
  oversize: boolean;
  sha256: string;
  head: Uint8Array;
  tail: Uint8Array;
  contentType?: string;
  versionId?: string;
}

export interface DownloadLinkInput {
  versionId?: string;
  contentType: string;
  contentDisposition: string;
  expiresSeconds: number;
  now: Date;
}

/** How hard a retention call is retried when S3 throttles, before the failure is reported. */
export interface RetryPolicy {
  attempts: number;
  /** Wait before retry n (1-based): base · 2^(n-1) ms. */
  baseDelayMs: number;
}

const RETRYABLE = new Set([
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'TooManyRequests',
  'TooManyRequestsException',
  'RequestTimeout',
  'RequestTimeTooSkewed',
  'InternalError',
  'ServiceUnavailable',
]);
const isRetryable = (e: unknown) => {
  const x = e as { name?: string; $metadata?: { httpStatusCode?: number }; $retryable?: unknown };
  const status = x.$metadata?.httpStatusCode ?? 0;
  return RETRYABLE.has(x.name ?? '') || status === 429 || status >= 500 || !!x.$retryable;
};

const uploadRejected = (zh: string, en: string) =>
  new AppError({ status: 422, code: 'upload_rejected', zh, en });

export class BlobStore {
  private readonly s3: () => Promise<S3Client>;

  constructor(
    s3Source: S3ClientSource,
    readonly bucket: string,
  ) {
    this.s3 = lazy(async () => (typeof s3Source === 'function' ? s3Source() : s3Source));
  }

  /**
   * Whether a failed read means the object (or version) is not there. S3 answers a missing key
   * with 404 only to a caller that may list the bucket unconditionally; a tenant's session may list
   * its own prefix only, so it gets 403 instead. That 403 is settled by listing the key itself,
   * which the session may: absent means missing, present means the refusal was real.
   */
  private async missing(e: unknown, key: string, versionId?: string): Promise<boolean> {
    if (isMissing(e)) return true;
    if (!isForbidden(e)) return false;
    const { ListObjectsV2Command, ListObjectVersionsCommand } = await s3Sdk();
    const s3 = await this.s3();
    try {
      if (versionId) {
        const r = await s3.send(new ListObjectVersionsCommand({ Bucket: this.bucket, Prefix: key }));
        return !(r.Versions ?? []).some((v) => v.Key === key && v.VersionId === versionId);
      }
      const r = await s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: key, MaxKeys: 1 }));
      return !(r.Contents ?? []).some((o) => o.Key === key);
    } catch {
      // Listing refused too: the original refusal stands.
      return false;
    }
  }

  async put(tenant: string, path: string[], body: Uint8Array | string, contentType: string): Promise<void> {
    const { PutObjectCommand } = await s3Sdk();
    await (await this.s3()).send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: keys.blob(tenant, ...path),
        Body: body,
        ContentType: contentType,
      }),
    );
  }

  async get(tenant: string, path: string[]): Promise<Uint8Array | undefined> {
    const { GetObjectCommand } = await s3Sdk();
    try {
      const r = await (await this.s3()).send(
        new GetObjectCommand({ Bucket: this.bucket, Key: keys.blob(tenant, ...path) }),
      );
      return r.Body ? await r.Body.transformToByteArray() : undefined;
    } catch (e) {
      if (await this.missing(e, keys.blob(tenant, ...path))) return undefined;
      throw e;
    }
  }

  async head(tenant: string, path: string[]): Promise<StoredObject | undefined> {
    const { HeadObjectCommand } = await s3Sdk();
    try {
      const r = await (await this.s3()).send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: keys.blob(tenant, ...path) }),
      );
      return {
        path: path.join('/'),
        size: r.ContentLength ?? 0,
        ...(r.ContentType ? { contentType: r.ContentType } : {}),
        ...(r.LastModified ? { lastModified: r.LastModified.toISOString() } : {}),
        ...(r.VersionId && r.VersionId !== 'null' ? { versionId: r.VersionId } : {}),
      };
    } catch (e) {
      if (await this.missing(e, keys.blob(tenant, ...path))) return undefined;
      throw e;
    }
  }

  async delete(tenant: string, path: string[]): Promise<void> {
    const { DeleteObjectCommand } = await s3Sdk();
    await (await this.s3()).send(
      new DeleteObjectCommand({ Bucket: this.bucket, Key: keys.blob(tenant, ...path) }),
    );
  }

  /** Lists the tenant's objects under `path` (all pages). */
  async list(tenant: string, path: string[] = []): Promise<StoredObject[]> {
    const prefix = path.length ? `${keys.blob(tenant, ...path)}/` : keys.blobPrefix(tenant);
    const { ListObjectsV2Command } = await s3Sdk();
    const s3 = await this.s3();
    const out: StoredObject[] = [];
    let token: string | undefined;
    do {
      const r = await s3.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const o of r.Contents ?? []) {
        if (!o.Key) continue;
        out.push({
          path: o.Key.slice(keys.blobPrefix(tenant).length),
          size: o.Size ?? 0,
          ...(o.LastModified ? { lastModified: o.LastModified.toISOString() } : {}),
        });
      }
      token = r.IsTruncated ? r.NextContinuationToken : undefined;
    } while (token);
    return out;
  }

  async presignUpload(
    tenant: string,
    path: string[],
    rules: UploadRules,
    expiresSeconds = 900,
  ): Promise<PresignedPost> {
    const { createPresignedPost } = await presignedPostSdk();
    return createPresignedPost(await this.s3(), {
      Bucket: this.bucket,
      Key: keys.blob(tenant, ...path),
      Conditions: [
        ['content-length-range', rules.minBytes ?? 1, rules.maxBytes],
        ['eq', '$Content-Type', rules.contentType],
      ],
      Fields: { 'Content-Type': rules.contentType },
      Expires: expiresSeconds,
    });
  }

  /**
   * Reads the object once, streaming: its size, SHA-256, the first `headBytes` and the last
   * `tailBytes` (a zip's central directory lives at the end). Reading stops as soon as more than
   * `maxBytes` arrived, so an oversize object is never hashed whole. `versionId` pins the version.
   */
  async inspect(
    tenant: string,
    path: string[],
    opts: { maxBytes: number; versionId?: string; headBytes?: number; tailBytes?: number },
  ): Promise<InspectedObject | undefined> {
    const { GetObjectCommand } = await s3Sdk();
    const { createHash } = await import('node:crypto');
    let r: {
      Body?: AsyncIterable<Uint8Array> & { destroy?: () => void };
      ContentType?: string;
      VersionId?: string;
      ContentLength?: number;
    };
    try {
      r = (await (
        await this.s3()
      ).send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: keys.blob(tenant, ...path),
          ...(opts.versionId ? { VersionId: opts.versionId } : {}),
        }),
      )) as unknown as typeof r;
    } catch (e) {
      if (await this.missing(e, keys.blob(tenant, ...path), opts.versionId)) return undefined;
      throw e;
    }
    const headBytes = opts.headBytes ?? 4096;
    const tailBytes = opts.tailBytes ?? 4 * 1024 * 1024;
    const base = {
      ...(r.ContentType ? { contentType: r.ContentType } : {}),
      ...(r.VersionId && r.VersionId !== 'null' ? { versionId: r.VersionId } : {}),
    };
    if ((r.ContentLength ?? 0) > opts.maxBytes) {
      r.Body?.destroy?.();
      const empty = new Uint8Array(0);
      return { size: r.ContentLength!, oversize: true, sha256: '', head: empty, tail: empty, ...base };
    }
    const hash = createHash('sha256');
    const head = new Uint8Array(headBytes);
    let headLen = 0;
    let tail: Uint8Array[] = [];
    let tailLen = 0;
    let size = 0;
    for await (const chunk of r.Body ?? []) {
      size += chunk.length;
      if (size > opts.maxBytes) {
        r.Body?.destroy?.();
        return {
          size,
          oversize: true,
          sha256: '',
          head: head.subarray(0, headLen),
          tail: new Uint8Array(0),
          ...base,
        };
      }
      hash.update(chunk);
      if (headLen < headBytes) {
        const take = chunk.subarray(0, headBytes - headLen);
        head.set(take, headLen);
        headLen += take.length;
      }
      tail.push(chunk);
      tailLen += chunk.length;
      // Keep whole chunks while the rest still covers the tail (trimmed exactly at the end).
      while (tail.length > 1 && tailLen - tail[0]!.length >= tailBytes) tailLen -= tail.shift()!.length;
    }
    const joined = new Uint8Array(tailLen);
    let at = 0;
    for (const c of tail) {
      joined.set(c, at);
      at += c.length;
    }
    tail = [];
    return {
      size,
      oversize: false,
      sha256: hash.digest('hex'),
      head: head.subarray(0, headLen),
      tail: joined.subarray(Math.max(0, joined.length - tailBytes)),
      ...base,
    };
  }

  /**
   * Removes the object and, in a versioned bucket, every version stored under its key (so bytes
   * that were refused or never confirmed do not linger as noncurrent versions). s3rver keeps no
   * versions and does not list them: the plain delete is all there is.
   */
  async deleteAllVersions(tenant: string, path: string[]): Promise<void> {
    const key = keys.blob(tenant, ...path);
    const { DeleteObjectCommand, ListObjectVersionsCommand } = await s3Sdk();
    const s3 = await this.s3();
    await s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    let listed: import('@aws-sdk/client-s3').ListObjectVersionsCommandOutput | undefined;
    try {
      listed = await s3.send(new ListObjectVersionsCommand({ Bucket: this.bucket, Prefix: key }));
    } catch {
      return; // no versions API (s3rver): nothing more to remove
    }
    const versions = [...(listed?.Versions ?? []), ...(listed?.DeleteMarkers ?? [])].filter(
      (v) => v.Key === key && v.VersionId && v.VersionId !== 'null',
    );
    for (const v of versions)
      await s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key, VersionId: v.VersionId }));
  }

  /** A short-lived link to the object's bytes (one version when given), named and typed for the browser. */
  /** The client's settings a browser-facing URL is made of (no request is made). */
  private async clientSettings() {
    const s3 = await this.s3();
    const cfg = s3.config as unknown as {
      region: () => Promise<string>;
      credentials: () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>;
      endpoint?: () => Promise<{ protocol: string; hostname: string; port?: number; path: string }>;
    };
    const region = await cfg.region();
    const custom = cfg.endpoint ? await cfg.endpoint() : undefined;
    const endpoint = custom
      ? `${custom.protocol}//${custom.hostname}${custom.port ? `:${custom.port}` : ''}${custom.path}`
      : undefined;
    const { bucketBaseUrl } = await import('./evidence/s3-presign');
    return { cfg, region, baseUrl: bucketBaseUrl(this.bucket, region, endpoint) };
  }

  /**
   * Where browsers reach the bucket (evidence uploads, image previews, download links): the
   * console's Content-Security-Policy must name it. Made from the client's settings; no request.
   */
  async origin(): Promise<string> {
    return new URL((await this.clientSettings()).baseUrl).origin;
  }

  async presignDownload(tenant: string, path: string[], o: DownloadLinkInput): Promise<string> {
    const { cfg, region, baseUrl } = await this.clientSettings();
    const { presignGet } = await import('./evidence/s3-presign');
    return presignGet({
      baseUrl,
      key: keys.blob(tenant, ...path),
      region,
      credentials: await cfg.credentials(),
      now: o.now,
      expiresSeconds: o.expiresSeconds,
      query: {
        ...(o.versionId ? { versionId: o.versionId } : {}),
        'response-content-type': o.contentType,
        'response-content-disposition': o.contentDisposition,
        'response-cache-control': 'private, no-store',
      },
    });
  }

  /**
   * Protects one version until `retainUntil` with S3 Object Lock in COMPLIANCE mode: nobody, the
   * account's root included, can delete or overwrite it before then. Throttling and server errors
   * are retried with backoff; a failure after the last attempt is thrown, never swallowed.
   */
  async setRetention(
    tenant: string,
    path: string[],
    /** The version to protect; the current one when absent (a bucket versioned after the upload). */
    versionId: string | undefined,
    retainUntil: Date,
    retry: RetryPolicy = { attempts: 4, baseDelayMs: 200 },
  ): Promise<void> {
    const { PutObjectRetentionCommand } = await s3Sdk();
    const s3 = await this.s3();
    const cmd = () =>
      new PutObjectRetentionCommand({
        Bucket: this.bucket,
        Key: keys.blob(tenant, ...path),
        ...(versionId ? { VersionId: versionId } : {}),
        Retention: { Mode: 'COMPLIANCE', RetainUntilDate: retainUntil },
      });
    for (let attempt = 1; ; attempt++) {
      try {
        await s3.send(cmd());
        return;
      } catch (e) {
        if (attempt >= retry.attempts || !isRetryable(e)) throw e;
        await new Promise((r) => setTimeout(r, retry.baseDelayMs * 2 ** (attempt - 1)));
      }
    }
  }

  /** Verifies an uploaded object against the rules it was presigned with; deletes it if it breaks them. */
  async confirmUpload(tenant: string, path: string[], rules: UploadRules): Promise<StoredObject> {
    const o = await this.head(tenant, path);
    if (!o) throw uploadRejected('未找到已上传的文件。', 'No uploaded file was found.');
    const problem =
      o.size < 1 || o.size > rules.maxBytes
        ? uploadRejected(
            `文件大小超出限制（${rules.maxBytes} 字节）。`,
            `The file exceeds the size limit (${rules.maxBytes} bytes).`,
          )
        : o.contentType !== rules.contentType
          ? uploadRejected(
              `文件类型必须为 ${rules.contentType}。`,
              `The file type must be ${rules.contentType}.`,
            )
          : undefined;
    if (problem) {
      await this.delete(tenant, path);
      throw problem;
    }
    return o;
  }
}

const isForbidden = (e: unknown) => {
  const x = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return x.name === 'AccessDenied' || x.name === 'Forbidden' || x.$metadata?.httpStatusCode === 403;
};

const isMissing = (e: unknown) => {
  const n = (e as { name?: string; $metadata?: { httpStatusCode?: number } }).name;
  return (
    n === 'NotFound' ||
    n === 'NoSuchKey' ||
    (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
  );
};
