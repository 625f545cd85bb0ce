import { z } from '@hono/zod-openapi';
import { codeSchema, unitGroupCreateSchema, unitGroupPatchSchema, unitGroupSchema } from '@jixiao/core';
import {
  body,
  idempotencyHeader,
  json,
  pageOf,
  pageQuery,
  readErrors,
  versionQuery,
  writeErrors,
} from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Organisation'];
const params = z.object({ code: codeSchema });

/** Unit groups (分类): the peer groups units are ranked within, e.g. 综合经济部门. */
export const unitGroupContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/unit-groups',
    tags,
    'x-permission': 'org:read',
    summary: 'List unit groups',
    request: { query: pageQuery },
    responses: { 200: json(pageOf(unitGroupSchema), 'Unit groups'), ...readErrors },
  }),
  create: defineRoute({
    method: 'post',
    path: '/v1/unit-groups',
    tags,
    'x-permission': 'org:write',
    summary: 'Create a unit group',
    request: { body: body(unitGroupCreateSchema), headers: idempotencyHeader },
    responses: { 201: json(unitGroupSchema, 'Created'), ...writeErrors },
  }),
  get: defineRoute({
    method: 'get',
    path: '/v1/unit-groups/{code}',
    tags,
    'x-permission': 'org:read',
    summary: 'Get a unit group',
    request: { params },
    responses: { 200: json(unitGroupSchema, 'Unit group'), ...readErrors },
  }),
  update: defineRoute({
    method: 'patch',
    path: '/v1/unit-groups/{code}',
    tags,
    'x-permission': 'org:write',
    summary: 'Change a unit group',
    request: { params, body: body(unitGroupPatchSchema) },
    responses: { 200: json(unitGroupSchema, 'Updated'), ...writeErrors },
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/v1/unit-groups/{code}',
    tags,
    'x-permission': 'org:write',
    summary: 'Delete an empty unit group',
    request: { params, query: versionQuery },
    responses: { 204: { description: 'Deleted' }, ...writeErrors },
  }),
};
