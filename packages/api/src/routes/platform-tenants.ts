import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  authorize,
  divisionCodeSchema,
  tenantCreateSchema,
  tenantFactsFor,
  tenantPatchSchema,
  tenantSchema,
} from '@jixiao/core';
import type { AppEnv } from '../deps';
import { idempotent } from '../http/idempotency';
import {
  body,
  idempotencyHeader,
  json,
  pageOf,
  pageQuery,
  readErrors,
  secured,
  writeErrors,
} from '../http/openapi-parts';

const tags = ['Platform'];
const codeParam = z.object({ code: divisionCodeSchema });

/** Platform operator: onboarding and plan status of subscribing governments. */
export function platformTenantRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/platform/tenants',
      tags,
      security: secured,
      summary: 'List tenants',
      request: { query: pageQuery },
      responses: { 200: json(pageOf(tenantSchema), 'Tenants'), ...readErrors },
    }),
    async (c) => {
      authorize(c.get('identity'), 'platform:tenants');
      return c.json(await c.get('deps').data.tenants.list(c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/platform/tenants',
      tags,
      security: secured,
      summary: 'Onboard a tenant by its GB/T 2260 division code',
      request: { body: body(tenantCreateSchema), headers: idempotencyHeader },
      responses: { 201: json(tenantSchema, 'Created'), ...writeErrors },
    }),
    async (c) => {
      authorize(c.get('identity'), 'platform:tenants');
      const input = c.req.valid('json');
      return idempotent(c, 'tenants', input, async () => {
        const facts = tenantFactsFor(input.code);
        const tenant = await c.get('deps').data.tenants.create({
          ...facts,
          name: input.name ?? facts.name,
          planStatus: input.planStatus,
          ...(input.contactName ? { contactName: input.contactName } : {}),
          ...(input.contactPhone ? { contactPhone: input.contactPhone } : {}),
        });
        return { status: 201, body: tenant };
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/platform/tenants/{code}',
      tags,
      security: secured,
      summary: 'Get a tenant',
      request: { params: codeParam },
      responses: { 200: json(tenantSchema, 'Tenant'), ...readErrors },
    }),
    async (c) => {
      authorize(c.get('identity'), 'platform:tenants');
      return c.json(await c.get('deps').data.tenants.getOr404(c.req.valid('param').code), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/platform/tenants/{code}',
      tags,
      security: secured,
      summary: 'Change a tenant (name, plan status, contact)',
      request: { params: codeParam, body: body(tenantPatchSchema) },
      responses: { 200: json(tenantSchema, 'Updated'), ...writeErrors },
    }),
    async (c) => {
      authorize(c.get('identity'), 'platform:tenants');
      const { version, ...changes } = c.req.valid('json');
      const updated = await c.get('deps').data.tenants.update(c.req.valid('param').code, version, changes);
      return c.json(updated, 200);
    },
  );
}
