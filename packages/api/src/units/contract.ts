import { z } from '@hono/zod-openapi';
import { codeSchema, unitCreateSchema, unitPatchSchema, unitSchema } from '@jixiao/core';
import {
  body,
  idempotencyHeader,
  json,
  pageOf,
  pageQuery,
  readErrors,
  writeErrors,
} from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Organisation'];
const params = z.object({ code: codeSchema });

/** Units under evaluation (被考核单位): departments, district governments, windows, providers, projects. */
export const unitContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/units',
    tags,
    'x-permission': 'org:read',
    summary: 'List units (a unit user sees only its own unit)',
    request: { query: pageQuery.extend({ group: codeSchema.optional() }) },
    responses: { 200: json(pageOf(unitSchema), 'Units'), ...readErrors },
  }),
  create: defineRoute({
    method: 'post',
    path: '/v1/units',
    tags,
    'x-permission': 'org:write',
    summary: 'Create a unit',
    request: { body: body(unitCreateSchema), headers: idempotencyHeader },
    responses: { 201: json(unitSchema, 'Created'), ...writeErrors },
  }),
  get: defineRoute({
    method: 'get',
    path: '/v1/units/{code}',
    tags,
    'x-permission': 'org:read',
    summary: 'Get a unit',
    request: { params },
    responses: { 200: json(unitSchema, 'Unit'), ...readErrors },
  }),
  update: defineRoute({
    method: 'patch',
    path: '/v1/units/{code}',
    tags,
    'x-permission': 'org:write',
    summary: 'Change a unit',
    request: { params, body: body(unitPatchSchema) },
    responses: { 200: json(unitSchema, 'Updated'), ...writeErrors },
  }),
};
