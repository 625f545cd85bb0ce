import { z } from '@hono/zod-openapi';
import {
  APPEAL_STATUSES,
  appealCreateSchema,
  appealDecideSchema,
  appealListSchema,
  appealViewSchema,
  appealWithdrawSchema,
  codeSchema,
  idPattern,
  unitAppealsViewSchema,
} from '@jixiao/core';
import { cycleParams, cycleUnitParams } from '../cycles/params';
import { body, idempotencyHeader, json, pageQuery, readErrors, writeErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Appeals'];
const appealParams = cycleUnitParams.extend({ appealId: z.string().regex(idPattern('appeal')) });

/**
 * Appeals (申诉复核): a unit appeals an indicator of its released result or the conclusion within
 * the appeal window; the office accepts (correcting the input) or rejects with reasons; the unit
 * sees the outcome once a later run is released.
 */
export const appealContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/appeals',
    tags,
    'x-permission': 'cycles:read',
    summary:
      "Appeals oldest first (the office's queue): the office and observers see every unit's, a unit its own",
    request: {
      params: cycleParams,
      query: pageQuery.extend({ status: z.enum(APPEAL_STATUSES).optional(), unit: codeSchema.optional() }),
    },
    responses: { 200: json(appealListSchema, 'Appeals'), ...readErrors },
  }),
  unit: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/appeals/units/{unit}',
    tags,
    'x-permission': 'cycles:read',
    summary:
      "A unit's appeals page: its released standing, the indicators and documents it may name, its appeals, whether it may appeal now",
    request: { params: cycleUnitParams },
    responses: { 200: json(unitAppealsViewSchema, "The unit's appeals"), ...readErrors },
  }),
  submit: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/appeals/units/{unit}',
    tags,
    'x-permission': 'appeals:write',
    summary:
      "Appeal an indicator of the unit's released result, or the conclusion (the unit's own user; review step, released results, appeal window)",
    request: { params: cycleUnitParams, body: body(appealCreateSchema), headers: idempotencyHeader },
    responses: { 201: json(appealViewSchema, 'Submitted'), ...writeErrors },
  }),
  get: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/appeals/units/{unit}/{appealId}',
    tags,
    'x-permission': 'cycles:read',
    summary: 'One appeal with its decision and, once a later run is released, how the standing changed',
    request: { params: appealParams },
    responses: { 200: json(appealViewSchema, 'Appeal'), ...readErrors },
  }),
  withdraw: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/appeals/units/{unit}/{appealId}/withdraw',
    tags,
    'x-permission': 'appeals:write',
    summary: 'Withdraw an appeal before the office decides it',
    request: { params: appealParams, body: body(appealWithdrawSchema) },
    responses: { 200: json(appealViewSchema, 'Withdrawn'), ...writeErrors },
  }),
  decide: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/appeals/units/{unit}/{appealId}/decision',
    tags,
    'x-permission': 'appeals:decide',
    summary:
      "Accept (optionally correcting the leaf's value or determined input, for the next run) or reject, with the reason",
    request: { params: appealParams, body: body(appealDecideSchema) },
    responses: { 200: json(appealViewSchema, 'Decided'), ...writeErrors },
  }),
};
