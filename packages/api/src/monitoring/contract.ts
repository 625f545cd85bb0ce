import { z } from '@hono/zod-openapi';
import {
  checkCreateSchema,
  checkPatchSchema,
  checkSchema,
  codeSchema,
  idPattern,
  progressPutSchema,
  progressViewSchema,
} from '@jixiao/core';
import { cycleParams, cycleUnitParams } from '../cycles/params';
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

const tags = ['Monitoring'];
const periodParams = cycleUnitParams.extend({ period: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/) });
const checkParams = cycleParams.extend({ checkId: z.string().regex(idPattern('check')) });

/** Daily monitoring (arts. 14, 22): progress against targets with warnings; spot checks and consultations. */
export const monitoringContract = {
  progress: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/progress/{unit}',
    tags,
    'x-permission': 'cycles:read',
    summary: "A unit's progress reports per period, with the warning (预警) of each indicator and its rule",
    request: { params: cycleUnitParams },
    responses: { 200: json(progressViewSchema, 'Progress'), ...readErrors },
  }),
  report: defineRoute({
    method: 'put',
    path: '/v1/cycles/{cycleId}/progress/{unit}/{period}',
    tags,
    'x-permission': 'progress:write',
    summary: "Save (and with submit: true, report) a period's progress",
    request: { params: periodParams, body: body(progressPutSchema) },
    responses: { 200: json(progressViewSchema, 'Saved'), ...writeErrors },
  }),
  checks: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/checks',
    tags,
    'x-permission': 'cycles:read',
    summary: 'Spot checks (察访核验) and expert consultations (诊断咨询); a unit sees its own',
    request: { params: cycleParams, query: pageQuery.extend({ unit: codeSchema.optional() }) },
    responses: { 200: json(pageOf(checkSchema), 'Checks'), ...readErrors },
  }),
  createCheck: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/checks',
    tags,
    'x-permission': 'checks:write',
    summary: 'Record a spot check or an expert consultation with its findings and follow-up',
    request: { params: cycleParams, body: body(checkCreateSchema), headers: idempotencyHeader },
    responses: { 201: json(checkSchema, 'Recorded'), ...writeErrors },
  }),
  updateCheck: defineRoute({
    method: 'patch',
    path: '/v1/cycles/{cycleId}/checks/{checkId}',
    tags,
    'x-permission': 'checks:write',
    summary: 'Change findings or the follow-up of a check',
    request: { params: checkParams, body: body(checkPatchSchema) },
    responses: { 200: json(checkSchema, 'Updated'), ...writeErrors },
  }),
};
