import { z } from '@hono/zod-openapi';
import {
  annualPlanPutSchema,
  codeSchema,
  commentModerationSchema,
  commentSchema,
  idPattern,
  longTermPlanPutSchema,
  longTermPlanSchema,
  opinionSchema,
  opinionStepSchema,
  planReviewSchema,
  planSummarySchema,
  planTransitionSchema,
  planViewSchema,
} from '@jixiao/core';
import { cycleParams, cycleUnitParams } from '../cycles/params';
import { body, json, pageOf, pageQuery, readErrors, writeErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Performance plans'];
const ltpParams = z.object({ unit: codeSchema, startYear: z.coerce.number().int().min(2000).max(2100) });
const commentParams = cycleUnitParams.extend({ commentId: z.string().regex(idPattern('comment')) });
const opinionParams = cycleParams.extend({ opinionId: z.string().regex(idPattern('opinion')) });

/**
 * Performance plans (绩效计划, arts. 7–12): a unit's 3–5-year plan, the cycle's annual plan with its
 * public consultation (art. 11), the office's review per indicator, publication, and the public's
 * opinions on published plans forwarded by the office (art. 12).
 */
export const planContract = {
  longTermList: defineRoute({
    method: 'get',
    path: '/v1/units/{unit}/long-term-plans',
    tags,
    'x-permission': 'cycles:read',
    summary: "A unit's 3–5-year plans",
    request: { params: z.object({ unit: codeSchema }) },
    responses: { 200: json(z.object({ items: z.array(longTermPlanSchema) }), 'Plans'), ...readErrors },
  }),
  longTermPut: defineRoute({
    method: 'put',
    path: '/v1/units/{unit}/long-term-plans/{startYear}',
    tags,
    'x-permission': 'plans:write',
    summary: 'Write the 3–5-year plan (four parts of art. 8) or link the five-year plan (art. 7 ¶2)',
    request: { params: ltpParams, body: body(longTermPlanPutSchema) },
    responses: { 200: json(longTermPlanSchema, 'Saved'), ...writeErrors },
  }),
  list: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/plans',
    tags,
    'x-permission': 'cycles:read',
    summary: "The cycle's annual plans, one row per unit in scope (a unit sees its own)",
    request: {
      params: cycleParams,
      query: pageQuery.extend({
        status: z
          .enum(['missing', 'draft', 'consultation', 'submitted', 'returned', 'approved', 'published'])
          .optional(),
      }),
    },
    responses: { 200: json(pageOf(planSummarySchema), 'Plans'), ...readErrors },
  }),
  get: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/plans/{unit}',
    tags,
    'x-permission': 'cycles:read',
    summary: "A unit's annual plan, with its indicators, what is missing and what the caller may do",
    request: { params: cycleUnitParams },
    responses: { 200: json(planViewSchema, 'Plan'), ...readErrors },
  }),
  put: defineRoute({
    method: 'put',
    path: '/v1/cycles/{cycleId}/plans/{unit}',
    tags,
    'x-permission': 'plans:write',
    summary:
      'Save the annual plan (draft or returned); send the version read, 409 if someone saved meanwhile',
    request: { params: cycleUnitParams, body: body(annualPlanPutSchema) },
    responses: { 200: json(planViewSchema, 'Saved'), ...writeErrors },
  }),
  transition: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/plans/{unit}/transitions',
    tags,
    'x-permission': 'cycles:act',
    summary: 'Open or close the public consultation, submit (unit); publish or reopen (office)',
    request: { params: cycleUnitParams, body: body(planTransitionSchema) },
    responses: { 200: json(planViewSchema, 'Moved'), ...writeErrors },
  }),
  review: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/plans/{unit}/reviews',
    tags,
    'x-permission': 'plans:review',
    summary: 'Approve or return (with a comment) indicators of a submitted plan',
    request: { params: cycleUnitParams, body: body(planReviewSchema) },
    responses: { 200: json(planViewSchema, 'Reviewed'), ...writeErrors },
  }),
  comments: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/plans/{unit}/comments',
    tags,
    'x-permission': 'cycles:act',
    summary: "The public's comments on the consultation draft, pending ones included",
    request: { params: cycleUnitParams, query: pageQuery },
    responses: { 200: json(pageOf(commentSchema), 'Comments'), ...readErrors },
  }),
  moderate: defineRoute({
    method: 'patch',
    path: '/v1/cycles/{cycleId}/plans/{unit}/comments/{commentId}',
    tags,
    'x-permission': 'plans:write',
    summary: 'Publish or reject a comment, and answer it',
    request: { params: commentParams, body: body(commentModerationSchema) },
    responses: { 200: json(commentSchema, 'Moderated'), ...writeErrors },
  }),
  opinions: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/opinions',
    tags,
    'x-permission': 'cycles:act',
    summary: 'Public opinions on published plans (the office sees all, a unit those forwarded to it)',
    request: { params: cycleParams, query: pageQuery },
    responses: { 200: json(pageOf(opinionSchema), 'Opinions'), ...readErrors },
  }),
  opinionStep: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/opinions/{opinionId}/steps',
    tags,
    'x-permission': 'cycles:act',
    summary: 'Forward an opinion to the unit or close it (office); reply to it (unit)',
    request: { params: opinionParams, body: body(opinionStepSchema) },
    responses: { 200: json(opinionSchema, 'Recorded'), ...writeErrors },
  }),
};
