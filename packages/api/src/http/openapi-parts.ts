import { z } from '@hono/zod-openapi';

/** Shared OpenAPI pieces: the problem document, error responses, paging. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ description: 'Stable machine-readable error code' }),
    message: z.object({ zh: z.string(), en: z.string() }),
    errors: z.array(z.object({ path: z.string(), zh: z.string(), en: z.string() })).optional(),
    detail: z.record(z.string(), z.unknown()).optional(),
    instance: z.string(),
    requestId: z.string(),
  })
  .openapi('Problem');

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

export const secured = [{ bearerAuth: [] }];
