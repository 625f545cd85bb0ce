import { z } from '@hono/zod-openapi';
import {
  CODE_PATTERN,
  idPattern,
  SYSTEM_ACTIONS,
  scoringResultSchema,
  systemContentSchema,
  systemListingSchema,
  systemViewSchema,
  unitInputsSchema,
  weightCorrectionSchema,
} from '@jixiao/core';
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

const tags = ['Indicator systems'];
export const systemParams = z.object({ id: z.string().regex(idPattern('indicatorSystem')) });
export const versionParams = systemParams.extend({ v: z.coerce.number().int().min(1).max(9999) });

export const createSystemBody = z
  .object({
    template: z
      .string()
      .regex(/^[a-z0-9_-]{1,40}$/)
      .optional(),
    name: z.string().trim().min(1).max(100).optional(),
    content: systemContentSchema.optional(),
    /** With a template: which of the tenant's unit groups each of the template's groups means. */
    groups: z
      .record(z.string().regex(CODE_PATTERN), z.array(z.string().regex(CODE_PATTERN)).max(50))
      .optional()
      .meta({ description: "template group → the tenant's unit group codes, e.g. { approval: ['ECON'] }" }),
  })
  .strict()
  .refine((b) => !!b.template !== !!b.content, {
    message: '须提供 template 或 content 之一 / give exactly one of template or content',
  })
  .refine((b) => !b.groups || !!b.template, {
    message: '分组对应只用于从模板新建 / groups map a template’s groups, so they need a template',
    path: ['groups'],
  });

export const transitionBody = z
  .object({
    action: z.enum(SYSTEM_ACTIONS),
    version: z.number().int().positive(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();

export const trialBody = z
  .object({
    units: z
      .array(unitInputsSchema)
      .min(1)
      .max(200)
      .refine((us) => new Set(us.map((u) => u.unit)).size === us.length, {
        message: '同一单位只能出现一次 / each unit may appear only once',
      }),
  })
  .strict();

/** A weight correction with the draft's `version` (optimistic concurrency). */
export const correctWeightsBody = z
  .object({ version: z.number().int().positive(), correction: weightCorrectionSchema })
  .strict();

/** Indicator systems: drafts, the filing (备案) lifecycle, versions, and a scoring trial. */
export const systemContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/indicator-systems',
    tags,
    'x-permission': 'indicators:read',
    summary: 'Indicator systems with their latest and approved versions',
    request: { query: pageQuery },
    responses: { 200: json(pageOf(systemListingSchema), 'Systems'), ...readErrors },
  }),
  create: defineRoute({
    method: 'post',
    path: '/v1/indicator-systems',
    tags,
    'x-permission': 'indicators:draft',
    summary: 'Create a draft system, from a template or from content',
    request: { headers: idempotencyHeader, body: body(createSystemBody) },
    responses: { 201: json(systemViewSchema, 'Created'), ...writeErrors },
  }),
  get: defineRoute({
    method: 'get',
    path: '/v1/indicator-systems/{id}',
    tags,
    'x-permission': 'indicators:read',
    summary: 'The latest version you may see, with its issues, weight sums and the versions you may see',
    request: { params: systemParams },
    responses: { 200: json(systemViewSchema, 'System'), ...readErrors },
  }),
  getVersion: defineRoute({
    method: 'get',
    path: '/v1/indicator-systems/{id}/versions/{v}',
    tags,
    'x-permission': 'indicators:read',
    summary: 'One version',
    request: { params: versionParams },
    responses: { 200: json(systemViewSchema, 'Version'), ...readErrors },
  }),
  putDraft: defineRoute({
    method: 'put',
    path: '/v1/indicator-systems/{id}/versions/{v}',
    tags,
    'x-permission': 'indicators:draft',
    summary: "Replace a draft's content (drafts may be incomplete; issues are listed)",
    request: {
      params: versionParams,
      body: body(z.object({ version: z.number().int().positive(), content: systemContentSchema }).strict()),
    },
    responses: { 200: json(systemViewSchema, 'Updated'), ...writeErrors },
  }),
  deleteDraft: defineRoute({
    method: 'delete',
    path: '/v1/indicator-systems/{id}/versions/{v}',
    tags,
    'x-permission': 'indicators:draft',
    summary: 'Discard a draft version',
    request: { params: versionParams, query: versionQuery },
    responses: { 204: { description: 'Deleted' }, ...writeErrors },
  }),
  transition: defineRoute({
    method: 'post',
    path: '/v1/indicator-systems/{id}/versions/{v}/transitions',
    tags,
    'x-permission': 'indicators:draft',
    summary: 'Submit for filing, approve, return for changes, or retire',
    request: { params: versionParams, body: body(transitionBody) },
    responses: { 200: json(systemViewSchema, 'Moved'), ...writeErrors },
  }),
  newVersion: defineRoute({
    method: 'post',
    path: '/v1/indicator-systems/{id}/versions',
    tags,
    'x-permission': 'indicators:draft',
    summary: 'Start a new draft version from an existing version (an approved one stays as it is)',
    request: {
      params: systemParams,
      headers: idempotencyHeader,
      body: body(z.object({ from: z.number().int().min(1).max(9999) }).strict()),
    },
    responses: { 201: json(systemViewSchema, 'Created'), ...writeErrors },
  }),
  correctWeights: defineRoute({
    method: 'post',
    path: '/v1/indicator-systems/{id}/versions/{v}/weight-corrections',
    tags,
    'x-permission': 'indicators:draft',
    summary:
      "Correct a draft's weights that do not add up: scale a sibling list to its expected sum, or lower the weights you name by exactly the excess",
    request: { params: versionParams, body: body(correctWeightsBody) },
    responses: { 200: json(systemViewSchema, 'Corrected'), ...writeErrors },
  }),
  trial: defineRoute({
    method: 'post',
    path: '/v1/indicator-systems/{id}/versions/{v}/trial',
    tags,
    'x-permission': 'indicators:draft',
    summary: 'Score sample inputs with this version and return the full breakdown (nothing is stored)',
    request: { params: versionParams, body: body(trialBody) },
    responses: { 200: json(scoringResultSchema, 'Breakdown'), ...writeErrors },
  }),
};
