import { z } from '@hono/zod-openapi';
import { divisionCodeSchema, tenantCreateSchema, tenantPatchSchema, tenantSchema } from '@jixiao/core';
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

const tags = ['Platform'];
const params = z.object({ code: divisionCodeSchema });

/** Platform operator: onboarding and plan status of subscribing governments. */
export const platformTenantContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/platform/tenants',
    tags,
    'x-permission': 'platform:tenants',
    summary: 'List tenants',
    request: { query: pageQuery },
    responses: { 200: json(pageOf(tenantSchema), 'Tenants'), ...readErrors },
  }),
  create: defineRoute({
    method: 'post',
    path: '/v1/platform/tenants',
    tags,
    'x-permission': 'platform:tenants',
    summary: 'Onboard a tenant by its GB/T 2260 division code',
    request: { body: body(tenantCreateSchema), headers: idempotencyHeader },
    responses: { 201: json(tenantSchema, 'Created'), ...writeErrors },
  }),
  get: defineRoute({
    method: 'get',
    path: '/v1/platform/tenants/{code}',
    tags,
    'x-permission': 'platform:tenants',
    summary: 'Get a tenant',
    request: { params },
    responses: { 200: json(tenantSchema, 'Tenant'), ...readErrors },
  }),
  update: defineRoute({
    method: 'patch',
    path: '/v1/platform/tenants/{code}',
    tags,
    'x-permission': 'platform:tenants',
    summary: 'Change a tenant (name, plan status, contact)',
    request: { params, body: body(tenantPatchSchema) },
    responses: { 200: json(tenantSchema, 'Updated'), ...writeErrors },
  }),
};
