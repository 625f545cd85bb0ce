import { randomBytes } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  AppError,
  authorize,
  codeSchema,
  errors,
  tenantOf,
  UNIT_SCOPED_ROLES,
  type User,
  unitScope,
  userCreateSchema,
  userPatchSchema,
  userSchema,
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
const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
const NOT_FOUND = ['用户', 'User'] as const;

/** Random, URL-safe, and readable: `u` + 16 lowercase base32 characters. */
const newUserId = () =>
  `u${Array.from(randomBytes(16), (b) => 'abcdefghijklmnopqrstuvwxyz234567'[b % 32]).join('')}`;

/**
 * Brings the user's sign-in account in line with the stored record. The record is written first
 * (no transactions): if the identity provider fails, the request fails with 503 and the next save
 * of the user repeats the sync, which is idempotent.
 */
async function syncAccount(c: Context<AppEnv>, tenant: string, user: User) {
  const t = await c.get('deps').data.tenants.getOr404(tenant);
  await c.get('deps').directory.upsertUser({ code: t.code, provinceCode: t.provinceCode }, user);
}

/** Provincial analysts work for a province: only a province-level tenant may grant the role. */
async function checkRoles(c: Context<AppEnv>, tenant: string, roles: readonly string[] | undefined) {
  if (!roles?.includes('provincial_analyst')) return;
  const t = await c.get('deps').data.tenants.getOr404(tenant);
  if (t.level !== 'province') {
    const zh = '只有省级租户可以设置省级分析人员。';
    const en = 'Only a province-level tenant can grant the provincial analyst role.';
    throw new AppError({
      status: 422,
      code: 'validation_failed',
      zh,
      en,
      fields: [{ path: 'body.roles', zh, en }],
    });
  }
}

async function checkUnit(c: Context<AppEnv>, tenant: string, unit: string | undefined) {
  if (unit !== undefined && !(await c.get('deps').data.org.getUnit(tenant, unit))) {
    throw errors.invalidReference('body.unit', `单位 ${unit} 不存在。`, `Unit ${unit} does not exist.`);
  }
}

/** Users of a tenant with their roles and, for unit roles, their unit. */
export function userRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/users',
      tags,
      security: secured,
      summary: "List users (a unit user sees its own unit's users)",
      request: { query: pageQuery.extend({ unit: codeSchema.optional() }) },
      responses: { 200: json(pageOf(userSchema), 'Users'), ...readErrors },
    }),
    async (c) => {
      const id = c.get('identity');
      authorize(id, 'users:read');
      const q = c.req.valid('query');
      const scope = unitScope(id);
      if (scope !== undefined && q.unit !== undefined && q.unit !== scope) return c.json({ items: [] }, 200);
      return c.json(
        await c.get('deps').data.org.listUsers(tenantOf(id), { ...q, unit: scope ?? q.unit }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/users',
      tags,
      security: secured,
      summary: 'Create a user',
      request: { body: body(userCreateSchema), headers: idempotencyHeader },
      responses: { 201: json(userSchema, 'Created'), ...writeErrors },
    }),
    async (c) => {
      const id = c.get('identity');
      authorize(id, 'users:write');
      const tenant = tenantOf(id);
      const input = c.req.valid('json');
      return idempotent(c, 'users', input, async () => {
        await checkRoles(c, tenant, input.roles);
        await checkUnit(c, tenant, input.unit);
        const user = await c.get('deps').data.org.createUser(tenant, { ...input, id: newUserId() });
        await syncAccount(c, tenant, user);
        return { status: 201, body: user };
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/users/{id}',
      tags,
      security: secured,
      summary: 'Get a user',
      request: { params: idParam },
      responses: { 200: json(userSchema, 'User'), ...readErrors },
    }),
    async (c) => {
      const id = c.get('identity');
      authorize(id, 'users:read');
      const user = await c.get('deps').data.org.getUserOr404(tenantOf(id), c.req.valid('param').id);
      const scope = unitScope(id);
      if (scope !== undefined && user.unit !== scope) throw errors.notFound(...NOT_FOUND);
      return c.json(user, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/users/{id}',
      tags,
      security: secured,
      summary: "Change a user's name, contact, roles, unit or status",
      request: { params: idParam, body: body(userPatchSchema) },
      responses: { 200: json(userSchema, 'Updated'), ...writeErrors },
    }),
    async (c) => {
      const id = c.get('identity');
      authorize(id, 'users:write');
      const tenant = tenantOf(id);
      const userId = c.req.valid('param').id;
      const { version, ...changes } = c.req.valid('json');
      const org = c.get('deps').data.org;
      const current = await org.getUserOr404(tenant, userId);
      const roles = changes.roles ?? current.roles;
      const unit = changes.unit === null ? undefined : (changes.unit ?? current.unit);
      if (unit === undefined && roles.some((r) => UNIT_SCOPED_ROLES.includes(r))) {
        throw errors.validation([
          {
            path: 'body.unit',
            zh: '被考核单位和数据提供部门用户必须指定所属单位',
            en: 'unit_user and data_provider users need a unit',
          },
        ]);
      }
      if (userId === id.sub && changes.roles && !changes.roles.includes('tenant_admin')) {
        throw new AppError({
          status: 409,
          code: 'self_lockout',
          zh: '不能移除自己的管理员角色。',
          en: 'You cannot remove your own admin role.',
        });
      }
      await checkRoles(c, tenant, changes.roles);
      await checkUnit(c, tenant, changes.unit ?? undefined);
      const updated = await org.updateUser(tenant, userId, version, changes, unit);
      await syncAccount(c, tenant, updated);
      return c.json(updated, 200);
    },
  );
}
