import { z } from '@hono/zod-openapi';
import { codeSchema, userCreateSchema, userPatchSchema, userSchema } from '@jixiao/core';
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
const params = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/** Users of a tenant with their roles and, for unit roles, their unit. */
export const userContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/users',
    tags,
    'x-permission': 'users:read',
    summary: "List users (a unit user sees its own unit's users)",
    request: { query: pageQuery.extend({ unit: codeSchema.optional() }) },
    responses: { 200: json(pageOf(userSchema), 'Users'), ...readErrors },
  }),
  create: defineRoute({
    method: 'post',
    path: '/v1/users',
    tags,
    'x-permission': 'users:write',
    summary: 'Create a user',
    request: { body: body(userCreateSchema), headers: idempotencyHeader },
    responses: { 201: json(userSchema, 'Created'), ...writeErrors },
  }),
  get: defineRoute({
    method: 'get',
    path: '/v1/users/{id}',
    tags,
    'x-permission': 'users:read',
    summary: 'Get a user',
    request: { params },
    responses: { 200: json(userSchema, 'User'), ...readErrors },
  }),
  update: defineRoute({
    method: 'patch',
    path: '/v1/users/{id}',
    tags,
    'x-permission': 'users:write',
    summary: "Change a user's name, contact, roles, unit or status",
    request: { params, body: body(userPatchSchema) },
    responses: { 200: json(userSchema, 'Updated'), ...writeErrors },
  }),
};
