import { z } from '@hono/zod-openapi';
import {
  codeSchema,
  idPattern,
  RESULT_USE_KINDS,
  resultUseCreateSchema,
  resultUseListSchema,
  resultUsePatchSchema,
  resultUseRevokeSchema,
  resultUseViewSchema,
} from '@jixiao/core';
import { cycleParams, cycleUnitParams } from '../cycles/params';
import { body, idempotencyHeader, json, pageQuery, readErrors, writeErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Use of results'];
const useParams = cycleUnitParams.extend({ useId: z.string().regex(idPattern('resultUse')) });

/** Use of results (结果运用): how the office used the released results, per unit, audited. */
export const resultUseContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/result-uses',
    tags,
    'x-permission': 'cycles:read',
    summary:
      'Uses of the results by unit, with totals (in force, Σ 万元): the office and observers see every unit’s, a unit its own',
    request: {
      params: cycleParams,
      query: pageQuery.extend({ unit: codeSchema.optional(), kind: z.enum(RESULT_USE_KINDS).optional() }),
    },
    responses: { 200: json(resultUseListSchema, 'Uses of results'), ...readErrors },
  }),
  create: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/result-uses/units/{unit}',
    tags,
    'x-permission': 'results:use',
    summary:
      'Record how the released results were used for a unit, with the decision document (文号) and day',
    request: { params: cycleUnitParams, body: body(resultUseCreateSchema), headers: idempotencyHeader },
    responses: { 201: json(resultUseViewSchema, 'Recorded'), ...writeErrors },
  }),
  get: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/result-uses/units/{unit}/{useId}',
    tags,
    'x-permission': 'cycles:read',
    summary: 'One use of results',
    request: { params: useParams },
    responses: { 200: json(resultUseViewSchema, 'Use of results'), ...readErrors },
  }),
  update: defineRoute({
    method: 'patch',
    path: '/v1/cycles/{cycleId}/result-uses/units/{unit}/{useId}',
    tags,
    'x-permission': 'results:use',
    summary: 'Change a use (by its version); a revoked one is kept as it was',
    request: { params: useParams, body: body(resultUsePatchSchema) },
    responses: { 200: json(resultUseViewSchema, 'Updated'), ...writeErrors },
  }),
  revoke: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/result-uses/units/{unit}/{useId}/revoke',
    tags,
    'x-permission': 'results:use',
    summary: 'Revoke a use with the reason: it is kept, marked revoked',
    request: { params: useParams, body: body(resultUseRevokeSchema) },
    responses: { 200: json(resultUseViewSchema, 'Revoked'), ...writeErrors },
  }),
};
