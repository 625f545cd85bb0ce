import { z } from '@hono/zod-openapi';
import {
  INVITATION_STATUSES,
  idPattern,
  integrityDecisionInputSchema,
  integrityDecisionSchema,
  invitationBatchResultSchema,
  invitationBatchSchema,
  invitationSchema,
  surveyInputSchema,
  surveyPutSchema,
  surveyResultsSchema,
  surveySchema,
  surveyTransitionSchema,
  surveyViewSchema,
} from '@jixiao/core';
import { cycleParams } from '../cycles/params';
import {
  body,
  idempotencyHeader,
  json,
  pageOf,
  pageQuery,
  readErrors,
  writeErrors,
} from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Surveys'];
const surveyParams = cycleParams.extend({ surveyId: z.string().regex(idPattern('survey')) });

/** Satisfaction surveys (满意度测评): questionnaires, invitations, results and integrity. */
export const surveyContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/surveys',
    tags,
    'x-permission': 'cycles:oversee',
    summary: "The cycle's satisfaction surveys",
    request: { params: cycleParams, query: pageQuery },
    responses: { 200: json(pageOf(surveySchema), 'Surveys'), ...readErrors },
  }),
  create: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/surveys',
    tags,
    'x-permission': 'surveys:manage',
    summary: 'Draft a questionnaire: groups and weights, rated units, questions and the leaves they feed',
    request: { params: cycleParams, body: body(surveyInputSchema), headers: idempotencyHeader },
    responses: { 201: json(surveyViewSchema, 'Drafted'), ...writeErrors },
  }),
  get: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/surveys/{surveyId}',
    tags,
    'x-permission': 'cycles:oversee',
    summary: 'A survey with its counts of invitations and answers',
    request: { params: surveyParams },
    responses: { 200: json(surveyViewSchema, 'Survey'), ...readErrors },
  }),
  put: defineRoute({
    method: 'put',
    path: '/v1/cycles/{cycleId}/surveys/{surveyId}',
    tags,
    'x-permission': 'surveys:manage',
    summary: 'Change a draft survey; 409 if someone saved meanwhile or it is open',
    request: { params: surveyParams, body: body(surveyPutSchema) },
    responses: { 200: json(surveyViewSchema, 'Saved'), ...writeErrors },
  }),
  transition: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/surveys/{surveyId}/transitions',
    tags,
    'x-permission': 'surveys:manage',
    summary: 'Open the survey for answers, or close it',
    request: { params: surveyParams, body: body(surveyTransitionSchema) },
    responses: { 200: json(surveyViewSchema, 'Done'), ...writeErrors },
  }),
  invite: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/surveys/{surveyId}/invitations',
    tags,
    'x-permission': 'surveys:manage',
    summary: 'Issue a batch of invitation tokens (one answer each) for a group, optionally bound to a unit',
    request: { params: surveyParams, body: body(invitationBatchSchema), headers: idempotencyHeader },
    responses: { 201: json(invitationBatchResultSchema, 'Issued'), ...writeErrors },
  }),
  invitations: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/surveys/{surveyId}/invitations',
    tags,
    'x-permission': 'surveys:manage',
    summary: 'The invitations (their tokens are the links to print), by status or batch',
    request: {
      params: surveyParams,
      query: pageQuery.extend({
        status: z.enum(INVITATION_STATUSES).optional(),
        batch: z
          .string()
          .regex(/^[a-z2-7]{8,32}$/)
          .optional(),
      }),
    },
    responses: { 200: json(pageOf(invitationSchema), 'Invitations'), ...readErrors },
  }),
  results: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/surveys/{surveyId}/results',
    tags,
    'x-permission': 'cycles:oversee',
    summary:
      'Counts for all, verified and as-decided answers per unit and leaf, integrity flags, and the rule preview',
    request: { params: surveyParams },
    responses: { 200: json(surveyResultsSchema, 'Results'), ...readErrors },
  }),
  decide: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/surveys/{surveyId}/integrity-decisions',
    tags,
    'x-permission': 'surveys:manage',
    summary: 'Decide whether the answers of an integrity flag count (audited)',
    request: { params: surveyParams, body: body(integrityDecisionInputSchema) },
    responses: { 200: json(integrityDecisionSchema, 'Decided'), ...writeErrors },
  }),
};
