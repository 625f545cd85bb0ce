import { createHash, createHmac } from 'node:crypto';

/**
 * A presigned GET (AWS Signature Version 4, query-string form) for one object. Written here, in
 * about forty lines, rather than adding `@aws-sdk/s3-request-presigner`: the Lambda runtime's SDK is
 * not guaranteed to ship it (the bundle leaves `@aws-sdk/*` to the runtime), and the algorithm is
 * small and fixed; the unit test checks it against the example in the S3 documentation.
 */

export interface PresignGetInput {
  /** `https://bucket.s3.cn-north-1.amazonaws.com.cn` (virtual host) or `http://127.0.0.1:4569/bucket` (path style). */
  baseUrl: string;
  key: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  now: Date;
  expiresSeconds: number;
  /** Extra signed query parameters (`versionId`, `response-content-disposition`, …). */
  query?: Record<string, string>;
}

/** RFC 3986 unreserved characters stay; everything else is percent-encoded (as SigV4 requires). */
const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

export function presignGet(i: PresignGetInput): string {
  const base = new URL(i.baseUrl);
  const amzDate = i.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${i.region}/s3/aws4_request`;
  const path = `${base.pathname.replace(/\/$/, '')}/${i.key.split('/').map(encode).join('/')}`;
  const params: Record<string, string> = {
    ...i.query,
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${i.credentials.accessKeyId}/${scope}`,
    'X-Amz-Date': amzDate,
    'X-Amz-Expires': String(i.expiresSeconds),
    'X-Amz-SignedHeaders': 'host',
    ...(i.credentials.sessionToken ? { 'X-Amz-Security-Token': i.credentials.sessionToken } : {}),
  };
  const query = Object.keys(params)
    .sort()
    .map((k) => `${encode(k)}=${encode(params[k]!)}`)
    .join('&');
  const canonical = ['GET', path, query, `host:${base.host}`, '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
  const key = ['aws4_request'].reduce(
    (k, part) => hmac(k, part),
    hmac(hmac(hmac(`AWS4${i.credentials.secretAccessKey}`, day), i.region), 's3'),
  );
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  return `${base.protocol}//${base.host}${path}?${query}&X-Amz-Signature=${signature}`;
}

/** The object URL base for a bucket: path style on a custom endpoint (s3rver), else virtual host. */
export function bucketBaseUrl(bucket: string, region: string, endpoint?: string): string {
  if (endpoint) return `${endpoint.replace(/\/$/, '')}/${bucket}`;
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://${bucket}.s3.${region}.${suffix}`;
}
