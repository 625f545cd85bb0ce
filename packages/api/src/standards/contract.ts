import { z } from '@hono/zod-openapi';
import { codeSchema, standardIndicatorPutSchema, standardIndicatorSchema } from '@jixiao/core';
import { body, json, readErrors, versionQuery, writeErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Standard indicators'];
const codeParams = z.object({ code: codeSchema });

/**
 * The province's standard indicator library (省级标准指标库): kept by the provincial office, read
 * by every tenant of the province (to map its leaves) and by the province's analysts.
 */
export const standardContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/standards',
    tags,
    'x-permission': 'standards:read',
    summary: "The caller's province's standard indicators, by dimension then code",
    responses: {
      200: json(z.object({ items: z.array(standardIndicatorSchema) }), 'Standard indicators'),
      ...readErrors,
    },
  }),
  put: defineRoute({
    method: 'put',
    path: '/v1/standards/{code}',
    tags,
    'x-permission': 'comparison:manage',
    summary:
      'Create (201) or change (200, by version) a standard indicator; the provincial office only (403 for a city or county)',
    request: { params: codeParams, body: body(standardIndicatorPutSchema) },
    responses: {
      200: json(standardIndicatorSchema, 'Saved'),
      201: json(standardIndicatorSchema, 'Created'),
      ...writeErrors,
    },
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/v1/standards/{code}',
    tags,
    'x-permission': 'comparison:manage',
    summary:
      'Delete a standard indicator (by version); mappings and group weights naming it are then ignored',
    request: { params: codeParams, query: versionQuery },
    responses: { 204: { description: 'Deleted' }, ...writeErrors },
  }),
};
