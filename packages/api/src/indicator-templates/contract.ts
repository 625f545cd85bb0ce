import { z } from '@hono/zod-openapi';
import { templateDetailSchema, templateSummarySchema } from '@jixiao/core';
import { json, readErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Indicator systems'];

/** The template gallery (模板): ready-made systems an office copies and adapts. */
export const templateContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/indicator-templates',
    tags,
    'x-permission': 'indicators:read',
    summary: 'The template gallery',
    responses: { 200: json(z.object({ items: z.array(templateSummarySchema) }), 'Templates'), ...readErrors },
  }),
  get: defineRoute({
    method: 'get',
    path: '/v1/indicator-templates/{templateId}',
    tags,
    'x-permission': 'indicators:read',
    summary: 'One template with its full content',
    request: { params: z.object({ templateId: z.string().regex(/^[a-z0-9_-]{1,40}$/) }) },
    responses: { 200: json(templateDetailSchema, 'Template'), ...readErrors },
  }),
};
