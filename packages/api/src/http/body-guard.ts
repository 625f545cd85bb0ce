import { errors } from '@jixiao/core';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps';

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/**
 * Every request that carries a body must be JSON, within the size limit, and parse. Checked
 * before any handler runs, so handlers see only well-formed JSON (the schema check follows).
 */
export function jsonBodyGuard(maxBytes = DEFAULT_MAX_BODY_BYTES): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!['POST', 'PUT', 'PATCH'].includes(c.req.method)) return next();
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > maxBytes) throw errors.payloadTooLarge(maxBytes);
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    const buf = await c.req.arrayBuffer();
    if (buf.byteLength > maxBytes) throw errors.payloadTooLarge(maxBytes);
    if (buf.byteLength === 0 && !type) return next();
    if (type !== 'application/json') throw errors.unsupportedMediaType();
    try {
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(buf));
    } catch {
      throw errors.malformedJson();
    }
    return next();
  };
}
