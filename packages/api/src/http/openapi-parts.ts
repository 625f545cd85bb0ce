import { z } from '@hono/zod-openapi';
import { problemSchema } from '@jixiao/core';

/** Shared OpenAPI pieces: error responses (the problem document is core's `problemSchema`), paging. */

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

export const readErrors = {
  400: problem('Malformed request or cursor'),
  401: problem('Not signed in'),
  403: problem('Role not allowed'),
  404: problem('Not found in your scope'),
  422: problem('Validation failed'),
  503: problem('Busy; retry after the Retry-After seconds'),
};

export const writeErrors = {
  ...readErrors,
  409: problem('Conflict: already exists, or edited by someone else (version)'),
  413: problem('Body too large'),
  415: problem('Body is not application/json'),
};

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ description: 'Page size, default 50' }),
  cursor: z.string().max(4096).optional().openapi({ description: 'Opaque cursor from the previous page' }),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() });

export const idempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .openapi({ description: 'Retry-safe creation: the same key and body return the first response' }),
});

/** DELETE sends the version it read, as a query parameter (a DELETE has no body). */
export const versionQuery = z.object({ version: z.coerce.number().int().positive() });
