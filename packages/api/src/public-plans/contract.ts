import { z } from '@hono/zod-openapi';
import {
  codeSchema,
  DIVISION_CODE_PATTERN,
  idPattern,
  publicConsultationSchema,
  publicMessageSchema,
  publicPlanListSchema,
  publicPlanSchema,
  publicReceiptSchema,
} from '@jixiao/core';
import { body, json, readErrors, writeErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Public'];
const tenantParams = z.object({ tenant: z.string().regex(DIVISION_CODE_PATTERN) });
const consultationParams = tenantParams.extend({
  consultationId: z.string().regex(idPattern('consultation')),
});
const planParams = tenantParams.extend({ cycleId: z.string().regex(idPattern('cycle')), unit: codeSchema });

/**
 * What the public reaches without signing in (the only routes that name the tenant in the path):
 * a draft open for comment (art. 11) and published plans with the form for opinions (art. 12).
 * Nothing else of a tenant is reachable here.
 */
export const publicPlanContract = {
  consultation: defineRoute({
    method: 'get',
    path: '/v1/public/{tenant}/consultations/{consultationId}',
    tags,
    'x-permission': 'public',
    summary: 'A draft plan open for public comment, with the published comments and answers',
    request: { params: consultationParams },
    responses: { 200: json(publicConsultationSchema, 'Consultation'), ...readErrors },
  }),
  comment: defineRoute({
    method: 'post',
    path: '/v1/public/{tenant}/consultations/{consultationId}/comments',
    tags,
    'x-permission': 'public',
    summary: 'Comment on a draft plan (shown once the unit has moderated it)',
    request: { params: consultationParams, body: body(publicMessageSchema) },
    responses: { 201: json(publicReceiptSchema, 'Received'), ...writeErrors },
  }),
  plans: defineRoute({
    method: 'get',
    path: '/v1/public/{tenant}/plans',
    tags,
    'x-permission': 'public',
    summary: "The tenant's published annual plans",
    request: { params: tenantParams },
    responses: { 200: json(publicPlanListSchema, 'Published plans'), ...readErrors },
  }),
  plan: defineRoute({
    method: 'get',
    path: '/v1/public/{tenant}/cycles/{cycleId}/plans/{unit}',
    tags,
    'x-permission': 'public',
    summary: 'A published annual plan',
    request: { params: planParams },
    responses: { 200: json(publicPlanSchema, 'Plan'), ...readErrors },
  }),
  opinion: defineRoute({
    method: 'post',
    path: '/v1/public/{tenant}/cycles/{cycleId}/plans/{unit}/opinions',
    tags,
    'x-permission': 'public',
    summary: 'Send the office an opinion on a published plan (art. 12 ¶2)',
    request: { params: planParams, body: body(publicMessageSchema) },
    responses: { 201: json(publicReceiptSchema, 'Received'), ...writeErrors },
  }),
};
