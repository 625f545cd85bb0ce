import type { RouteConfig } from '@hono/zod-openapi';
import { errors, UPLOAD_MAX_BYTES } from '@jixiao/core';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps';

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** A route that takes a file instead of JSON. */
export interface UploadRoute {
  method: string;
  path: RegExp;
  type: string;
  maxBytes: number;
}

/** A route whose contract declares a body that is not JSON takes that file type instead. */
function uploadOf(route: RouteConfig): UploadRoute | undefined {
  const types = Object.keys(route.request?.body?.content ?? {});
  const type = types.find((t) => t !== 'application/json');
  if (!type) return undefined;
  const path = new RegExp(`^${route.path.replace(/\{[A-Za-z]+\}/g, '[^/]+')}$`);
  return { method: route.method.toUpperCase(), path, type, maxBytes: UPLOAD_MAX_BYTES };
}

/** The routes that accept an upload, read from their contracts; everything else takes JSON only. */
export const uploadRoutesOf = (routes: readonly RouteConfig[]): UploadRoute[] =>
  routes.flatMap((r) => uploadOf(r) ?? []);

/**
 * Every request that carries a body must be JSON (or, on an upload route, the file type it
 * declares) and parse. Checked before any handler runs, so handlers see only well-formed bodies
 * (the schema check follows). Its size was already limited while it streamed (./body-limit.ts), so
 * reading it whole here is bounded.
 */
export function jsonBodyGuard(
  /** The app's upload routes (read when the first body arrives, once every route is mounted). */
  uploads: () => readonly UploadRoute[] = () => [],
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!['POST', 'PUT', 'PATCH'].includes(c.req.method)) return next();
    const upload = uploads().find((u) => u.method === c.req.method && u.path.test(c.req.path));
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    const buf = await c.req.arrayBuffer();
    if (buf.byteLength === 0 && !type) return next();
    if (upload) {
      if (type !== upload.type) throw errors.unsupportedMediaType(upload.type);
      return next();
    }
    if (type !== 'application/json') throw errors.unsupportedMediaType();
    try {
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(buf));
    } catch {
      throw errors.malformedJson();
    }
    return next();
  };
}
