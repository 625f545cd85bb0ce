import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  authorize,
  codeSchema,
  errors,
  tenantOf,
  unitGroupCreateSchema,
  unitGroupPatchSchema,
  unitGroupSchema,
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

const tags = ['Organisation'];
const codeParam = z.object({ code: codeSchema });

/** Unit groups (分类): the peer groups units are ranked within, e.g. 综合经济部门. */
export function unitGroupRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/unit-groups',
      tags,
      security: secured,
      summary: 'List unit groups',
      request: { query: pageQuery },
      responses: { 200: json(pageOf(unitGroupSchema), 'Unit groups'), ...readErrors },
    }),
    async (c) => {
      const id = c.get('identity');
      authorize(id, 'org:read');
      return c.json(await c.get('deps').data.org.listGroups(tenantOf(id), c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/unit-groups',
      tags,
      security: secured,
      summary: 'Create a unit group',
      request: { body: body(unitGroupCreateSchema), headers: idempotencyHeader },
      responses: { 201: json(unitGroupSchema, 'Created'), ...writeErrors },
    }),
    async (c) => {
      const id = c.get('identity');
      authorize(id, 'org:write');
      const input = c.req.valid('json');
      return idempotent(c, 'unit-groups', input, async () => ({
        status: 201,
        body: await c.get('deps').data.org.createGroup(tenantOf(id), input),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/unit-groups/{code}',
      tags,
      security: secured,
      summary: 'Get a unit group',
      request: { params: codeParam },
      responses: { 200: json(unitGroupSchema, 'Unit group'), ...readErrors },
    }),
    async (c) => {
      const id = c.get('identity');
      authorize(id, 'org:read');
      return c.json(await c.get('deps').data.org.getGroupOr404(tenantOf(id), c.req.valid('param').code), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/unit-groups/{code}',
      tags,
      security: secured,
      summary: 'Change a unit group',
      request: { params: codeParam, body: body(unitGroupPatchSchema) },
      responses: { 200: json(unitGroupSchema, 'Updated'), ...writeErrors },
    }),
    async (c) => {
      const id = c.get('identity');
      authorize(id, 'org:write');
      const { version, ...changes } = c.req.valid('json');
      const updated = await c
        .get('deps')
        .data.org.updateGroup(tenantOf(id), c.req.valid('param').code, version, changes);
      return c.json(updated, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/unit-groups/{code}',
      tags,
      security: secured,
      summary: 'Delete an empty unit group',
      request: { params: codeParam, query: z.object({ version: z.coerce.number().int().positive() }) },
      responses: { 204: { description: 'Deleted' }, ...writeErrors },
    }),
    async (c) => {
      const id = c.get('identity');
      authorize(id, 'org:write');
      const tenant = tenantOf(id);
      const { code } = c.req.valid('param');
      const org = c.get('deps').data.org;
      await org.getGroupOr404(tenant, code);
      if (await org.groupHasUnits(tenant, code)) {
        throw errors.inUse(
          '该分组下仍有单位，请先移走单位再删除。',
          'Units still belong to this group; move them first.',
        );
      }
      await org.deleteGroup(tenant, code, c.req.valid('query').version);
      return c.body(null, 204);
    },
  );
}
