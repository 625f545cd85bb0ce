import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  authorize,
  codeSchema,
  errors,
  findDivision,
  isWithinDivision,
  tenantOf,
  type Unit,
  unitCreateSchema,
  unitPatchSchema,
  unitSchema,
  unitScope,
} from '@jixiao/core';
import type { Context } from 'hono';
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

const tags = ['Organisation'];
const codeParam = z.object({ code: codeSchema });
const NOT_FOUND = ['单位', 'Unit'] as const;

/** References a unit makes must exist in the same tenant and, for divisions, lie inside it. */
async function checkReferences(
  c: Context<AppEnv>,
  tenant: string,
  u: { group?: string | undefined; divisionCode?: string | null | undefined },
) {
  if (u.group !== undefined && !(await c.get('deps').data.org.getGroup(tenant, u.group))) {
    throw errors.invalidReference(
      'body.group',
      `单位分组 ${u.group} 不存在。`,
      `Unit group ${u.group} does not exist.`,
    );
  }
  if (typeof u.divisionCode === 'string') {
    if (!findDivision(u.divisionCode)) throw errors.unknownDivision(u.divisionCode, 'body.divisionCode');
    if (!isWithinDivision(u.divisionCode, tenant) || u.divisionCode === tenant) {
      throw errors.invalidReference(
        'body.divisionCode',
        `行政区划 ${u.divisionCode} 不在本租户辖区内。`,
        `Division ${u.divisionCode} is not inside this tenant's area.`,
      );
    }
  }
}

/** Units under evaluation (被考核单位): departments, district governments, windows, providers, projects. */
export function unitRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/units',
      tags,
      security: secured,
      summary: 'List units (a unit user sees only its own unit)',
      request: { query: pageQuery.extend({ group: codeSchema.optional() }) },
      responses: { 200: json(pageOf(unitSchema), 'Units'), ...readErrors },
    }),
    async (c) => {
      const id = c.get('identity');
      authorize(id, 'org:read');
      const tenant = tenantOf(id);
      const q = c.req.valid('query');
      const scope = unitScope(id);
      const org = c.get('deps').data.org;
      if (scope !== undefined) {
        const own = await org.getUnit(tenant, scope);
        const items: Unit[] = own && (q.group === undefined || own.group === q.group) ? [own] : [];
        return c.json({ items }, 200);
      }
      return c.json(await org.listUnits(tenant, q), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/units',
      tags,
      security: secured,
      summary: 'Create a unit',
      request: { body: body(unitCreateSchema), headers: idempotencyHeader },
      responses: { 201: json(unitSchema, 'Created'), ...writeErrors },
    }),
    async (c) => {
      const id = c.get('identity');
      authorize(id, 'org:write');
      const tenant = tenantOf(id);
      const input = c.req.valid('json');
      return idempotent(c, 'units', input, async () => {
        await checkReferences(c, tenant, input);
        return { status: 201, body: await c.get('deps').data.org.createUnit(tenant, input) };
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/units/{code}',
      tags,
      security: secured,
      summary: 'Get a unit',
      request: { params: codeParam },
      responses: { 200: json(unitSchema, 'Unit'), ...readErrors },
    }),
    async (c) => {
      const id = c.get('identity');
      authorize(id, 'org:read');
      const { code } = c.req.valid('param');
      const scope = unitScope(id);
      if (scope !== undefined && scope !== code) throw errors.notFound(...NOT_FOUND);
      return c.json(await c.get('deps').data.org.getUnitOr404(tenantOf(id), code), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/units/{code}',
      tags,
      security: secured,
      summary: 'Change a unit',
      request: { params: codeParam, body: body(unitPatchSchema) },
      responses: { 200: json(unitSchema, 'Updated'), ...writeErrors },
    }),
    async (c) => {
      const id = c.get('identity');
      authorize(id, 'org:write');
      const tenant = tenantOf(id);
      const { code } = c.req.valid('param');
      const { version, ...changes } = c.req.valid('json');
      const org = c.get('deps').data.org;
      const current = await org.getUnitOr404(tenant, code);
      await checkReferences(c, tenant, changes);
      const updated = await org.updateUnit(tenant, code, version, changes, changes.group ?? current.group);
      return c.json(updated, 200);
    },
  );
}
