import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  authorize,
  childDivisions,
  DIVISION_CODE_PATTERN,
  divisionCodeSchema,
  divisionFullName,
  errors,
  findDivision,
  tenantOf,
  tenantSchema,
} from '@jixiao/core';
import type { AppEnv } from '../deps';
import { json, pageOf, pageQuery, readErrors, secured } from '../http/openapi-parts';

const identitySchema = z.object({
  sub: z.string(),
  name: z.string(),
  tenant: z.string().optional(),
  roles: z.array(z.string()),
  unit: z.string().optional(),
  province: z.string().optional(),
});

const divisionSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(['province', 'city', 'county', 'district']),
    provinceCode: z.string(),
    parentCode: z.string().optional(),
    fullName: z.string(),
  })
  .openapi('Division');

const withFullName = (code: string) => {
  const d = findDivision(code);
  if (!d) throw errors.notFound(`行政区划代码 ${code}`, `Division ${code}`);
  return { ...d, fullName: divisionFullName(code) ?? d.name };
};

/** Who am I, my tenant, my province's tenants, and GB/T 2260 reference data. */
export function selfRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/me',
      tags: ['Identity'],
      security: secured,
      summary: 'The signed-in identity and its tenant',
      responses: {
        200: json(z.object({ identity: identitySchema, tenant: tenantSchema.optional() }), 'Identity'),
        ...readErrors,
      },
    }),
    async (c) => {
      const identity = c.get('identity');
      const tenant = identity.tenant ? await c.get('deps').data.tenants.get(identity.tenant) : undefined;
      return c.json({ identity, ...(tenant ? { tenant } : {}) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/tenant',
      tags: ['Identity'],
      security: secured,
      summary: "The caller's own tenant",
      responses: { 200: json(tenantSchema, 'Tenant'), ...readErrors },
    }),
    async (c) => {
      const id = c.get('identity');
      authorize(id, 'tenant:read');
      return c.json(await c.get('deps').data.tenants.getOr404(tenantOf(id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/province/tenants',
      tags: ['Province'],
      security: secured,
      summary: "Registry records of the analyst's province's tenants (never their data)",
      request: { query: pageQuery },
      responses: { 200: json(pageOf(tenantSchema), 'Tenants'), ...readErrors },
    }),
    async (c) => {
      const id = c.get('identity');
      authorize(id, 'province:tenants');
      return c.json(await c.get('deps').data.tenants.listInProvince(id.province!, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/divisions/{code}',
      tags: ['Reference'],
      security: secured,
      summary: 'One GB/T 2260 administrative division',
      request: { params: z.object({ code: divisionCodeSchema }) },
      responses: { 200: json(divisionSchema, 'Division'), ...readErrors },
    }),
    (c) => {
      authorize(c.get('identity'), 'reference:read');
      return c.json(withFullName(c.req.valid('param').code), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/divisions',
      tags: ['Reference'],
      security: secured,
      summary: 'Child divisions of a GB/T 2260 division',
      request: { query: z.object({ parent: z.string().regex(DIVISION_CODE_PATTERN) }) },
      responses: { 200: json(z.object({ items: z.array(divisionSchema) }), 'Divisions'), ...readErrors },
    }),
    (c) => {
      authorize(c.get('identity'), 'reference:read');
      const parent = c.req.valid('query').parent;
      withFullName(parent);
      return c.json({ items: childDivisions(parent).map((d) => withFullName(d.code)) }, 200);
    },
  );
}
