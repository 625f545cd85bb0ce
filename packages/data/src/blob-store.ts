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
}

export interface UploadRules {
  contentType: string;
  maxBytes: number;
}

const uploadRejected = (zh: string, en: string) =>
  new AppError({ status: 422, code: 'upload_rejected', zh, en });

export class BlobStore {
  private readonly s3: () => Promise<S3Client>;

  constructor(
    s3Source: S3ClientSource,
    private readonly bucket: string,
  ) {
    this.s3 = lazy(async () => (typeof s3Source === 'function' ? s3Source() : s3Source));
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
      if (isMissing(e)) return undefined;
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
      };
    } catch (e) {
      if (isMissing(e)) return undefined;
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
        ['content-length-range', 1, rules.maxBytes],
        ['eq', '$Content-Type', rules.contentType],
      ],
      Fields: { 'Content-Type': rules.contentType },
      Expires: expiresSeconds,
    });
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

const isMissing = (e: unknown) => {
  const n = (e as { name?: string; $metadata?: { httpStatusCode?: number } }).name;
  return (
    n === 'NotFound' ||
    n === 'NoSuchKey' ||
    (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
  );
};
