import { errors, UPLOAD_MAX_BYTES } from '@jixiao/core';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../deps';
import type { UploadRoute } from './body-guard';
import { problemResponse } from './problem';

/**
 * A console form (`application/x-www-form-urlencoded`) may be this many times the JSON limit: the
 * browser percent-encodes each CJK character as 9 bytes where JSON's UTF-8 takes 3, so any form
 * whose content the API would take as JSON gets through the console first.
 */
export const FORM_FACTOR = 3;

/** A console multipart upload: the file's own limit plus room for the boundaries and other fields. */
export const MULTIPART_ALLOWANCE = 64 * 1024;

const API_PREFIX = '/v1/';

/**
 * What a request may send: the route's declared upload limit; else, to the API, the JSON limit;
 * else (the console's forms) by how it is encoded.
 */
export function bodyLimitOf(
  req: { method: string; path: string; contentType: string | undefined },
  maxBodyBytes: number,
  uploads: readonly UploadRoute[],
): number {
  const upload = uploads.find((u) => u.method === req.method && u.path.test(req.path));
  if (upload) return upload.maxBytes;
  // The API takes JSON or a declared upload only: a form sent to it gets no more room than JSON.
  if (req.path.startsWith(API_PREFIX)) return maxBodyBytes;
  const type = (req.contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'multipart/form-data') return UPLOAD_MAX_BYTES + MULTIPART_ALLOWANCE;
  if (type === 'application/x-www-form-urlencoded') return FORM_FACTOR * maxBodyBytes;
  return maxBodyBytes;
}

/**
 * Refuses a body over its limit as it streams, before anything buffers it and before any
 * authentication work: hono's `bodyLimit` refuses a declared Content-Length over the limit unread,
 * and otherwise counts the chunks as it reads them, stopping at the first byte over the limit; the
 * bytes it read (never more than the limit) become the request's body. The 413 closes the
 * connection, so the server stops pulling the rest of a body it has already refused.
 */
export function streamingBodyLimit(limitOf: (c: Context<AppEnv>) => number): MiddlewareHandler<AppEnv> {
  const bySize = new Map<number, MiddlewareHandler<AppEnv>>();
  const limiter = (limit: number) => {
    let m = bySize.get(limit);
    if (!m) {
      m = bodyLimit({
        maxSize: limit,
        onError: (c) => {
          const res = problemResponse(errors.payloadTooLarge(limit), c as Context<AppEnv>);
          res.headers.set('connection', 'close');
          return res;
        },
      }) as MiddlewareHandler<AppEnv>;
      bySize.set(limit, m);
    }
    return m;
  };
  return (c, next) => limiter(limitOf(c))(c, next);
}
