import { z } from '@hono/zod-openapi';
import { DIVISION_CODE_PATTERN, divisionCodeSchema, divisionSchema } from '@jixiao/core';
import { json, readErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Reference'];

/** GB/T 2260 administrative divisions (reference data). */
export const divisionContract = {
  get: defineRoute({
    method: 'get',
    path: '/v1/divisions/{code}',
    tags,
    'x-permission': 'reference:read',
    summary: 'One GB/T 2260 administrative division',
    request: { params: z.object({ code: divisionCodeSchema }) },
    responses: { 200: json(divisionSchema, 'Division'), ...readErrors },
  }),
  children: defineRoute({
    method: 'get',
    path: '/v1/divisions',
    tags,
    'x-permission': 'reference:read',
    summary: 'Child divisions of a GB/T 2260 division',
    request: { query: z.object({ parent: z.string().regex(DIVISION_CODE_PATTERN) }) },
    responses: { 200: json(z.object({ items: z.array(divisionSchema) }), 'Divisions'), ...readErrors },
  }),
};
