import { randomBytes } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  applyAction,
  authorize,
  can,
  contentOf,
  countLeaves,
  errors,
  FINANCE_CALCULATORS,
  type Identity,
  type IndicatorSystem,
  indicatorSystemSchema,
  scoreUnits,
  systemContentSchema,
  TEMPLATES,
  tenantOf,
  unitInputsSchema,
  validateSystem,
  weightSummary,
} from '@jixiao/core';
import { exportSystemXlsx, importSystemXlsx } from '@jixiao/reports';
import type { Context } from 'hono';
import type { AppEnv } from '../deps';
import { XLSX_TYPE } from '../http/body-guard';
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

const tags = ['Indicator systems'];
const KNOWN_CALCULATORS = Object.keys(FINANCE_CALCULATORS);
const idParam = z.object({ id: z.string().regex(/^is[a-z2-7]{12}$/) });
const versionParams = idParam.extend({ v: z.coerce.number().int().min(1).max(9999) });

const issueSchema = z.object({ path: z.string(), zh: z.string(), en: z.string() });
const weightSumSchema = z.object({
  path: z.string(),
  code: z.string().nullable(),
  name: z.string().nullable(),
  sum: z.number(),
  expected: z.number(),
  diff: z.number(),
  ok: z.boolean(),
});
const systemView = indicatorSystemSchema
  .extend({ issues: z.array(issueSchema), weights: z.array(weightSumSchema) })
  .openapi('IndicatorSystem');
const summarySchema = z.object({
  id: z.string(),
  systemVersion: z.number(),
  status: z.string(),
  name: z.string(),
  template: z.string().optional(),
  leafCount: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const listingSchema = z
  .object({ id: z.string(), latest: summarySchema, approved: summarySchema.optional(), versions: z.number() })
  .openapi('IndicatorSystemListing');

const newSystemId = () =>
  `is${Array.from(randomBytes(12), (b) => 'abcdefghijklmnopqrstuvwxyz234567'[b % 32]).join('')}`;

/** Unit group codes of the tenant, for the "groups exist" check. */
async function groupCodes(c: Context<AppEnv>, tenant: string): Promise<string[]> {
  const groups = await c
    .get('deps')
    .data.store.all<{ code: string }>(
      { pk: `T#${tenant}#ORG`, skPrefix: 'GROUP#', attributes: ['code'] },
      `T:${tenant}:groups:all`,
    );
  return groups.map((g) => g.code);
}

async function view(c: Context<AppEnv>, tenant: string, s: IndicatorSystem) {
  const parsed = contentOf(s);
  const issues = validateSystem(parsed, {
    unitGroups: await groupCodes(c, tenant),
    knownCalculators: KNOWN_CALCULATORS,
  });
  return { ...s, issues, weights: weightSummary(parsed) };
}

/** Only the office sees drafts and filings in progress; everyone else sees approved and retired versions. */
function visible(id: Identity, s: { status: IndicatorSystem['status'] }): boolean {
  return can(id, 'indicators:drafts') || s.status === 'approved' || s.status === 'retired';
}

const notFound = () => errors.notFound('指标体系', 'Indicator system');

async function readVersion(c: Context<AppEnv>, id: string, v: number) {
  const identity = c.get('identity');
  authorize(identity, 'indicators:read');
  const tenant = tenantOf(identity);
  const s = await c.get('deps').data.indicatorSystems.getVersion(tenant, id, v);
  if (!visible(identity, s)) throw notFound();
  return { tenant, s };
}

/** Indicator systems: templates, drafts, filing (备案) lifecycle, Excel round trip, and a scoring trial. */
export function indicatorSystemRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/indicator-templates',
      tags,
      security: secured,
      summary: 'The template gallery',
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.object({ zh: z.string(), en: z.string() }),
                description: z.object({ zh: z.string(), en: z.string() }),
                appliesTo: z.object({ zh: z.string(), en: z.string() }),
                source: z.string(),
                dimensions: z.array(z.object({ code: z.string(), name: z.string(), weight: z.number() })),
                leafCount: z.number(),
              }),
            ),
          }),
          'Templates',
        ),
        ...readErrors,
      },
    }),
    (c) => {
      authorize(c.get('identity'), 'indicators:read');
      return c.json(
        {
          items: TEMPLATES.map((t) => ({
            id: t.id,
            name: t.name,
            description: t.description,
            appliesTo: t.appliesTo,
            source: t.source,
            dimensions: t.content.dimensions.map((d) => ({ code: d.code, name: d.name, weight: d.weight })),
            leafCount: countLeaves(t.content.dimensions),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/indicator-templates/{templateId}',
      tags,
      security: secured,
      summary: 'One template with its full content',
      request: { params: z.object({ templateId: z.string().regex(/^[a-z0-9_-]{1,40}$/) }) },
      responses: {
        200: json(z.object({ id: z.string(), content: systemContentSchema }).passthrough(), 'Template'),
        ...readErrors,
      },
    }),
    (c) => {
      authorize(c.get('identity'), 'indicators:read');
      const t = TEMPLATES.find((x) => x.id === c.req.valid('param').templateId);
      if (!t) throw errors.notFound('模板', 'Template');
      return c.json({ ...t, weights: weightSummary(t.content) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/indicator-systems',
      tags,
      security: secured,
      summary: 'Indicator systems with their latest and approved versions',
      request: { query: pageQuery },
      responses: { 200: json(pageOf(listingSchema), 'Systems'), ...readErrors },
    }),
    async (c) => {
      const identity = c.get('identity');
      authorize(identity, 'indicators:read');
      const page = await c.get('deps').data.indicatorSystems.list(tenantOf(identity), c.req.valid('query'));
      if (can(identity, 'indicators:drafts')) return c.json(page, 200);
      // Others see a system only once a version is approved, and only that version.
      const items = page.items.flatMap((s) => (s.approved ? [{ ...s, latest: s.approved }] : []));
      return c.json({ ...page, items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/indicator-systems',
      tags,
      security: secured,
      summary: 'Create a draft system, from a template or from content',
      request: {
        headers: idempotencyHeader,
        body: body(
          z
            .object({
              template: z
                .string()
                .regex(/^[a-z0-9_-]{1,40}$/)
                .optional(),
              name: z.string().trim().min(1).max(100).optional(),
              content: systemContentSchema.optional(),
            })
            .strict()
            .refine((b) => !!b.template !== !!b.content, {
              message: '须提供 template 或 content 之一 / give exactly one of template or content',
            }),
        ),
      },
      responses: { 201: json(systemView, 'Created'), ...writeErrors },
    }),
    async (c) => {
      const identity = c.get('identity');
      authorize(identity, 'indicators:write');
      const tenant = tenantOf(identity);
      const input = c.req.valid('json');
      return idempotent(c, 'indicator-systems', input, async () => {
        let content = input.content;
        if (input.template) {
          const t = TEMPLATES.find((x) => x.id === input.template);
          if (!t) {
            throw errors.invalidReference(
              'body.template',
              `模板 ${input.template} 不存在。`,
              `Template ${input.template} does not exist.`,
            );
          }
          content = structuredClone(t.content);
        }
        const created = await c.get('deps').data.indicatorSystems.createVersion(tenant, {
          id: newSystemId(),
          systemVersion: 1,
          content: { ...content!, ...(input.name ? { name: input.name } : {}) },
          ...(input.template ? { template: input.template } : {}),
        });
        return { status: 201, body: await view(c, tenant, created) };
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/indicator-systems/import',
      tags,
      security: secured,
      summary: 'Create a draft system from an .xlsx file in the office layout',
      request: {
        body: {
          required: true,
          content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
      responses: { 201: json(systemView, 'Created'), ...writeErrors },
    }),
    async (c) => {
      const identity = c.get('identity');
      authorize(identity, 'indicators:write');
      const tenant = tenantOf(identity);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const r = await importSystemXlsx(bytes);
      if (!r.ok) {
        throw errors.validation(
          r.issues.map((i) =>
            i.sheet
              ? {
                  path: `file.${i.sheet}!${i.cell}`,
                  zh: `${i.sheet} ${i.cell}：${i.zh}`,
                  en: `${i.sheet} ${i.cell}: ${i.en}`,
                }
              : { path: 'file', zh: i.zh, en: i.en },
          ),
        );
      }
      const created = await c.get('deps').data.indicatorSystems.createVersion(tenant, {
        id: newSystemId(),
        systemVersion: 1,
        content: r.content,
      });
      return c.json(await view(c, tenant, created), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/indicator-systems/{id}',
      tags,
      security: secured,
      summary: 'The latest version you may see, with its issues and weight sums',
      request: { params: idParam },
      responses: {
        200: json(systemView.extend({ versions: z.array(summarySchema) }), 'System'),
        ...readErrors,
      },
    }),
    async (c) => {
      const identity = c.get('identity');
      authorize(identity, 'indicators:read');
      const tenant = tenantOf(identity);
      const { id } = c.req.valid('param');
      const repo = c.get('deps').data.indicatorSystems;
      const versions = (await repo.versions(tenant, id)).filter((v) => visible(identity, v));
      const newest = versions.at(-1);
      if (!newest) throw notFound();
      const s = await repo.getVersion(tenant, id, newest.systemVersion);
      return c.json({ ...(await view(c, tenant, s)), versions }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/indicator-systems/{id}/versions/{v}',
      tags,
      security: secured,
      summary: 'One version',
      request: { params: versionParams },
      responses: { 200: json(systemView, 'Version'), ...readErrors },
    }),
    async (c) => {
      const { id, v } = c.req.valid('param');
      const { tenant, s } = await readVersion(c, id, v);
      return c.json(await view(c, tenant, s), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/indicator-systems/{id}/versions/{v}',
      tags,
      security: secured,
      summary: "Replace a draft's content (drafts may be incomplete; issues are listed)",
      request: {
        params: versionParams,
        body: body(z.object({ version: z.number().int().positive(), content: systemContentSchema }).strict()),
      },
      responses: { 200: json(systemView, 'Updated'), ...writeErrors },
    }),
    async (c) => {
      const identity = c.get('identity');
      authorize(identity, 'indicators:write');
      const tenant = tenantOf(identity);
      const { id, v } = c.req.valid('param');
      const { version, content } = c.req.valid('json');
      const updated = await c.get('deps').data.indicatorSystems.updateDraft(tenant, id, v, version, content);
      return c.json(await view(c, tenant, updated), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/indicator-systems/{id}/versions/{v}',
      tags,
      security: secured,
      summary: 'Discard a draft version',
      request: { params: versionParams, query: z.object({ version: z.coerce.number().int().positive() }) },
      responses: { 204: { description: 'Deleted' }, ...writeErrors },
    }),
    async (c) => {
      const identity = c.get('identity');
      authorize(identity, 'indicators:write');
      const { id, v } = c.req.valid('param');
      await c
        .get('deps')
        .data.indicatorSystems.deleteDraft(tenantOf(identity), id, v, c.req.valid('query').version);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/indicator-systems/{id}/versions/{v}/transitions',
      tags,
      security: secured,
      summary: 'Submit for filing, approve, return for changes, or retire',
      request: {
        params: versionParams,
        body: body(
          z
            .object({
              action: z.enum(['submit', 'approve', 'return', 'retire']),
              version: z.number().int().positive(),
              note: z.string().trim().max(1000).optional(),
            })
            .strict(),
        ),
      },
      responses: { 200: json(systemView, 'Moved'), ...writeErrors },
    }),
    async (c) => {
      const identity = c.get('identity');
      authorize(identity, 'indicators:write');
      const tenant = tenantOf(identity);
      const { id, v } = c.req.valid('param');
      const { action, version, note } = c.req.valid('json');
      const repo = c.get('deps').data.indicatorSystems;
      const current = await repo.getVersion(tenant, id, v);
      const next = applyAction(current.status, action, note, 'body.note');
      if (action === 'submit' || action === 'approve') {
        const checked = await view(c, tenant, current);
        if (checked.issues.length) throw errors.validation(checked.issues);
      }
      const moved = await repo.setStatus(
        tenant,
        id,
        v,
        version,
        [current.status],
        next.status,
        next.statusNote,
      );
      return c.json(await view(c, tenant, moved), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/indicator-systems/{id}/versions',
      tags,
      security: secured,
      summary: 'Start a new draft version from an existing version (an approved one stays as it is)',
      request: {
        params: idParam,
        headers: idempotencyHeader,
        body: body(z.object({ from: z.number().int().min(1).max(9999) }).strict()),
      },
      responses: { 201: json(systemView, 'Created'), ...writeErrors },
    }),
    async (c) => {
      const identity = c.get('identity');
      authorize(identity, 'indicators:write');
      const tenant = tenantOf(identity);
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return idempotent(c, `indicator-versions-${id}`, input, async () => {
        const repo = c.get('deps').data.indicatorSystems;
        const source = await repo.getVersion(tenant, id, input.from);
        const latest = await repo.latest(tenant, id);
        const created = await repo.createVersion(tenant, {
          id,
          systemVersion: latest.systemVersion + 1,
          content: contentOf(source),
          ...(source.template ? { template: source.template } : {}),
        });
        return { status: 201, body: await view(c, tenant, created) };
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/indicator-systems/{id}/versions/{v}/export.xlsx',
      tags,
      security: secured,
      summary: 'Download the version as .xlsx in the office layout',
      request: { params: versionParams },
      responses: {
        200: {
          description: 'Workbook',
          content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...readErrors,
      },
    }),
    async (c) => {
      const { id, v } = c.req.valid('param');
      const { tenant, s } = await readVersion(c, id, v);
      const t = await c.get('deps').data.tenants.get(tenant);
      const bytes = await exportSystemXlsx(contentOf(s), {
        ...(t ? { tenantName: t.fullName } : {}),
        status: s.status,
        systemVersion: s.systemVersion,
      });
      const systemVersion = s.systemVersion;
      const filename = encodeURIComponent(`${s.name}-v${systemVersion}.xlsx`);
      return new Response(bytes as Uint8Array<ArrayBuffer>, {
        headers: {
          'content-type': XLSX_TYPE,
          'content-disposition': `attachment; filename="system-v${systemVersion}.xlsx"; filename*=UTF-8''${filename}`,
        },
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/indicator-systems/{id}/versions/{v}/trial',
      tags,
      security: secured,
      summary: 'Score sample inputs with this version and return the full breakdown (nothing is stored)',
      request: {
        params: versionParams,
        body: body(
          z
            .object({
              units: z
                .array(unitInputsSchema)
                .min(1)
                .max(200)
                .refine((us) => new Set(us.map((u) => u.unit)).size === us.length, {
                  message: '同一单位只能出现一次 / each unit may appear only once',
                }),
            })
            .strict(),
        ),
      },
      responses: {
        200: json(z.object({ units: z.array(z.unknown()) }).passthrough(), 'Breakdown'),
        ...writeErrors,
      },
    }),
    async (c) => {
      const identity = c.get('identity');
      authorize(identity, 'indicators:write');
      const { id, v } = c.req.valid('param');
      const { s } = await readVersion(c, id, v);
      const result = scoreUnits(contentOf(s), c.req.valid('json').units, {
        calculators: FINANCE_CALCULATORS,
      });
      return c.json(result as never, 200);
    },
  );
}
