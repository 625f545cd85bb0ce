import { z } from '@hono/zod-openapi';
import { identitySchema, tenantSchema } from '@jixiao/core';
import { json, readErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Identity'];

/** `GET /v1/me`: who is signed in, and their tenant. */
export const meSchema = z
  .object({ identity: identitySchema, tenant: tenantSchema.optional() })
  .meta({ id: 'Me' });

/** Who am I, and my tenant. */
export const identityContract = {
  me: defineRoute({
    method: 'get',
    path: '/v1/me',
    tags,
    'x-permission': 'signed-in',
    summary: 'The signed-in identity and its tenant',
    responses: { 200: json(meSchema, 'Identity'), ...readErrors },
  }),
  tenant: defineRoute({
    method: 'get',
    path: '/v1/tenant',
    tags,
    'x-permission': 'tenant:read',
    summary: "The caller's own tenant",
    responses: { 200: json(tenantSchema, 'Tenant'), ...readErrors },
  }),
};
